#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace rework {

/// The PCIe figures of one GPU that tell whether its link trained as it should, as the
/// nvidia-smi importer's readings name them (pcie_gen_current, pcie_gen_device_max, ...).
struct PcieLinkFigures
{
    std::optional<int> genCurrent;
    std::optional<int> genDeviceMax; // the card's own maximum; older reports give only the link's
    std::optional<int> genHostMax;   // the slot's maximum, where the report gives it
    std::optional<int> widthCurrent;
    std::optional<int> widthMax;
    QString pstate; // "P0".."P12", empty when not reported
    std::optional<int> utilGpuPct;

    /// From (key, value) readings; keys it does not know are ignored, bad numbers are absent.
    static PcieLinkFigures fromReadings(const QList<std::pair<QString, QString>>& readings);
};

enum class PcieLinkState
{
    Ok,           // current generation and width are what both ends support
    Degraded,     // below it, in a report taken under load
    UnprovenIdle, // below it, but the report was taken idle, when links slow down on purpose
    Incomplete,   // the report lacks a current or maximum figure
};

/// Whether a GPU's PCIe link runs below what both the card and the host support. Idle GPUs drop
/// the link to Gen1 (some also drop lanes) to save power, so only a report under load (P0, or
/// the GPU at least `loadThresholdPct` busy) proves a link degraded; a link at full speed proves
/// itself even idle. Not a workflow rule by itself: the rules decide what to do with it.
struct PcieLinkCheck
{
    static constexpr int kLoadThresholdPct = 50;

    PcieLinkState state = PcieLinkState::Incomplete;
    int genCurrent = 0;
    int genExpected = 0; // min(device max, host max) where the host's is known
    int widthCurrent = 0;
    int widthExpected = 0;
    bool underLoad = false;

    bool genBelow() const { return genCurrent < genExpected; }
    bool widthBelow() const { return widthCurrent < widthExpected; }

    static PcieLinkCheck assess(const PcieLinkFigures& figures, int loadThresholdPct = kLoadThresholdPct);
    static PcieLinkCheck assess(const QList<std::pair<QString, QString>>& readings,
                                int loadThresholdPct = kLoadThresholdPct);
};

} // namespace rework
