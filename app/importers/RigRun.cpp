#include "RigRun.h"

#include <QJsonArray>

#include <cmath>

namespace rework {
namespace {

struct KindName
{
    RigKind kind;
    const char* name;
};

constexpr KindName kKindNames[] = {
    {RigKind::NvidiaSmi, "nvidia-smi"}, {RigKind::GpuBurn, "gpu-burn"}, {RigKind::Dcgm, "dcgm"},
    {RigKind::Memtest, "memtest"},      {RigKind::Profile, "profile"},
};

/// Figures as people and JSON readers want them: no float noise past the third decimal.
double rounded(double v)
{
    if (!std::isfinite(v))
        return 0;
    return std::round(v * 1000.0) / 1000.0;
}

QJsonValue optionalNumber(const std::optional<double>& v)
{
    return v ? QJsonValue(rounded(*v)) : QJsonValue();
}

QString number(double v)
{
    return QString::number(rounded(v), 'g', 12);
}

} // namespace

QString rigKindName(RigKind kind)
{
    for (const KindName& k : kKindNames) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return {};
}

std::optional<RigKind> rigKindFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    for (const KindName& k : kKindNames) {
        if (n == QLatin1StringView(k.name))
            return k.kind;
    }
    // The step fields and the tools' own names mean the same kinds.
    if (n == QLatin1StringView("smi") || n == QLatin1StringView("nvidia_smi"))
        return RigKind::NvidiaSmi;
    if (n == QLatin1StringView("burnin") || n == QLatin1StringView("gpu_burn") ||
        n == QLatin1StringView("gpuburn"))
        return RigKind::GpuBurn;
    if (n == QLatin1StringView("dcgmi"))
        return RigKind::Dcgm;
    if (n == QLatin1StringView("vram") || n == QLatin1StringView("memtest_vulkan") ||
        n == QLatin1StringView("cuda_memtest"))
        return RigKind::Memtest;
    if (n == QLatin1StringView("profile_log") || n == QLatin1StringView("reflow"))
        return RigKind::Profile;
    return std::nullopt;
}

QStringList rigKindNames()
{
    QStringList names;
    for (const KindName& k : kKindNames)
        names << QString::fromLatin1(k.name);
    return names;
}

QJsonObject Measurement::toJson() const
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("value"), rounded(value)},
            {QStringLiteral("unit"), unit},
            {QStringLiteral("gpu"), gpu >= 0 ? QJsonValue(gpu) : QJsonValue()},
            {QStringLiteral("low"), optionalNumber(low)},
            {QStringLiteral("high"), optionalNumber(high)},
            {QStringLiteral("pass"), pass}};
}

