#include "WorkflowRules.h"

#include "StepSchema.h"
#include "domain/ItemStates.h"

#include "domain/MoistureSensitivity.h"

#include <QJsonArray>

namespace rework {
namespace {

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1StringView(key)).toString();
}

bool has(const QJsonObject& o, const char* key)
{
    return o.contains(QLatin1StringView(key));
}

double num(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1StringView(key)).toDouble();
}

Error err(ErrorCode code, const QString& field, const Message& message)
{
    return makeError(code, field, message);
}

Status checkOperatorAndStation(const Action& a, const Snapshot& s)
{
    if (!s.operatorInfo) {
        return err(ErrorCode::UnknownOperator, QStringLiteral("operator"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "operator %1 is not registered; log in with your own badge"),
                           {a.operatorId}));
    }
    if (!s.operatorInfo->active) {
        return err(ErrorCode::OperatorInactive, QStringLiteral("operator"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "operator %1 is disabled; ask a supervisor"),
                           {a.operatorId}));
    }
    if (!s.station) {
        return err(ErrorCode::UnknownStation, QStringLiteral("station"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "station %1 is not registered; ask an admin to add it"),
                           {a.stationId}));
    }
    if (isStationStep(a.step) && s.station->step != stepName(a.step)) {
        return err(ErrorCode::WrongStation, QStringLiteral("station"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "station %1 is set up for %2, not %3; use a %3 station"),
                           {s.station->id, s.station->step, stepName(a.step)}));
    }
    return {};
}

/// Refuses work on items that left the line.
Status checkWorkable(const QString& field, const QString& serial, const QString& state)
{
    if (state == states::Scrapped) {
        return err(ErrorCode::ItemScrapped, field,
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "%1 was scrapped; it cannot be worked. Put it in the scrap bin"),
                           {serial}));
    }
    if (state == states::Shipped) {
        return err(ErrorCode::ItemShipped, field,
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "%1 was already shipped; it cannot be worked"),
                           {serial}));
    }
    return {};
}

Status checkSerial(const WorkflowConfig& c, SerialKind kind, const QString& field, const QString& value,
                   const QString& model = {})
{
    Result<QString> r = c.serials.validate(kind, value, model);
    if (!r) {
        Error e = r.error();
        e.field = field;
        return e;
    }
    return {};
}

/// A measured value against its process limit: refused, with the limit in the message.
Status checkLimit(const WorkflowConfig& c, const QJsonObject& f, const char* field, const QString& limitName,
                  const QString& model)
{
    if (!has(f, field))
        return {};
    const double v = num(f, field);
    const Limit l = c.limit(limitName, model);
    if (l.contains(v))
        return {};
    return err(
        ErrorCode::OutOfRange, QString::fromLatin1(field),
        Message(&WorkflowRules::tr,
                QT_TRANSLATE_NOOP(
                    "WorkflowRules",
                    "%1 is outside the limit %2..%3; fix the process and measure again, or ask a supervisor"),
                {v, std::isnan(l.min) ? QStringLiteral("-") : QString::number(l.min),
                 std::isnan(l.max) ? QStringLiteral("-") : QString::number(l.max)}));
}

Status checkDefect(const WorkflowConfig& c, const QJsonObject& f)
{
    if (has(f, "defect") && !c.defectCodes.contains(str(f, "defect"))) {
        return err(ErrorCode::InvalidValue, QStringLiteral("defect"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "\"%1\" is not a known defect code; pick one from the list"),
                           {str(f, "defect")}));
    }
    return {};
}

QList<Subject> unitSubjects(const UnitState& u)
{
    return {{QStringLiteral("unit"), u.serial},
            {QStringLiteral("die"), u.dieId},
            {QStringLiteral("board"), u.boardSerial},
            {QStringLiteral("card"), u.cardSerial}};
}

Status requireUnit(const Snapshot& s, const QString& serial)
{
    if (!s.unit) {
        return err(ErrorCode::UnknownSerial, QStringLiteral("unit"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "unit %1 is not known here; check the label or mount it first"),
                           {serial}));
    }
    return checkWorkable(QStringLiteral("unit"), serial, s.unit->state);
}

