#pragma once

#include "ShiftCalendar.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace rework {

/// What a KPI report covers: a range of production days (both ends included), optionally one
/// shift of each day, one station, one product model, or one batch. A production day is the
/// factory's: it starts with its day shift, in local time, and holds the night shift that starts
/// that evening, so that a day's figures are its two shifts' and a shift is never cut in half.
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

    /// The window in UTC: from the day shift that starts `from` to the one after `to`'s night.
    QDateTime startUtc() const { return (start.isValid() ? start : calendar.start(from, false)).toUTC(); }
    QDateTime endUtc() const { return (end.isValid() ? end : calendar.start(to.addDays(1), false)).toUTC(); }
    QString fromText() const { return startUtc().toString(Qt::ISODateWithMs); }
    QString toText() const { return endUtc().toString(Qt::ISODateWithMs); }
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