QJsonObject RigFacts::toJson() const
{
    QJsonArray gpuArray;
    for (const RigGpu& g : gpus) {
        gpuArray.append(QJsonObject{{QStringLiteral("index"), g.index},
                                    {QStringLiteral("model"), g.model},
                                    {QStringLiteral("uuid"), g.uuid},
                                    {QStringLiteral("tool_verdict"), g.toolVerdict}});
    }
    QJsonArray testArray;
    for (const RigTest& t : tests) {
        testArray.append(QJsonObject{{QStringLiteral("category"), t.category},
                                     {QStringLiteral("name"), t.name},
                                     {QStringLiteral("gpu"), t.gpu >= 0 ? QJsonValue(t.gpu) : QJsonValue()},
                                     {QStringLiteral("result"), t.result}});
    }
    QJsonArray diedArray;
    for (int g : died)
        diedArray.append(g);
    QJsonObject o{{QStringLiteral("tool"), tool},
                  {QStringLiteral("tool_version"), toolVersion},
                  {QStringLiteral("tool_verdict"), toolVerdict},
                  {QStringLiteral("finished"), finished},
                  {QStringLiteral("started"), started},
                  {QStringLiteral("no_devices"), noDevices},
                  {QStringLiteral("died"), diedArray},
                  {QStringLiteral("failures"), QJsonArray::fromStringList(failures)},
                  {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
                  {QStringLiteral("skipped"), QJsonArray::fromStringList(skipped)},
                  {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
                  {QStringLiteral("gpus"), gpuArray},
                  {QStringLiteral("duration_requested_s"), optionalNumber(durationRequestedS)}};
    if (!tests.isEmpty())
        o.insert(QStringLiteral("tests"), testArray);
    if (level)
        o.insert(QStringLiteral("level"), *level);
    return o;
}

const Measurement* RigRun::find(const QString& name, int gpu) const
{
    for (const Measurement& m : measurements) {
        if (m.name == name && m.gpu == gpu)
            return &m;
    }
    return nullptr;
}

Measurement* RigRun::find(const QString& name, int gpu)
{
    return const_cast<Measurement*>(std::as_const(*this).find(name, gpu));
}

void RigRun::add(const QString& name, double value, const QString& unit, int gpu)
{
    Measurement m;
    m.name = name;
    m.value = value;
    m.unit = unit;
    m.gpu = gpu;
    measurements.append(m);
}

QList<int> RigRun::measuredGpus() const
{
    QList<int> gpus;
    for (const Measurement& m : measurements) {
        if (m.gpu >= 0 && !gpus.contains(m.gpu))
            gpus.append(m.gpu);
    }
    return gpus;
}

QStringList RigVerdict::reasonTexts() const
{
    QStringList texts;
    for (const Message& m : reasons)
        texts << m.translated();
    return texts;
}

QStringList RigVerdict::englishReasons() const
{
    QStringList texts;
    for (const Message& m : reasons)
        texts << m.english();
    return texts;
}

QJsonObject EvaluatedRun::toJson() const
{
    QJsonArray measured;
    for (const Measurement& m : run.measurements)
        measured.append(m.toJson());
    QJsonObject o{{QStringLiteral("kind"), rigKindName(run.kind)},
                  {QStringLiteral("format"), run.format},
                  {QStringLiteral("plan"), plan},
                  {QStringLiteral("verdict"), verdict.pass ? QStringLiteral("pass") : QStringLiteral("fail")},
                  {QStringLiteral("reasons"), QJsonArray::fromStringList(verdict.reasonTexts())},
                  {QStringLiteral("measurements"), measured},
                  {QStringLiteral("facts"), run.facts.toJson()}};
    if (run.profile) {
        const ProfileFigures& p = *run.profile;
        o.insert(QStringLiteral("peak_c"), rounded(p.peakC));
        o.insert(QStringLiteral("time_above_liquidus_s"), rounded(p.timeAboveLiquidusS));
        o.insert(QStringLiteral("ramp_up_c_per_s"), rounded(p.rampUpCPerS));
        o.insert(QStringLiteral("cooling_c_per_s"), rounded(p.coolingCPerS));
        o.insert(QStringLiteral("time_to_peak_s"), rounded(p.timeToPeakS));
        o.insert(QStringLiteral("soak_s"), rounded(p.soakS));
        o.insert(QStringLiteral("liquidus_c"), rounded(p.liquidusC));
        o.insert(QStringLiteral("alloy"), p.alloy);
        o.insert(QStringLiteral("channel"), p.channel);
        o.insert(QStringLiteral("samples"), p.samples);
        o.insert(QStringLiteral("duration_s"), rounded(p.durationS));
    }
    return o;
}

QStringList EvaluatedRun::toText() const
{
    QStringList lines;
    const RigFacts& f = run.facts;
    lines << tr("%1 (%2): %3 by plan %4")
                 .arg(rigKindName(run.kind), run.format, verdict.pass ? tr("PASS") : tr("FAIL"), plan);
    QString tool = f.tool;
    if (!f.toolVersion.isEmpty())
        tool += QLatin1Char(' ') + f.toolVersion;
    lines << tr("  tool: %1; its own verdict: %2; finished: %3")
                 .arg(tool, f.toolVerdict.isEmpty() ? tr("none") : f.toolVerdict,
                      f.finished ? tr("yes") : tr("no"));
    for (const RigGpu& g : f.gpus) {
        QString line = tr("  GPU %1").arg(g.index);
        if (!g.model.isEmpty())
            line += QLatin1Char(' ') + g.model;
        if (!g.uuid.isEmpty())
            line += QStringLiteral(" (") + g.uuid + QLatin1Char(')');
        if (!g.toolVerdict.isEmpty())
            line += QStringLiteral(": ") + g.toolVerdict;
        lines << line;
    }
    if (run.profile) {
        const ProfileFigures& p = *run.profile;
        lines << tr("  profile of %1: peak %2 °C at %3 s, %4 s above %5 °C, ramp-up %6 °C/s, cooling %7 °C/s")
                     .arg(p.channel, number(p.peakC), number(p.timeToPeakS), number(p.timeAboveLiquidusS),
                          number(p.liquidusC), number(p.rampUpCPerS), number(p.coolingCPerS));
    }
    if (!run.measurements.isEmpty())
        lines << tr("  measurements:");
    for (const Measurement& m : run.measurements) {
        QString limits;
        if (m.low && m.high)
            limits = number(*m.low) + QStringLiteral("..") + number(*m.high);
        else if (m.low)
            limits = QStringLiteral(">= ") + number(*m.low);
        else if (m.high)
            limits = QStringLiteral("<= ") + number(*m.high);
        const QString gpu = m.gpu >= 0 ? tr("GPU %1").arg(m.gpu) : QString();
        lines << QStringLiteral("    %1 %2 %3 %4 %5")
                     .arg(m.name.leftJustified(24), gpu.leftJustified(7),
                          QString(number(m.value) + QLatin1Char(' ') + m.unit).leftJustified(18),
                          limits.leftJustified(14), m.pass ? tr("ok") : tr("OUT OF LIMITS"));
    }
    for (const QString& w : f.warnings)
        lines << tr("  warning: %1").arg(w);
    for (const QString& s : f.skipped)
        lines << tr("  skipped: %1").arg(s);
    for (const QString& reason : verdict.reasonTexts())
        lines << tr("  fails because: %1").arg(reason);
    return lines;
}

} // namespace rework
