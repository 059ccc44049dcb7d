#pragma once

#include "ProfileImportSettings.h"
#include "TestPlan.h"
#include "domain/Action.h"
#include "domain/Result.h"
#include "domain/Step.h"

#include <QCoreApplication>
#include <QStringList>

namespace rework {

/// The test rig outputs given with a step as `key=FILE`: burnin= (gpu_burn), dcgm= (dcgmi diag)
/// and vram= (memtest_vulkan, cuda_memtest) at test, profile_log= (thermocouple CSV) at reball and
/// mount. Each file is read by its importer, judged by the test plan, kept as hashed evidence
/// (staged until the record commits) and handed to the recorder as an ImportedRun. A burnin= or
/// vram= of pass or fail is still the typed result it always was.
class RigRunReader
{
    Q_DECLARE_TR_FUNCTIONS(RigRunReader)

public:
    struct Arguments
    {
        QList<ImportedRun> runs;
        QStringList rest;
    };
    /// Takes the run files of `step` out of `key=value` arguments, judged by `plan` (for a reball or
    /// mount, TestPlanStore::forReflow's); on an error, nothing stays staged. A thermocouple log is
    /// read as `profile` says (the station's oven import profile, RigCommands::importProfile).
    static Result<Arguments> takeArguments(Step step, const QStringList& keyValues, const QString& dataFolder,
                                           const TestPlan& plan, const ProfileImportSettings& profile = {});
    /// Reads, judges and keeps one file as the run of `field`. A profile log's run keeps the
    /// import profile it was read with (`import_profile`), so that its curve is read back alike.
    static Result<ImportedRun> readFile(const QString& field, const QString& path, const QString& dataFolder,
                                        const TestPlan& plan, const ProfileImportSettings& profile = {});
    /// Reads a rig output a station picked by hand (the form's *Import rig log…*): its kind is
    /// told from its content, and it must be one `step` takes; then as readFile().
    static Result<ImportedRun> readForStep(Step step, const QString& path, const QString& dataFolder,
                                           const TestPlan& plan, const ProfileImportSettings& profile = {});
    /// The fields a step takes files in.
    static QStringList fieldsOf(Step step);
};

} // namespace rework
