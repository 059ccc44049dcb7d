#include "ConflictSides.h"

#include "SetAside.h"
#include "storage/Sql.h"

#include <QSqlQuery>

namespace rework {

Result<QList<ConflictSide>> ConflictSides::of(const QStringList& eventIds) const
{
    QList<ConflictSide> out;
    for (const QString& id : eventIds) {
        ConflictSide side;
        side.eventId = id;
        auto applied =
            sql::row(m_db,
                     QStringLiteral("SELECT station_id, step, subject, recorded_at, EXISTS (SELECT 1 "
                                    "FROM voided_events v WHERE v.event_id = e.id) FROM events e "
                                    "WHERE e.id = ?"),
                     {id});
        if (!applied)
            return applied.error();
        std::optional<QVariantList> found = applied.value();
        if (found) {
            side.held = ConflictSide::Held::Applied;
            side.voided = found->at(4).toBool();
        } else {
            auto kept =
                sql::row(m_db,
                         QStringLiteral("SELECT station_id, step, subject, COALESCE(recorded_at, seen_at) "
                                        "FROM sync_rejected WHERE event_id = ? ORDER BY server_seq LIMIT 1"),
                         {id});
            if (!kept)
                return kept.error();
            found = kept.value();
            if (found)
                side.held = ConflictSide::Held::SetAside;
        }
        if (found) {
            side.stationId = found->at(0).toString();
            side.step = found->at(1).toString();
            side.subject = found->at(2).toString();
            side.recordedAt = QDateTime::fromString(found->at(3).toString(), Qt::ISODateWithMs).toUTC();
        }
        out.append(side);
    }
    return out;
}

Result<QList<SetAsideRecord>> ConflictSides::setAside(bool translated) const
{
    auto q = sql::run(
        m_db, QStringLiteral("SELECT event_id, station_id, step, subject, reason, COALESCE(recorded_at, "
                             "seen_at) FROM sync_rejected ORDER BY server_seq"));
    if (!q)
        return q.error();
    QList<SetAsideRecord> out;
    while (q.value().next()) {
        const QSqlQuery& row = q.value();
        out.append({row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                    row.value(3).toString(), SetAside::reasonText(row.value(4).toString(), translated),
                    QDateTime::fromString(row.value(5).toString(), Qt::ISODateWithMs).toUTC()});
    }
    return out;
}

} // namespace rework
