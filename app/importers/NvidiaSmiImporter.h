#pragma once

#include "NvidiaSmiReport.h"
#include "domain/Result.h"
#include "domain/Step.h"

#include <QCoreApplication>
#include <QStringList>

#include <utility>

namespace rework {

/// Reads nvidia-smi reports of every driver generation we have seen: the XML of DTD v11, v12
/// and v13 (whose tag names differ) and the plain-text `-q` output, as saved on Linux or on
/// Windows (UTF-8 with or without BOM, UTF-16LE/BE, CRLF). Hostile or broken input (entity
/// bombs, truncated XML, huge files, FIFOs and devices, no GPU) is a clear error, never a crash.
class NvidiaSmiImporter
{
    Q_DECLARE_TR_FUNCTIONS(NvidiaSmiImporter)

public:
    /// (key, value) pairs, in a fixed order; absent values are left out, never blank.
    using Readings = QList<std::pair<QString, QString>>;

    static constexpr qint64 kMaxReportBytes = 8LL * 1024 * 1024;
    /// The most GPUs one report may list (a DGX has 16); more is not a real report.
    static constexpr int kMaxGpus = 64;

    static Result<NvidiaSmiReport> parse(const QByteArray& data);
    /// Reads only a regular file of at most kMaxReportBytes (storage/InputFile).
    static Result<NvidiaSmiReport> parseFile(const QString& path);

    /// The GPUs of a report, for a person to pick one.
    static QList<GpuListEntry> gpuList(const NvidiaSmiReport& report);

    /// Every reading of one GPU. `gpuIndex` picks one GPU of a multi-GPU report (required there).
    /// Keys the test and intake steps take: gpu_uuid, vbios, mem_mib, pcie_gen (the link's
    /// maximum), pcie_width (the current width), temp_max_c, driver, partner. Then: gpu_index,
    /// bus_id, product, board_serial, pci_device_id (0x268410DE), pcie_gen_current, pcie_gen_max,
    /// pcie_gen_device_current, pcie_gen_device_max, pcie_gen_host_max, pcie_width_current,
    /// pcie_width_max, pstate (P0..P12), util_gpu_pct. domain/PcieLinkCheck reads the PCIe ones.
    static Result<Readings> readings(const NvidiaSmiReport& report, int gpuIndex = -1);
    /// The same readings as `key=value`.
    static Result<QStringList> fieldsFor(const NvidiaSmiReport& report, int gpuIndex = -1);

    /// Board partner from a PCI subsystem vendor id ("1458" -> "gigabyte"), empty if unknown.
    static QString partnerForVendor(const QString& vendorHex);
};

} // namespace rework
