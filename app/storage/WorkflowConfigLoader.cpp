#include "WorkflowConfigLoader.h"

#include "ConfigStore.h"
#include "Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <limits>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

double boundOrNaN(const QVariant& v)
{
    return v.isNull() ? std::numeric_limits<double>::quiet_NaN() : v.toDouble();
}

} // namespace

Result<WorkflowConfig> WorkflowConfigLoader::loadConfig() const
{
    WorkflowConfig c;
    auto products =
        sql::run(m_db, QStringLiteral("SELECT model, name, lower(coalesce(device_id, '')), die_marking, "
                                      "memory_mib, memory_chips, msl FROM products"));
    if (!products)
        return products.error();
    while (products.value().next()) {
        QSqlQuery& q = products.value();
        Product p{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                  q.value(4).toInt(),    q.value(5).toInt(),    q.value(6).toString()};
        c.products.insert(p.model, p);
    }
    if (Status st = loadTestPlans(c); !st)
        return st.error();
    auto limits = sql::run(m_db, QStringLiteral("SELECT name, model, min_value, max_value FROM limits"));
    if (!limits)
        return limits.error();
    while (limits.value().next()) {
        QSqlQuery& q = limits.value();
        const QString model = q.value(1).toString();
        const QString key =
            model.isEmpty() ? q.value(0).toString() : q.value(0).toString() + QLatin1Char('|') + model;
        c.limits.insert(key, Limit{boundOrNaN(q.value(2)), boundOrNaN(q.value(3))});
    }
    auto permissions = sql::run(m_db, QStringLiteral("SELECT role, action FROM permissions"));
    if (!permissions)
        return permissions.error();
    c.permissions.clear();
    while (permissions.value().next())
        c.permissions[permissions.value().value(0).toString()].insert(
            permissions.value().value(1).toString());
    auto defects = sql::run(m_db, QStringLiteral("SELECT code, step FROM defect_codes"));
    if (!defects)
        return defects.error();
    while (defects.value().next())
        c.defectCodes.insert(defects.value().value(0).toString(), defects.value().value(1).toString());

    auto formats = sql::run(m_db, QStringLiteral("SELECT kind, model, pattern FROM serial_formats"));
    if (!formats)
        return formats.error();
    while (formats.value().next()) {
        QSqlQuery& q = formats.value();
        bool known = false;
        for (int k = 0; k <= static_cast<int>(SerialKind::Station); ++k) {
            const auto kind = static_cast<SerialKind>(k);
            if (serialKindName(kind) == q.value(0).toString()) {
                known = true;
                if (Status st = c.serials.setPattern(kind, q.value(1).toString(), q.value(2).toString()); !st)
                    return st.error();
            }
        }
        if (!known)
            spdlog::warn("serial_formats: unknown kind {}", q.value(0).toString().toStdString());
    }
    const ConfigStore settings(m_db);
    for (auto [key, value] :
         {std::pair{"repair.max_attempts", &c.maxRepairAttempts}, std::pair{"reflow.limit", &c.reflowLimit},
          std::pair{"pack.carton_capacity", &c.cartonCapacity}}) {
        Result<int> n = settings.number(QString::fromLatin1(key));
        if (!n)
            return n.error();
        *value = n.value();
    }
    return c;
}

Status WorkflowConfigLoader::loadTestPlans(WorkflowConfig& c) const
{
    auto plans = sql::run(m_db, QStringLiteral("SELECT model, plan FROM product_plans"));
    if (!plans)
        return plans.error();
    while (plans.value().next())
        c.productPlans.insert(plans.value().value(0).toString(), plans.value().value(1).toString());
    // Only what the rules ask of a plan: the runs a pass needs. The limits are the importers'.
    auto bodies = sql::run(m_db, QStringLiteral("SELECT name, body FROM test_plans"));
    if (!bodies)
        return bodies.error();
    while (bodies.value().next()) {
        const QJsonArray required = QJsonDocument::fromJson(bodies.value().value(1).toString().toUtf8())
                                        .object()
                                        .value(QStringLiteral("required"))
                                        .toArray();
        QStringList kinds;
        for (const auto& kind : required)
            kinds << kind.toString();
        c.planRequiredRuns.insert(bodies.value().value(0).toString(), kinds);
    }
    return {};
}

} // namespace rework
