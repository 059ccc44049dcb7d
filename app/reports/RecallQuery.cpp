#include "RecallQuery.h"

#include "storage/Sql.h"

#include <QDateTime>
#include <QMap>
#include <QSqlQuery>

#include <algorithm>

namespace rework {
namespace {

const QString kValid = QStringLiteral("NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id)");

/// Distinct payload values of one step's valid events about `serial`.
Result<QStringList> valuesOf(const QSqlDatabase& db, const QString& serial, const QString& step,
                             const QString& path)
{
    return sql::column(
        db,
        QStringLiteral("SELECT DISTINCT json_extract(e.payload, ?) FROM events e "
                       "JOIN event_subjects s ON s.event_seq = e.seq WHERE s.serial = ? AND e.step = ? "
                       "AND json_extract(e.payload, ?) IS NOT NULL AND ") +
            kValid,
        {path, serial, step, path});
}

/// Cards of the items whose `step` events carry `value` at `path`.
Result<QStringList> cardsWith(const QSqlDatabase& db, const QString& step, const QString& path,
                              const QString& value)
{
    return sql::column(
        db,
        QStringLiteral("SELECT DISTINCT s.serial FROM events e JOIN event_subjects s ON s.event_seq = "
                       "e.seq AND s.kind = 'card' WHERE e.step = ? AND json_extract(e.payload, ?) = ? "
                       "AND ") +
            kValid,
        {step, path, value});
}

} // namespace

QList<RecallQuery::Link> RecallQuery::allLinks()
{
    return {Link::Lot, Link::FluxLot, Link::Stencil, Link::Profile, Link::Operator, Link::Window};
}

std::optional<RecallQuery::Link> RecallQuery::linkFromName(const QString& name)
{
    static const QMap<QString, Link> names{
        {QStringLiteral("lot"), Link::Lot},           {QStringLiteral("flux_lot"), Link::FluxLot},
        {QStringLiteral("stencil"), Link::Stencil},   {QStringLiteral("profile"), Link::Profile},
        {QStringLiteral("operator"), Link::Operator}, {QStringLiteral("window"), Link::Window}};
    auto it = names.constFind(name.trimmed().toLower());
    if (it == names.constEnd())
        return std::nullopt;
    return *it;
}

Result<QList<RecallQuery::Hit>> RecallQuery::find(const QString& raw, const QList<Link>& links,
                                                  double windowHours) const
{
    const QString serial = raw.trimmed().toUpper();
    // Whatever was scanned, start from its donor card.
    auto card = sql::scalar(
        m_db,
        QStringLiteral("SELECT serial FROM cards WHERE serial = ? UNION ALL "
                       "SELECT card_serial FROM dies WHERE id = ? UNION ALL "
                       "SELECT card_serial FROM units WHERE serial = ? OR board_serial = ? LIMIT 1"),
        {serial, serial, serial, serial});
    if (!card)
        return card.error();
    if (!card.value().isValid()) {
        return makeError(
            ErrorCode::UnknownSerial, QStringLiteral("serial"),
            Message(tr, QT_TR_NOOP("%1 is not a known card, die, board or unit"), {serial.left(64)}));
    }
    const QString origin = card.value().toString();

    QMap<QString, QStringList> reasons; // card -> what it shares
    auto add = [&](const Result<QStringList>& cards, const QString& why) -> Status {
        if (!cards)
            return cards.error();
        for (const QString& c : cards.value()) {
            if (c != origin)
                reasons[c] << why;
        }
        return {};
    };
    for (Link link : links) {
        Status st;
        switch (link) {
        case Link::Lot: {
            auto lot = sql::scalar(m_db, QStringLiteral("SELECT lot FROM cards WHERE serial = ?"), {origin});
            if (!lot)
                return lot.error();
            st = add(
                sql::column(m_db, QStringLiteral("SELECT serial FROM cards WHERE lot = ?"), {lot.value()}),
                tr("lot %1").arg(lot.value().toString()));
            break;
        }
        case Link::FluxLot:
        case Link::Stencil:
        case Link::Profile:
        case Link::Operator: {
            const QString step = link == Link::Profile || link == Link::Operator ? QStringLiteral("mount")
                                                                                 : QStringLiteral("reball");
            const QString path = link == Link::FluxLot   ? QStringLiteral("$.flux_lot")
                                 : link == Link::Stencil ? QStringLiteral("$.stencil")
                                                         : QStringLiteral("$.profile");
            if (link == Link::Operator) {
                // Who reflowed it: the operators of its mount records.
                Result<QStringList> operators = sql::column(
                    m_db,
                    QStringLiteral("SELECT DISTINCT e.operator_id FROM events e JOIN event_subjects s ON "
                                   "s.event_seq = e.seq WHERE s.serial = ? AND e.step = 'mount' AND ") +
                        kValid,
                    {origin});
                if (!operators)
                    return operators.error();
                for (const QString& op : operators.value()) {
                    Result<QStringList> same = sql::column(
                        m_db,
                        QStringLiteral(
                            "SELECT DISTINCT s.serial FROM events e JOIN event_subjects s ON s.event_seq = "
                            "e.seq AND s.kind = 'card' WHERE e.step = 'mount' AND e.operator_id = ? AND ") +
                            kValid,
                        {op});
                    if (Status s2 = add(same, tr("mounted by %1").arg(op)); !s2)
                        return s2.error();
                }
                break;
            }
            Result<QStringList> values = valuesOf(m_db, origin, step, path);
            if (!values)
                return values.error();
            const QString label = link == Link::FluxLot   ? tr("flux lot %1")
                                  : link == Link::Stencil ? tr("stencil %1")
                                                          : tr("reflow profile %1");
            for (const QString& v : values.value()) {
                if (Status s2 = add(cardsWith(m_db, step, path, v), label.arg(v)); !s2)
                    return s2.error();
            }
            break;
        }
        case Link::Window: {
            auto mounted = sql::scalar(
                m_db, QStringLiteral("SELECT created_at FROM units WHERE card_serial = ?"), {origin});
            if (!mounted)
                return mounted.error();
            if (!mounted.value().isValid())
                break; // not mounted yet: no reflow window to share
            const QDateTime at = QDateTime::fromString(mounted.value().toString(), Qt::ISODateWithMs);
            const qint64 span = static_cast<qint64>(windowHours * 3600);
            const Result<QStringList> cards = sql::column(
                m_db,
                QStringLiteral("SELECT card_serial FROM units WHERE created_at >= ? AND created_at <= ?"),
                {at.addSecs(-span).toString(Qt::ISODateWithMs),
                 at.addSecs(span).toString(Qt::ISODateWithMs)});
            st = add(cards, tr("mounted within %1 h").arg(windowHours));
            break;
        }
        }
        if (!st)
            return st.error();
    }

    QList<Hit> hits;
    for (auto it = reasons.constBegin(); it != reasons.constEnd(); ++it) {
        auto q = sql::run(
            m_db,
            QStringLiteral("SELECT c.serial, d.id, u.serial, coalesce(u.state, d.state, c.state), "
                           "u.batch_id, b.state FROM cards c LEFT JOIN dies d ON d.card_serial = c.serial "
                           "LEFT JOIN units u ON u.die_id = d.id LEFT JOIN batches b ON b.id = u.batch_id "
                           "WHERE c.serial = ?"),
            {it.key()});
        if (!q)
            return q.error();
        if (!q.value().next())
            continue;
        QSqlQuery& r = q.value();
        QStringList shared = it.value();
        shared.removeDuplicates();
        hits.append({r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
                     r.value(3).toString(), r.value(4).toString(), r.value(5).toString(), shared});
    }
    // Shipped first: those are the ones a customer may already hold.
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return (a.state == QLatin1StringView("shipped")) > (b.state == QLatin1StringView("shipped"));
    });
    return hits;
}

} // namespace rework
