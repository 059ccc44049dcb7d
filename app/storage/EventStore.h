#pragma once

#include "EventRecord.h"
#include "domain/Action.h"
#include "domain/Result.h"

#include <QSqlDatabase>

namespace rework {

/// Writes and reads the append-only event log. The database refuses updates and deletes of
/// events by trigger; corrections are void events.
class EventStore
{
public:
    explicit EventStore(const QSqlDatabase& db) : m_db(db) {}

    /// Where an event comes from: recorded here (it goes into the sync outbox in the same
    /// transaction) or pulled from the server (it is already there).
    enum class Origin
    {
        Local,
        Pulled
    };
    /// Inserts the event and its subjects; fills in `event.seq`. Call inside a transaction.
    Status append(EventRecord& event, const QList<Subject>& subjects, Origin origin = Origin::Local);
    Result<EventRecord> byId(const QString& id) const;
    /// Events touching `serial`, oldest first, with their void status.
    Result<QList<EventRecord>> forSerial(const QString& serial) const;

    static EventRecord fromQuery(const class QSqlQuery& q);
    static QString selectColumns();

private:
    QSqlDatabase m_db;
};

} // namespace rework
