#pragma once

#include "GpuReading.h"

#include <QList>
#include <QString>

namespace rework {

/// A parsed `nvidia-smi -q -x` (XML, DTD v11..v13) or `nvidia-smi -q` (text) report.
struct NvidiaSmiReport
{
    QString format;        // "xml" or "text"
    QString dtd;           // e.g. nvsmi_device_v12.dtd, XML only
    QString driverVersion; // the KMD version on drivers 610+, never their "[Deprecated; …]" note
    QString cudaVersion;   // the CUDA UMD version on drivers 610+
    QString timestamp;
    QList<GpuReading> gpus;
};

/// One GPU of a report as a person picks it from a list; `index` is what `smi_gpu=` takes.
struct GpuListEntry
{
    int index = 0;
    QString busId;
    QString uuid;
    QString productName;
};

} // namespace rework
