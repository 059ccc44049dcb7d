#include "TestGate.h"

#include "StepSchema.h"
#include "domain/EventPayload.h"
#include "domain/SerialRules.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace rework {
namespace {

/// One reading of the report as the payload stores it.
struct Reading
{
    payload::Key key;
    QJsonValue value;
};

QList<Reading> readingsOf(const GpuReport& r)
{
    QList<Reading> out;
    auto text = [&](payload::Key key, const QString& v) {
        if (!v.isEmpty())
            out.append({key, v});
    };
    auto number = [&](payload::Key key, auto v) {
        if (v)
            out.append({key, static_cast<double>(*v)});
    };
    text(payload::GpuUuid, r.gpuUuid);
    text(payload::Vbios, r.vbios);
    text(payload::Driver, r.driver);
    text(payload::Partner, r.partner);
    number(payload::MemMib, r.memMib);
    number(payload::PcieGen, r.pcie.genCurrent);
    number(payload::PcieWidth, r.pcie.widthCurrent);
    number(payload::TempMaxC, r.tempC);
    return out;
}

/// Facts of the report that no form field holds: kept with the event as they were read.
QList<Reading> reportFactsOf(const GpuReport& r)
{
    QList<Reading> out{{payload::ReportProduct, r.productName},
                       {payload::ReportBoardSerial, r.boardSerial},
                       {payload::ReportDeviceId, r.deviceId},
                       {payload::PerformanceState, r.pcie.pstate}};
    out.removeIf([](const Reading& f) { return f.value.toString().isEmpty(); });
    auto number = [&](payload::Key key, auto v) {
        if (v)
            out.append({key, static_cast<double>(*v)});
    };
    number(payload::PcieGenMax, r.pcie.genDeviceMax);
    number(payload::PcieGenHostMax, r.pcie.genHostMax);
    number(payload::PcieWidthMax, r.pcie.widthMax);
    number(payload::Utilisation, r.pcie.utilGpuPct);
    return out;
}

bool same(const QJsonValue& typed, const QJsonValue& read)
{
    if (typed.isDouble() || read.isDouble())
        return typed.toDouble() == read.toDouble();
    return typed.toString().compare(read.toString(), Qt::CaseInsensitive) == 0;
}

QString shown(const QJsonValue& v)
{
    return v.isDouble() ? QString::number(v.toDouble()) : v.toString();
}

} // namespace

bool TestGate::overridden(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    return !a.fields.value(payload::OverrideReason).toString().isEmpty() && s.operatorInfo &&
           c.permits(s.operatorInfo->role, QStringLiteral("record.override"));
}

Status TestGate::takeReport(const Action& a, const Snapshot& s, const WorkflowConfig& c, const QString& model,
                            QJsonObject& fields)
{
    if (!a.fields.value(payload::OverrideReason).toString().isEmpty() && !overridden(a, s, c)) {
        return makeError(ErrorCode::NotPermitted, QString(payload::OverrideReason),
                         Message(tr, QT_TR_NOOP("only a supervisor can override the GPU's report; call your "
                                                "supervisor or clear the reason")));
    }
    if (!a.report)
        return {};
    const GpuReport& r = *a.report;
    const Product product = c.products.value(model);
    if (!product.deviceId.isEmpty() && !r.deviceId.isEmpty() && product.deviceId != r.deviceId) {
        return makeError(
            ErrorCode::WrongProduct, QStringLiteral("smi"),
            Message(tr,
                    QT_TR_NOOP("the report is of %1 (PCI device %2), but this unit's model is %3 (PCI "
                               "device %4); take the report of the right card"),
                    {r.productName.isEmpty() ? tr("another GPU") : r.productName, r.deviceId, product.name,
                     product.deviceId}));
    }
    const Limit memory = c.limit(QStringLiteral("test.mem_mib"), model);
    if (r.memMib && !memory.contains(*r.memMib)) {
        return makeError(
            ErrorCode::WrongProduct, QStringLiteral("smi"),
            Message(tr,
                    QT_TR_NOOP("the report's GPU has %1 MiB of memory, model %2 has %3 to %4 MiB; "
                               "take the report of the right card"),
                    {*r.memMib, product.name, memory.min, memory.max}));
    }
    const bool overriding = overridden(a, s, c);
    QJsonObject reportValues;
    for (const Reading& reading : readingsOf(r)) {
        if (!StepSchema::find(a.step, reading.key))
            continue;
        const QJsonValue typed = a.fields.value(reading.key);
        if (typed.isUndefined() || same(typed, reading.value)) {
            fields.insert(reading.key, reading.value);
            continue;
        }
        if (!overriding) {
            return makeError(ErrorCode::ReportContradiction, QString(reading.key),
                             Message(tr,
                                     QT_TR_NOOP("%1 was typed as %2 but the report says %3; the report's "
                                                "value counts: clear the field, or a supervisor overrides it "
                                                "with a reason"),
                                     {QString(reading.key), shown(typed), shown(reading.value)}));
        }
        reportValues.insert(reading.key, reading.value); // the supervisor's value stays in the field
    }
    if (!reportValues.isEmpty())
        fields.insert(payload::ReportValues, reportValues);
    for (const Reading& fact : reportFactsOf(r))
        fields.insert(fact.key, fact.value);
    if (!r.evidence.isEmpty()) {
        const QString evidence = fields.value(payload::Evidence).toString();
        if (!evidence.split(QLatin1Char(';')).contains(r.evidence))
            fields.insert(payload::Evidence,
                          evidence.isEmpty() ? r.evidence : evidence + QLatin1Char(';') + r.evidence);
    }
    return {};
}

