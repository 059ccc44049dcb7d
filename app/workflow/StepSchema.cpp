#include "StepSchema.h"

#include "domain/EventPayload.h"
#include "domain/SerialRules.h"
#include "storage/EvidenceStore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace rework {
namespace {

FieldSpec serial(payload::Key key, SerialKind kind, bool required, const char* help)
{
    FieldSpec f;
    f.key = QString(key);
    f.type = FieldType::Serial;
    f.serial = kind;
    f.required = required;
    f.help = help;
    return f;
}

FieldSpec text(payload::Key key, const char* help, const char* def = "")
{
    FieldSpec f;
    f.key = QString(key);
    f.type = FieldType::Text;
    f.defaultText = QString::fromLatin1(def);
    f.help = help;
    return f;
}

FieldSpec number(payload::Key key, FieldType type, double min, double max, const char* help,
                 const char* def = "")
{
    FieldSpec f;
    f.key = QString(key);
    f.type = type;
    f.min = min;
    f.max = max;
    f.defaultText = QString::fromLatin1(def);
    f.help = help;
    return f;
}

FieldSpec choice(payload::Key key, FieldType type, QStringList choices, bool required, const char* help,
                 const char* def = "")
{
    FieldSpec f;
    f.key = QString(key);
    f.type = type;
    f.choices = std::move(choices);
    f.required = required;
    f.defaultText = QString::fromLatin1(def);
    f.help = help;
    return f;
}

FieldSpec typed(payload::Key key, FieldType type, bool required, const char* help, const char* def = "")
{
    FieldSpec f;
    f.key = QString(key);
    f.type = type;
    f.required = required;
    f.defaultText = QString::fromLatin1(def);
    f.help = help;
    return f;
}

const QStringList kPassFail{QStringLiteral("pass"), QStringLiteral("fail")};

/// Inputs several steps share.
struct CommonFields
{
    FieldSpec notes, evidence, defect;
};

CommonFields commonFields()
{
    const FieldSpec notes = text(payload::Notes, QT_TRANSLATE_NOOP("Field", "free-text remark"));
    FieldSpec evidence =
        text(payload::Evidence, QT_TRANSLATE_NOOP("Field", "photos or X-ray images, files separated by ;"));
    evidence.type = FieldType::Evidence;
    const FieldSpec defect = typed(payload::Defect, FieldType::Defect, false,
                                   QT_TRANSLATE_NOOP("Field", "defect code (required on fail unless the "
                                                              "measurements name it)"));

    return {notes, evidence, defect};
}

/// Intake and strip: the donor card.
void addCardSteps(QHash<Step, QList<FieldSpec>>& s, const CommonFields& c)
{
    const auto& [notes, evidence, defect] = c;
    s[Step::Intake] = {
        serial(payload::Card, SerialKind::Card, true,
               QT_TRANSLATE_NOOP("Field", "donor card serial sticker")),
        typed(payload::Model, FieldType::Model, true,
              QT_TRANSLATE_NOOP("Field", "product model, e.g. RTX4090")),
        serial(payload::Lot, SerialKind::Lot, true, QT_TRANSLATE_NOOP("Field", "supplier shipment lot")),
        choice(payload::Partner, FieldType::Choice,
               {QStringLiteral("asus"), QStringLiteral("msi"), QStringLiteral("gigabyte"),
                QStringLiteral("zotac"), QStringLiteral("evga"), QStringLiteral("palit"),
                QStringLiteral("pny"), QStringLiteral("galax"), QStringLiteral("colorful"),
                QStringLiteral("nvidia"), QStringLiteral("inno3d"), QStringLiteral("gainward"),
                QStringLiteral("manli"), QStringLiteral("other")},
               false, QT_TRANSLATE_NOOP("Field", "board partner")),
        text(payload::PcbRev, QT_TRANSLATE_NOOP("Field", "PCB revision")),
        choice(payload::Condition, FieldType::ChoiceList,
               {QStringLiteral("ok"), QStringLiteral("bent"), QStringLiteral("burnt"),
                QStringLiteral("missing_parts"), QStringLiteral("liquid"), QStringLiteral("physical_damage")},
               false, QT_TRANSLATE_NOOP("Field", "incoming visual condition checklist")),
        typed(payload::Posts, FieldType::Bool, false, QT_TRANSLATE_NOOP("Field", "the card still POSTs")),
        serial(payload::GpuUuid, SerialKind::GpuUuid, false,
               QT_TRANSLATE_NOOP("Field", "GPU UUID read from the working donor card")),
        text(payload::Vbios, QT_TRANSLATE_NOOP("Field", "VBIOS version of the donor card")),
        text(payload::Driver, QT_TRANSLATE_NOOP("Field", "driver version of the nvidia-smi report")),
        number(payload::MemMib, FieldType::Int, 0, 262144, QT_TRANSLATE_NOOP("Field", "memory total in MiB")),
        evidence,
        notes,
    };
    s[Step::Strip] = {
        serial(payload::Card, SerialKind::Card, true,
               QT_TRANSLATE_NOOP("Field", "donor card serial sticker")),
        serial(payload::Marking, SerialKind::Marking, false, QT_TRANSLATE_NOOP("Field", "die laser marking")),
        serial(payload::DateCode, SerialKind::DateCode, false,
               QT_TRANSLATE_NOOP("Field", "die date code (YYWW)")),
        number(payload::MemoryChips, FieldType::Int, 0, 24,
               QT_TRANSLATE_NOOP("Field", "memory chips harvested"),
               QT_TRANSLATE_NOOP("Field", "product's chip count")),
        choice(payload::Damage, FieldType::ChoiceList,
               {QStringLiteral("none"), QStringLiteral("chipped_die"), QStringLiteral("cracked_substrate"),
                QStringLiteral("lifted_pads"), QStringLiteral("memory_damaged")},
               false, QT_TRANSLATE_NOOP("Field", "damage found while stripping")),
        choice(payload::Msl, FieldType::Choice,
               {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("2a"), QStringLiteral("3"),
                QStringLiteral("4"), QStringLiteral("5"), QStringLiteral("5a"), QStringLiteral("6")},
               false, QT_TRANSLATE_NOOP("Field", "moisture sensitivity level of the die"),
               QT_TRANSLATE_NOOP("Field", "product's MSL")),
        typed(payload::DryStorageLeftAt, FieldType::DateTime, false,
              QT_TRANSLATE_NOOP("Field", "when the die left dry storage (its floor-life clock starts)"),
              QT_TRANSLATE_NOOP("Field", "now")),
        evidence,
        notes,
    };
    s[Step::Strip][1].defaultText = QString::fromLatin1(QT_TRANSLATE_NOOP("Field", "product's die marking"));
}

/// Reball and mount: the die.
void addDieSteps(QHash<Step, QList<FieldSpec>>& s, const CommonFields& c)
{
    const auto& [notes, evidence, defect] = c;
    s[Step::Reball] = {
        serial(payload::Die, SerialKind::Die, true,
               QT_TRANSLATE_NOOP("Field", "die id from the traveler label")),
        choice(payload::Alloy, FieldType::Choice, {QStringLiteral("sac305"), QStringLiteral("sn63pb37")},
               false, QT_TRANSLATE_NOOP("Field", "solder ball alloy"), "sac305"),
        number(payload::BallMm, FieldType::Real, 0.1, 1.0,
               QT_TRANSLATE_NOOP("Field", "solder ball diameter in mm"), "0.45"),
        text(payload::Stencil, QT_TRANSLATE_NOOP("Field", "stencil id")),
        text(payload::FluxLot, QT_TRANSLATE_NOOP("Field", "flux lot")),
        evidence,
        notes,
    };
    s[Step::Mount] = {
        serial(payload::Die, SerialKind::Die, true,
               QT_TRANSLATE_NOOP("Field", "die id from the traveler label")),
        serial(payload::Board, SerialKind::Board, true, QT_TRANSLATE_NOOP("Field", "server board serial")),
        text(payload::Profile, QT_TRANSLATE_NOOP("Field", "reflow profile id"), "REF-SAC305"),
        number(payload::PeakC, FieldType::Real, 0, 400,
               QT_TRANSLATE_NOOP("Field", "measured peak temperature in °C")),
        number(payload::TalS, FieldType::Real, 0, 1200,
               QT_TRANSLATE_NOOP("Field", "measured time above liquidus in s")),
        evidence,
        notes,
    };
}

/// Inspect and test: the unit's checks.
void addCheckSteps(QHash<Step, QList<FieldSpec>>& s, const CommonFields& c)
{
    const auto& [notes, evidence, defect] = c;
    s[Step::Inspect] = {
        serial(payload::Unit, SerialKind::Unit, true, QT_TRANSLATE_NOOP("Field", "unit serial")),
        choice(payload::Result, FieldType::Choice, kPassFail, true,
               QT_TRANSLATE_NOOP("Field", "inspection result")),
        number(payload::VoidPct, FieldType::Real, 0, 100,
               QT_TRANSLATE_NOOP("Field", "worst ball void in % of ball area")),
        number(payload::Bridges, FieldType::Int, 0, 100000, QT_TRANSLATE_NOOP("Field", "bridged balls")),
        number(payload::MissingBalls, FieldType::Int, 0, 100000,
               QT_TRANSLATE_NOOP("Field", "opens or missing balls")),
        number(payload::Hip, FieldType::Int, 0, 100000, QT_TRANSLATE_NOOP("Field", "head-in-pillow joints")),
        typed(payload::Misaligned, FieldType::Bool, false, QT_TRANSLATE_NOOP("Field", "die misaligned")),
        typed(payload::RailShort, FieldType::Bool, false,
              QT_TRANSLATE_NOOP("Field", "short on a power rail")),
        defect,
        evidence,
        notes,
    };
    s[Step::Test] = {
        serial(payload::Unit, SerialKind::Unit, true, QT_TRANSLATE_NOOP("Field", "unit serial")),
        choice(payload::Result, FieldType::Choice, kPassFail, true,
               QT_TRANSLATE_NOOP("Field", "test result")),
        serial(payload::GpuUuid, SerialKind::GpuUuid, false,
               QT_TRANSLATE_NOOP("Field", "GPU UUID reported by the card")),
        text(payload::Vbios, QT_TRANSLATE_NOOP("Field", "VBIOS version")),
        text(payload::Driver, QT_TRANSLATE_NOOP("Field", "driver version of the nvidia-smi report")),
        number(payload::MemMib, FieldType::Int, 0, 262144, QT_TRANSLATE_NOOP("Field", "memory total in MiB")),
        number(payload::PcieGen, FieldType::Int, 1, 6, QT_TRANSLATE_NOOP("Field", "PCIe link generation")),
        number(payload::PcieWidth, FieldType::Int, 1, 32, QT_TRANSLATE_NOOP("Field", "PCIe link width")),
        number(payload::TempMaxC, FieldType::Real, 0, 150,
               QT_TRANSLATE_NOOP("Field", "highest GPU temperature in °C")),
        choice(payload::Burnin, FieldType::Choice, kPassFail, false,
               QT_TRANSLATE_NOOP("Field", "burn-in result")),
        number(payload::BurninMin, FieldType::Int, 0, 10080,
               QT_TRANSLATE_NOOP("Field", "burn-in duration in minutes")),
        choice(payload::Vram, FieldType::Choice, kPassFail, false,
               QT_TRANSLATE_NOOP("Field", "VRAM test result")),
        number(payload::VramErrors, FieldType::Int, 0, 1e12,
               QT_TRANSLATE_NOOP("Field", "VRAM test error count")),
        defect,
        evidence,
        notes,
    };
}

/// Pack, close, ship, scrap, bake, void.
void addShippingAndCorrectionSteps(QHash<Step, QList<FieldSpec>>& s, const CommonFields& c)
{
    const auto& [notes, evidence, defect] = c;
    s[Step::Pack] = {
        serial(payload::Unit, SerialKind::Unit, true, QT_TRANSLATE_NOOP("Field", "unit serial")),
        serial(payload::Batch, SerialKind::Batch, true,
               QT_TRANSLATE_NOOP("Field", "batch id (opened if new)")),
    };
    s[Step::Close] = {
        serial(payload::Batch, SerialKind::Batch, true, QT_TRANSLATE_NOOP("Field", "batch id")),
    };
    s[Step::Ship] = {
        serial(payload::Batch, SerialKind::Batch, true, QT_TRANSLATE_NOOP("Field", "batch id")),
        text(payload::Carrier, QT_TRANSLATE_NOOP("Field", "carrier or shipment reference")),
    };
    FieldSpec item = typed(payload::Item, FieldType::Text, true,
                           QT_TRANSLATE_NOOP("Field", "serial of the card, die or unit to scrap"));
    item.textCase = FieldSpec::Case::Upper;
    FieldSpec reason = typed(payload::Reason, FieldType::Text, true, QT_TRANSLATE_NOOP("Field", "why"));
    s[Step::Scrap] = {item, reason, defect};
    s[Step::Bake] = {
        serial(payload::Die, SerialKind::Die, true,
               QT_TRANSLATE_NOOP("Field", "die id from the traveler label")),
        number(payload::Hours, FieldType::Real, 0.5, 200,
               QT_TRANSLATE_NOOP("Field", "bake duration in hours")),
        number(payload::TempC, FieldType::Real, 40, 150, QT_TRANSLATE_NOOP("Field", "oven temperature in °C"),
               "125"),
        typed(payload::End, FieldType::DateTime, false, QT_TRANSLATE_NOOP("Field", "when the bake ended"),
              QT_TRANSLATE_NOOP("Field", "now")),
        text(payload::Oven, QT_TRANSLATE_NOOP("Field", "oven id")),
    };
    s[Step::Bake][1].required = true;
    FieldSpec event =
        typed(payload::Event, FieldType::Text, true, QT_TRANSLATE_NOOP("Field", "id of the record to void"));
    event.textCase = FieldSpec::Case::Lower;
    s[Step::Void] = {event, reason};
}

QHash<Step, QList<FieldSpec>> buildSchemas()
{
    QHash<Step, QList<FieldSpec>> s;
    const CommonFields common = commonFields();
    addCardSteps(s, common);
    addDieSteps(s, common);
    addCheckSteps(s, common);
    // Materials and settings recall groups by: one spelling however they were typed.
    for (QList<FieldSpec>& fields : s) {
        for (FieldSpec& f : fields) {
            if (f.key == payload::Stencil || f.key == payload::FluxLot || f.key == payload::Profile)
                f.textCase = FieldSpec::Case::Name;
            else if (f.key == payload::Condition)
                f.exclusiveChoice = QStringLiteral("ok");
            else if (f.key == payload::Damage)
                f.exclusiveChoice = QStringLiteral("none");
        }
    }
    // A supervisor's reason to override what the GPU's report says (the test gate).
    const FieldSpec overrideReason =
        text(payload::OverrideReason,
             QT_TRANSLATE_NOOP("Field", "supervisor only: why a value differs from the GPU's report, or why "
                                        "the unit passes without one"));
    s[Step::Intake].append(overrideReason);
    s[Step::Test].append(overrideReason);
    addShippingAndCorrectionSteps(s, common);
    return s;
}

const QHash<Step, QList<FieldSpec>>& schemas()
{
    static const QHash<Step, QList<FieldSpec>> s = buildSchemas();
    return s;
}

QString normalisedText(const FieldSpec& f, const QString& v)
{
    switch (f.textCase) {
    case FieldSpec::Case::Upper:
        return v.trimmed().toUpper();
    case FieldSpec::Case::Lower:
        return v.trimmed().toLower();
    case FieldSpec::Case::Name:
        return SerialRules::foldName(v);
    case FieldSpec::Case::AsTyped:
        break;
    }
    return v;
}

Error invalidValue(const FieldSpec& f, const Message& why)
{
    return makeError(ErrorCode::InvalidValue, f.key, why);
}

Result<QJsonValue> parseNumber(const FieldSpec& f, const QString& v)
{
    bool ok = false;
    const double d = f.type == FieldType::Int ? static_cast<double>(v.toLongLong(&ok)) : v.toDouble(&ok);
    if (!ok || !std::isfinite(d)) {
        return invalidValue(
            f,
            f.type == FieldType::Int
                ? Message(&StepSchema::tr, QT_TRANSLATE_NOOP("StepSchema", "\"%1\" is not a whole number"),
                          {v})
                : Message(&StepSchema::tr, QT_TRANSLATE_NOOP("StepSchema", "\"%1\" is not a number"), {v}));
    }
    if (d < f.min || d > f.max) {
        return makeError(ErrorCode::OutOfRange, f.key,
                         Message(&StepSchema::tr,
                                 QT_TRANSLATE_NOOP("StepSchema", "%1 is outside %2..%3; check the reading"),
                                 {v, f.min, f.max}));
    }
    return QJsonValue(d);
}

/// "ok, bent": each choice once, in the order given; at least one, and the "nothing found"
/// choice (ok, none) alone.
Result<QJsonValue> parseChoiceList(const FieldSpec& f, const QString& v)
{
    QJsonArray list;
    QSet<QString> seen;
    for (const QString& part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString c = part.trimmed().toLower();
        if (c.isEmpty())
            continue;
        if (!f.choices.contains(c)) {
            return invalidValue(f, Message(&StepSchema::tr,
                                           QT_TRANSLATE_NOOP("StepSchema", "\"%1\" is not one of: %2"),
                                           {c, f.choices.join(QStringLiteral(", "))}));
        }
        if (!seen.contains(c))
            list.append(c);
        seen.insert(c);
    }
    if (list.isEmpty()) {
        return invalidValue(
            f, Message(&StepSchema::tr,
                       QT_TRANSLATE_NOOP("StepSchema", "pick at least one of: %1, or leave it empty"),
                       {f.choices.join(QStringLiteral(", "))}));
    }
    if (!f.exclusiveChoice.isEmpty() && seen.contains(f.exclusiveChoice) && seen.size() > 1) {
        QStringList others(seen.begin(), seen.end());
        others.removeAll(f.exclusiveChoice);
        others.sort();
        return makeError(
            ErrorCode::Contradiction, f.key,
            Message(&StepSchema::tr,
                    QT_TRANSLATE_NOOP("StepSchema", "\"%1\" contradicts %2; pick one or the other"),
                    {FieldSpec::choiceTitle(f.exclusiveChoice), others.join(QStringLiteral(", "))}));
    }
    return QJsonValue(list);
}

Result<QJsonValue> parseValue(const FieldSpec& f, const QString& raw)
{
    const QString v = raw.trimmed();
    auto invalid = [&](const Message& why) { return invalidValue(f, why); };
    // Evidence holds several stored-file references (about 80 characters each).
    const int maxLength =
        f.type == FieldType::Evidence ? 8 * StepSchema::kMaxTextLength : StepSchema::kMaxTextLength;
    if (v.size() > maxLength)
        return invalid(Message(&StepSchema::tr,
                               QT_TRANSLATE_NOOP("StepSchema", "too long (at most %1 characters)"),
                               {maxLength}));
    if (SerialRules::hasControlCharacters(v, false))
        return invalid(Message(
            &StepSchema::tr, QT_TRANSLATE_NOOP("StepSchema", "contains control characters; type it again")));

    switch (f.type) {
    case FieldType::Serial:
    case FieldType::Model:
    case FieldType::Defect: {
        QString s = v;
        s.remove(QLatin1Char(' '));
        return QJsonValue(f.type == FieldType::Serial ? SerialRules::normalise(f.serial, s) : s.toUpper());
    }
    case FieldType::Evidence:
        if (!EvidenceStore::isReferenceList(v)) {
            return invalid(
                Message(&StepSchema::tr,
                        QT_TRANSLATE_NOOP("StepSchema",
                                          "attach files through the form or with evidence=FILE on reworkctl; "
                                          "this is not a stored file")));
        }
        return QJsonValue(v);
    case FieldType::Text:
        return QJsonValue(normalisedText(f, v));
    case FieldType::Int:
    case FieldType::Real:
        return parseNumber(f, v);
    case FieldType::Choice: {
        const QString c = v.toLower();
        if (!f.choices.contains(c)) {
            return invalid(Message(&StepSchema::tr,
                                   QT_TRANSLATE_NOOP("StepSchema", "\"%1\" is not one of: %2"),
                                   {v, f.choices.join(QStringLiteral(", "))}));
        }
        return QJsonValue(c);
    }
    case FieldType::ChoiceList:
        return parseChoiceList(f, v);
    case FieldType::Bool: {
        const QString b = v.toLower();
        if (b == QLatin1StringView("yes") || b == QLatin1StringView("true") || b == QLatin1StringView("1"))
            return QJsonValue(true);
        if (b == QLatin1StringView("no") || b == QLatin1StringView("false") || b == QLatin1StringView("0"))
            return QJsonValue(false);
        return invalid(
            Message(&StepSchema::tr, QT_TRANSLATE_NOOP("StepSchema", "\"%1\" is not yes or no"), {v}));
    }
    case FieldType::DateTime: {
        QDateTime t = QDateTime::fromString(v, Qt::ISODateWithMs);
        if (!t.isValid())
            t = QDateTime::fromString(v, Qt::ISODate);
        if (!t.isValid())
            return invalid(Message(
                &StepSchema::tr,
                QT_TRANSLATE_NOOP("StepSchema", "\"%1\" is not a time like 2026-11-29T08:15:00Z"), {v}));
        return QJsonValue(t.toUTC().toString(Qt::ISODateWithMs));
    }
    }
    return invalid(Message());
}

} // namespace

