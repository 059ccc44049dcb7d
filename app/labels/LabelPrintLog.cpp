#include "LabelPrintLog.h"

#include "domain/IdGenerator.h"
#include "storage/AuditLog.h"
#include "storage/Authority.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QSqlQuery>

#include <array>
#include <utility>

namespace rework {
namespace {

using Delivery = LabelPrintLog::Delivery;

constexpr std::array<std::pair<Delivery, const char*>, 5> kDeliveryNames{{
    {Delivery::Queued, "queued"},
    {Delivery::Failed, "failed"},
    {Delivery::SentUnconfirmed, "sent_unconfirmed"},
    {Delivery::Delivered, "delivered"},
    {Delivery::Cancelled, "cancelled"},
}};

Delivery deliveryFromName(const QString& name)
{
    for (const auto& [state, text] : kDeliveryNames) {
        if (name == QLatin1StringView(text))
            return state;
    }
    return Delivery::Delivered; // a print recorded before label_delivery existed and not migrated
}

QString stamp(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QString LabelPrintLog::deliveryName(Delivery state)
{
    for (const auto& [s, text] : kDeliveryNames) {
        if (s == state)
            return QString::fromLatin1(text);
    }
    return {};
}

QString LabelPrintLog::deliveryText(Delivery state)
{
    switch (state) {
    case Delivery::Queued:
        return tr("queued");
    case Delivery::Failed:
        return tr("failed, queued for retry");
    case Delivery::SentUnconfirmed:
        return tr("sent, unconfirmed");
    case Delivery::Delivered:
        return tr("delivered");
    case Delivery::Cancelled:
        return tr("cancelled");
    }
    return {};
}

Result<bool> LabelPrintLog::printedBefore(const QString& templateName, const QString& subject) const
{
    auto n = sql::scalar(m_db,
                         QStringLiteral("SELECT count(*) FROM label_prints p "
                                        "JOIN label_delivery d ON d.print_id = p.id "
                                        "WHERE p.subject = ? AND p.template = ? AND d.state = 'delivered'"),
                         {subject, templateName});
    if (!n)
        return n.error();
    return n.value().toInt() > 0;
}

Result<LabelPrintLog::Outstanding> LabelPrintLog::outstanding(const QString& templateName,
                                                              const QString& subject) const
{
    auto q =
        sql::run(m_db,
                 QStringLiteral("SELECT d.state, count(*) FROM label_prints p "
                                "JOIN label_delivery d ON d.print_id = p.id "
                                "WHERE p.subject = ? AND p.template = ? "
                                "AND d.state IN ('sent_unconfirmed', 'queued', 'failed') GROUP BY d.state"),
                 {subject, templateName});
    if (!q)
        return q.error();
    Outstanding out;
    while (q.value().next()) {
        const int n = q.value().value(1).toInt();
        if (q.value().value(0).toString() == QLatin1StringView("sent_unconfirmed"))
            out.unconfirmed += n;
        else
            out.queued += n;
    }
    return out;
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
    if (p.copies < 1 || p.copies > 99)
        return makeError(ErrorCode::OutOfRange, QStringLiteral("copies"),
                         Message(tr, QT_TR_NOOP("print 1 to 99 copies of a label")));
    p.id = IdGenerator::uuidV7(p.printedAt);
    const QString at = stamp(p.printedAt);
    auto insert = sql::run(
        m_db,
        QStringLiteral("INSERT INTO label_prints (id, printed_at, station_id, operator_id, template, "
                       "subject, output, target, reprint, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {p.id, at, p.stationId, p.operatorId, p.template_, p.subject, p.output, p.target, p.reprint ? 1 : 0,
         sql::nullIfEmpty(p.reason)});
    if (!insert)
        return insert.error();
    p.delivery = queuePayload.isEmpty() ? Delivery::Delivered : Delivery::Queued;
    p.detail.clear();
    if (auto state =
            sql::run(m_db,
                     QStringLiteral("INSERT INTO label_delivery (print_id, state, copies, changed_at) "
                                    "VALUES (?, ?, ?, ?)"),
                     {p.id, deliveryName(p.delivery), p.copies, at});
        !state)
        return state.error();
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

Status LabelPrintLog::mark(const QString& printId, Delivery state, const QString& detail, const QDateTime& at)
{
    Transaction tx(m_db);
    if (Status st = tx.join(); !st)
        return st;
    if (auto q = sql::run(m_db,
                          QStringLiteral("UPDATE label_delivery SET state = ?, detail = ?, changed_at = ? "
                                         "WHERE print_id = ?"),
                          {deliveryName(state), sql::nullIfEmpty(detail.left(500)), stamp(at), printId});
        !q)
        return q.error();
    const bool stays = state == Delivery::Queued || state == Delivery::Failed;
    auto q = stays ? sql::run(m_db,
                              QStringLiteral("UPDATE label_queue SET attempts = attempts + 1, last_error = ? "
                                             "WHERE print_id = ?"),
                              {detail.left(500), printId})
                   : sql::run(m_db, QStringLiteral("DELETE FROM label_queue WHERE print_id = ?"), {printId});
    if (!q)
        return q.error();
    return tx.commit();
}

Status LabelPrintLog::delivered(const QString& printId)
{
    return mark(printId, Delivery::Delivered, {}, QDateTime::currentDateTimeUtc());
}

Status LabelPrintLog::failed(const QString& printId, const QString& error)
{
    return mark(printId, Delivery::Failed, error, QDateTime::currentDateTimeUtc());
}

Result<LabelPrintLog::Print> LabelPrintLog::cancel(const QString& printId, const QString& reason,
                                                   const QString& actorId, const QString& stationId,
                                                   const QDateTime& at)
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return makeError(ErrorCode::MissingField, QStringLiteral("reason"),
                         Message(tr, QT_TR_NOOP("say why the label is cancelled")));
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st.error();
    if (Status st =
            Authority::require(m_db, OperatorInfo{actorId, {}, {}, true}, QStringLiteral("label.print"));
        !st)
        return st.error();
    Result<Print> p = find(printId);
    if (!p)
        return p.error();
    if (p->delivery != Delivery::Queued && p->delivery != Delivery::Failed)
        return makeError(ErrorCode::OutOfOrder, QStringLiteral("print"),
                         Message(tr,
                                 QT_TR_NOOP("the print %1 is %2, not waiting in the queue; only a queued "
                                            "label can be cancelled"),
                                 {printId, deliveryText(p->delivery)}));
    if (Status st = mark(printId, Delivery::Cancelled, why, at); !st)
        return st.error();
    if (Status st = AuditLog(m_db).append(
            QStringLiteral("label_cancelled"), actorId, stationId.isEmpty() ? QStringLiteral("-") : stationId,
            QStringLiteral("%1 of %2 to %3 (%4): %5").arg(p->template_, p->subject, p->target, printId, why),
            at);
        !st)
        return st.error();
    if (Status st = tx.commit(); !st)
        return st.error();
    Print out = p.value();
    out.delivery = Delivery::Cancelled;
    out.detail = why;
    return out;
}

Result<QList<LabelPrintLog::Print>> LabelPrintLog::select(const QString& where,
                                                          const QVariantList& binds) const
{
    auto q = sql::run(
        m_db,
        QStringLiteral("SELECT p.id, p.template, p.subject, p.output, p.target, p.station_id, "
                       "p.operator_id, p.reason, p.printed_at, p.reprint, coalesce(d.copies, 1), d.state, "
                       "d.detail FROM label_prints p "
                       "LEFT JOIN label_delivery d ON d.print_id = p.id WHERE ") +
            where + QStringLiteral(" ORDER BY p.printed_at, p.rowid"),
        binds);
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
                r.value(9).toInt() == 1,
                r.value(10).toInt(),
                deliveryFromName(r.value(11).toString()),
                r.value(12).toString(),
                0,
                QString()};
        out.append(p);
    }
    return out;
}

Result<QList<LabelPrintLog::Print>> LabelPrintLog::history(const QString& subject) const
{
    return select(QStringLiteral("p.subject = ?"), {subject});
}

Result<LabelPrintLog::Print> LabelPrintLog::find(const QString& printId) const
{
    Result<QList<Print>> found = select(QStringLiteral("p.id = ?"), {printId.trimmed()});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return makeError(ErrorCode::UnknownField, QStringLiteral("print"),
                         Message(tr,
                                 QT_TR_NOOP("no print %1 is recorded; label history SERIAL shows the ids"),
                                 {printId.left(40)}));
    return found->first();
}

} // namespace rework
