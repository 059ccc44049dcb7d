#pragma once

#include <QString>

#include <optional>

namespace rework {

/// What one GPU said about itself in an `nvidia-smi -q` report. Absent values (N/A, REDACTED,
/// all zero) are empty / nullopt, never placeholders.
struct GpuReading
{
    QString busId;
    QString productName;
    QString uuid;               // GPU-xxxxxxxx-..., lower-case hex
    QString boardSerial;        // 13 digits on datacenter boards; absent on GeForce
    QString vbios;              // e.g. 95.02.18.80.5F
    QString gpuPartNumber;      // e.g. 2684-300-A1
    QString pciDeviceId;        // e.g. 2684 (device part of 268410DE)
    QString pciSubsystemVendor; // e.g. 1458
    QString boardPartner;       // e.g. gigabyte, from the subsystem vendor
    std::optional<int> memoryTotalMib;
    std::optional<int> pcieGenMax;
    std::optional<int> pcieGenCurrent;
    std::optional<int> linkWidthMax;
    std::optional<int> linkWidthCurrent;
    std::optional<double> temperatureC;
    std::optional<double> powerDrawW;
};

} // namespace rework
