#include "WorkflowRules.h"

#include "StepSchema.h"
#include "TestGate.h"
#include "domain/EventPayload.h"
#include "domain/ItemStates.h"

#include "domain/MoistureSensitivity.h"
#include "domain/ReferenceChange.h"

#include <QJsonArray>

namespace rework {
namespace {

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
        return err(
            ErrorCode::WrongStation, QStringLiteral("station"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules",
                                      "station %1 is set up for step %2, not %3; use a station of step %3"),
                    {s.station->id, s.station->step, stepName(a.step)}));
    }
    return {};
}

/// A time an operator enters has happened: a future one would stop clocks such as the moisture
/// floor life. A few minutes of tolerance cover clocks of station PCs that disagree slightly.
Status checkTimesHappened(const Action& a, const QDateTime& now)
{
    for (const FieldSpec& spec : StepSchema::fields(a.step)) {
        if (spec.type != FieldType::DateTime || !a.fields.contains(spec.key))
            continue;
        const QDateTime t = QDateTime::fromString(a.fields.value(spec.key).toString(), Qt::ISODateWithMs);
        if (t.isValid() && t > now.addSecs(300)) {
            return err(ErrorCode::OutOfRange, spec.key,
                       Message(&WorkflowRules::tr,
                               QT_TRANSLATE_NOOP("WorkflowRules",
                                                 "%1 is in the future; enter when it happened, or leave it "
                                                 "empty for now"),
                               {t.toString(Qt::ISODate)}));
        }
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
Status checkLimit(const WorkflowConfig& c, std::optional<double> value, payload::Key field,
                  const QString& limitName, const QString& model)
{
    if (!value)
        return {};
    const double v = *value;
    const Limit l = c.limit(limitName, model);
    if (l.contains(v))
        return {};
    return err(
        ErrorCode::OutOfRange, QString(field),
        Message(&WorkflowRules::tr,
                QT_TRANSLATE_NOOP(
                    "WorkflowRules",
                    "%1 is outside the limit %2..%3; fix the process and measure again, or ask a supervisor"),
                {v, std::isnan(l.min) ? QStringLiteral("-") : QString::number(l.min),
                 std::isnan(l.max) ? QStringLiteral("-") : QString::number(l.max)}));
}

Status checkDefect(const WorkflowConfig& c, const EventPayload& in)
{
    if (!in.defect.isEmpty() && !c.defectCodes.contains(in.defect)) {
        return err(ErrorCode::InvalidValue, QStringLiteral("defect"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "\"%1\" is not a known defect code; pick one from the list"),
                           {in.defect}));
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
    return u.repairCount < c.maxRepairAttempts ? outcome::Repair : outcome::Scrap;
}

Result<Decision> intake(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const QString model = a.fields.value(payload::Model).toString();
    if (!c.products.contains(model)) {
        QStringList known = c.products.keys();
        known.sort();
        return err(ErrorCode::InvalidValue, QStringLiteral("model"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "unknown model \"%1\"; known models: %2"),
                           {model, known.join(QStringLiteral(", "))}));
    }
    if (Status st = TestGate::takeReport(a, s, c, model, f); !st)
        return st.error();
    const EventPayload in = EventPayload::read(f);
    const QString card = in.card;
    if (Status st = checkSerial(c, SerialKind::Card, QStringLiteral("card"), card, model); !st)
        return st.error();
    if (Status st = checkSerial(c, SerialKind::Lot, QStringLiteral("lot"), in.lot); !st)
        return st.error();
    if (s.card) {
        return err(
            ErrorCode::AlreadyUsed, QStringLiteral("card"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules",
                                      "donor card %1 was already received (%2); do not receive it twice"),
                    {card, s.card->receivedAt.toString(Qt::ISODate)}));
    }
    if (!in.gpuUuid.isEmpty()) {
        if (Status st = checkSerial(c, SerialKind::GpuUuid, QStringLiteral("gpu_uuid"), in.gpuUuid); !st)
            return st.error();
        if (!s.gpuUuidOwner.isEmpty()) {
            return err(
                ErrorCode::DuplicateGpuUuid, QStringLiteral("gpu_uuid"),
                Message(&WorkflowRules::tr,
                        QT_TRANSLATE_NOOP(
                            "WorkflowRules",
                            "GPU %1 is already recorded on %2; this is a die mix-up, call a supervisor"),
                        {in.gpuUuid, s.gpuUuidOwner}));
        }
    }
    f.insert(payload::Card, card);
    f.insert(payload::Outcome, outcome::Received);
    return Decision{Step::Intake, card, f, {{QStringLiteral("card"), card}}, {}};
}

