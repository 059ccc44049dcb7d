#include "PcieLinkCheck.h"

#include <algorithm>

namespace rework {
namespace {

std::optional<int> toInt(const QString& value)
{
    bool ok = false;
    const int n = value.trimmed().toInt(&ok);
    return ok ? std::optional<int>(n) : std::nullopt;
}

} // namespace

PcieLinkFigures PcieLinkFigures::fromReadings(const QList<std::pair<QString, QString>>& readings)
{
    auto get = [&](const char* key) -> QString {
        for (const auto& [k, v] : readings) {
            if (k == QLatin1StringView(key))
                return v;
        }
        return {};
    };
    PcieLinkFigures f;
    // "Current" is the link's; "Device Current" only exists in newer reports and agrees with it.
    f.genCurrent = toInt(get("pcie_gen_current"));
    if (!f.genCurrent)
        f.genCurrent = toInt(get("pcie_gen_device_current"));
    // Older reports have only "Max", already capped by what the host allows.
    f.genDeviceMax = toInt(get("pcie_gen_device_max"));
    if (!f.genDeviceMax)
        f.genDeviceMax = toInt(get("pcie_gen_max"));
    f.genHostMax = toInt(get("pcie_gen_host_max"));
    f.widthCurrent = toInt(get("pcie_width_current"));
    f.widthMax = toInt(get("pcie_width_max"));
    f.pstate = get("pstate").trimmed().toUpper();
    f.utilGpuPct = toInt(get("util_gpu_pct"));
    return f;
}

PcieLinkCheck PcieLinkCheck::assess(const PcieLinkFigures& f, int loadThresholdPct)
{
    PcieLinkCheck c;
    c.underLoad = f.pstate == QLatin1StringView("P0") || (f.utilGpuPct && *f.utilGpuPct >= loadThresholdPct);
    if (!f.genCurrent || !f.genDeviceMax || !f.widthCurrent || !f.widthMax)
        return c; // Incomplete
    c.genCurrent = *f.genCurrent;
    c.genExpected = f.genHostMax ? std::min(*f.genDeviceMax, *f.genHostMax) : *f.genDeviceMax;
    c.widthCurrent = *f.widthCurrent;
    c.widthExpected = *f.widthMax;
    if (!c.genBelow() && !c.widthBelow())
        c.state = PcieLinkState::Ok;
    else
        c.state = c.underLoad ? PcieLinkState::Degraded : PcieLinkState::UnprovenIdle;
    return c;
}

PcieLinkCheck PcieLinkCheck::assess(const QList<std::pair<QString, QString>>& readings, int loadThresholdPct)
{
    return assess(PcieLinkFigures::fromReadings(readings), loadThresholdPct);
}

} // namespace rework
