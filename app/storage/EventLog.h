#pragma once

#include "EventRecord.h"
#include "EventStore.h"
#include "domain/Action.h"
#include "domain/Result.h"

#include <QSqlDatabase>

namespace rework {

/// The one way an event enters the log, whether recorded here or pulled from the server: append
/// it with its subjects, project it onto the derived state, and, for a void, replay the items it
/// touches. Runs inside the caller's transaction (or savepoint).
class EventLog
{
public:
    explicit EventLog(const QSqlDatabase& db) : m_db(db) {}

    Status apply(EventRecord& event, const QList<Subject>& subjects,
                 EventStore::Origin origin = EventStore::Origin::Local);

private:
    QSqlDatabase m_db;
};

} // namespace rework
