#include "SyncOrigins.h"

#include "storage/Sql.h"

namespace rework {

Result<QList<OriginSync>> SyncOrigins::list() const
{
    auto q = sql::run(m_db, QStringLiteral("SELECT origin, stations, last_push_at FROM sync_origins "
                                           "ORDER BY last_push_at, origin"));
    if (!q)
        return q.error();
    QList<OriginSync> out;
    while (q.value().next()) {
        OriginSync o;
        o.origin = q.value().value(0).toString();
        o.stations = q.value().value(1).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        o.lastPushAt = QDateTime::fromString(q.value().value(2).toString(), Qt::ISODateWithMs).toUTC();
        out.append(o);
    }
    return out;
}

QStringList SyncOrigins::silentStations(const QList<OriginSync>& origins, const QDateTime& now,
                                        qint64 maxSeconds)
{
    QStringList out;
    for (const OriginSync& o : origins) {
        // An unreadable time counts as silent: nobody can say it synced.
        if (!o.lastPushAt.isValid() || o.lastPushAt.secsTo(now) > maxSeconds)
            out << (o.stations.isEmpty() ? QStringList{o.origin} : o.stations);
    }
    return out;
}

} // namespace rework
