#pragma once

#include "ProfileImportSettings.h"
#include "RigRun.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

namespace rework {

/// What a reading of a rig file needs besides the file: its kind (detected when absent), how a
/// thermocouple log is laid out, and the liquidus its figures are taken against.
struct RigImportOptions
{
    std::optional<RigKind> kind;
    ProfileImportSettings profile;
    double liquidusC = 217;
    QString alloy = QStringLiteral("SAC305");
};

/// The one door to the rig importers: tells a file's kind from its content (nvidia-smi XML or
/// text, --query-gpu CSV, gpu_burn, dcgmi diag, memtest_vulkan, cuda_memtest, a thermocouple CSV)
/// and reads it with the importer of that format. Pure parsing: nothing is stored.
class RigImport
{
    Q_DECLARE_TR_FUNCTIONS(RigImport)

public:
    /// The kind of `data`, or nullopt when no importer recognises it.
    static std::optional<RigKind> detect(const QByteArray& data);
    static Result<RigRun> parse(const QByteArray& data, const RigImportOptions& options);
    /// Reads a regular file of at most RigText::kMaxBytes, then parse().
    static Result<RigRun> parseFile(const QString& path, const RigImportOptions& options);
    /// The step field a kind is given in: burnin, dcgm, vram, profile_log, smi.
    static QString fieldOf(RigKind kind);
};

} // namespace rework