Status requireUnitIn(const Snapshot& s, QLatin1StringView wanted, Step step)
{
    if (s.unit->state == wanted)
        return {};
    return err(ErrorCode::OutOfOrder, QStringLiteral("unit"),
               Message(&WorkflowRules::tr,
                       QT_TRANSLATE_NOOP("WorkflowRules", "%1 cannot be recorded now: %2"),
                       {stepTitle(step), WorkflowRules::whereUnitIs(*s.unit)}));
}

/// Decides repair or scrap for a failed inspection or test.
QString failOutcome(const UnitState& u, const WorkflowConfig& c)
{
    return u.repairCount < c.maxRepairAttempts ? QStringLiteral("repair") : QStringLiteral("scrap");
}

Result<Decision> intake(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const QString model = str(f, "model");
    if (!c.products.contains(model)) {
        QStringList known = c.products.keys();
        known.sort();
        return err(ErrorCode::InvalidValue, QStringLiteral("model"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "unknown model \"%1\"; known models: %2"),
                           {model, known.join(QStringLiteral(", "))}));
    }
    const QString card = str(f, "card");
    if (Status st = checkSerial(c, SerialKind::Card, QStringLiteral("card"), card, model); !st)
        return st.error();
    if (Status st = checkSerial(c, SerialKind::Lot, QStringLiteral("lot"), str(f, "lot")); !st)
        return st.error();
    if (s.card) {
        return err(
            ErrorCode::AlreadyUsed, QStringLiteral("card"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules",
                                      "donor card %1 was already received (%2); do not receive it twice"),
                    {card, s.card->receivedAt.toString(Qt::ISODate)}));
    }
    if (has(f, "gpu_uuid")) {
        if (Status st = checkSerial(c, SerialKind::GpuUuid, QStringLiteral("gpu_uuid"), str(f, "gpu_uuid"));
            !st)
            return st.error();
        if (!s.gpuUuidOwner.isEmpty()) {
            return err(
                ErrorCode::DuplicateGpuUuid, QStringLiteral("gpu_uuid"),
                Message(&WorkflowRules::tr,
                        QT_TRANSLATE_NOOP(
                            "WorkflowRules",
                            "GPU %1 is already recorded on %2; this is a die mix-up, call a supervisor"),
                        {str(f, "gpu_uuid"), s.gpuUuidOwner}));
        }
    }
    f.insert(QStringLiteral("card"), card);
    if (!has(f, "condition"))
        f.insert(QStringLiteral("condition"), QJsonArray{QStringLiteral("ok")});
    f.insert(QStringLiteral("outcome"), QStringLiteral("received"));
    return Decision{Step::Intake, card, f, {{QStringLiteral("card"), card}}, {}};
}

Result<Decision> strip(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const QString card = str(f, "card");
    if (!s.card) {
        return err(ErrorCode::UnknownSerial, QStringLiteral("card"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "donor card %1 was never received; record its intake first"),
                           {card}));
    }
    if (Status st = checkWorkable(QStringLiteral("card"), card, s.card->state); !st)
        return st.error();
    if (s.card->state != states::Received) {
        return err(
            ErrorCode::AlreadyUsed, QStringLiteral("card"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules",
                                      "donor card %1 was already stripped (die %2); scan the next card"),
                    {card, s.card->dieId}));
    }
    const Product product = c.products.value(s.card->model);
    if (!has(f, "marking") && !product.dieMarking.isEmpty())
        f.insert(QStringLiteral("marking"), product.dieMarking);
    if (has(f, "marking")) {
        if (Status st = checkSerial(c, SerialKind::Marking, QStringLiteral("marking"), str(f, "marking"));
            !st)
            return st.error();
    } else {
        return err(ErrorCode::MissingField, QStringLiteral("marking"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "required for model %1; read it off the die"),
                           {s.card->model}));
    }
    if (has(f, "date_code")) {
        if (Status st =
                checkSerial(c, SerialKind::DateCode, QStringLiteral("date_code"), str(f, "date_code"));
            !st)
            return st.error();
    }
    if (!has(f, "memory_chips"))
        f.insert(QStringLiteral("memory_chips"), product.memoryChips);
    if (!has(f, "damage"))
        f.insert(QStringLiteral("damage"), QJsonArray{QStringLiteral("none")});
    if (!has(f, "msl") && !product.msl.isEmpty())
        f.insert(QStringLiteral("msl"), product.msl);
    if (!has(f, "dry_storage_left_at"))
        f.insert(QStringLiteral("dry_storage_left_at"), s.now.toString(Qt::ISODateWithMs));
    f.insert(QStringLiteral("card"), card);
    f.insert(QStringLiteral("die"), s.newDieId);
    f.insert(QStringLiteral("model"), s.card->model);
    f.insert(QStringLiteral("outcome"), QStringLiteral("stripped"));
    return Decision{Step::Strip,
                    s.newDieId,
                    f,
                    {{QStringLiteral("die"), s.newDieId}, {QStringLiteral("card"), card}},
                    s.newDieId};
}