Result<Decision> strip(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const EventPayload in = EventPayload::read(f);
    const QString card = in.card;
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
    const QString marking = in.marking.isEmpty() ? product.dieMarking : in.marking;
    if (!marking.isEmpty()) {
        if (Status st = checkSerial(c, SerialKind::Marking, QStringLiteral("marking"), marking); !st)
            return st.error();
        f.insert(payload::Marking, marking);
    } else {
        return err(ErrorCode::MissingField, QStringLiteral("marking"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "required for model %1; read it off the die"),
                           {s.card->model}));
    }
    if (!in.dateCode.isEmpty()) {
        if (Status st = checkSerial(c, SerialKind::DateCode, QStringLiteral("date_code"), in.dateCode); !st)
            return st.error();
    }
    if (!f.contains(payload::MemoryChips))
        f.insert(payload::MemoryChips, product.memoryChips);
    if (in.msl.isEmpty() && !product.msl.isEmpty())
        f.insert(payload::Msl, product.msl);
    if (in.dryStorageLeftAt.isEmpty())
        f.insert(payload::DryStorageLeftAt, s.now.toString(Qt::ISODateWithMs));
    f.insert(payload::Card, card);
    f.insert(payload::Die, s.newDieId);
    f.insert(payload::Model, s.card->model);
    f.insert(payload::Outcome, outcome::Stripped);
    return Decision{Step::Strip,
                    s.newDieId,
                    f,
                    {{QStringLiteral("die"), s.newDieId}, {QStringLiteral("card"), card}},
                    s.newDieId};
}

/// The scanned die id, well formed, known, and not scrapped or shipped.
Result<QString> requireDie(const EventPayload& in, const Snapshot& s, const WorkflowConfig& c)
{
    const QString die = in.die;
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
    const EventPayload in = EventPayload::read(f);
    const Result<QString> known = requireDie(in, s, c);
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
    const QDateTime end = !in.end.isEmpty() ? QDateTime::fromString(in.end, Qt::ISODateWithMs) : s.now;
    if (!in.tempC.has_value())
        f.insert(payload::TempC, 125);
    f.insert(payload::End, end.toString(Qt::ISODateWithMs));
    f.insert(payload::Start,
             end.addSecs(-static_cast<qint64>(in.hours.value_or(0) * 3600)).toString(Qt::ISODateWithMs));
    f.insert(payload::Die, die);
    f.insert(payload::Outcome, outcome::Baked);
    return Decision{Step::Bake, die, f, dieSubjects(s, die), {}};
}

