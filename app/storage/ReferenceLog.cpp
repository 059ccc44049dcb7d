#include "ReferenceLog.h"

#include "EventLog.h"
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