QString TestGate::linkFinding(const std::optional<GpuReport>& report)
{
    if (report && PcieLinkCheck::assess(report->pcie).state == PcieLinkState::Degraded)
        return QStringLiteral("PCIE_DEGRADED");
    return {};
}

bool TestGate::linkUnproven(const std::optional<GpuReport>& report)
{
    return report && PcieLinkCheck::assess(report->pcie).state == PcieLinkState::UnprovenIdle;
}

QList<std::pair<QString, QString>> TestGate::readings(Step step, const GpuReport& report)
{
    QList<std::pair<QString, QString>> out;
    for (const Reading& r : readingsOf(report)) {
        if (StepSchema::find(step, r.key))
            out.append({QString(r.key), shown(r.value)});
    }
    return out;
}

Status TestGate::checkRunsAreOfThisGpu(const Action& a, const Snapshot& s, const WorkflowConfig& c,
                                       const QString& model)
{
    QString unitGpu = a.report ? a.report->gpuUuid : QString();
    if (unitGpu.isEmpty() && s.unit)
        unitGpu = s.unit->gpuUuid;
    if (unitGpu.isEmpty() && s.card)
        unitGpu = s.card->gpuUuid;
    const Product product = c.products.value(model);
    // Names compared without vendor, spaces and case: "NVIDIA GeForce RTX 4090" is "GeForce RTX 4090".
    const auto plain = [](QString name) {
        name = name.toLower();
        name.remove(QStringLiteral("nvidia"));
        name.removeIf([](QChar ch) { return !ch.isLetterOrNumber(); });
        return name;
    };
    static const QRegularExpression pciDevice(QStringLiteral("^PCI device ([0-9A-Fa-f]{4})$"));
    for (const ImportedRun& run : a.runs) {
        const QJsonArray gpus =
            run.detail.value(QStringLiteral("facts")).toObject().value(QStringLiteral("gpus")).toArray();
        QStringList uuids, models;
        bool uuidMatches = false, modelMatches = false;
        for (const auto& g : gpus) {
            const QString uuid = g.toObject().value(QStringLiteral("uuid")).toString();
            const QString name = g.toObject().value(QStringLiteral("model")).toString().trimmed();
            // A masked UUID (all zeros, N/A) names no GPU.
            if (!SerialRules::isAbsentValue(uuid)) {
                uuids << uuid;
                uuidMatches = uuidMatches || uuid.compare(unitGpu, Qt::CaseInsensitive) == 0;
            }
            if (!name.isEmpty()) {
                models << name;
                const QRegularExpressionMatch device = pciDevice.match(name);
                modelMatches =
                    modelMatches ||
                    (device.hasMatch()
                         ? product.deviceId.isEmpty() ||
                               device.captured(1).compare(product.deviceId, Qt::CaseInsensitive) == 0
                         : product.name.isEmpty() || plain(name) == plain(product.name));
            }
        }
        if (!uuids.isEmpty() && !unitGpu.isEmpty() && !uuidMatches)
            return makeError(
                ErrorCode::WrongProduct, run.field,
                Message(tr,
                        QT_TR_NOOP("the %1 log is of GPU %2, but this unit's GPU is %3; take the "
                                   "log of this unit's own run"),
                        {run.field, uuids.join(QStringLiteral(", ")), unitGpu}));
        if (!models.isEmpty() && !modelMatches)
            return makeError(
                ErrorCode::WrongProduct, run.field,
                Message(tr,
                        QT_TR_NOOP("the %1 log is of %2, but this unit is %3; take the log of this "
                                   "unit's own run"),
                        {run.field, models.join(QStringLiteral(", ")),
                         product.name.isEmpty() ? model : product.name}));
    }
    return {};
}

