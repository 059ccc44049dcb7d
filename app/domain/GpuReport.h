#pragma once

#include <QString>

#include <algorithm>
#include <optional>

namespace rework {

/// What one GPU says of itself in a report (nvidia-smi), as the test gate checks it. Filled by an
/// importer from the file, never from what an operator typed; the file itself is kept as evidence.
struct GpuReport
{
    QString evidence;    // stored-file reference of the report (EvidenceStore)
    QString productName; // "NVIDIA GeForce RTX 4090"
    QString boardSerial; // empty where the board reports N/A (every GeForce)
    QString deviceId;    // PCI device id without the vendor, lower-case hex: "2684"
    QString gpuUuid;     // empty when masked, all zero or N/A: such a report proves no identity
    QString vbios, driver;
    std::optional<double> memMib, tempC;
    /// PCIe link: the generation and width it runs at, the most the GPU supports, and the most the
    /// host slot supports (newer reports only).
    std::optional<int> pcieGen, pcieGenMax, pcieGenHostMax;
    std::optional<int> pcieWidth, pcieWidthMax, pcieWidthHostMax;
    QString performanceState;          // "P0" (busy) .. "P8" (idle)
    std::optional<double> utilisation; // GPU utilisation in %

    /// Busy enough that the link runs at its trained speed: idle GPUs drop to Gen 1 by design.
    bool underLoad() const
    {
        return performanceState == QLatin1StringView("P0") || (utilisation && *utilisation >= 50);
    }
    /// The generation and width both sides support; what a healthy link under load runs at.
    std::optional<int> expectedGen() const { return lower(pcieGenMax, pcieGenHostMax); }
    std::optional<int> expectedWidth() const { return lower(pcieWidthMax, pcieWidthHostMax); }

private:
    static std::optional<int> lower(std::optional<int> device, std::optional<int> host)
    {
        if (device && host)
            return std::min(*device, *host);
        return device ? device : host;
    }
};

} // namespace rework
