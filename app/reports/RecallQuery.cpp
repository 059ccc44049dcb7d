#include "RecallQuery.h"

#include "domain/ItemStates.h"
#include "storage/Sql.h"

#include <QDateTime>
#include <QMap>
#include <QSqlQuery>

#include <algorithm>

namespace rework {
namespace {

const QString kValid = QStringLiteral("NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id)");

/// Which subjects of an event a query joins: all of them, or only its donor card.
enum class Subjects
{
    All,
    Cards
};

/// `SELECT DISTINCT <what>` over the valid events joined to their subjects, where `condition` holds.
Result<QStringList> fromValidEvents(const QSqlDatabase& db, const QString& what, Subjects subjects,
                                    const QString& condition, const QVariantList& binds)
{
    return sql::column(
        db,
        QStringLiteral("SELECT DISTINCT ") + what +
            QStringLiteral(" FROM events e JOIN event_subjects s ON s.event_seq = e.seq") +
            (subjects == Subjects::Cards ? QStringLiteral(" AND s.kind = 'card'") : QString()) +
            QStringLiteral(" WHERE ") + condition + QStringLiteral(" AND ") + kValid,
        binds);
}

/// Distinct payload values of one step's valid events about `serial`.
Result<QStringList> valuesOf(const QSqlDatabase& db, const QString& serial, const QString& step,
                             const QString& path)
{
    return fromValidEvents(
        db, QStringLiteral("json_extract(e.payload, ?)"), Subjects::All,
        QStringLiteral("s.serial = ? AND e.step = ? AND json_extract(e.payload, ?) IS NOT NULL"),
        {path, serial, step, path});
}

/// Cards of the items whose `step` events carry `value` at `path`.
Result<QStringList> cardsWith(const QSqlDatabase& db, const QString& step, const QString& path,
                              const QString& value)
{
    return fromValidEvents(db, QStringLiteral("s.serial"), Subjects::Cards,
                           QStringLiteral("e.step = ? AND json_extract(e.payload, ?) = ?"),
                           {step, path, value});
}

/// The other cards that share something with one donor card, each with what it shares.
class SharedWith
{
    Q_DECLARE_TR_FUNCTIONS(RecallQuery) // the reasons are RecallQuery's words

public:
    using Link = RecallQuery::Link;

    SharedWith(const QSqlDatabase& db, QString origin) : m_db(db), m_origin(std::move(origin)) {}

    /// Adds the cards linked to the origin by `link`; `windowHours` for Link::Window.
    Status add(Link link, double windowHours);
    /// card -> what it shares
    const QMap<QString, QStringList>& reasons() const { return m_reasons; }

private:
    Status add(const Result<QStringList>& cards, const QString& why);
    Status lot();
    Status mountOperators();
    Status material(Link link);
    Status window(double windowHours);

    QSqlDatabase m_db;
    QString m_origin;
    QMap<QString, QStringList> m_reasons;
};

Status SharedWith::add(Link link, double windowHours)
{
    switch (link) {
    case Link::Lot:
        return lot();
    case Link::Operator:
        return mountOperators();
    case Link::FluxLot:
    case Link::Stencil:
    case Link::Profile:
        return material(link);
    case Link::Window:
        return window(windowHours);
    }
    return {};
}

Status SharedWith::add(const Result<QStringList>& cards, const QString& why)
{
    if (!cards)
        return cards.error();
    for (const QString& c : cards.value()) {
        if (c != m_origin)
            m_reasons[c] << why;
    }
    return {};
}

Status SharedWith::lot()
{
    auto lot = sql::scalar(m_db, QStringLiteral("SELECT lot FROM cards WHERE serial = ?"), {m_origin});
    if (!lot)
        return lot.error();
    return add(sql::column(m_db, QStringLiteral("SELECT serial FROM cards WHERE lot = ?"), {lot.value()}),
               tr("lot %1").arg(lot.value().toString()));
}

/// Who reflowed it: the operators of its mount records, and every card they mounted.
Status SharedWith::mountOperators()
{
    Result<QStringList> operators =
        fromValidEvents(m_db, QStringLiteral("e.operator_id"), Subjects::All,
                        QStringLiteral("s.serial = ? AND e.step = 'mount'"), {m_origin});
    if (!operators)
        return operators.error();
    for (const QString& op : operators.value()) {
        Result<QStringList> same =
            fromValidEvents(m_db, QStringLiteral("s.serial"), Subjects::Cards,
                            QStringLiteral("e.step = 'mount' AND e.operator_id = ?"), {op});
        if (Status st = add(same, tr("mounted by %1").arg(op)); !st)
            return st;
    }
    return {};
}

/// What went into its reball (flux lot, stencil) or its mount (reflow profile).
Status SharedWith::material(Link link)
{
    const QString step = link == Link::Profile ? QStringLiteral("mount") : QStringLiteral("reball");
    const QString path = link == Link::FluxLot   ? QStringLiteral("$.flux_lot")
                         : link == Link::Stencil ? QStringLiteral("$.stencil")
                                                 : QStringLiteral("$.profile");
    Result<QStringList> values = valuesOf(m_db, m_origin, step, path);
    if (!values)
        return values.error();
    const QString label = link == Link::FluxLot   ? tr("flux lot %1")
                          : link == Link::Stencil ? tr("stencil %1")
                                                  : tr("reflow profile %1");
    for (const QString& v : values.value()) {
        if (Status st = add(cardsWith(m_db, step, path, v), label.arg(v)); !st)
            return st;
    }
    return {};
}

/// The units mounted within `windowHours` of its own mount.
Status SharedWith::window(double windowHours)
{
    auto mounted =
        sql::scalar(m_db, QStringLiteral("SELECT created_at FROM units WHERE card_serial = ?"), {m_origin});
    if (!mounted)
        return mounted.error();
    if (!mounted.value().isValid())
        return {}; // not mounted yet: no reflow window to share
    const QDateTime at = QDateTime::fromString(mounted.value().toString(), Qt::ISODateWithMs);
    const qint64 span = static_cast<qint64>(windowHours * 3600);
    const Result<QStringList> cards = sql::column(
        m_db, QStringLiteral("SELECT card_serial FROM units WHERE created_at >= ? AND created_at <= ?"),
        {at.addSecs(-span).toString(Qt::ISODateWithMs), at.addSecs(span).toString(Qt::ISODateWithMs)});
    return add(cards, tr("mounted within %1 h").arg(windowHours));
}

/// Where each linked card is now, shipped first: those are the ones a customer may already hold.
Result<QList<RecallQuery::Hit>> hitsFor(const QSqlDatabase& db, const QMap<QString, QStringList>& reasons)
{
    QList<RecallQuery::Hit> hits;
    for (auto it = reasons.constBegin(); it != reasons.constEnd(); ++it) {
        auto q = sql::run(
            db,
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
    std::stable_sort(hits.begin(), hits.end(), [](const RecallQuery::Hit& a, const RecallQuery::Hit& b) {
        return (a.state == states::Shipped) > (b.state == states::Shipped);
    });
    return hits;
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
    SharedWith shared(m_db, card.value().toString());
    for (Link link : links) {
        if (Status st = shared.add(link, windowHours); !st)
            return st.error();
    }
    return hitsFor(m_db, shared.reasons());
}

} // namespace rework
