#include "RigRunReader.h"

#include "ReflowProfile.h"
#include "RigEvaluator.h"
#include "RigImport.h"
#include "RigText.h"
#include "domain/EventPayload.h"
#include "storage/EvidenceStore.h"

#include <QFileInfo>
#include <QJsonArray>

#include <cmath>

namespace rework {
namespace {

std::optional<RigKind> kindOf(const QString& field)
{
    if (field == payload::Burnin)
        return RigKind::GpuBurn;
    if (field == payload::Dcgm)
        return RigKind::Dcgm;
    if (field == payload::Vram)
        return RigKind::Memtest;
    if (field == payload::ProfileLog)
        return RigKind::Profile;
    return std::nullopt;
}

double tidy(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

/// Every measurement `name` of the run (any GPU), or none.
QList<double> values(const RigRun& run, const QString& name)
{
    QList<double> out;
    for (const Measurement& m : run.measurements) {
        if (m.name == name)
            out << m.value;
    }
    return out;
}

/// The flat figures a run gives the payload: what the typed fields held, and what a chart needs.
QJsonObject figuresOf(const QString& field, const EvaluatedRun& e)
{
    QJsonObject f;
    const QString verdict = e.verdict.pass ? QStringLiteral("pass") : QStringLiteral("fail");
    const auto sum = [&e](const char* name) {
        double total = 0;
        for (double v : values(e.run, QLatin1StringView(name)))
            total += v;
        return total;
    };
    if (field == payload::Burnin) {
        f.insert(payload::Burnin, verdict);
        if (const QList<double> m = values(e.run, QStringLiteral("duration_min")); !m.isEmpty())
            f.insert(payload::BurninMin, static_cast<int>(std::floor(m.first())));
        if (const QList<double> g = values(e.run, QStringLiteral("gflops")); !g.isEmpty())
            f.insert(payload::BurninGflops, tidy(*std::min_element(g.cbegin(), g.cend())));
        f.insert(payload::BurninErrors, sum("errors"));
    } else if (field == payload::Dcgm) {
        f.insert(payload::Dcgm, verdict);
        f.insert(payload::DcgmLevel, e.run.facts.level.value_or(0));
    } else if (field == payload::Vram) {
        f.insert(payload::Vram, verdict);
        f.insert(payload::VramErrors, sum("errors"));
        f.insert(payload::VramMin, tidy(sum("duration_min")));
    } else if (field == payload::ProfileLog && e.run.profile) {
        const ProfileFigures& p = *e.run.profile;
        f.insert(payload::ProfileLog, verdict);
        f.insert(payload::PeakC, tidy(p.peakC));
        f.insert(payload::TalS, tidy(p.timeAboveLiquidusS));
        f.insert(payload::RampCPerS, tidy(p.rampUpCPerS));
        f.insert(payload::CoolingCPerS, tidy(p.coolingCPerS));
        f.insert(payload::TimeToPeakS, tidy(p.timeToPeakS));
    }
    return f;
}

} // namespace

QStringList RigRunReader::fieldsOf(Step step)
{
    switch (step) {
    case Step::Test:
        return {QString(payload::Burnin), QString(payload::Dcgm), QString(payload::Vram)};
    case Step::Reball:
    case Step::Mount:
        return {QString(payload::ProfileLog)};
    default:
        return {};
    }
}

Result<ImportedRun> RigRunReader::readFile(const QString& field, const QString& path,
                                           const QString& dataFolder, const TestPlan& plan,
                                           const ProfileImportSettings& profile)
{
    const std::optional<RigKind> kind = kindOf(field);
    if (!kind)
        return makeError(ErrorCode::UnknownField, field,
                         Message(tr, QT_TR_NOOP("no test rig output goes here")));
    RigImportOptions options;
    options.kind = kind;
    options.profile = profile;
    options.liquidusC = plan.profile.liquidusC;
    options.alloy = plan.profile.alloy;
    Result<RigRun> run = RigImport::parseFile(path, options);
    if (!run)
        return run.error();
    const EvaluatedRun judged = RigEvaluator::evaluate(run.value(), plan);
    Result<QString> stored = EvidenceStore(dataFolder).store(path);
    if (!stored)
        return stored.error();
    ImportedRun r;
    r.field = field;
    r.evidence = stored.value();
    r.pass = judged.verdict.pass;
    r.reasons = judged.verdict.reasonTexts();
    r.figures = figuresOf(field, judged);
    r.detail = judged.toJson();
    // The log keeps English, whatever language the station speaks.
    r.detail.insert(QStringLiteral("reasons"), QJsonArray::fromStringList(judged.verdict.englishReasons()));
    r.detail.insert(QStringLiteral("file"), QFileInfo(path).fileName());
    r.detail.insert(QStringLiteral("evidence"), r.evidence);
    if (*kind == RigKind::Profile)
        r.detail.insert(QStringLiteral("import_profile"), profile.toJson());
    return r;
}

Result<ImportedRun> RigRunReader::readForStep(Step step, const QString& path, const QString& dataFolder,
                                              const TestPlan& plan, const ProfileImportSettings& profile)
{
    Result<QByteArray> data = RigText::readFile(path, QStringLiteral("file"));
    if (!data)
        return data.error();
    const std::optional<RigKind> kind = RigImport::detect(data.value());
    if (!kind)
        return makeError(ErrorCode::InvalidValue, QStringLiteral("file"),
                         Message(tr,
                                 QT_TR_NOOP("%1 is no test rig output this line reads (gpu_burn, dcgmi "
                                            "diag, memtest_vulkan, cuda_memtest, a thermocouple CSV)"),
                                 {QFileInfo(path).fileName()}));
    const QString field = RigImport::fieldOf(*kind);
    if (!fieldsOf(step).contains(field))
        return makeError(ErrorCode::InvalidValue, QStringLiteral("file"),
                         Message(tr, QT_TR_NOOP("%1 is a %2 output, which the %3 step does not take"),
                                 {QFileInfo(path).fileName(), rigKindName(*kind), stepName(step)}));
    return readFile(field, path, dataFolder, plan, profile);
}

Result<RigRunReader::Arguments> RigRunReader::takeArguments(Step step, const QStringList& keyValues,
                                                            const QString& dataFolder, const TestPlan& plan,
                                                            const ProfileImportSettings& profile)
{
    const QStringList fields = fieldsOf(step);
    Arguments a;
    const EvidenceStore evidence(dataFolder);
    const auto discard = [&] {
        for (const ImportedRun& r : std::as_const(a.runs))
            evidence.discardStaged(r.evidence);
    };
    for (const QString& kv : keyValues) {
        const QString key = kv.section(QLatin1Char('='), 0, 0).trimmed().toLower();
        const QString value = kv.section(QLatin1Char('='), 1);
        const QString typed = value.trimmed().toLower();
        // burnin=pass and vram=fail are the typed results they always were.
        const bool typedResult = typed == QLatin1StringView("pass") || typed == QLatin1StringView("fail");
        if (!fields.contains(key) || (typedResult && key != payload::Dcgm && key != payload::ProfileLog)) {
            a.rest << kv;
            continue;
        }
        for (const ImportedRun& r : std::as_const(a.runs)) {
            if (r.field == key) {
                discard();
                return makeError(
                    ErrorCode::Contradiction, key,
                    Message(tr, QT_TR_NOOP("give one file for %1; a record holds one run of each"), {key}));
            }
        }
        Result<ImportedRun> run = readFile(key, value.trimmed(), dataFolder, plan, profile);
        if (!run) {
            discard();
            return run.error();
        }
        a.runs.append(run.value());
    }
    return a;
}

} // namespace rework