Result<Decision> reball(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const EventPayload in = EventPayload::read(f);
    const Result<QString> known = requireDie(in, s, c);
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
    if (in.alloy.isEmpty())
        f.insert(payload::Alloy, QStringLiteral("sac305"));
    if (!in.ballMm.has_value())
        f.insert(payload::BallMm, 0.45);
    if (Status st = checkLimit(c, in.ballMm.value_or(0.45), payload::BallMm, QStringLiteral("reball.ball_mm"),
                               s.die->model);
        !st)
        return st.error();
    f.insert(payload::Die, die);
    f.insert(payload::Outcome, outcome::Reballed);
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
    const EventPayload in = EventPayload::read(f);
    const Result<QString> known = requireDie(in, s, c);
    if (!known)
        return known.error();
    const QString& die = known.value();
    const QString board = in.board;
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
    if (Status st =
            checkLimit(c, in.peakC, payload::PeakC, QStringLiteral("mount.peak_c.") + alloy, s.die->model);
        !st)
        return st.error();
    if (Status st = checkLimit(c, in.talS, payload::TalS, QStringLiteral("mount.tal_s"), s.die->model); !st)
        return st.error();
    if (in.profile.isEmpty())
        f.insert(payload::Profile, QStringLiteral("REF-SAC305"));
    const QString unit = remount ? s.die->unitSerial : s.newUnitId;
    f.insert(payload::Die, die);
    f.insert(payload::Board, board);
    f.insert(payload::Unit, unit);
    f.insert(payload::Card, s.die->cardSerial);
    f.insert(payload::Model, s.die->model);
    f.insert(payload::Outcome, remount ? outcome::Remounted : outcome::Mounted);
    QList<Subject> subjects{{QStringLiteral("unit"), unit},
                            {QStringLiteral("die"), die},
                            {QStringLiteral("board"), board},
                            {QStringLiteral("card"), s.die->cardSerial}};
    return Decision{Step::Mount, unit, f, subjects, unit};
}

