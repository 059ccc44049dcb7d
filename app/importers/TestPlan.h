#pragma once

#include "RigRun.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rework {

/// Limits of a gpu_burn run.
struct BurnInLimits
{
    double minMinutes = 0; // how long it must have burned
    double maxErrors = 0;  // per GPU
    double minGflops = 0;  // per GPU, its last reading; 0: any work at all
    std::optional<double> maxTempC;
    bool failOnWarnings = false;
};

/// Limits of a dcgmi diag run.
struct DcgmLimits
{
    int minLevel = 2; // dcgmi diag -r N: the highest level whose tests must have run
    bool allowSkipped = false;
    bool failOnWarnings = true;
};

/// Limits of a VRAM test (memtest_vulkan, cuda_memtest).
struct VramLimits
{
    double maxErrors = 0;
    double minMinutes = 0;
    int minPasses = 0; // cuda_memtest rounds, memtest_vulkan iterations
    bool failOnWarnings = false;
};

/// A reflow profile's window for one alloy.
struct ProfileWindow
{
    QString alloy = QStringLiteral("SAC305");
    double liquidusC = 217;
    std::optional<double> peakMinC = 230, peakMaxC = 250;
    std::optional<double> talMinS = 30, talMaxS = 120;
    std::optional<double> maxRampCPerS = 3, maxCoolingCPerS = 6;
    std::optional<double> maxTimeToPeakS;
    bool failOnWarnings = false;

    /// The built-in window of an alloy (SAC305, SAC405, SAC387, SN100C, Sn63Pb37, Sn62Pb36Ag2,
    /// Sn42Bi58), or nullopt for one the core does not know.
    static std::optional<ProfileWindow> forAlloy(const QString& alloy);
};

/// Limits of an nvidia-smi reading.
struct SmiLimits
{
    std::optional<double> maxTempC;
    double maxEccUncorrected = 0;
    bool failOnWarnings = false;
};

/// What a product's test must show: the runs required and the limits each is held to. A pure
/// value, read from and written to JSON:
///     {"name": "rtx4090", "required": ["gpu-burn", "dcgm", "memtest"],
///      "gpu-burn": {"min_minutes": 30, "max_errors": 0, "min_gflops": 60000, "max_temp_c": 88},
///      "dcgm": {"min_level": 2, "allow_skipped": false, "fail_on_warnings": true},
///      "memtest": {"max_errors": 0, "min_minutes": 5, "min_passes": 0},
///      "profile": {"alloy": "SAC305", "liquidus_c": 217, "peak_min_c": 230, "peak_max_c": 250,
///                  "tal_min_s": 30, "tal_max_s": 120, "max_ramp_c_per_s": 3, "max_cooling_c_per_s": 6},
///      "nvidia-smi": {"max_temp_c": 90, "max_ecc_uncorrected": 0},
///      "models": {"RTX4090": {"gpu-burn": {"min_gflops": 70000}}}}
/// Every member may be left out (the default plan's value stands); a key the plan does not know
/// is refused, so that a misspelt limit is never silently no limit. "models" holds what differs
/// for one model; fromJson applies it when given that model.
class TestPlan
{
    Q_DECLARE_TR_FUNCTIONS(TestPlan)

public:
    QString name = QStringLiteral("default");
    QList<RigKind> required;
    BurnInLimits burnIn;
    DcgmLimits dcgm;
    VramLimits vram;
    ProfileWindow profile;
    SmiLimits smi;

    /// The built-in plan used where none is set: a run must be whole (finished, nothing skipped,
    /// no worker dead, work done), without errors, DCGM at level 2 or more with every test passed
    /// and its warnings failing, a SAC305 reflow window; no minimum time (that is each product's).
    static TestPlan defaultPlan();
    /// "strict": the default with 30 minutes of burn-in, DCGM level 3, 5 minutes of VRAM test,
    /// and gpu-burn, dcgm and memtest required.
    static std::optional<TestPlan> builtIn(const QString& name);
    static QStringList builtInNames();
    /// The plan a station or `--plan` names: a built-in one, else a test plan JSON file, with the
    /// part of `model` applied.
    static Result<TestPlan> named(const QString& nameOrFile, const QString& model = {});
    static Result<TestPlan> fromJson(const QJsonObject& o, const QString& model = {});
    /// From a JSON file's bytes; errors name the plan.
    static Result<TestPlan> fromJsonText(const QByteArray& json, const QString& model = {});
    QJsonObject toJson() const;
    /// Swaps the reflow window for an alloy's built-in one; false for an unknown alloy.
    bool useAlloy(const QString& alloy);
    bool needs(RigKind kind) const { return required.contains(kind); }
};

} // namespace rework
