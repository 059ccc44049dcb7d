#pragma once

#include "RigRun.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace rework {

/// Reads memtest_vulkan's console output: v0.3 lines ("42 iteration. Since last report passed
/// 10.2s written 64.8GB, read: 129.5GB 19.0GB/sec") and v0.4+ lines ("22 iteration. Passed 30.6776
/// seconds written: 4.2GB 0.6GB/sec checked: 8.5GB 0.4GB/sec"), the device tested, each "Error
/// found" block (its error count, in hex on new builds), runtime errors (ERROR_DEVICE_LOST, a
/// memory budget it could not determine) and the final line (PASSed, ERRORS FOUND, INIT OR FIRST
/// testing failed...). Measures the errors, the iterations, the time tested and the speed.
class MemtestVulkanImporter
{
    Q_DECLARE_TR_FUNCTIONS(MemtestVulkanImporter)

public:
    static Result<RigRun> parse(const QByteArray& data);
    static int likeness(QStringView text);
};

} // namespace rework