/// The scanned die id, well formed, known, and not scrapped or shipped.
Result<QString> requireDie(const QJsonObject& f, const Snapshot& s, const WorkflowConfig& c)
{
    const QString die = str(f, "die");
    if (Status st = checkSerial(c, SerialKind::Die, QStringLiteral("die"), die); !st)
        return st.error();
    if (!s.die) {
        return err(
            ErrorCode::UnknownSerial, QStringLiteral("die"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules", "die %1 is not known here; check the traveler label"),
                    {die}));
    }
    if (Status st = checkWorkable(QStringLiteral("die"), die, s.die->state); !st)
        return st.error();
    return die;
}

/// J-STD-033: a die past its floor life must be baked before any reflow (reball or mount).
Status checkFloorLife(const DieState& d, const QDateTime& now)
{
    const std::optional<double> over = MoistureSensitivity::hoursOver(d.msl, d.exposedAt, now);
    if (!over)
        return {};
    return err(
        ErrorCode::MslExpired, QStringLiteral("die"),
        Message(&WorkflowRules::tr,
                QT_TRANSLATE_NOOP(
                    "WorkflowRules",
                    "die %1 (MSL %2) is %3 h past its floor life of %4 h; bake it (e.g. 9 h at 125 °C) "
                    "and record the bake before reflow"),
                {d.id, d.msl, QStringLiteral("%1").arg(*over, 0, 'f', 1),
                 *MoistureSensitivity::floorLifeHours(d.msl)}));
}

/// A loose die's event concerns the die and its donor card; a die on a unit, the unit's whole genealogy.
QList<Subject> dieSubjects(const Snapshot& s, const QString& die)
{
    if (s.unit)
        return unitSubjects(*s.unit);
    return {{QStringLiteral("die"), die}, {QStringLiteral("card"), s.die->cardSerial}};
}

Result<Decision> bake(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const Result<QString> known = requireDie(f, s, c);
    if (!known)
        return known.error();
    const QString& die = known.value();
    if (s.die->state == states::Mounted) {
        return err(
            ErrorCode::OutOfOrder, QStringLiteral("die"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules", "die %1 is mounted on unit %2; bake loose dies only"),
                    {die, s.die->unitSerial}));
    }
    const QDateTime end = has(f, "end") ? QDateTime::fromString(str(f, "end"), Qt::ISODateWithMs) : s.now;
    if (end > s.now.addSecs(300)) {
        return err(
            ErrorCode::OutOfRange, QStringLiteral("end"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules",
                                      "the bake cannot end in the future; record it when it is done")));
    }
    if (!has(f, "temp_c"))
        f.insert(QStringLiteral("temp_c"), 125);
    f.insert(QStringLiteral("end"), end.toString(Qt::ISODateWithMs));
    f.insert(QStringLiteral("start"),
             end.addSecs(-static_cast<qint64>(num(f, "hours") * 3600)).toString(Qt::ISODateWithMs));
    f.insert(QStringLiteral("die"), die);
    f.insert(QStringLiteral("outcome"), QStringLiteral("baked"));
    return Decision{Step::Bake, die, f, dieSubjects(s, die), {}};
}

