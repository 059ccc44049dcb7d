#include "EventChain.h"

#include "AuditLog.h"
#include "Authority.h"
#include "EventStore.h"
#include "ReadSnapshot.h"
#include "Sql.h"
#include "Transaction.h"
#include "domain/FreeText.h"

#include <QCryptographicHash>
#include <QSqlQuery>

#include <spdlog/spdlog.h>

namespace rework {

QString EventChain::hash(const QString& previous, const EventRecord& e, const QByteArray& storedPayload,
                         const QString& claim)
{
    // Every field that carries meaning, separated by a byte no field contains.
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const QString& part : {previous, e.id, e.recordedAt.toUTC().toString(Qt::ISODateWithMs), e.stationId,
                                e.operatorId, e.step, e.subject}) {
        h.addData(part.toUtf8());
        h.addData(QByteArrayView("\x1f", 1));
    }
    h.addData(storedPayload);
    // Links from before migration 0016 claim no audit head and hash as they always did.
    if (!claim.isEmpty()) {
        h.addData(QByteArrayView("\x1f", 1));
        h.addData(claim.toUtf8());
    }
    return QString::fromLatin1(h.result().toHex());
}

QString EventChain::auditClaim(qint64 auditSeq, const QString& auditHash)
{
    return QString::number(auditSeq) + QLatin1Char(':') + auditHash;
}

Status EventChain::link(const EventRecord& event, const QByteArray& storedPayload)
{
    auto previous = sql::scalar(
        m_db,
        QStringLiteral("SELECT hash FROM event_chain WHERE event_seq < ? ORDER BY event_seq DESC LIMIT 1"),
        {event.seq});
    if (!previous)
        return previous.error();
    // The audit chain's head as this event saw it: a later cut of the audit log contradicts it.
    auto audit = sql::row(m_db, QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!audit)
        return audit.error();
    const qint64 auditSeq = audit.value() ? audit.value()->at(0).toLongLong() : 0;
    const QString auditHash = audit.value() ? audit.value()->at(1).toString() : QString();
    return sql::exec(
        m_db,
        QStringLiteral(
            "INSERT INTO event_chain (event_seq, hash, audit_seq, audit_hash) VALUES (?, ?, ?, ?)"),
        {event.seq, hash(previous.value().toString(), event, storedPayload, auditClaim(auditSeq, auditHash)),
         auditSeq, auditHash});
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

Result<qint64> EventChain::repairMissing(const QString& actorId, const QString& reason)
{
    if (Status st = FreeText::check(QStringLiteral("reason"), reason, FreeText::kMaxReason); !st)
        return st.error();
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st.error();
    if (Status st =
            Authority::require(m_db, OperatorInfo{actorId, {}, {}, true}, QStringLiteral("chain.repair"));
        !st)
        return st.error();
    auto missing =
        sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 "
                                         "FROM event_chain c WHERE c.event_seq = e.seq)"));
    // The links change from the first repaired one on: the next verify walks the whole chain.
    if (Status st = sql::exec(
            m_db, QStringLiteral("INSERT INTO verify_marks (event_seq, hash, full_walk, verified_at) "
                                 "VALUES (0, '', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"));
        !st)
        return st.error();
    if (!missing)
        return missing.error();
    if (Status st = linkMissing(); !st)
        return st.error();
    if (Status st = AuditLog(m_db).append(
            QStringLiteral("chain_repaired"), actorId, QStringLiteral("-"),
            QStringLiteral("%1 events linked: %2").arg(missing.value().toLongLong()).arg(reason.trimmed()));
        !st)
        return st.error();
    if (Status st = tx.commit(); !st)
        return st.error();
    spdlog::warn("event chain repaired by {}: {} events linked", actorId.toStdString(),
                 missing.value().toLongLong());
    return missing.value().toLongLong();
}

