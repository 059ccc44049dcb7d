#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace rework {

/// One station database as the central server last saw it: the stations it records for and when
/// it last pushed (the server's `origins`, pulled into `sync_origins`).
struct OriginSync
{
    QString origin;
    QStringList stations;
    QDateTime lastPushAt; ///< UTC
};

/// When each station last synced, for the status bar and the dashboard's warning.
class SyncOrigins
{
public:
    explicit SyncOrigins(const QSqlDatabase& db) : m_db(db) {}

    /// Every origin the server knows, the longest silent first.
    Result<QList<OriginSync>> list() const;
    /// The stations of origins that have not pushed for more than `maxSeconds` before `now`.
    static QStringList silentStations(const QList<OriginSync>& origins, const QDateTime& now,
                                      qint64 maxSeconds = qint64{24} * 3600);

private:
    QSqlDatabase m_db;
};

} // namespace rework
