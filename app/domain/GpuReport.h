#pragma once

#include "PcieLinkCheck.h"

#include <QString>

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
    QString partner; // board partner, from the PCI subsystem vendor ("gigabyte")
    std::optional<double> memMib, tempC;
    PcieLinkFigures pcie;
};

} // namespace rework
