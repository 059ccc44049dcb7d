#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace rework {

/// One row of the append-only event log.
struct EventRecord
{
    qint64 seq = 0;
    QString id;
    QDateTime recordedAt;
    QString stationId;
    QString operatorId;
    QString step;
    QString subject;
    QJsonObject payload;
    bool voided = false;
};

} // namespace rework
