#pragma once

#include "reports/KpiReport.h"

class QChart;

namespace rework {

/// Station output against its target, drawn for the dashboard and the printed reports.
class ThroughputCharts
{
public:
    /// The latest `maxShifts` shifts: one bar per station per shift and the target as a line.
    /// `station` is the filter's station, empty for all (then the default target is drawn).
    static void setPerShift(QChart* chart, const KpiReport& report, const QString& station,
                            int maxShifts = 6);
    /// One line per station over the latest `maxHours` hours with work, and the hourly share of
    /// the target (a shift is 12 hours) as a dashed line.
    static void setPerHour(QChart* chart, const KpiReport& report, const QString& station, int maxHours = 48);
};

} // namespace rework