Result<Decision> reball(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const Result<QString> known = requireDie(f, s, c);
    if (!known)
        return known.error();
    const QString& die = known.value();
    if (s.die->state != states::Stripped && s.die->state != states::Repair) {
        return err(ErrorCode::OutOfOrder, QStringLiteral("die"),
                   s.die->state == states::Reballed
                       ? Message(&WorkflowRules::tr,
                                 QT_TRANSLATE_NOOP("WorkflowRules",
                                                   "die %1 is already reballed; it needs mount next"),
                                 {die})
                       : Message(&WorkflowRules::tr,
                                 QT_TRANSLATE_NOOP(
                                     "WorkflowRules",
                                     "die %1 is mounted on unit %2; only a failed unit goes back to reball"),
                                 {die, s.die->unitSerial}));
    }
    if (Status st = checkFloorLife(*s.die, s.now); !st)
        return st.error();
    if (!has(f, "alloy"))
        f.insert(QStringLiteral("alloy"), QStringLiteral("sac305"));
    if (!has(f, "ball_mm"))
        f.insert(QStringLiteral("ball_mm"), 0.45);
    if (Status st = checkLimit(c, f, "ball_mm", QStringLiteral("reball.ball_mm"), s.die->model); !st)
        return st.error();
    f.insert(QStringLiteral("die"), die);
    f.insert(QStringLiteral("outcome"), QStringLiteral("reballed"));
    return Decision{Step::Reball, die, f, dieSubjects(s, die), {}};
}

/// J-STD-020: a die and a board take a limited number of reflows.
Status checkReflows(const Snapshot& s, const QString& die, const QString& board, const WorkflowConfig& c)
{
    if (s.die->reflowCount >= c.reflowLimit) {
        return err(ErrorCode::ReflowLimit, QStringLiteral("die"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "die %1 has had %2 reflows, the limit is %3; scrap it"),
                           {die, s.die->reflowCount, c.reflowLimit}));
    }
    if (s.board && s.board->reflowCount >= c.reflowLimit) {
        return err(ErrorCode::ReflowLimit, QStringLiteral("board"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "board %1 has had %2 reflows, the limit is %3; scrap the unit"),
                           {board, s.board->reflowCount, c.reflowLimit}));
    }
    return {};
}

Result<Decision> mount(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const Result<QString> known = requireDie(f, s, c);
    if (!known)
        return known.error();
    const QString& die = known.value();
    const QString board = str(f, "board");
    if (Status st = checkSerial(c, SerialKind::Board, QStringLiteral("board"), board, s.die->model); !st)
        return st.error();
    if (s.die->state == states::Mounted) {
        return err(ErrorCode::AlreadyUsed, QStringLiteral("die"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "die %1 is already mounted on unit %2; a die is mounted once"),
                           {die, s.die->unitSerial}));
    }
    if (s.die->state != states::Reballed) {
        return err(
            ErrorCode::OutOfOrder, QStringLiteral("die"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules", "die %1 is not reballed yet; record reball first"),
                    {die}));
    }
    const bool remount = !s.die->unitSerial.isEmpty();
    if (remount && s.unit && s.unit->boardSerial != board) {
        return err(
            ErrorCode::InvalidValue, QStringLiteral("board"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules",
                                      "die %1 belongs to unit %2 on board %3; mount it back on that board"),
                    {die, s.unit->serial, s.unit->boardSerial}));
    }
    if (!remount && s.board) {
        return err(ErrorCode::AlreadyUsed, QStringLiteral("board"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "board %1 is already used in unit %2; take a new board"),
                           {board, s.board->unitSerial}));
    }
    if (s.board && s.board->state == states::Scrapped) {
        return err(ErrorCode::ItemScrapped, QStringLiteral("board"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "board %1 was scrapped; take a new board"),
                           {board}));
    }
    if (Status st = checkReflows(s, die, board, c); !st)
        return st.error();
    if (Status st = checkFloorLife(*s.die, s.now); !st)
        return st.error();
    const QString alloy = s.die->alloy.isEmpty() ? QStringLiteral("sac305") : s.die->alloy;
    if (Status st = checkLimit(c, f, "peak_c", QStringLiteral("mount.peak_c.") + alloy, s.die->model); !st)
        return st.error();
    if (Status st = checkLimit(c, f, "tal_s", QStringLiteral("mount.tal_s"), s.die->model); !st)
        return st.error();
    if (!has(f, "profile"))
        f.insert(QStringLiteral("profile"), QStringLiteral("REF-SAC305"));
    const QString unit = remount ? s.die->unitSerial : s.newUnitId;
    f.insert(QStringLiteral("die"), die);
    f.insert(QStringLiteral("board"), board);
    f.insert(QStringLiteral("unit"), unit);
    f.insert(QStringLiteral("card"), s.die->cardSerial);
    f.insert(QStringLiteral("model"), s.die->model);
    f.insert(QStringLiteral("outcome"), remount ? QStringLiteral("remounted") : QStringLiteral("mounted"));
    QList<Subject> subjects{{QStringLiteral("unit"), unit},
                            {QStringLiteral("die"), die},
                            {QStringLiteral("board"), board},
                            {QStringLiteral("card"), s.die->cardSerial}};
    return Decision{Step::Mount, unit, f, subjects, unit};
}

