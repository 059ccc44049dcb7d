#include "AuditLog.h"

#include "Sql.h"

#include "Transaction.h"

#include <QCryptographicHash>
#include <QSqlQuery>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

QString entryHash(const QString& previous, const QStringList& fields)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(previous.toUtf8());
    for (const QString& f : fields) {
        h.addData(QByteArrayView("\x1f", 1));
        h.addData(f.toUtf8());
    }
    return QString::fromLatin1(h.result().toHex());
}

} // namespace

Status AuditLog::append(const QString& kind, const QString& operatorId, const QString& stationId,
                        const QString& detail, const QDateTime& at)
{
    // The entry and the change it records commit together, and the last hash read here is still
    // the last when the entry goes in: both need the caller's open (BEGIN IMMEDIATE) transaction.
    if (!sql::inTransaction(m_db)) {
        spdlog::error("audit entry {} by {} outside a transaction: refused", kind.toStdString(),
                      operatorId.toStdString());
        return sql::storageError(Message(tr, QT_TR_NOOP("write the audit entry")),
                                 QStringLiteral("no open transaction"));
    }
    auto previous = sql::scalar(m_db, QStringLiteral("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!previous)
        return previous.error();
    // The event chain's head as this entry saw it: a later cut of the event log contradicts it.
    auto head = sql::row(m_db, QStringLiteral("SELECT event_seq, hash FROM event_chain ORDER BY event_seq "
                                              "DESC LIMIT 1"));
    if (!head)
        return head.error();
    const qint64 eventSeq = head.value() ? head.value()->at(0).toLongLong() : 0;
    const QString eventHash = head.value() ? head.value()->at(1).toString() : QString();
    QStringList fields{at.toUTC().toString(Qt::ISODateWithMs), kind, operatorId.left(64), stationId.left(64),
                       detail.left(500)};
    QVariantList values;
    for (const QString& f : fields)
        values << (f.isNull() ? QStringLiteral("") : f);
    fields << QString::number(eventSeq) << eventHash;
    values << entryHash(previous.value().toString(), fields) << eventSeq << eventHash;
    return sql::exec(m_db,
                     QStringLiteral("INSERT INTO audit_log (at, kind, operator_id, station_id, detail, hash, "
                                    "event_seq, event_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                     values);
}

Status AuditLog::appendAlone(const QString& kind, const QString& operatorId, const QString& stationId,
                             const QString& detail)
{
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st;
    if (Status st = append(kind, operatorId, stationId, detail); !st)
        return st;
    return tx.commit();
}

Result<qint64> AuditLog::verify(QString* reason, qint64* checked) const
{
    auto q = sql::run(
        m_db, QStringLiteral("SELECT seq, at, kind, operator_id, station_id, detail, hash, event_seq, "
                             "event_hash FROM audit_log ORDER BY seq"));
    if (!q)
        return q.error();
    QString previous;
    qint64 expectedSeq = 0;
    qint64 n = 0;
    while (q.value().next()) {
        QSqlQuery& r = q.value();
        const qint64 seq = r.value(0).toLongLong();
        ++n;
        if (checked)
            *checked = n;
        // AUTOINCREMENT never reuses a number: a gap is a removed entry.
        if (expectedSeq != 0 && seq != expectedSeq + 1) {
            if (reason)
                *reason = tr("audit entry #%1 was removed").arg(expectedSeq + 1);
            return expectedSeq + 1;
        }
        expectedSeq = seq;
        QStringList fields{r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                           r.value(4).toString(), r.value(5).toString()};
        // Entries from before migration 0016 claim no event head.
        if (!r.value(7).isNull())
            fields << QString::number(r.value(7).toLongLong()) << r.value(8).toString();
        if (entryHash(previous, fields) != r.value(6).toString()) {
            if (reason)
                *reason = tr("audit entry #%1 (%2 by %3) does not match its hash: it or an earlier entry was "
                             "changed")
                              .arg(seq)
                              .arg(fields.at(1), fields.at(2));
            return seq;
        }
        previous = r.value(6).toString();
    }
    return 0;
}

} // namespace rework
