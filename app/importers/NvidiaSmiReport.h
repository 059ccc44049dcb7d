#pragma once

#include "GpuReading.h"

#include <QList>
#include <QString>

namespace rework {

/// A parsed `nvidia-smi -q -x` (XML, DTD v11..v13) or `nvidia-smi -q` (text) report.
struct NvidiaSmiReport
{
    QString format; // "xml" or "text"
    QString dtd;    // e.g. nvsmi_device_v12.dtd, XML only
    QString driverVersion;
    QString cudaVersion;
    QString timestamp;
    QList<GpuReading> gpus;
};

} // namespace rework
