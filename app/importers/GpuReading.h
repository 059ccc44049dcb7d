#pragma once

#include <QString>

#include <optional>

namespace rework {

/// What one GPU said about itself in an `nvidia-smi -q` report. Absent values (N/A, REDACTED,
/// all zero, masked) are empty / nullopt, never placeholders.
struct GpuReading
{
    QString busId;
    QString productName;
    QString uuid;               // GPU-xxxxxxxx-..., lower-case hex; empty unless well formed
    QString boardSerial;        // 13 digits on datacenter boards; absent on GeForce
    QString vbios;              // e.g. 95.02.18.80.5F
    QString gpuPartNumber;      // e.g. 2684-300-A1
    QString pciId;              // e.g. 0x268410DE: device 2684, vendor 10DE
    QString pciDeviceId;        // e.g. 2684 (device part of 268410DE)
    QString pciSubsystemVendor; // e.g. 1458
    QString boardPartner;       // e.g. gigabyte, from the subsystem vendor
    QString performanceState;   // P0 (full speed) .. P12 (idle)
    std::optional<int> memoryTotalMib;
    std::optional<int> pcieGenMax;           // the link's: what card and host both allow
    std::optional<int> pcieGenCurrent;       // the link's now (Gen1 when idle)
    std::optional<int> pcieGenDeviceCurrent; // newer reports only
    std::optional<int> pcieGenDeviceMax;     // newer reports only
    std::optional<int> pcieGenHostMax;       // newer reports only
    std::optional<int> linkWidthMax;
    std::optional<int> linkWidthCurrent;
    std::optional<int> utilizationGpuPct;
    std::optional<double> temperatureC;
    std::optional<double> powerDrawW;
};

} // namespace rework