/// The verdict of an inspection or a test: a pass must agree with the measurements, a fail needs a
/// defect (named by the measurements when they can), and a fail sends the unit to repair or scrap.
Result<Decision> judged(Step step, QJsonObject f, const EventPayload& in, const QString& finding,
                        const QString& unit, const Snapshot& s, const WorkflowConfig& c)
{
    const bool inspection = step == Step::Inspect;
    const bool pass = in.passed();
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
    if (pass && !in.defect.isEmpty()) {
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
    if (!pass && in.defect.isEmpty()) {
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
        f.insert(payload::Defect, finding);
    }
    f.insert(payload::Unit, unit);
    f.insert(payload::Outcome, pass ? QString(outcome::Pass) : failOutcome(*s.unit, c));
    return Decision{step, unit, f, unitSubjects(*s.unit), {}};
}

Result<Decision> inspect(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const EventPayload in = EventPayload::read(f);
    const QString unit = in.unit;
    if (Status st = checkSerial(c, SerialKind::Unit, QStringLiteral("unit"), unit); !st)
        return st.error();
    if (Status st = requireUnit(s, unit); !st)
        return st.error();
    if (Status st = requireUnitIn(s, states::Mounted, Step::Inspect); !st)
        return st.error();
    if (Status st = checkDefect(c, in); !st)
        return st.error();

    // What the measurements say on their own, in the order an inspector would name them.
    QString finding;
    const Limit voids = c.limit(QStringLiteral("inspect.void_pct"), s.unit->model);
    if (in.voidPct && voids.above(*in.voidPct))
        finding = QStringLiteral("VOIDS");
    else if (in.bridges.value_or(0) > 0)
        finding = QStringLiteral("BRIDGE");
    else if (in.missingBalls.value_or(0) > 0)
        finding = QStringLiteral("OPEN");
    else if (in.hip.value_or(0) > 0)
        finding = QStringLiteral("HEAD_IN_PILLOW");
    else if (in.misaligned)
        finding = QStringLiteral("MISALIGNED");
    else if (in.railShort)
        finding = QStringLiteral("RAIL_SHORT");

    return judged(Step::Inspect, f, in, finding, unit, s, c);
}

/// The test's GPU UUID belongs to this unit: not on another unit, and the one read at intake.
Status checkTestedGpu(const QString& uuid, const QString& unit, const Snapshot& s, const WorkflowConfig& c)
{
    if (Status st = checkSerial(c, SerialKind::GpuUuid, QStringLiteral("gpu_uuid"), uuid); !st)
        return st;
    if (!s.gpuUuidOwner.isEmpty() && s.gpuUuidOwner != unit && s.gpuUuidOwner != s.unit->cardSerial) {
        return err(
            ErrorCode::DuplicateGpuUuid, QStringLiteral("gpu_uuid"),
            Message(&WorkflowRules::tr,
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
    return {};
}

/// What the test readings say on their own, in the order a test engineer would name them.
QString testFinding(const Action& a, const EventPayload& in, const WorkflowConfig& c, const QString& model)
{
    const Limit gen = c.limit(QStringLiteral("test.pcie_gen"), model);
    const Limit width = c.limit(QStringLiteral("test.pcie_width"), model);
    const Limit mem = c.limit(QStringLiteral("test.mem_mib"), model);
    const Limit temp = c.limit(QStringLiteral("test.temp_max_c"), model);
    // A report read at idle says nothing of the link's speed (the gate asks for one under load).
    const bool linkReadable = !a.report || PcieLinkCheck::assess(a.report->pcie).underLoad;
    if (in.memMib && !mem.contains(*in.memMib))
        return QStringLiteral("MEMORY_SIZE");
    if (!TestGate::linkFinding(a.report).isEmpty() ||
        (linkReadable &&
         ((in.pcieGen && !gen.contains(*in.pcieGen)) || (in.pcieWidth && !width.contains(*in.pcieWidth)))))
        return QStringLiteral("PCIE_DEGRADED");
    if (in.vram == QLatin1StringView("fail") || in.vramErrors.value_or(0) > 0)
        return QStringLiteral("FAULTY_MEMORY");
    if (in.tempMaxC && !temp.contains(*in.tempMaxC))
        return QStringLiteral("THERMAL");
    if (in.burnin == QLatin1StringView("fail"))
        return QStringLiteral("BURNIN_ERRORS");
    return {};
}

Result<Decision> test(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const QString unit = a.fields.value(payload::Unit).toString();
    if (Status st = checkSerial(c, SerialKind::Unit, QStringLiteral("unit"), unit); !st)
        return st.error();
    if (Status st = requireUnit(s, unit); !st)
        return st.error();
    if (Status st = requireUnitIn(s, states::Inspected, Step::Test); !st)
        return st.error();
    // The GPU's report first: what it says is what the rest of the test is judged on.
    if (Status st = TestGate::takeReport(a, s, c, s.unit->model, f); !st)
        return st.error();
    const EventPayload in = EventPayload::read(f);
    if (Status st = checkDefect(c, in); !st)
        return st.error();
    if (!in.gpuUuid.isEmpty()) {
        if (Status st = checkTestedGpu(in.gpuUuid, unit, s, c); !st)
            return st.error();
    }
    if (Status st = TestGate::checkRunsAreOfThisGpu(a, s, c, s.unit->model); !st)
        return st.error();
    if (Status st = TestGate::checkTestPlan(a, c, s.unit->model); !st)
        return st.error();
    if (Status st = TestGate::checkPass(a, s, c); !st)
        return st.error();
    return judged(Step::Test, f, in, testFinding(a, in, c, s.unit->model), unit, s, c);
}

Result<Decision> pack(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const EventPayload in = EventPayload::read(f);
    const QString unit = in.unit;
    const QString batch = in.batch;
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
    if (Status st = TestGate::checkPackable(*s.unit, c); !st)
        return st.error();
    if (s.batch && s.batch->state != states::Open) {
        return err(ErrorCode::BatchNotOpen, QStringLiteral("batch"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules", "batch %1 is %2; open a new batch"),
                           {batch, s.batch->state}));
    }
    if (s.batch && !s.batch->model.isEmpty() && s.batch->model != s.unit->model) {
        return err(
            ErrorCode::BatchModelMismatch, QStringLiteral("batch"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP(
                        "WorkflowRules",
                        "batch %1 holds units of model %2, this unit is model %3; use a batch of model %3"),
                    {batch, s.batch->model, s.unit->model}));
    }
    // A full carton is sealed, never overfilled: the next unit goes into a new batch.
    if (s.batch && c.cartonCapacity > 0 && s.batch->unitCount >= c.cartonCapacity) {
        return err(ErrorCode::BatchFull, QStringLiteral("batch"),
                   Message(&WorkflowRules::tr,
                           QT_TRANSLATE_NOOP("WorkflowRules",
                                             "batch %1 is full (%2 of %3 units); close it (#CLOSE) and "
                                             "scan a new batch id"),
                           {batch, QString::number(s.batch->unitCount), QString::number(c.cartonCapacity)}));
    }
    f.insert(payload::Unit, unit);
    f.insert(payload::Batch, batch);
    f.insert(payload::Model, s.unit->model);
    f.insert(payload::BatchOpened, !s.batch.has_value());
    f.insert(payload::Outcome, outcome::Packed);
    QList<Subject> subjects = unitSubjects(*s.unit);
    subjects.prepend({QStringLiteral("batch"), batch});
    return Decision{Step::Pack, unit, f, subjects, {}};
}

Result<Decision> batchStep(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const EventPayload in = EventPayload::read(f);
    const QString batch = in.batch;
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
        f.insert(payload::UnitCount, s.batch->unitCount);
        f.insert(payload::Outcome, outcome::Closed);
    } else {
        if (s.batch->state != states::Closed) {
            return err(ErrorCode::OutOfOrder, QStringLiteral("batch"),
                       Message(&WorkflowRules::tr,
                               QT_TRANSLATE_NOOP("WorkflowRules",
                                                 "batch %1 is still open; close it before shipping"),
                               {batch}));
        }
        f.insert(payload::Outcome, outcome::Shipped);
    }
    f.insert(payload::Batch, batch);
    return Decision{a.step, batch, f, {{QStringLiteral("batch"), batch}}, {}};
}

Result<Decision> scrap(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    QJsonObject f = a.fields;
    const EventPayload in = EventPayload::read(f);
    const QString item = in.item;
    if (Status st = checkDefect(c, in); !st)
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
    f.insert(payload::Item, item);
    f.insert(payload::ItemKind, s.itemKind);
    f.insert(payload::Outcome, outcome::Scrapped);
    return Decision{Step::Scrap, item, f, subjects, {}};
}

Result<Decision> voidEvent(const Action& a, const Snapshot& s, const WorkflowConfig&)
{
    QJsonObject f = a.fields;
    const EventPayload in = EventPayload::read(f);
    const QString id = in.event;
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
    if (s.target->step == ReferenceChange::kStep) {
        return err(
            ErrorCode::InvalidValue, QStringLiteral("event"),
            Message(&WorkflowRules::tr,
                    QT_TRANSLATE_NOOP("WorkflowRules",
                                      "a change of reference data is not voided; make the change again "
                                      "with the value it should have")));
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
    f.insert(payload::Event, id);
    f.insert(payload::TargetStep, s.target->step);
    f.insert(payload::Outcome, outcome::Voided);
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
    // A station token records only its own steps at its own station; an operator what their role
    // may (table permissions).
    if (snapshot.token) {
        if (snapshot.token->station != snapshot.station->id ||
            !snapshot.token->steps.contains(stepName(action.step))) {
            return err(ErrorCode::NotPermitted, QStringLiteral("operator"),
                       Message(&WorkflowRules::tr,
                               QT_TRANSLATE_NOOP("WorkflowRules",
                                                 "%1 may record only %2 at %3; use an operator's PIN for "
                                                 "anything else"),
                               {snapshot.operatorInfo->id, snapshot.token->steps.join(QStringLiteral(", ")),
                                snapshot.token->station}));
        }
    } else if (!config.permits(snapshot.operatorInfo->role,
                               QStringLiteral("record.") + stepName(action.step))) {
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
    if (Status st = checkTimesHappened(action, snapshot.now); !st)
        return st.error();
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
