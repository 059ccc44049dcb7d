#pragma once

#include "NvidiaSmiReport.h"
#include "domain/Result.h"
#include "domain/Step.h"

#include <QCoreApplication>
#include <QStringList>

namespace rework {

/// Reads nvidia-smi reports of every driver generation we have seen: the XML of DTD v11, v12
/// and v13 (whose tag names differ) and the plain-text `-q` output. Hostile or broken input
/// (entity bombs, truncated XML, huge files, no GPU) is a clear error, never a crash.
class NvidiaSmiImporter
{
    Q_DECLARE_TR_FUNCTIONS(NvidiaSmiImporter)

public:
    static constexpr qint64 kMaxReportBytes = 8LL * 1024 * 1024;

    static Result<NvidiaSmiReport> parse(const QByteArray& data);
    static Result<NvidiaSmiReport> parseFile(const QString& path);

    /// The fields a report fills: gpu_uuid, vbios, mem_mib, pcie_gen, pcie_width, temp_max_c,
    /// driver, partner, as `key=value`. `gpuIndex` picks one GPU of a multi-GPU report.
    static Result<QStringList> fieldsFor(const NvidiaSmiReport& report, int gpuIndex = -1);

    /// Replaces `smi=FILE` (and `smi_gpu=N`) in `key=value` arguments by the fields the report
    /// fills. Fields given explicitly win over the report's.
    /// Only fields that `step` takes are added.
    static Result<QStringList> expandReportArgument(Step step, const QStringList& keyValues);
    /// The fields of `step` a report file gives, as (key, value) for a form to show.
    static Result<QList<std::pair<QString, QString>>> readingsFor(Step step, const QString& path,
                                                                  int gpuIndex = -1);

    /// Board partner from a PCI subsystem vendor id ("1458" -> "gigabyte"), empty if unknown.
    static QString partnerForVendor(const QString& vendorHex);
};

} // namespace rework
