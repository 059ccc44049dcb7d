#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace rework {

/// What a KPI report covers: a date range (whole days, UTC, both ends included) and optionally
/// one station or one product model.
struct KpiFilter
{
    QDate from;
    QDate to;
    QString station;
    QString model;
    double agingHours = 24;   // WIP idle longer than this is "aging"
    double mslWarnHours = 24; // dies with less floor life left than this raise an alarm
    QDateTime now;            // for aging and MSL; default: the clock's now
    /// An exact window (a shift) instead of whole days, when both are set.
    QDateTime start, end;

    QString fromText() const
    {
        return (start.isValid() ? start : QDateTime(from, QTime(0, 0), Qt::UTC))
            .toUTC()
            .toString(Qt::ISODateWithMs);
    }
    QString toText() const
    {
        return (end.isValid() ? end : QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC))
            .toUTC()
            .toString(Qt::ISODateWithMs);
    }
    /// Day shift 06:00-18:00 or night shift 18:00-06:00 (next day) of `date`, UTC.
    static KpiFilter shift(const QDate& date, bool night)
    {
        KpiFilter f;
        f.from = f.to = date;
        f.start = QDateTime(date, QTime(night ? 18 : 6, 0), Qt::UTC);
        f.end = f.start.addSecs(12 * 3600);
        return f;
    }
};

} // namespace rework
