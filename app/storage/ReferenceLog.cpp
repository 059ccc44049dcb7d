#include "ReferenceLog.h"

#include "EventLog.h"
#include "ReferenceTables.h"
#include "Sql.h"
#include "Transaction.h"
#include "domain/IdGenerator.h"

namespace rework {

Status ReferenceLog::record(const ReferenceChange& change)
{
    Transaction tx(m_db);
    if (Status st = tx.join(); !st)
        return st;
    EventRecord event;
    event.recordedAt = m_clock.now().toUTC();
    // A change made after this station saw another change of the row comes after it, even when
    // this PC's clock is behind the one that made the other (a disable after an add must win).
    if (const ReferenceTable* t = ReferenceTable::find(change.table)) {
        auto newest =
            sql::scalar(m_db,
                        QStringLiteral("SELECT max(version) FROM reference_versions WHERE tbl = ? AND "
                                       "row_key = ?"),
                        {t->name, t->rowKeyOf(change.key)});
        if (!newest)
            return newest.error();
        const QDateTime seen = QDateTime::fromString(
            newest.value().toString().section(QLatin1Char(' '), 0, 0), Qt::ISODateWithMs);
        if (seen.isValid() && seen >= event.recordedAt)
            event.recordedAt = seen.addMSecs(1);
    }
    event.id = IdGenerator::uuidV7(event.recordedAt);
    event.stationId = m_station.isEmpty() ? QStringLiteral("-") : m_station;
    event.operatorId = m_actor.isEmpty() ? QStringLiteral("-") : m_actor;
    event.step = ReferenceChange::kStep;
    event.subject = change.subject();
    event.payload = change.toPayload();
    if (Status st = EventLog(m_db).apply(event, {}); !st)
        return st;
    return tx.commit();
}

} // namespace rework