/// The verdict of an inspection or a test: a pass must agree with the measurements, a fail needs a
/// defect (named by the measurements when they can), and a fail sends the unit to repair or scrap.
Result<Decision> judged(Step step, QJsonObject f, const QString& finding, const QString& unit,
                        const Snapshot& s, const WorkflowConfig& c)
{
    const bool inspection = step == Step::Inspect;
    const bool pass = str(f, "result") == QLatin1StringView("pass");
    if (pass && !finding.isEmpty()) {
        return err(
            ErrorCode::Contradiction, QStringLiteral("result"),
            inspection
                ? Message(&WorkflowRules::tr,
                          QT_TRANSLATE_NOOP("WorkflowRules", "result is pass but the measurements show %1; "
                                                             "record fail or measure again"),
                          {finding})
                : Message(
                      &WorkflowRules::tr,
                      QT_TRANSLATE_NOOP("WorkflowRules",
                                        "result is pass but the readings show %1; record fail or test again"),
                      {finding}));
    }
    if (pass && has(f, "defect")) {
        return err(ErrorCode::Contradiction, QStringLiteral("defect"),
                   inspection
                       ? Message(&WorkflowRules::tr,
                                 QT_TRANSLATE_NOOP(
                                     "WorkflowRules",
                                     "a passed inspection has no defect; remove the defect or record fail"))
                       : Message(&WorkflowRules::tr,
                                 QT_TRANSLATE_NOOP(
                                     "WorkflowRules",
                                     "a passed test has no defect; remove the defect or record fail")));
    }
    if (!pass && !has(f, "defect")) {
        if (finding.isEmpty()) {
            return err(
                ErrorCode::MissingField, QStringLiteral("defect"),
                inspection
                    ? Message(&WorkflowRules::tr,
                              QT_TRANSLATE_NOOP("WorkflowRules",
                                                "a failed inspection needs a defect code; scan or pick one"))
                    : Message(&WorkflowRules::tr,
                              QT_TRANSLATE_NOOP("WorkflowRules",
                                                "a failed test needs a defect code; scan or pick one")));
        }
        f.insert(QStringLiteral("defect"), finding);
    }
    f.insert(QStringLiteral("unit"), unit);
    f.insert(QStringLiteral("outcome"), pass ? QStringLiteral("pass") : failOutcome(*s.unit, c));
    return Decision{step, unit, f, unitSubjects(*s.unit), {}};
}

Result<Decision> inspect(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const QString unit = str(f, "unit");
    if (Status st = checkSerial(c, SerialKind::Unit, QStringLiteral("unit"), unit); !st)
        return st.error();
    if (Status st = requireUnit(s, unit); !st)
        return st.error();
    if (Status st = requireUnitIn(s, states::Mounted, Step::Inspect); !st)
        return st.error();
    if (Status st = checkDefect(c, f); !st)
        return st.error();

    // What the measurements say on their own, in the order an inspector would name them.
    QString finding;
    const Limit voids = c.limit(QStringLiteral("inspect.void_pct"), s.unit->model);
    if (has(f, "void_pct") && voids.above(num(f, "void_pct")))
        finding = QStringLiteral("VOIDS");
    else if (num(f, "bridges") > 0)
        finding = QStringLiteral("BRIDGE");
    else if (num(f, "missing_balls") > 0)
        finding = QStringLiteral("OPEN");
    else if (num(f, "hip") > 0)
        finding = QStringLiteral("HEAD_IN_PILLOW");
    else if (f.value(QLatin1StringView("misaligned")).toBool())
        finding = QStringLiteral("MISALIGNED");
    else if (f.value(QLatin1StringView("rail_short")).toBool())
        finding = QStringLiteral("RAIL_SHORT");

    return judged(Step::Inspect, f, finding, unit, s, c);
}

