#pragma once

#include "domain/Result.h"
#include "importers/ProfileImportSettings.h"
#include "importers/RigRun.h"
#include "importers/TestPlan.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

namespace rework {

/// One tool run of a test plan at this PC: what to start, and how long it may take.
struct RigCommand
{
    RigKind kind = RigKind::GpuBurn;
    QString key;           // the setting that names it: rig.command.gpu-burn
    QString program;       // as configured: "gpu_burn" (looked up in PATH) or a path
    QStringList arguments; // placeholders filled in
    int expectedS = 60;    // how long a run takes, for the progress bar
    int stopAfterS = 0;    // a tool that runs until stopped (memtest_vulkan) is interrupted then; 0: never
    int timeoutS = 600;    // a run still going then has hung: it is killed and counts for nothing
};

/// How this test PC starts each kind of rig tool. The tools live on the PC, so their command lines
/// do too: `rig.conf` in the data folder (beside the database), one `key=value` a line:
///     rig.command.gpu-burn=/opt/gpu-burn/gpu_burn {seconds}
///     rig.command.dcgm=dcgmi diag -r {level}
///     rig.timeout.gpu-burn=2100        (seconds)
///     rig.stop-after.memtest=360      (seconds)
///     rig.report-after=60             (seconds into the burn-in the GPU's report is taken)
///     rig.import-profile=oven-a.json  (how this station's oven writes its thermocouple CSV)
/// Keys left out keep the defaults (nvidia-smi -q -x, gpu_burn {seconds}, dcgmi diag -r {level},
/// memtest_vulkan). Placeholders: {seconds} the plan's burn-in time, {minutes} the VRAM test
/// time, {level} the DCGM level.
class RigCommands
{
    Q_DECLARE_TR_FUNCTIONS(RigCommands)

public:
    static constexpr QLatin1StringView kFileName{"rig.conf"};

    /// The settings of `dataFolder`/rig.conf over the defaults; no file: the defaults.
    static Result<RigCommands> load(const QString& dataFolder);
    /// The same from the file's text (a test's, or one read already).
    static Result<RigCommands> fromText(const QByteArray& text);
    /// The command of `kind` for `plan`; an empty command line is refused.
    Result<RigCommand> commandFor(RigKind kind, const TestPlan& plan) const;
    /// The runs `plan` makes at a test station, in order: the GPU's nvidia-smi report (the test
    /// gate needs it) first, or right after the burn-in when the plan has one (it is taken during
    /// it, under load), and the plan's required runs. A reflow profile is no station run.
    static QList<RigKind> runsOf(const TestPlan& plan);
    /// How far into the burn-in the GPU's report is taken (rig.report-after, default 60 s).
    int reportAfterS() const;
    /// The test plan this PC's *Run test plan* runs (rig.plan: a built-in name or a plan file;
    /// default "strict": the built-in plan that requires a burn-in, DCGM and a VRAM test).
    QString planName() const;
    /// How the thermocouple logs of this station's oven are laid out (rig.import-profile: a JSON
    /// import profile, as `reworkctl parse --import-profile` takes, its path relative to
    /// `dataFolder`); unset: every setting detected. A profile that cannot be read is an error, not
    /// a guess: a log read with the wrong units would be judged by the wrong figures.
    Result<ProfileImportSettings> importProfile(const QString& dataFolder) const;
    /// "rig.command.gpu-burn".
    static QString commandKey(RigKind kind);

private:
    QHash<QString, QString> m_values;
};

} // namespace rework
