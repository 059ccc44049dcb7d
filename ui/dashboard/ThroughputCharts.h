#pragma once

#include "reports/KpiReport.h"

class QChart;

namespace rework {

/// Station output against its target, drawn for the dashboard.
class ThroughputCharts
{
public:
    /// How many shifts or hours a chart shows, of how many the report holds: a long range shows
    /// its latest only, and the title has to say so.
    struct Shown
    {
        qsizetype shown = 0;
        qsizetype total = 0;
        bool cut() const { return shown < total; }
    };
    /// The latest `maxShifts` shifts: one bar per station per shift and the target as a line.
    /// `station` is the filter's station, empty for all (then the default target is drawn).
    static Shown setPerShift(QChart* chart, const KpiReport& report, const QString& station,
                             int maxShifts = 6);
    /// One line per station over the latest `maxHours` hours with work, and the hourly share of
    /// the target (a shift is 12 hours) as a dashed line.
    static Shown setPerHour(QChart* chart, const KpiReport& report, const QString& station,
                            int maxHours = 48);
};

} // namespace rework
