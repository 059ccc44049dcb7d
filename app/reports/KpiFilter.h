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

    QString fromText() const { return QDateTime(from, QTime(0, 0), Qt::UTC).toString(Qt::ISODateWithMs); }
    QString toText() const
    {
        return QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC).toString(Qt::ISODateWithMs);
    }
};

} // namespace rework