namespace {

/// The plan `model` is tested to, known here with what it requires; empty: no plan of its own.
Result<QString> sharedPlanOf(const WorkflowConfig& c, const QString& model, const QString& field)
{
    const QString plan = c.testPlanOf(model);
    if (!plan.isEmpty() && !c.planRequiredRuns.contains(plan)) {
        return makeError(
            ErrorCode::TestPlanUnmet, field,
            Message(&TestGate::tr,
                    QT_TRANSLATE_NOOP("TestGate", "model %1 is tested to plan %2, which has not reached this "
                                                  "station; sync, then record again"),
                    {model, plan}));
    }
    return plan;
}

QStringList missingRuns(const QStringList& required, const QStringList& had)
{
    QStringList missing;
    for (const QString& kind : required) {
        if (!had.contains(kind))
            missing << kind;
    }
    return missing;
}

} // namespace

Status TestGate::checkTestPlan(const Action& a, const WorkflowConfig& c, const QString& model)
{
    Result<QString> plan = sharedPlanOf(c, model, QStringLiteral("result"));
    if (!plan)
        return plan.error();
    if (plan->isEmpty())
        return {};
    QStringList had;
    for (const ImportedRun& run : a.runs) {
        const QString judgedBy = run.detail.value(QStringLiteral("plan")).toString();
        if (judgedBy != plan.value()) {
            return makeError(
                ErrorCode::TestPlanUnmet, run.field,
                Message(tr,
                        QT_TR_NOOP("the %1 log was judged by test plan %2, but model %3 is tested "
                                   "to plan %4; import it again at a station that has synced"),
                        {run.field, judgedBy, model, plan.value()}));
        }
        had << run.detail.value(QStringLiteral("kind")).toString();
    }
    if (a.fields.value(payload::Result).toString() != outcome::Pass)
        return {};
    const QStringList missing = missingRuns(c.planRequiredRuns.value(plan.value()), had);
    if (!missing.isEmpty()) {
        return makeError(ErrorCode::TestPlanUnmet, QStringLiteral("result"),
                         Message(tr,
                                 QT_TR_NOOP("model %1 is tested to plan %2; a pass needs its runs, and %3 is "
                                            "missing: run the test plan, or import the rig logs"),
                                 {model, plan.value(), missing.join(QStringLiteral(", "))}));
    }
    return {};
}

Status TestGate::checkPackable(const UnitState& unit, const WorkflowConfig& c)
{
    Result<QString> plan = sharedPlanOf(c, unit.model, QStringLiteral("unit"));
    if (!plan)
        return plan.error();
    if (plan->isEmpty())
        return {};
    const QStringList missing = missingRuns(c.planRequiredRuns.value(plan.value()), unit.testedRuns);
    if (!missing.isEmpty()) {
        return makeError(
            ErrorCode::TestPlanUnmet, QStringLiteral("unit"),
            Message(tr,
                    QT_TR_NOOP("unit %1 passed its test without %2, which plan %3 of model %4 "
                               "requires; it cannot be packed: a supervisor voids that test, "
                               "then test it again"),
                    {unit.serial, missing.join(QStringLiteral(", ")), plan.value(), unit.model}));
    }
    return {};
}

Status TestGate::checkPass(const Action& a, const Snapshot& s, const WorkflowConfig& c)
{
    if (a.fields.value(payload::Result).toString() != outcome::Pass)
        return {};
    // A run the test plan fails is no pass, whoever overrides the report.
    for (const ImportedRun& run : a.runs) {
        if (!run.pass) {
            return makeError(ErrorCode::ReportContradiction, run.field,
                             Message(tr,
                                     QT_TR_NOOP("the %1 run fails the test plan: %2; record result=fail, or "
                                                "run the test again"),
                                     {run.field, run.reasons.join(QStringLiteral("; "))}));
        }
    }
    if (overridden(a, s, c))
        return {};
    if (!a.report || a.report->gpuUuid.isEmpty()) {
        return makeError(ErrorCode::ReportRequired, QStringLiteral("smi"),
                         a.report
                             ? Message(tr, QT_TR_NOOP("the report shows no GPU UUID (masked or N/A), so it "
                                                      "proves nothing about this unit; take a full report "
                                                      "(nvidia-smi -q -x), or a supervisor passes it with a "
                                                      "reason"))
                             : Message(tr, QT_TR_NOOP("a pass needs the GPU's own report: import the "
                                                      "nvidia-smi report, or a supervisor passes it with a "
                                                      "reason")));
    }
    if (linkUnproven(a.report)) {
        const GpuReport& r = *a.report;
        return makeError(ErrorCode::ReportRequired, QStringLiteral("smi"),
                         Message(tr,
                                 QT_TR_NOOP("the report was taken at idle (%1), where the PCIe link drops to "
                                            "Gen %2 x%3 by design; take the report under load, e.g. during "
                                            "burn-in"),
                                 {r.pcie.pstate.isEmpty() ? tr("low utilisation") : r.pcie.pstate,
                                  r.pcie.genCurrent.value_or(0), r.pcie.widthCurrent.value_or(0)}));
    }
    return {};
}

} // namespace rework
