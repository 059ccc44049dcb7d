#include "ShiftCalendar.h"

#include "storage/ConfigStore.h"

#include <cstdlib>

namespace rework {

ShiftCalendar ShiftCalendar::local(const QDateTime& at)
{
    ShiftCalendar c;
    c.utcOffsetMinutes = at.toLocalTime().offsetFromUtc() / 60;
    return c;
}

Result<ShiftCalendar> ShiftCalendar::load(const QSqlDatabase& db)
{
    // The settings' store knows their defaults (6, and this PC's offset) and refuses for every
    // reader alike a value only a hand-edited file holds.
    const ConfigStore settings(db);
    Result<int> dayStart = settings.number(QStringLiteral("shift.day_start_hour"));
    if (!dayStart)
        return dayStart.error();
    Result<int> offset = settings.number(QStringLiteral("shift.utc_offset_minutes"));
    if (!offset)
        return offset.error();
    ShiftCalendar c;
    c.dayStartHour = dayStart.value();
    c.utcOffsetMinutes = offset.value();
    return c;
}

QDateTime ShiftCalendar::start(const QDate& localDate, bool night) const
{
    const QDateTime localStart(localDate, QTime(dayStartHour, 0), Qt::UTC);
    return localStart.addSecs((night ? 12 * 3600 : 0) - static_cast<qint64>(utcOffsetMinutes) * 60);
}

std::pair<QDate, bool> ShiftCalendar::shiftOf(const QDateTime& utc) const
{
    // Shift the clock so that the day shift starts at midnight: then the date is the shift's
    // date and the first or second half of the day says day or night.
    const QDateTime shifted = utc.toUTC().addSecs(static_cast<qint64>(utcOffsetMinutes) * 60 -
                                                  static_cast<qint64>(dayStartHour) * 3600);
    return {shifted.date(), shifted.time().hour() >= 12};
}

QString ShiftCalendar::key(const QDate& localDate, bool night)
{
    return localDate.toString(Qt::ISODate) + (night ? QStringLiteral(" N") : QStringLiteral(" D"));
}

QString ShiftCalendar::localText(const QDateTime& utc) const
{
    return utc.toUTC()
        .addSecs(static_cast<qint64>(utcOffsetMinutes) * 60)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString ShiftCalendar::offsetText() const
{
    const int minutes = std::abs(utcOffsetMinutes);
    return QStringLiteral("%1%2:%3")
        .arg(utcOffsetMinutes < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

int ShiftCalendar::hourMinute() const
{
    return ((-utcOffsetMinutes) % 60 + 60) % 60;
}

QString ShiftCalendar::hourBucket(const QDateTime& utc) const
{
    return utc.toUTC().addSecs(-60LL * hourMinute()).toString(Qt::ISODate).left(13);
}

QDateTime ShiftCalendar::bucketStart(const QString& bucket) const
{
    return QDateTime::fromString(bucket + QStringLiteral(":00:00Z"), Qt::ISODate)
        .addSecs(60LL * hourMinute());
}

QString ShiftCalendar::localHour(const QString& bucket) const
{
    return bucketStart(bucket)
        .addSecs(static_cast<qint64>(utcOffsetMinutes) * 60)
        .toString(QStringLiteral("yyyy-MM-ddTHH"));
}

QString ShiftCalendar::utcHours(bool night) const
{
    QString hours = QStringLiteral(",");
    for (int h = 0; h < 24; ++h) {
        const QString bucket = QStringLiteral("2000-01-03T%1").arg(h, 2, 10, QLatin1Char('0'));
        if (shiftOf(bucketStart(bucket)).second == night)
            hours += QStringLiteral("%1,").arg(h, 2, 10, QLatin1Char('0'));
    }
    return hours;
}

} // namespace rework
