#pragma once

#include "NvidiaSmiReport.h"
#include "RigRun.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace rework {

/// Reads `nvidia-smi --query-gpu=... --format=csv` (with or without units, any fields, the old
/// clocks_throttle_reasons and the new clocks_event_reasons names): a GPU per row, its readings
/// as measurements under the names an nvidia-smi -q report gives them (temperature_c, power_w,
/// ecc_uncorrected, pcie_gen_current...), a thermal or hardware slowdown as a warning. Also turns a
/// parsed -q report (NvidiaSmiImporter) into the same run.
class SmiQueryCsvImporter
{
    Q_DECLARE_TR_FUNCTIONS(SmiQueryCsvImporter)

public:
    static Result<RigRun> parse(const QByteArray& data);
    static int likeness(QStringView text);
    /// A run of a parsed nvidia-smi -q / -q -x report: every GPU's readings.
    static RigRun fromReport(const NvidiaSmiReport& report);
};

} // namespace rework
