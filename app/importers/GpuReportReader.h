#pragma once

#include "NvidiaSmiReport.h"
#include "domain/GpuReport.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace rework {

/// What the test gate believes of one GPU: read from an nvidia-smi report, with the report file
/// kept as evidence, so that the record and its proof always agree.
class GpuReportReader
{
    Q_DECLARE_TR_FUNCTIONS(GpuReportReader)

public:
    /// One GPU of a parsed report (`gpuIndex` as smi_gpu=; required when it lists several).
    static Result<GpuReport> read(const NvidiaSmiReport& report, int gpuIndex = -1);
    /// Reads the report file, keeps it as evidence in `dataFolder` and returns that GPU's report.
    static Result<GpuReport> readFile(const QString& path, int gpuIndex, const QString& dataFolder);

    /// `smi=FILE` and `smi_gpu=N` taken out of `key=value` arguments (the CLI's): the GPU's
    /// report, if one was given, and the other arguments.
    struct Arguments
    {
        std::optional<GpuReport> report;
        QStringList rest;
    };
    static Result<Arguments> takeArguments(const QStringList& keyValues, const QString& dataFolder);
};

} // namespace rework
