#include "LabelPrintLog.h"

#include "domain/IdGenerator.h"
#include "storage/AuditLog.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QSqlQuery>

namespace rework {

Result<bool> LabelPrintLog::printedBefore(const QString& templateName, const QString& subject) const
{
    auto n = sql::scalar(
        m_db, QStringLiteral("SELECT count(*) FROM label_prints WHERE subject = ? AND template = ?"),
        {subject, templateName});
    if (!n)
        return n.error();
    return n.value().toInt() > 0;
}

Result<LabelPrintLog::Print> LabelPrintLog::record(Print p, const QByteArray& queuePayload)
{
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st.error();
    Result<bool> before = printedBefore(p.template_, p.subject);
    if (!before)
        return before.error();
    p.reprint = before.value();
    p.reason = p.reason.trimmed();
    if (p.reprint && p.reason.isEmpty()) {
        return makeError(
            ErrorCode::MissingField, QStringLiteral("reason"),
            Message(tr, QT_TR_NOOP("the %1 label of %2 was printed before; say why it is printed again"),
                    {p.template_, p.subject}));
    }
    p.id = IdGenerator::uuidV7(p.printedAt);
    const QString at = p.printedAt.toUTC().toString(Qt::ISODateWithMs);
    auto insert = sql::run(
        m_db,
        QStringLiteral("INSERT INTO label_prints (id, printed_at, station_id, operator_id, template, "
                       "subject, output, target, reprint, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?)"),
        {p.id, at, p.stationId, p.operatorId, p.template_, p.subject, p.output, p.target, p.reprint ? 1 : 0,
         sql::nullIfEmpty(p.reason)});
    if (!insert)
        return insert.error();
    if (p.reprint) {
        if (Status st = AuditLog(m_db).append(
                QStringLiteral("reprint"), p.operatorId, p.stationId,
                QStringLiteral("%1 of %2: %3").arg(p.template_, p.subject, p.reason), p.printedAt);
            !st)
            return st.error();
    }
    if (!queuePayload.isEmpty()) {
        auto queue = sql::run(m_db,
                              QStringLiteral("INSERT INTO label_queue (print_id, target, payload, queued_at) "
                                             "VALUES (?, ?, ?, ?)"),
                              {p.id, p.target, queuePayload, at});
        if (!queue)
            return queue.error();
    }
    if (Status st = tx.commit(); !st)
        return st.error();
    return p;
}

Result<QList<LabelPrintLog::Queued>> LabelPrintLog::queued() const
{
    auto q = sql::run(
        m_db, QStringLiteral("SELECT print_id, target, payload, attempts, last_error FROM label_queue "
                             "ORDER BY queued_at, print_id"));
    if (!q)
        return q.error();
    QList<Queued> out;
    while (q.value().next()) {
        out.append({q.value().value(0).toString(), q.value().value(1).toString(),
                    q.value().value(2).toByteArray(), q.value().value(3).toInt(),
                    q.value().value(4).toString()});
    }
    return out;
}

Status LabelPrintLog::delivered(const QString& printId)
{
    auto q = sql::run(m_db, QStringLiteral("DELETE FROM label_queue WHERE print_id = ?"), {printId});
    if (!q)
        return q.error();
    return {};
}

Status LabelPrintLog::failed(const QString& printId, const QString& error)
{
    auto q = sql::run(
        m_db,
        QStringLiteral("UPDATE label_queue SET attempts = attempts + 1, last_error = ? WHERE print_id = ?"),
        {error.left(500), printId});
    if (!q)
        return q.error();
    return {};
}

Result<QList<LabelPrintLog::Print>> LabelPrintLog::history(const QString& subject) const
{
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT id, template, subject, output, target, station_id, operator_id, "
                                     "reason, printed_at, reprint FROM label_prints WHERE subject = ? "
                                     "ORDER BY printed_at, rowid"),
                      {subject});
    if (!q)
        return q.error();
    QList<Print> out;
    while (q.value().next()) {
        QSqlQuery& r = q.value();
        Print p{r.value(0).toString(),
                r.value(1).toString(),
                r.value(2).toString(),
                r.value(3).toString(),
                r.value(4).toString(),
                r.value(5).toString(),
                r.value(6).toString(),
                r.value(7).toString(),
                QDateTime::fromString(r.value(8).toString(), Qt::ISODateWithMs),
                r.value(9).toInt() == 1};
        out.append(p);
    }
    return out;
}

} // namespace rework
