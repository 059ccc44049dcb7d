#pragma once

#include "domain/Clock.h"

#include <QDate>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

#include "domain/Result.h"

#include <utility>

namespace rework {

/// Two 12-hour shifts a day in the factory's local time: day from `dayStartHour`, night from
/// 12 hours later until the next day shift. Events are stored in UTC; this maps between the two.
/// A night shift belongs to the local date it started on.
struct ShiftCalendar
{
    int dayStartHour = 6;
    int utcOffsetMinutes = 0; // local time = UTC + offset

    /// The calendar in this computer's time zone (its offset now).
    /// This PC's offset from UTC at `at`.
    static ShiftCalendar local(const QDateTime& at = systemClock().now());
    /// The factory's calendar: config keys `shift.day_start_hour` (default 6) and
    /// `shift.utc_offset_minutes` (default: this computer's time zone).
    static Result<ShiftCalendar> load(const QSqlDatabase& db);

    /// When the shift starts, in UTC.
    QDateTime start(const QDate& localDate, bool night) const;
    /// The shift a UTC moment falls in: its local start date, and whether it is a night shift.
    std::pair<QDate, bool> shiftOf(const QDateTime& utc) const;
    /// "2026-11-02 D" or "2026-11-02 N": a sortable key for tables, charts and JSON.
    static QString key(const QDate& localDate, bool night);
    /// A UTC moment as the factory's clock reads it: "2026-11-27 06:00".
    QString localText(const QDateTime& utc) const;
    /// The factory's offset from UTC: "+08:00", "-05:30".
    QString offsetText() const;
    /// The minute of each UTC hour at which the factory's clock hours begin: 0 for a whole-hour
    /// offset, 30 at UTC+05:30, 15 at UTC+05:45. Offsets are multiples of 15 minutes.
    int hourMinute() const;
    /// The UTC hour ('yyyy-MM-ddTHH') in which the factory's clock hour holding `utc` begins: the
    /// key of an hourly rollup's bucket once its hours are cut at hourMinute().
    QString hourBucket(const QDateTime& utc) const;
    /// The start of a bucket named by hourBucket(), in UTC.
    QDateTime bucketStart(const QString& bucket) const;
    /// The factory's clock hour of a bucket: "2026-11-27T06".
    QString localHour(const QString& bucket) const;
    /// The buckets' hours of the day (",06,07,...,") that lie in the shift; for SQL `instr`.
    QString utcHours(bool night) const;
};

} // namespace rework
