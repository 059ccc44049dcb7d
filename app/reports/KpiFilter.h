#pragma once

#include "ShiftCalendar.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace rework {

/// What a KPI report covers: a date range (whole days, UTC, both ends included), optionally one
/// shift of each day, one station, one product model, or one batch.
struct KpiFilter
{
    enum class Shift
    {
        Any,
        Day,
        Night
    };

    QDate from;
    QDate to;
    QString station;
    QString model;
    Shift shiftOfDay = Shift::Any;
    ShiftCalendar calendar;
    /// A batch is a cohort: set, the figures cover that batch's units whenever their work was
    /// done, and the date range and shift do not apply.
    QString batch;
    double agingHours = 24;   // WIP idle longer than this is "aging"
    double mslWarnHours = 24; // dies with less floor life left than this raise an alarm
    QDateTime now;            // for aging and MSL; default: the clock's now
    /// An exact window (one shift) instead of whole days, when both are set. Hourly figures
    /// count the hours that start inside it.
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
    /// One shift of `date` by `calendar` as an exact window.
    static KpiFilter shift(const QDate& date, bool night, const ShiftCalendar& calendar = {})
    {
        KpiFilter f;
        f.from = f.to = date;
        f.calendar = calendar;
        f.start = calendar.start(date, night);
        f.end = f.start.addSecs(12LL * 3600);
        return f;
    }
};

} // namespace rework
