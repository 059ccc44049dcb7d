#include "RigEvaluator.h"

#include "DcgmDiagImporter.h"
#include "domain/SerialRules.h"

#include <cmath>

namespace rework {
namespace {

struct Label
{
    const char* name;
    const char* text;
};

constexpr Label kLabels[] = {
    {"gflops", QT_TRANSLATE_NOOP("RigEvaluator", "Gflop/s")},
    {"gflops_max", QT_TRANSLATE_NOOP("RigEvaluator", "best Gflop/s")},
    {"errors", QT_TRANSLATE_NOOP("RigEvaluator", "errors found")},
    {"iterations", QT_TRANSLATE_NOOP("RigEvaluator", "work done")},
    {"temp_max_c", QT_TRANSLATE_NOOP("RigEvaluator", "hottest temperature")},
    {"power_max_w", QT_TRANSLATE_NOOP("RigEvaluator", "highest power")},
    {"duration_min", QT_TRANSLATE_NOOP("RigEvaluator", "time tested")},
    {"progress_pct", QT_TRANSLATE_NOOP("RigEvaluator", "progress")},
    {"level", QT_TRANSLATE_NOOP("RigEvaluator", "DCGM level")},
    {"passes", QT_TRANSLATE_NOOP("RigEvaluator", "passes")},
    {"peak_c", QT_TRANSLATE_NOOP("RigEvaluator", "peak temperature")},
    {"time_above_liquidus_s", QT_TRANSLATE_NOOP("RigEvaluator", "time above liquidus")},
    {"ramp_up_c_per_s", QT_TRANSLATE_NOOP("RigEvaluator", "ramp-up rate")},
    {"cooling_c_per_s", QT_TRANSLATE_NOOP("RigEvaluator", "cooling rate")},
    {"time_to_peak_s", QT_TRANSLATE_NOOP("RigEvaluator", "time to peak")},
    {"soak_s", QT_TRANSLATE_NOOP("RigEvaluator", "soak time")},
    {"temperature_c", QT_TRANSLATE_NOOP("RigEvaluator", "temperature")},
    {"ecc_uncorrected", QT_TRANSLATE_NOOP("RigEvaluator", "uncorrected ECC errors")},
};

QString figure(double v)
{
    return QString::number(std::round(v * 1000.0) / 1000.0, 'g', 12);
}

QString withUnit(double v, const QString& unit)
{
    return unit.isEmpty() ? figure(v) : figure(v) + QLatin1Char(' ') + unit;
}

Message labelMessage(const QString& name)
{
    const QString base = name.section(QLatin1Char('.'), 0, 0);
    for (const Label& l : kLabels) {
        if (base == QLatin1StringView(l.name)) {
            Message m(&RigEvaluator::tr, l.text);
            const QString channel = name.section(QLatin1Char('.'), 1);
            if (channel.isEmpty())
                return m;
            return Message(&RigEvaluator::tr, QT_TRANSLATE_NOOP("RigEvaluator", "%1 of %2"), {m, channel});
        }
    }
    return Message::untranslated(name);
}

/// Applies a plan to one run, collecting the reasons it fails.
class Evaluation
{
public:
    Evaluation(const RigRun& run, const TestPlan& plan) : m_plan(plan)
    {
        m_out.run = run;
        m_out.plan = plan.name;
    }

    EvaluatedRun result() { return std::move(m_out); }

    void fail(const Message& why) { m_out.verdict.fail(why); }
    RigRun& run() { return m_out.run; }
    const RigFacts& facts() const { return m_out.run.facts; }
    const TestPlan& plan() const { return m_plan; }

    /// Sets the limits of every measurement `name` (and its channels, "peak_c.TC2") and fails
    /// the run for each one out of them.
    void limit(const QString& name, std::optional<double> low, std::optional<double> high,
               bool giveReason = true)
    {
        for (Measurement& m : m_out.run.measurements) {
            if (m.name != name && !m.name.startsWith(name + QLatin1Char('.')))
                continue;
            m.low = low;
            m.high = high;
            const bool below = low && m.value < *low - 1e-9;
            const bool above = high && m.value > *high + 1e-9;
            if (!below && !above)
                continue;
            m.pass = false;
            if (!giveReason)
                continue;
            const Message subject =
                m.gpu >= 0 ? Message(&RigEvaluator::tr, QT_TRANSLATE_NOOP("RigEvaluator", "GPU %1: %2"),
                                     {m.gpu, labelMessage(m.name)})
                           : labelMessage(m.name);
            if (below)
                fail(Message(&RigEvaluator::tr,
                             QT_TRANSLATE_NOOP("RigEvaluator", "%1 is %2, below the plan's minimum of %3"),
                             {subject, withUnit(m.value, m.unit), withUnit(*low, m.unit)}));
            else
                fail(Message(&RigEvaluator::tr,
                             QT_TRANSLATE_NOOP("RigEvaluator", "%1 is %2, above the plan's maximum of %3"),
                             {subject, withUnit(m.value, m.unit), withUnit(*high, m.unit)}));
        }
    }