Result<Decision> test(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const QString unit = str(f, "unit");
    if (Status st = checkSerial(c, SerialKind::Unit, QStringLiteral("unit"), unit); !st)
        return st.error();
    if (Status st = requireUnit(s, unit); !st)
        return st.error();
    if (Status st = requireUnitIn(s, states::Inspected, Step::Test); !st)
        return st.error();
    if (Status st = checkDefect(c, f); !st)
        return st.error();
    if (has(f, "gpu_uuid")) {
        const QString uuid = str(f, "gpu_uuid");
        if (Status st = checkSerial(c, SerialKind::GpuUuid, QStringLiteral("gpu_uuid"), uuid); !st)
            return st.error();
        if (!s.gpuUuidOwner.isEmpty() && s.gpuUuidOwner != unit && s.gpuUuidOwner != s.unit->cardSerial) {
            return err(
                ErrorCode::DuplicateGpuUuid, QStringLiteral("gpu_uuid"),
                Message(
                    &WorkflowRules::tr,
                    QT_TRANSLATE_NOOP(
                        "WorkflowRules",
                        "GPU %1 is already recorded on %2; this is a die swap or mix-up, call a supervisor"),
                    {uuid, s.gpuUuidOwner}));
        }
        if (s.card && !s.card->gpuUuid.isEmpty() && s.card->gpuUuid != uuid) {
            return err(ErrorCode::GpuUuidMismatch, QStringLiteral("gpu_uuid"),
                       Message(&WorkflowRules::tr,
                               QT_TRANSLATE_NOOP(
                                   "WorkflowRules",
                                   "GPU %1 differs from %2 read at intake of card %3; the die was swapped, "
                                   "call a supervisor"),
                               {uuid, s.card->gpuUuid, s.card->serial}));
        }
        f.insert(QStringLiteral("gpu_uuid"), uuid);
    }

    const QString model = s.unit->model;
    QString finding;
    const Limit gen = c.limit(QStringLiteral("test.pcie_gen"), model);
    const Limit width = c.limit(QStringLiteral("test.pcie_width"), model);
    const Limit mem = c.limit(QStringLiteral("test.mem_mib"), model);
    const Limit temp = c.limit(QStringLiteral("test.temp_max_c"), model);
    if (has(f, "mem_mib") && !mem.contains(num(f, "mem_mib")))
        finding = QStringLiteral("MEMORY_SIZE");
    else if ((has(f, "pcie_gen") && !gen.contains(num(f, "pcie_gen"))) ||
             (has(f, "pcie_width") && !width.contains(num(f, "pcie_width"))))
        finding = QStringLiteral("PCIE_DEGRADED");
    else if (str(f, "vram") == QLatin1StringView("fail") || num(f, "vram_errors") > 0)
        finding = QStringLiteral("FAULTY_MEMORY");
    else if (has(f, "temp_max_c") && !temp.contains(num(f, "temp_max_c")))
        finding = QStringLiteral("THERMAL");
    else if (str(f, "burnin") == QLatin1StringView("fail"))
        finding = QStringLiteral("BURNIN_ERRORS");

    return judged(Step::Test, f, finding, unit, s, c);
}

Result<Decision> pack(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const QString unit = str(f, "unit");
    const QString batch = str(f, "batch");
    if (Status st = checkSerial(c, SerialKind::Unit, QStringLiteral("unit"), unit); !st)
        return st.error();
    if (Status st = checkSerial(c, SerialKind::Batch, QStringLiteral("batch"), batch); !st)
        return st.error();
    if (Status st = requireUnit(s, unit); !st)
        return st.error();
    if (s.unit->state == states::Packed) {
        return err(ErrorCode::AlreadyUsed, QStringLiteral("unit"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "unit %1 is already packed in batch %2"),
                           {unit, s.unit->batchId}));
    }
    if (Status st = requireUnitIn(s, states::Tested, Step::Pack); !st)
        return st.error();
    if (s.batch && s.batch->state != states::Open) {
        return err(ErrorCode::BatchNotOpen, QStringLiteral("batch"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "batch %1 is %2; open a new batch"),
                           {batch, s.batch->state}));
    }
    if (s.batch && !s.batch->model.isEmpty() && s.batch->model != s.unit->model) {
        return err(ErrorCode::BatchModelMismatch, QStringLiteral("batch"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "batch %1 holds %2 units, this unit is %3; use a %3 batch"),
                           {batch, s.batch->model, s.unit->model}));
    }
    f.insert(QStringLiteral("unit"), unit);
    f.insert(QStringLiteral("batch"), batch);
    f.insert(QStringLiteral("model"), s.unit->model);
    f.insert(QStringLiteral("batch_opened"), !s.batch.has_value());
    f.insert(QStringLiteral("outcome"), QStringLiteral("packed"));
    QList<Subject> subjects = unitSubjects(*s.unit);
    subjects.prepend({QStringLiteral("batch"), batch});
    return Decision{Step::Pack, unit, f, subjects, {}};
}

