#pragma once

#include "domain/Clock.h"
#include "domain/ReferenceChange.h"
#include "domain/Result.h"

#include <QSqlDatabase>

namespace rework {

/// Records a change of reference data as an event: appended, chained and queued for the server
/// like work (EventLog), and applied here at once (ReferenceProjector). Every writer of operators,
/// permissions, products, limits, settings, stations and label templates goes through here, inside
/// its own transaction with its audit entry.
class ReferenceLog
{
public:
    ReferenceLog(const QSqlDatabase& db, QString actorId, QString stationId,
                 const Clock& clock = systemClock())
        : m_db(db), m_actor(std::move(actorId)), m_station(std::move(stationId)), m_clock(clock)
    {
    }

    Status record(const ReferenceChange& change);

private:
    QSqlDatabase m_db;
    QString m_actor, m_station;
    const Clock& m_clock;
};

} // namespace rework
