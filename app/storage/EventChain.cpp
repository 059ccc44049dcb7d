#include "EventChain.h"

#include "EventStore.h"
#include "Sql.h"

#include <QCryptographicHash>
#include <QSqlQuery>

namespace rework {

QString EventChain::hash(const QString& previous, const EventRecord& e, const QByteArray& storedPayload)
{
    // Every field that carries meaning, separated by a byte no field contains.
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString& part : {previous, e.id, e.recordedAt.toUTC().toString(Qt::ISODateWithMs), e.stationId,
                                e.operatorId, e.step, e.subject}) {
        h.addData(part.toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    }
    h.addData(storedPayload);
    return QString::fromLatin1(h.result().toHex());
}

Status EventChain::link(const EventRecord& event, const QByteArray& storedPayload)
{
    auto previous = sql::scalar(
        m_db,
        QStringLiteral("SELECT hash FROM event_chain WHERE event_seq < ? ORDER BY event_seq DESC LIMIT 1"),
        {event.seq});
    if (!previous)
        return previous.error();
    return sql::exec(m_db, QStringLiteral("INSERT INTO event_chain (event_seq, hash) VALUES (?, ?)"),
                     {event.seq, hash(previous.value().toString(), event, storedPayload)});
}

Status EventChain::linkMissing()
{
    auto q = sql::run(m_db, QStringLiteral("SELECT ") + EventStore::selectColumns() +
                                QStringLiteral("FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_chain c "
                                               "WHERE c.event_seq = e.seq) ORDER BY e.seq"));
    if (!q)
        return q.error();
    while (q.value().next()) {
        QSqlQuery& r = q.value();
        const EventRecord e = EventStore::fromQuery(r);
        if (Status st = link(e, r.value(7).toByteArray()); !st)
            return st;
    }
    return {};
}

Result<std::pair<qint64, QString>> EventChain::head() const
{
    auto q = sql::run(
        m_db, QStringLiteral("SELECT event_seq, hash FROM event_chain ORDER BY event_seq DESC LIMIT 1"));
    if (!q)
        return q.error();
    if (!q.value().next())
        return std::make_pair(qint64(0), QString());
    return std::make_pair(q.value().value(0).toLongLong(), q.value().value(1).toString());
}

Result<EventChain::Verdict> EventChain::verify() const
{
    // The stored payload text (column 7) is hashed as it is, not as re-serialised JSON.
    auto q = sql::run(
        m_db, QStringLiteral("SELECT ") + EventStore::selectColumns() +
                  QStringLiteral(", c.hash FROM events e LEFT JOIN event_chain c ON c.event_seq = e.seq "
                                 "ORDER BY e.seq"));
    if (!q)
        return q.error();
    Verdict v;
    QString previous;
    while (q.value().next()) {
        QSqlQuery& r = q.value();
        const EventRecord e = EventStore::fromQuery(r);
        const QString stored = r.value(9).toString();
        ++v.checked;
        if (stored.isEmpty()) {
            v.brokenSeq = e.seq;
            v.brokenId = e.id;
            v.reason = tr("event %1 (#%2) has no link in the chain").arg(e.id).arg(e.seq);
            return v;
        }
        if (stored != hash(previous, e, r.value(7).toByteArray())) {
            v.brokenSeq = e.seq;
            v.brokenId = e.id;
            v.reason =
                tr("event %1 (#%2, %3 of %4) does not match its hash: it or an earlier event was changed")
                    .arg(e.id)
                    .arg(e.seq)
                    .arg(e.step, e.subject);
            return v;
        }
        previous = stored;
    }
    // A link whose event is gone: an event was removed.
    auto orphans =
        sql::scalar(m_db, QStringLiteral("SELECT min(c.event_seq) FROM event_chain c WHERE NOT EXISTS "
                                         "(SELECT 1 FROM events e WHERE e.seq = c.event_seq)"));
    if (!orphans)
        return orphans.error();
    if (!orphans.value().isNull()) {
        v.brokenSeq = orphans.value().toLongLong();
        v.reason = tr("event #%1 was removed from the log").arg(v.brokenSeq);
    }
    return v;
}

} // namespace rework