Result<Decision> batchStep(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const QString batch = str(f, "batch");
    if (Status st = checkSerial(c, SerialKind::Batch, QStringLiteral("batch"), batch); !st)
        return st.error();
    if (!s.batch) {
        return err(
            ErrorCode::UnknownSerial, QStringLiteral("batch"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules", "batch %1 does not exist; check the batch label"),
                    {batch}));
    }
    if (s.batch->state == states::Shipped) {
        return err(ErrorCode::ItemShipped, QStringLiteral("batch"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "batch %1 was already shipped"), {batch}));
    }
    if (a.step == Step::Close) {
        if (s.batch->state != states::Open) {
            return err(ErrorCode::BatchNotOpen, QStringLiteral("batch"),
                       Message(&WorkflowRules::tr,
                               QT_TRANSLATE_NOOP("WorkflowRules", "batch %1 is already closed"), {batch}));
        }
        if (s.batch->unitCount == 0) {
            return err(ErrorCode::BatchEmpty, QStringLiteral("batch"),
                       Message(&WorkflowRules::tr,
                               QT_TRANSLATE_NOOP("WorkflowRules",
                                                 "batch %1 has no units; pack units before closing it"),
                               {batch}));
        }
        f.insert(QStringLiteral("unit_count"), s.batch->unitCount);
        f.insert(QStringLiteral("outcome"), QStringLiteral("closed"));
    } else {
        if (s.batch->state != states::Closed) {
            return err(ErrorCode::OutOfOrder, QStringLiteral("batch"),
                       Message(&WorkflowRules::tr,
                               QT_TRANSLATE_NOOP("WorkflowRules",
                                                 "batch %1 is still open; close it before shipping"),
                               {batch}));
        }
        f.insert(QStringLiteral("outcome"), QStringLiteral("shipped"));
    }
    f.insert(QStringLiteral("batch"), batch);
    return Decision{a.step, batch, f, {{QStringLiteral("batch"), batch}}, {}};
}

Result<Decision> scrap(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const QString item = str(f, "item");
    if (Status st = checkDefect(c, f); !st)
        return st.error();
    QList<Subject> subjects;
    QString state;
    if (s.itemKind == QLatin1StringView("unit") && s.unit) {
        subjects = unitSubjects(*s.unit);
        state = s.unit->state;
        if (state == states::Packed) {
            return err(ErrorCode::OutOfOrder, QStringLiteral("item"),
                       Message(&WorkflowRules::tr,
                               QT_TRANSLATE_NOOP("WorkflowRules",
                                                 "unit %1 is packed in batch %2; void the pack record first"),
                               {item, s.unit->batchId}));
        }
    } else if (s.itemKind == QLatin1StringView("die") && s.die) {
        if (!s.die->unitSerial.isEmpty()) {
            return err(
                ErrorCode::InvalidValue, QStringLiteral("item"),
                Message(&WorkflowRules::tr,
                        QT_TRANSLATE_NOOP("WorkflowRules", "die %1 is part of unit %2; scrap the unit"),
                        {item, s.die->unitSerial}));
        }
        subjects = {{QStringLiteral("die"), s.die->id}, {QStringLiteral("card"), s.die->cardSerial}};
        state = s.die->state;
    } else if (s.itemKind == QLatin1StringView("card") && s.card) {
        if (s.card->state == states::Stripped) {
            return err(
                ErrorCode::InvalidValue, QStringLiteral("item"),
                Message(&WorkflowRules::tr,
                        QT_TRANSLATE_NOOP("WorkflowRules", "card %1 was stripped; scrap its die %2 instead"),
                        {item, s.card->dieId}));
        }
        subjects = {{QStringLiteral("card"), s.card->serial}};
        state = s.card->state;
    } else {
        return err(ErrorCode::UnknownSerial, QStringLiteral("item"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "%1 is not a known card, die or unit; check the label"),
                           {item.left(64)}));
    }
    if (Status st = checkWorkable(QStringLiteral("item"), item, state); !st)
        return st.error();
    f.insert(QStringLiteral("item"), item);
    f.insert(QStringLiteral("item_kind"), s.itemKind);
    f.insert(QStringLiteral("outcome"), QStringLiteral("scrapped"));
    return Decision{Step::Scrap, item, f, subjects, {}};
}