const QList<FieldSpec>& StepSchema::fields(Step step)
{
    static const QList<FieldSpec> none;
    auto it = schemas().constFind(step);
    return it == schemas().constEnd() ? none : *it;
}

const FieldSpec* StepSchema::find(Step step, const QString& key)
{
    for (const FieldSpec& f : fields(step)) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

Result<QJsonObject> StepSchema::parse(Step step, const QStringList& keyValues)
{
    QList<std::pair<QString, QString>> pairs;
    QSet<QString> seen;
    for (const QString& kv : keyValues) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            return makeError(ErrorCode::Usage, kv.left(40),
                             Message(tr, QT_TR_NOOP("expected key=value, got \"%1\""), {kv.left(40)}));
        }
        const QString key = kv.left(eq).trimmed().toLower();
        if (seen.contains(key))
            return makeError(ErrorCode::InvalidValue, key, Message(tr, QT_TR_NOOP("given more than once")));
        seen.insert(key);
        pairs.append({key, kv.mid(eq + 1)});
    }
    return parse(step, pairs);
}

Action StepSchema::normalised(Action action)
{
    action.operatorId = SerialRules::normalise(SerialKind::Operator, action.operatorId);
    action.stationId = SerialRules::normalise(SerialKind::Station, action.stationId);
    for (const FieldSpec& f : fields(action.step)) {
        const auto it = action.fields.find(f.key);
        if (it == action.fields.end() || !it->isString())
            continue;
        if (f.type == FieldType::Serial)
            *it = SerialRules::normalise(f.serial, it->toString());
        else if (f.type == FieldType::Text)
            *it = normalisedText(f, it->toString());
    }
    return action;
}

