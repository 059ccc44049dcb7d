#include "LimitStore.h"

#include "AuditLog.h"
#include "Authority.h"
#include "ReferenceLog.h"
#include "Sql.h"
#include "Transaction.h"

#include <cmath>

#include <spdlog/spdlog.h>

namespace rework {

Result<QList<LimitStore::LimitRow>> LimitStore::limitsFor(const QString& model) const
{
    // Every limit name with the product's own row where there is one, else the default row.
    auto q =
        sql::run(m_db,
                 QStringLiteral("SELECT n.name, coalesce(p.model, d.model), "
                                "CASE WHEN p.name IS NULL THEN d.min_value ELSE p.min_value END, "
                                "CASE WHEN p.name IS NULL THEN d.max_value ELSE p.max_value END "
                                "FROM (SELECT DISTINCT name FROM limits) n "
                                "LEFT JOIN limits p ON p.name = n.name AND p.model = ? "
                                "LEFT JOIN limits d ON d.name = n.name AND d.model = '' ORDER BY n.name"),
                 {model});
    if (!q)
        return q.error();
    QList<LimitRow> rows;
    while (q.value().next()) {
        LimitRow r;
        r.name = q.value().value(0).toString();
        r.productSpecific = !model.isEmpty() && q.value().value(1).toString() == model;
        if (!q.value().value(2).isNull())
            r.min = q.value().value(2).toDouble();
        if (!q.value().value(3).isNull())
            r.max = q.value().value(3).toDouble();
        rows.append(r);
    }
    return rows;
}

Status LimitStore::setLimit(const QString& name, const QString& model, std::optional<double> min,
                            std::optional<double> max, const QString& operatorId, const QString& stationId)
{
    auto known = sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM limits WHERE name = ?"), {name});
    if (!known)
        return known.error();
    if (known.value().toInt() == 0)
        return makeError(ErrorCode::UnknownField, QStringLiteral("name"),
                         Message(tr, QT_TR_NOOP("no limit called %1"), {name.left(60)}));
    auto product =
        sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM products WHERE model = ?"), {model});
    if (!product)
        return product.error();
    if (!model.isEmpty() && product.value().toInt() == 0)
        return makeError(ErrorCode::InvalidValue, QStringLiteral("model"),
                         Message(tr, QT_TR_NOOP("no product %1; add it first"), {model.left(40)}));
    if ((min && !std::isfinite(*min)) || (max && !std::isfinite(*max)) || (min && max && *min > *max))
        return makeError(ErrorCode::OutOfRange, name,
                         Message(tr, QT_TR_NOOP("the lower bound must be a number below the upper bound")));
    Transaction tx(m_db);
    if (Status st = tx.join(); !st)
        return st;
    if (Status st =
            Authority::require(m_db, OperatorInfo{operatorId, {}, {}, true}, QStringLiteral("limits.edit"));
        !st)
        return st;
    const auto bound = [](std::optional<double> v) { return v ? QJsonValue(*v) : QJsonValue(); };
    if (Status st = ReferenceLog(m_db, operatorId, stationId, m_clock)
                        .record({QStringLiteral("limits"),
                                 {{QStringLiteral("name"), name}, {QStringLiteral("model"), model}},
                                 {{QStringLiteral("min_value"), bound(min)},
                                  {QStringLiteral("max_value"), bound(max)}}});
        !st)
        return st;
    const auto shown = [](std::optional<double> v) { return v ? QString::number(*v) : QStringLiteral("-"); };
    spdlog::info("limit {} for {} set to {}..{}", name.toStdString(), model.toStdString(),
                 shown(min).toStdString(), shown(max).toStdString());
    if (Status st = AuditLog(m_db, m_clock)
                        .append(QStringLiteral("limit"), operatorId,
                                stationId.isEmpty() ? QStringLiteral("-") : stationId,
                                QStringLiteral("%1 [%2] = %3 .. %4")
                                    .arg(name, model.isEmpty() ? QStringLiteral("all") : model, shown(min),
                                         shown(max)));
        !st)
        return st;
    return tx.commit();
}

} // namespace rework
