#include "EventStore.h"

#include "EventChain.h"

#include "Sql.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace rework {

QString EventStore::selectColumns()
{
    return QStringLiteral(
        "e.seq, e.id, e.recorded_at, e.station_id, e.operator_id, e.step, e.subject, e.payload, "
        "(SELECT 1 FROM voided_events v WHERE v.event_id = e.id) ");
}

EventRecord EventStore::fromQuery(const QSqlQuery& q)
{
    EventRecord e;
    e.seq = q.value(0).toLongLong();
    e.id = q.value(1).toString();
    e.recordedAt = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    e.stationId = q.value(3).toString();
    e.operatorId = q.value(4).toString();
    e.step = q.value(5).toString();
    e.subject = q.value(6).toString();
    e.payload = QJsonDocument::fromJson(q.value(7).toByteArray()).object();
    e.voided = q.value(8).toBool();
    return e;
}

Status EventStore::append(EventRecord& event, const QList<Subject>& subjects, Origin origin)
{
    const QByteArray payload = QJsonDocument(event.payload).toJson(QJsonDocument::Compact);
    auto seq = sql::insert(
        m_db,
        QStringLiteral("INSERT INTO events (id, recorded_at, station_id, operator_id, step, subject, "
                       "payload) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {event.id, event.recordedAt.toUTC().toString(Qt::ISODateWithMs), event.stationId, event.operatorId,
         event.step, event.subject, QString::fromUtf8(payload)});
    if (!seq)
        return seq.error();
    event.seq = seq.value();
    if (Status st = EventChain(m_db).link(event, payload); !st)
        return st;
    for (const Subject& s : subjects) {
        if (s.serial.isEmpty())
            continue;
        if (Status st =
                sql::exec(m_db,
                          QStringLiteral("INSERT OR IGNORE INTO event_subjects (event_seq, kind, serial) "
                                         "VALUES (?, ?, ?)"),
                          {event.seq, s.kind, s.serial});
            !st)
            return st;
    }
    if (origin == Origin::Local)
        return sql::exec(m_db, QStringLiteral("INSERT INTO sync_outbox (event_seq) VALUES (?)"), {event.seq});
    return {};
}

Result<EventRecord> EventStore::byId(const QString& id) const
{
    auto q = sql::run(
        m_db, QStringLiteral("SELECT ") + selectColumns() + QStringLiteral("FROM events e WHERE e.id = ?"),
        {id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return makeError(ErrorCode::UnknownSerial, QStringLiteral("event"), QString());
    return fromQuery(q.value());
}

Result<QList<EventRecord>> EventStore::forSerial(const QString& serial) const
{
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT ") + selectColumns() +
                          QStringLiteral("FROM event_subjects s JOIN events e ON e.seq = s.event_seq "
                                         "WHERE s.serial = ? GROUP BY e.seq ORDER BY e.seq"),
                      {serial});
    if (!q)
        return q.error();
    QList<EventRecord> out;
    while (q.value().next())
        out.append(fromQuery(q.value()));
    return out;
}

} // namespace rework