    bool has(const QString& name) const
    {
        for (const Measurement& m : m_out.run.measurements) {
            if (m.name == name)
                return true;
        }
        return false;
    }

    void warnings(bool failOn)
    {
        if (!failOn)
            return;
        for (const QString& w : facts().warnings)
            fail(Message(&RigEvaluator::tr,
                         QT_TRANSLATE_NOOP("RigEvaluator", "the plan fails on warnings: %1"),
                         {Message::untranslated(w)}));
    }

private:
    EvaluatedRun m_out;
    const TestPlan& m_plan;
};

std::optional<double> positive(double v)
{
    return v > 0 ? std::optional<double>(v) : std::nullopt;
}

void evaluateBurnIn(Evaluation& e)
{
    const RigFacts& f = e.facts();
    const BurnInLimits& l = e.plan().burnIn;
    const bool aborted = f.failures.filter(QStringLiteral("No clients are alive")).size() > 0;
    if (f.noDevices)
        e.fail(Message(&RigEvaluator::tr,
                       QT_TRANSLATE_NOOP("RigEvaluator", "gpu_burn found no CUDA device to burn; "
                                                         "is the driver up (nvidia-smi)?")));
    else if (!f.started)
        e.fail(
            Message(&RigEvaluator::tr,
                    QT_TRANSLATE_NOOP("RigEvaluator", "gpu_burn never reported progress: no work was done")));
    if (aborted)
        e.fail(
            Message(&RigEvaluator::tr,
                    QT_TRANSLATE_NOOP("RigEvaluator", "gpu_burn aborted: no GPU's worker was left alive")));
    else if (!f.finished)
        e.fail(Message(&RigEvaluator::tr,
                       QT_TRANSLATE_NOOP("RigEvaluator", "the log ends before gpu_burn's final "
                                                         "\"Tested N GPUs\" lines: the run did not "
                                                         "finish")));
    for (int gpu : f.died)
        e.fail(Message(&RigEvaluator::tr,
                       QT_TRANSLATE_NOOP("RigEvaluator", "GPU %1: its worker died (DIED!)"), {gpu}));
    for (const RigGpu& g : f.gpus) {
        if (g.toolVerdict == QLatin1StringView("FAULTY"))
            e.fail(Message(&RigEvaluator::tr,
                           QT_TRANSLATE_NOOP("RigEvaluator", "gpu_burn reports GPU %1 FAULTY"), {g.index}));
    }
    for (const QString& failure : f.failures) {
        if (!failure.contains(QLatin1StringView("No clients are alive")) &&
            !failure.contains(QLatin1StringView("No CUDA devices")))
            e.fail(Message(&RigEvaluator::tr, QT_TRANSLATE_NOOP("RigEvaluator", "gpu_burn reported: %1"),
                           {Message::untranslated(failure)}));
    }
    const QList<int> measured = e.run().measuredGpus();
    for (int gpu : measured) {
        if (f.died.contains(gpu))
            continue;
        const Measurement* done = e.run().find(QStringLiteral("iterations"), gpu);
        const Measurement* best = e.run().find(QStringLiteral("gflops_max"), gpu);
        if ((done && done->value <= 0) || (best && best->value <= 0)) {
            e.fail(Message(&RigEvaluator::tr,
                           QT_TRANSLATE_NOOP("RigEvaluator", "GPU %1 did no work (0 Gflop/s)"), {gpu}));
            if (Measurement* m = e.run().find(QStringLiteral("gflops_max"), gpu))
                m->pass = false;
        }
    }
    if (f.started) {
        for (const RigGpu& g : f.gpus) {
            if (!measured.contains(g.index) && !f.died.contains(g.index))
                e.fail(
                    Message(&RigEvaluator::tr,
                            QT_TRANSLATE_NOOP("RigEvaluator", "GPU %1 is listed but never reported progress"),
                            {g.index}));
        }
    }
    e.limit(QStringLiteral("errors"), std::nullopt, l.maxErrors);
    e.limit(QStringLiteral("gflops"), positive(l.minGflops), std::nullopt);
    e.limit(QStringLiteral("temp_max_c"), std::nullopt, l.maxTempC);
    if (l.minMinutes > 0) {
        if (e.has(QStringLiteral("duration_min")))
            e.limit(QStringLiteral("duration_min"), l.minMinutes, std::nullopt);
        else
            e.fail(Message(&RigEvaluator::tr,
                           QT_TRANSLATE_NOOP("RigEvaluator",
                                             "the log does not say how long gpu_burn ran; the plan "
                                             "needs %1 min (run it as gpu_burn SECONDS)"),
                           {figure(l.minMinutes)}));
    }
    e.warnings(l.failOnWarnings);
}

void evaluateDcgm(Evaluation& e)
{
    const RigFacts& f = e.facts();
    const DcgmLimits& l = e.plan().dcgm;
    for (const QString& failure : f.failures)
        e.fail(Message(&RigEvaluator::tr, QT_TRANSLATE_NOOP("RigEvaluator", "DCGM reported an error: %1"),
                       {Message::untranslated(failure)}));
    if (f.tests.isEmpty())
        e.fail(Message(&RigEvaluator::tr,
                       QT_TRANSLATE_NOOP("RigEvaluator", "the output holds no DCGM test result")));
    else if (!f.finished)
        e.fail(Message(&RigEvaluator::tr,
                       QT_TRANSLATE_NOOP("RigEvaluator", "the output is cut short: neither "
                                                         "\"Successfully ran diagnostic\" nor the "
                                                         "table's last border is there")));
    const int level = f.level.value_or(0);
    if (level < l.minLevel)
        e.fail(Message(&RigEvaluator::tr,
                       QT_TRANSLATE_NOOP("RigEvaluator",
                                         "the tests that ran reach DCGM level %1; the plan needs "
                                         "level %2 (dcgmi diag -r %2) with its tests run"),
                       {level, l.minLevel}));
    if (Measurement* m = e.run().find(QStringLiteral("level"))) {
        m->low = l.minLevel;
        m->pass = level >= l.minLevel;
    }
    // A test's own row, or its GPUs' rows where it has them: each failure and skip is a reason.
    for (const RigTest& t : f.tests) {
        if (t.gpu >= 0)
            continue;
        bool gpuFailed = false, gpuSkipped = false;
        for (const RigTest& g : f.tests) {
            if (g.gpu < 0 || g.name != t.name || g.category != t.category)
                continue;
            if (g.result == QLatin1StringView("fail") || g.result.isEmpty()) {
                gpuFailed = true;
                e.fail(Message(&RigEvaluator::tr,
                               QT_TRANSLATE_NOOP("RigEvaluator", "DCGM test %1 failed on GPU %2"),
                               {t.name, g.gpu}));
            } else if (g.result == QLatin1StringView("skip") && !l.allowSkipped) {
                gpuSkipped = true;
                e.fail(Message(&RigEvaluator::tr,
                               QT_TRANSLATE_NOOP("RigEvaluator", "DCGM test %1 was skipped on GPU %2"),
                               {t.name, g.gpu}));
            }
        }
        if (t.result == QLatin1StringView("fail") && !gpuFailed)
            e.fail(Message(&RigEvaluator::tr, QT_TRANSLATE_NOOP("RigEvaluator", "DCGM test %1 failed"),
                           {t.name}));
        else if (t.result.isEmpty() && !gpuFailed)
            e.fail(Message(&RigEvaluator::tr,
                           QT_TRANSLATE_NOOP("RigEvaluator", "DCGM test %1 has a result that cannot be read"),
                           {t.name}));
        else if (t.result == QLatin1StringView("skip") && !l.allowSkipped && !gpuSkipped)
            e.fail(Message(&RigEvaluator::tr, QT_TRANSLATE_NOOP("RigEvaluator", "DCGM test %1 was skipped"),
                           {t.name}));
    }
    // A test measurement passes at 1; a skip passes only where the plan allows skips.
    for (Measurement& m : e.run().measurements) {
        if (!m.name.startsWith(QLatin1StringView("test:")))
            continue;
        bool skipped = false;
        for (const RigTest& t : f.tests) {
            if (t.gpu == m.gpu && DcgmDiagImporter::measurementName(t.name) == m.name)
                skipped = t.result == QLatin1StringView("skip");
        }
        m.low = 1;
        m.pass = m.value >= 1 || (skipped && l.allowSkipped);
    }
    // The reasons above already say it; these limits only mark the counts.
    e.limit(QStringLiteral("tests_failed"), std::nullopt, 0, false);
    if (!l.allowSkipped)
        e.limit(QStringLiteral("tests_skipped"), std::nullopt, 0, false);
    e.warnings(l.failOnWarnings);
}

void evaluateVram(Evaluation& e)
{
    const RigFacts& f = e.facts();
    const VramLimits& l = e.plan().vram;
    const QString tool = f.tool;
    for (const QString& failure : f.failures) {
        if (failure.contains(QLatin1StringView("DEVICE_LOST"), Qt::CaseInsensitive))
            e.fail(Message(&RigEvaluator::tr,
                           QT_TRANSLATE_NOOP("RigEvaluator", "the GPU was lost during the memory "
                                                             "test (%1)"),
                           {Message::untranslated(failure)}));
        else
            e.fail(Message(&RigEvaluator::tr, QT_TRANSLATE_NOOP("RigEvaluator", "%1 reported: %2"),
                           {tool, Message::untranslated(failure)}));
    }
    if (!f.started)
        e.fail(Message(&RigEvaluator::tr,
                       QT_TRANSLATE_NOOP("RigEvaluator", "%1 completed no test: nothing was tested"),
                       {tool}));
    if (!f.finished) {
        if (tool == QLatin1StringView("cuda_memtest"))
            e.fail(Message(&RigEvaluator::tr,
                           QT_TRANSLATE_NOOP("RigEvaluator",
                                             "the log ends before cuda_memtest's \"Program exits\": the "
                                             "test did not finish (run it with --num_passes N so that it "
                                             "ends by itself)")));
        else
            e.fail(Message(&RigEvaluator::tr,
                           QT_TRANSLATE_NOOP("RigEvaluator", "the log ends before %1's verdict line: "
                                                             "the test did not finish"),
                           {tool}));
    }
    e.limit(QStringLiteral("errors"), std::nullopt, l.maxErrors);
    if (f.toolVerdict == QLatin1StringView("FAIL") && f.failures.isEmpty()) {
        const Measurement* errors = e.run().find(QStringLiteral("errors"));
        if (!errors || errors->value <= l.maxErrors)
            e.fail(Message(&RigEvaluator::tr, QT_TRANSLATE_NOOP("RigEvaluator", "%1 says the test failed"),
                           {tool}));
    }
    if (l.minMinutes > 0)
        e.limit(QStringLiteral("duration_min"), l.minMinutes, std::nullopt);
    if (l.minPasses > 0)
        e.limit(e.has(QStringLiteral("passes")) ? QStringLiteral("passes") : QStringLiteral("iterations"),
                l.minPasses, std::nullopt);
    e.warnings(l.failOnWarnings);
}

void evaluateProfile(Evaluation& e)
{
    const ProfileWindow& w = e.plan().profile;
    e.limit(QStringLiteral("peak_c"), w.peakMinC, w.peakMaxC);
    e.limit(QStringLiteral("time_above_liquidus_s"), w.talMinS, w.talMaxS);
    e.limit(QStringLiteral("ramp_up_c_per_s"), std::nullopt, w.maxRampCPerS);
    e.limit(QStringLiteral("cooling_c_per_s"), std::nullopt, w.maxCoolingCPerS);
    e.limit(QStringLiteral("time_to_peak_s"), std::nullopt, w.maxTimeToPeakS);
    e.warnings(w.failOnWarnings);
}

void evaluateSmi(Evaluation& e)
{
    const SmiLimits& l = e.plan().smi;
    if (e.facts().gpus.isEmpty())
        e.fail(Message(&RigEvaluator::tr, QT_TRANSLATE_NOOP("RigEvaluator", "the report lists no GPU")));
    // A report that measures nothing, or names no GPU, proves nothing about a card.
    if (e.run().measurements.isEmpty())
        e.fail(Message(&RigEvaluator::tr,
                       QT_TRANSLATE_NOOP("RigEvaluator", "the report holds no measurement to judge; query "
                                                         "temperature, power and ECC errors")));
    for (const RigGpu& g : e.facts().gpus) {
        if (!g.uuid.isEmpty() && SerialRules::isAbsentValue(g.uuid))
            e.fail(
                Message(&RigEvaluator::tr,
                        QT_TRANSLATE_NOOP("RigEvaluator", "GPU %1's UUID is masked (%2): the report proves "
                                                          "nothing about a card; query it unmasked"),
                        {g.index, g.uuid}));
    }
    e.limit(QStringLiteral("temperature_c"), std::nullopt, l.maxTempC);
    e.limit(QStringLiteral("ecc_uncorrected"), std::nullopt, l.maxEccUncorrected);
    e.warnings(l.failOnWarnings);
}

} // namespace

QString RigEvaluator::label(const QString& measurement)
{
    return labelMessage(measurement).translated();
}

EvaluatedRun RigEvaluator::evaluate(const RigRun& run, const TestPlan& plan)
{
    Evaluation e(run, plan);
    switch (run.kind) {
    case RigKind::GpuBurn:
        evaluateBurnIn(e);
        break;
    case RigKind::Dcgm:
        evaluateDcgm(e);
        break;
    case RigKind::Memtest:
        evaluateVram(e);
        break;
    case RigKind::Profile:
        evaluateProfile(e);
        break;
    case RigKind::NvidiaSmi:
        evaluateSmi(e);
        break;
    }
    return e.result();
}

} // namespace rework