Result<Decision> voidEvent(const Action& a, const Snapshot& s, const WorkflowConfig&)
{
    QJsonObject f = a.fields;
    const QString id = str(f, "event");
    if (!s.target) {
        return err(
            ErrorCode::UnknownSerial, QStringLiteral("event"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules", "no record with id %1; copy the id from the trace"),
                    {id.left(64)}));
    }
    if (s.target->step == stepName(Step::Void)) {
        return err(ErrorCode::InvalidValue, QStringLiteral("event"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "a void cannot itself be voided")));
    }
    if (s.target->voided)
        return err(ErrorCode::AlreadyVoided, QStringLiteral("event"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "record %1 is already void"), {id}));
    if (!s.target->blockedBy.isEmpty()) {
        return err(ErrorCode::VoidBlocked, QStringLiteral("event"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "a later %1 record (%2) builds on it; void that one first"),
                           {s.target->blockedByStep, s.target->blockedBy}));
    }
    f.insert(QStringLiteral("event"), id);
    f.insert(QStringLiteral("target_step"), s.target->step);
    f.insert(QStringLiteral("outcome"), QStringLiteral("voided"));
    return Decision{Step::Void, id, f, s.target->subjects, {}};
}

} // namespace

QString WorkflowRules::whereUnitIs(const UnitState& u)
{
    const QString st = u.state;
    if (st == states::Mounted)
        return tr("unit %1 is mounted; it needs inspect next").arg(u.serial);
    if (st == states::Inspected)
        return tr("unit %1 passed inspection; it needs test next").arg(u.serial);
    if (st == states::Tested)
        return tr("unit %1 passed test; it needs pack next").arg(u.serial);
    if (st == states::Repair)
        return tr("unit %1 failed and is in repair; its die %2 needs reball next").arg(u.serial, u.dieId);
    if (st == states::Packed)
        return tr("unit %1 is packed in batch %2").arg(u.serial, u.batchId);
    if (st == states::Shipped)
        return tr("unit %1 was shipped").arg(u.serial);
    if (st == states::Scrapped)
        return tr("unit %1 was scrapped").arg(u.serial);
    return tr("unit %1 is %2").arg(u.serial, st);
}

Result<Decision> WorkflowRules::decide(const Action& action, const Snapshot& snapshot,
                                       const WorkflowConfig& config)
{
    if (Status st = checkOperatorAndStation(action, snapshot); !st)
        return st.error();
    // What this operator's role may record (table permissions).
    if (!config.permits(snapshot.operatorInfo->role, QStringLiteral("record.") + stepName(action.step))) {
        return err(
            ErrorCode::NotPermitted, QStringLiteral("operator"),
            action.step == Step::Void
                ? Message(&WorkflowRules::tr,
                          QT_TRANSLATE_NOOP("WorkflowRules",
                                            "only a supervisor can void a record; call your supervisor"))
                : Message(&WorkflowRules::tr,
                          QT_TRANSLATE_NOOP("WorkflowRules",
                                            "your role (%1) may not record %2; ask a supervisor"),
                          {snapshot.operatorInfo->role, stepTitle(stepName(action.step))}));
    }
    switch (action.step) {
    case Step::Intake:
        return intake(action, snapshot, config);
    case Step::Strip:
        return strip(action, snapshot, config);
    case Step::Reball:
        return reball(action, snapshot, config);
    case Step::Mount:
        return mount(action, snapshot, config);
    case Step::Inspect:
        return inspect(action, snapshot, config);
    case Step::Test:
        return test(action, snapshot, config);
    case Step::Pack:
        return pack(action, snapshot, config);
    case Step::Close:
    case Step::Ship:
        return batchStep(action, snapshot, config);
    case Step::Scrap:
        return scrap(action, snapshot, config);
    case Step::Void:
        return voidEvent(action, snapshot, config);
    case Step::Bake:
        return bake(action, snapshot, config);
    }
    return makeError(ErrorCode::Usage, QString(), Message(tr, QT_TR_NOOP("unknown step")));
}

} // namespace rework