Result<QStringList> EventChain::repairs() const
{
    auto q = sql::run(m_db, QStringLiteral("SELECT at, operator_id, detail FROM audit_log WHERE kind = "
                                           "'chain_repaired' ORDER BY seq"));
    if (!q)
        return q.error();
    QStringList list;
    while (q.value().next())
        list << tr("the chain was repaired at %1 by %2: %3")
                    .arg(q.value().value(0).toString(), q.value().value(1).toString(),
                         q.value().value(2).toString());
    return list;
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

Result<EventChain::Mark> EventChain::lastMark() const
{
    auto q =
        sql::run(m_db, QStringLiteral("SELECT event_seq, hash, verified_at FROM verify_marks ORDER BY id "
                                      "DESC LIMIT 1"));
    if (!q)
        return q.error();
    if (!q.value().next())
        return Mark{};
    return Mark{q.value().value(0).toLongLong(), q.value().value(1).toString(),
                q.value().value(2).toString()};
}

Status EventChain::mark(const std::pair<qint64, QString>& head, bool fullWalk, const QDateTime& at)
{
    if (head.first == 0)
        return {};
    // An incremental walk that found nothing new adds no row.
    Result<Mark> last = lastMark();
    if (!last)
        return last.error();
    if (!fullWalk && last->seq == head.first && last->hash == head.second)
        return {};
    return sql::exec(
        m_db,
        QStringLiteral("INSERT INTO verify_marks (event_seq, hash, full_walk, verified_at) VALUES (?, "
                       "?, ?, ?)"),
        {head.first, head.second, fullWalk ? 1 : 0, at.toUTC().toString(Qt::ISODateWithMs)});
}

namespace {

/// The event with its link and the audit entry the link names, as both walks read them: the
/// stored payload text (column 7) is hashed as it is, not as re-serialised JSON.
QString linkedEvents()
{
    return QStringLiteral("SELECT ") + EventStore::selectColumns() +
           QStringLiteral(", c.hash, c.audit_seq, c.audit_hash");
}

/// Whether the link stored with the event `e` read into `r` (linkedEvents()) is its hash after
/// `previous`, the link before it.
bool linkHolds(const QSqlQuery& r, const EventRecord& e, const QString& previous)
{
    const QString claim = r.value(10).isNull()
                              ? QString()
                              : EventChain::auditClaim(r.value(10).toLongLong(), r.value(11).toString());
    return r.value(9).toString() == EventChain::hash(previous, e, r.value(7).toByteArray(), claim);
}

} // namespace

Result<EventChain::Verdict> EventChain::verify() const
{
    return verify(Mark{});
}

Result<EventChain::Verdict> EventChain::verify(const Mark& mark) const
{
    // The walk and the orphan check read one snapshot (joined when the caller holds one), without
    // the write lock.
    ReadSnapshot snapshot(m_db);
    if (Status st = snapshot.begin(); !st)
        return st.error();
    Verdict v;
    Mark from = mark;
    if (from.seq > 0) {
        auto held =
            sql::scalar(m_db, QStringLiteral("SELECT hash FROM event_chain WHERE event_seq = ?"), {from.seq});
        if (!held)
            return held.error();
        // A marked link that is gone: the whole walk says which events lost theirs, and the
        // caller compares the mark with the head for a cut-off tail.
        if (held.value().isNull()) {
            from = Mark{};
        } else if (held.value().toString() != from.hash) {
            v.brokenSeq = from.seq;
            v.reason = tr("the link of event #%1 is not the one verify found intact on %2: the log up to it "
                          "was rewritten since; run verify --full")
                           .arg(from.seq)
                           .arg(from.at);
            return v;
        }
    }
    auto q =
        sql::run(m_db,
                 linkedEvents() + QStringLiteral(" FROM events e LEFT JOIN event_chain c ON c.event_seq = "
                                                 "e.seq WHERE e.seq > ? ORDER BY e.seq"),
                 {from.seq});
    if (!q)
        return q.error();
    QString previous = from.hash;
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
        if (!linkHolds(r, e, previous)) {
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
    auto orphans = sql::scalar(
        m_db,
        QStringLiteral("SELECT min(c.event_seq) FROM event_chain c WHERE c.event_seq > ? AND NOT EXISTS "
                       "(SELECT 1 FROM events e WHERE e.seq = c.event_seq)"),
        {from.seq});
    if (!orphans)
        return orphans.error();
    if (!orphans.value().isNull()) {
        v.brokenSeq = orphans.value().toLongLong();
        v.reason = tr("event #%1 was removed from the log").arg(v.brokenSeq);
    }
    return v;
}

Result<QStringList> EventChain::brokenAmong(const QList<qint64>& seqs) const
{
    QStringList broken;
    for (qint64 seq : seqs) {
        auto q =
            sql::run(m_db,
                     linkedEvents() +
                         QStringLiteral(", (SELECT p.hash FROM event_chain p WHERE p.event_seq < e.seq ORDER "
                                        "BY p.event_seq DESC LIMIT 1) FROM events e LEFT JOIN event_chain c "
                                        "ON c.event_seq = e.seq WHERE e.seq = ?"),
                     {seq});
        if (!q)
            return q.error();
        QSqlQuery& r = q.value();
        if (!r.next())
            continue;
        const EventRecord e = EventStore::fromQuery(r);
        if (r.value(9).toString().isEmpty())
            broken << tr("event %1 (#%2) has no link in the chain").arg(e.id).arg(e.seq);
        else if (!linkHolds(r, e, r.value(12).toString()))
            broken << tr("event %1 (#%2, %3 of %4) does not match its hash: it was changed")
                          .arg(e.id)
                          .arg(e.seq)
                          .arg(e.step, e.subject);
    }
    return broken;
}

} // namespace rework