Result<QJsonObject> StepSchema::parse(Step step, const QList<std::pair<QString, QString>>& pairs)
{
    QJsonObject out;
    for (const auto& [key, raw] : pairs) {
        const FieldSpec* f = find(step, key);
        if (!f) {
            QStringList known;
            for (const FieldSpec& spec : fields(step))
                known << spec.key;
            return makeError(ErrorCode::UnknownField, key.left(40),
                             Message(tr, QT_TR_NOOP("not a field of %1; known fields: %2"),
                                     {stepName(step), known.join(QStringLiteral(", "))}));
        }
        if (raw.trimmed().isEmpty())
            continue;
        if (f->type == FieldType::Serial && f->serial == SerialKind::GpuUuid &&
            SerialRules::isAbsentValue(raw))
            continue; // N/A, REDACTED, all zero: absent, never an identity
        Result<QJsonValue> value = parseValue(*f, raw);
        if (!value)
            return value.error();
        out.insert(key, value.value());
    }
    for (const FieldSpec& f : fields(step)) {
        if (f.required && !out.contains(f.key))
            return makeError(ErrorCode::MissingField, f.key,
                             Message(tr, QT_TR_NOOP("required; scan or type the %1"), {f.key}));
    }
    return out;
}

std::optional<StepSchema::LabelDue> StepSchema::labelAfter(Step step, const QJsonObject& payload,
                                                           const QString& subject, const QString& createdId)
{
    switch (step) {
    case Step::Strip:
        return LabelDue{LabelDue::Item::Die, createdId};
    case Step::Mount:
        return LabelDue{LabelDue::Item::Unit, createdId}; // the unit traveler, until its unit label
    case Step::Test:
        if (EventPayload::read(payload).outcome == outcome::Pass)
            return LabelDue{LabelDue::Item::Unit, subject};
        return std::nullopt;
    case Step::Close:
        return LabelDue{LabelDue::Item::Batch, subject};
    default:
        return std::nullopt;
    }
}

} // namespace rework
