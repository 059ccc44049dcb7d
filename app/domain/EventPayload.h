#pragma once

#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace rework {

/// The keys of an event's payload, named once. A payload holds the step's inputs (StepSchema) and
/// what the rules add (ids created, the model carried along, the outcome); stored events keep
/// these names for ever, so a key is never renamed, only added.
namespace payload {
using Key = QLatin1StringView;
// Identities the event concerns.
inline constexpr Key Card{"card"}, Die{"die"}, Board{"board"}, Unit{"unit"}, Batch{"batch"}, Item{"item"},
    ItemKind{"item_kind"}, Event{"event"}, GpuUuid{"gpu_uuid"},
    Scanned{"scanned"}; // what was scanned where it stood for another item (a board for its unit)
// Intake and strip.
inline constexpr Key Model{"model"}, Lot{"lot"}, Partner{"partner"}, PcbRev{"pcb_rev"},
    Condition{"condition"}, Marking{"marking"}, DateCode{"date_code"}, MemoryChips{"memory_chips"},
    Damage{"damage"}, Msl{"msl"}, DryStorageLeftAt{"dry_storage_left_at"}, Posts{"posts"}, Vbios{"vbios"},
    Driver{"driver"};
// Reball, mount and bake.
inline constexpr Key Alloy{"alloy"}, BallMm{"ball_mm"}, Stencil{"stencil"}, FluxLot{"flux_lot"}, Oven{"oven"},
    Profile{"profile"}, PeakC{"peak_c"}, TalS{"tal_s"}, Hours{"hours"}, TempC{"temp_c"}, Start{"start"},
    End{"end"};
// Inspect and test.
inline constexpr Key Result{"result"}, Defect{"defect"}, VoidPct{"void_pct"}, Bridges{"bridges"},
    MissingBalls{"missing_balls"}, Hip{"hip"}, Misaligned{"misaligned"}, RailShort{"rail_short"},
    MemMib{"mem_mib"}, PcieGen{"pcie_gen"}, PcieWidth{"pcie_width"}, TempMaxC{"temp_max_c"}, Burnin{"burnin"},
    BurninMin{"burnin_min"}, Vram{"vram"}, VramErrors{"vram_errors"};
// What imported test rig outputs add (importers/RigRunReader): each run's verdict and measurements
// under rig_runs (keyed by its field), and flat figures that dashboards chart.
inline constexpr Key RigRuns{"rig_runs"}, Dcgm{"dcgm"}, DcgmLevel{"dcgm_level"},
    BurninGflops{"burnin_gflops"}, BurninErrors{"burnin_errors"}, VramMin{"vram_min"},
    ProfileLog{"profile_log"}, RampCPerS{"ramp_c_per_s"}, CoolingCPerS{"cooling_c_per_s"},
    TimeToPeakS{"time_to_peak_s"};
// What the GPU's own report said (test and intake), and a supervisor's override of it.
inline constexpr Key PcieGenMax{"pcie_gen_max"}, PcieGenHostMax{"pcie_gen_host_max"},
    PcieWidthMax{"pcie_width_max"}, PerformanceState{"pstate"}, Utilisation{"util_gpu_pct"},
    ReportProduct{"report_product"}, ReportBoardSerial{"report_board_serial"},
    ReportDeviceId{"report_device_id"}, ReportValues{"report_values"}, OverrideReason{"override_reason"};
// Batches, scrap and voids.
inline constexpr Key BatchOpened{"batch_opened"}, UnitCount{"unit_count"}, Reason{"reason"},
    TargetStep{"target_step"}, Carrier{"carrier"};
// Every step.
inline constexpr Key Outcome{"outcome"}, Notes{"notes"}, Evidence{"evidence"};
// A change of reference data (step "reference", ReferenceChange): the table, the row's key
// columns and the columns it sets.
inline constexpr Key RefTable{"table"}, RefKey{"key"}, RefSet{"set"};
/// Every key above, for checks that no reader or schema uses an unnamed one. One a line, so that
/// keys added on different branches merge (clang-format packs it into columns at some lengths).
// clang-format off
inline constexpr Key All[] = {Card,
                              Die,
                              Board,
                              Unit,
                              Batch,
                              Item,
                              ItemKind,
                              Event,
                              GpuUuid,
                              Scanned,
                              Model,
                              Lot,
                              Partner,
                              PcbRev,
                              Condition,
                              Marking,
                              DateCode,
                              MemoryChips,
                              Damage,
                              Msl,
                              DryStorageLeftAt,
                              Posts,
                              Vbios,
                              Driver,
                              Alloy,
                              BallMm,
                              Stencil,
                              FluxLot,
                              Oven,
                              Profile,
                              PeakC,
                              TalS,
                              Hours,
                              TempC,
                              Start,
                              End,
                              Result,
                              Defect,
                              VoidPct,
                              Bridges,
                              MissingBalls,
                              Hip,
                              Misaligned,
                              RailShort,
                              MemMib,
                              PcieGen,
                              PcieWidth,
                              TempMaxC,
                              Burnin,
                              BurninMin,
                              Vram,
                              VramErrors,
                              RigRuns,
                              Dcgm,
                              DcgmLevel,
                              BurninGflops,
                              BurninErrors,
                              VramMin,
                              ProfileLog,
                              RampCPerS,
                              CoolingCPerS,
                              TimeToPeakS,
                              PcieGenMax,
                              PcieGenHostMax,
                              PcieWidthMax,
                              PerformanceState,
                              Utilisation,
                              ReportProduct,
                              ReportBoardSerial,
                              ReportDeviceId,
                              ReportValues,
                              OverrideReason,
                              BatchOpened,
                              UnitCount,
                              Reason,
                              TargetStep,
                              Carrier,
                              Outcome,
                              Notes,
                              Evidence,
                              RefTable,
                              RefKey,
                              RefSet};
// clang-format on
} // namespace payload

/// What the rules decided, stored as the payload's `outcome`.
namespace outcome {
inline constexpr QLatin1StringView Received{"received"}, Stripped{"stripped"}, Reballed{"reballed"},
    Mounted{"mounted"}, Remounted{"remounted"}, Pass{"pass"}, Repair{"repair"}, Scrap{"scrap"},
    Packed{"packed"}, Closed{"closed"}, Shipped{"shipped"}, Scrapped{"scrapped"}, Baked{"baked"},
    Voided{"voided"};
} // namespace outcome

/// An event's payload read into named, typed members: the one place that turns payload keys into
/// values. Text left out of the payload reads as empty (the schema never stores an empty text),
/// numbers left out as no value.
struct EventPayload
{
    QString card, die, board, unit, batch, item, itemKind, event, gpuUuid;
    QString model, lot, partner, pcbRev, marking, dateCode, msl, dryStorageLeftAt;
    QString alloy, profile, end;
    QString result, defect, burnin, vram;
    QString reason, targetStep, outcome, overrideReason;
    std::optional<double> ballMm, peakC, talS, hours, tempC;
    std::optional<double> voidPct, bridges, missingBalls, hip, memMib, pcieGen, pcieWidth, tempMaxC,
        vramErrors;
    std::optional<double> unitCount;
    bool misaligned = false, railShort = false;

    static EventPayload read(const QJsonObject& payload);

    bool passed() const { return result == QLatin1StringView("pass"); }
};

} // namespace rework
