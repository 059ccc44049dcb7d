#include "AuditLog.h"

#include "Sql.h"

#include <QCryptographicHash>
#include <QSqlQuery>

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
    auto previous = sql::scalar(m_db, QStringLiteral("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!previous)
        return previous.error();
    const QStringList fields{at.toUTC().toString(Qt::ISODateWithMs), kind, operatorId.left(64),
                             stationId.left(64), detail.left(500)};
    QVariantList values;
    for (const QString& f : fields)
        values << (f.isNull() ? QStringLiteral("") : f);
    values << entryHash(previous.value().toString(), fields);
    return sql::exec(m_db,
                     QStringLiteral("INSERT INTO audit_log (at, kind, operator_id, station_id, detail, hash) "
                                    "VALUES (?, ?, ?, ?, ?, ?)"),
                     values);
}

Result<qint64> AuditLog::verify(QString* reason, qint64* checked) const
{
    auto q = sql::run(
        m_db, QStringLiteral("SELECT seq, at, kind, operator_id, station_id, detail, hash FROM audit_log "
                             "ORDER BY seq"));
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
        const QStringList fields{r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                                 r.value(4).toString(), r.value(5).toString()};
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
