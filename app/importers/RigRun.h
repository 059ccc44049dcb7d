#pragma once

#include "domain/Message.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rework {

/// The kinds of test-rig output the core reads, each named as `reworkctl parse --kind` takes it.
enum class RigKind
{
    NvidiaSmi, // nvidia-smi -q -x / -q / --query-gpu CSV
    GpuBurn,   // gpu_burn console log
    Dcgm,      // dcgmi diag (text table or -j JSON)
    Memtest,   // memtest_vulkan or cuda_memtest
    Profile,   // thermocouple reflow profile (CSV)
};

/// "nvidia-smi", "gpu-burn", "dcgm", "memtest", "profile".
QString rigKindName(RigKind kind);
/// The kind a name stands for; also the step fields' names (burnin, vram, profile_log, smi).
std::optional<RigKind> rigKindFromName(const QString& name);
/// Every kind's name, for help texts.
QStringList rigKindNames();

/// One measured value of a run: what it is, its unit, the GPU it belongs to (-1: the whole run) and,
/// once a test plan is applied, its limits and whether it kept within them.
struct Measurement
{
    QString name;
    double value = 0;
    QString unit;
    int gpu = -1;
    std::optional<double> low, high;
    bool pass = true;

    QJsonObject toJson() const;
};

/// One GPU as the tool names it, with the tool's own word on it (OK, FAULTY, Pass...), if any.
struct RigGpu
{
    int index = -1;
    QString model;
    QString uuid;
    QString toolVerdict;
};

/// One test of a diagnostic suite (DCGM), for one GPU (-1: the test as a whole).
struct RigTest
{
    QString category; // Deployment, Hardware, Integration, Stress
    QString name;     // as printed: "PCIe", "pcie", "GPU Memory"
    int gpu = -1;
    QString result; // pass, fail, warn, skip
};

/// What a tool said of its run, as it said it: read, never trusted on its own.
struct RigFacts
{
    QString tool;          // gpu_burn, dcgmi, memtest_vulkan, cuda_memtest, nvidia-smi, thermocouple
    QString toolVersion;   // where printed
    QString toolVerdict;   // the tool's own last word (OK, FAULTY, PASS, FAIL...), empty when it gave none
    bool finished = false; // the tool's final lines are there
    bool started = false;  // the tool reported any work at all
    bool noDevices = false;
    QList<int> died;      // GPUs whose worker died (gpu-burn DIED!)
    QStringList failures; // errors the tool printed (a failed CUDA call, a lost device)
    QStringList warnings; // the tool's warnings
    QStringList skipped;  // tests that did not run
    QStringList notes;    // what else is worth keeping (info rows, Ctrl-C)
    QList<RigGpu> gpus;
    QList<RigTest> tests;
    std::optional<double> durationRequestedS; // what the run was asked to last (gpu_burn 3600)
    std::optional<int> level;                 // DCGM: the highest level whose tests ran

    QJsonObject toJson() const;
};

/// A reflow profile's figures, computed from the curve of one thermocouple.
struct ProfileFigures
{
    QString channel; // the column the figures come from
    QString alloy;   // SAC305, Sn63Pb37, or empty when only a liquidus was given
    double liquidusC = 217;
    double peakC = 0;
    double timeAboveLiquidusS = 0;
    double rampUpCPerS = 0;  // steepest heating, over the rate window
    double coolingCPerS = 0; // steepest cooling after the peak, as a positive rate
    double timeToPeakS = 0;  // from the first sample
    double soakS = 0;        // time from 150 to 200 °C before the peak
    double durationS = 0;
    int samples = 0;
};

/// A run read from one file: its kind, the values measured and the tool's raw facts. A test plan
/// turns it into a verdict (RigEvaluator); nothing here decides pass or fail.
struct RigRun
{
    RigKind kind = RigKind::GpuBurn;
    QString format; // the layout read: "gpu-burn", "dcgm-3x-text", "dcgm-4x-text", "dcgm-json", ...
    QList<Measurement> measurements;
    RigFacts facts;
    std::optional<ProfileFigures> profile;

    /// The first measurement called `name` of `gpu` (-1: of the run), or null.
    const Measurement* find(const QString& name, int gpu = -1) const;
    Measurement* find(const QString& name, int gpu = -1);
    void add(const QString& name, double value, const QString& unit, int gpu = -1);
    /// The GPUs that have measurements, in order.
    QList<int> measuredGpus() const;
};

/// What a test plan says of a run: pass or fail, and why it failed.
struct RigVerdict
{
    bool pass = true;
    QList<Message> reasons;

    void fail(const Message& why)
    {
        pass = false;
        reasons.append(why);
    }
    QStringList reasonTexts() const;
    QStringList englishReasons() const;
};

/// A run with the plan's limits on its measurements and the verdict computed from them.
struct EvaluatedRun
{
    RigRun run;
    RigVerdict verdict;
    QString plan; // the plan's name

    /// `reworkctl parse --json`: kind, verdict, reasons, measurements, facts and, for profiles,
    /// peak_c, time_above_liquidus_s, ramp_up_c_per_s, cooling_c_per_s, time_to_peak_s.
    QJsonObject toJson() const;
    /// The same for people, a line each.
    QStringList toText() const;

    Q_DECLARE_TR_FUNCTIONS(EvaluatedRun)
};

} // namespace rework
