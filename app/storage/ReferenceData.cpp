#include "ReferenceData.h"

#include "AuditLog.h"

#include "Sql.h"
#include "auth/PinHasher.h"
#include "domain/Step.h"

#include <QDateTime>

#include <QSqlQuery>
#include <cmath>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

double boundOrNaN(const QVariant& v)
{
    return v.isNull() ? std::numeric_limits<double>::quiet_NaN() : v.toDouble();
}

/// Settings a supervisor may change, with the whole numbers each accepts.
struct ConfigKey
{
    const char* key;
    int min, max;
};
constexpr ConfigKey kConfigKeys[] = {
    {"repair.max_attempts", 0, 20},
    {"reflow.limit", 0, 20},
    {"throughput.target_per_shift", 0, 100000},
    {"shift.day_start_hour", 0, 23},
    {"shift.utc_offset_minutes", -14 * 60, 14 * 60},
    {"session.idle_lock_minutes", 0, 240}, // 0: never
};
// Per-station targets: "throughput.target_per_shift.<STATION>".
const QString kStationTargetPrefix = QStringLiteral("throughput.target_per_shift.");

} // namespace

Result<WorkflowConfig> ReferenceData::loadConfig() const
{
    WorkflowConfig c;
    auto products =
        sql::run(m_db, QStringLiteral("SELECT model, name, die_marking, memory_mib, memory_chips, msl "
                                      "FROM products"));
    if (!products)
        return products.error();
    while (products.value().next()) {
        QSqlQuery& q = products.value();
        Product p{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                  q.value(3).toInt(),    q.value(4).toInt(),    q.value(5).toString()};
        c.products.insert(p.model, p);
    }
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
    auto config = sql::run(m_db, QStringLiteral("SELECT key, value FROM config"));
    if (!config)
        return config.error();
    while (config.value().next()) {
        const QString key = config.value().value(0).toString();
        const int value = config.value().value(1).toInt();
        if (key == QLatin1StringView("repair.max_attempts"))
            c.maxRepairAttempts = value;
        else if (key == QLatin1StringView("reflow.limit"))
            c.reflowLimit = value;
    }
    return c;
}

bool ReferenceData::isRole(const QString& role)
{
    return role == QLatin1StringView("operator") || role == QLatin1StringView("supervisor") ||
           role == QLatin1StringView("admin");
}

Status ReferenceData::addOperator(const QString& rawId, const QString& name, const QString& role,
                                  const QString& pin)
{
    SerialRules rules;
    Result<QString> id = rules.validate(SerialKind::Operator, rawId);
    if (!id)
        return id.error();
    if (name.trimmed().isEmpty() || name.size() > 100)
        return makeError(ErrorCode::InvalidValue, QStringLiteral("name"),
                         tr("give the operator's name (1-100 characters)"));
    if (!isRole(role)) {
        return makeError(ErrorCode::InvalidValue, QStringLiteral("role"),
                         tr("\"%1\" is not a role; use operator, supervisor or admin").arg(role.left(40)));
    }
    Result<QString> hash = PinHasher::hash(pin);
    if (!hash)
        return hash.error();
    auto exists = sql::scalar(m_db, QStringLiteral("SELECT 1 FROM operators WHERE id = ?"), {id.value()});
    if (!exists)
        return exists.error();
    if (exists.value().isValid())
        return makeError(ErrorCode::AlreadyUsed, QStringLiteral("id"),
                         tr("operator %1 already exists").arg(id.value()));
    auto q = sql::run(m_db,
                      QStringLiteral("INSERT INTO operators (id, name, role, pin_hash, active, created_at) "
                                     "VALUES (?, ?, ?, ?, 1, ?)"),
                      {id.value(), name.trimmed(), role, hash.value(), nowText()});
    if (!q)
        return q.error();
    spdlog::info("operator added id={} role={}", id.value().toStdString(), role.toStdString());
    return {};
}

Result<OperatorInfo> ReferenceData::login(const QString& rawId, const QString& pin, const QString& stationId,
                                          const QDateTime& now) const
{
    const QString id = SerialRules::normalise(SerialKind::Operator, rawId);
    AuditLog audit(m_db);
    auto settings =
        sql::run(m_db, QStringLiteral("SELECT key, value FROM config WHERE key IN ('login.max_failures', "
                                      "'login.lock_minutes')"));
    if (!settings)
        return settings.error();
    int maxFailures = 5, lockMinutes = 15;
    while (settings.value().next()) {
        (settings.value().value(0).toString() == QLatin1StringView("login.max_failures") ? maxFailures
                                                                                         : lockMinutes) =
            settings.value().value(1).toInt();
    }
    auto state = sql::run(
        m_db, QStringLiteral("SELECT failures, locked_until FROM login_failures WHERE operator_id = ?"),
        {id});
    if (!state)
        return state.error();
    int failures = 0;
    QDateTime lockedUntil;
    if (state.value().next()) {
        failures = state.value().value(0).toInt();
        lockedUntil = QDateTime::fromString(state.value().value(1).toString(), Qt::ISODateWithMs);
    }
    state.value().finish();
    if (lockedUntil.isValid() && lockedUntil > now) {
        if (Status st = audit.append(QStringLiteral("login_locked"), id, stationId, QString(), now); !st)
            return st.error();
        return makeError(ErrorCode::NotPermitted, QStringLiteral("operator"),
                         tr("operator %1 is locked until %2 after %3 wrong PINs; wait, or ask a supervisor")
                             .arg(id, lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm")))
                             .arg(maxFailures));
    }
    auto q = sql::run(
        m_db, QStringLiteral("SELECT id, name, role, pin_hash, active FROM operators WHERE id = ?"), {id});
    if (!q)
        return q.error();
    const bool known = q.value().next();
    if (!known || !PinHasher::verify(q.value().value(3).toString(), pin)) {
        spdlog::warn("login failed id={}", id.left(32).toStdString());
        ++failures;
        const bool lock = known && failures >= maxFailures;
        if (known) {
            if (Status st = sql::exec(
                    m_db,
                    QStringLiteral("INSERT INTO login_failures (operator_id, failures, locked_until) "
                                   "VALUES (?, ?, ?) ON CONFLICT (operator_id) DO UPDATE SET "
                                   "failures = excluded.failures, locked_until = excluded.locked_until"),
                    {id, lock ? 0 : failures,
                     lock ? QVariant(now.addSecs(lockMinutes * 60).toString(Qt::ISODateWithMs))
                          : QVariant()});
                !st)
                return st.error();
        }
        if (Status st =
                audit.append(lock ? QStringLiteral("login_failed_locked") : QStringLiteral("login_failed"),
                             id.left(32), stationId, known ? QString() : QStringLiteral("unknown id"), now);
            !st)
            return st.error();
        if (lock)
            return makeError(ErrorCode::NotPermitted, QStringLiteral("pin"),
                             tr("%1 wrong PINs: operator %2 is locked for %3 minutes; ask a supervisor")
                                 .arg(maxFailures)
                                 .arg(id)
                                 .arg(lockMinutes));
        return makeError(ErrorCode::UnknownOperator, QStringLiteral("pin"),
                         tr("wrong operator id or PIN; try again"));
    }
    if (!q.value().value(4).toBool()) {
        if (Status st = audit.append(QStringLiteral("login_disabled"), id, stationId, QString(), now); !st)
            return st.error();
        return makeError(ErrorCode::OperatorInactive, QStringLiteral("operator"),
                         tr("operator %1 is disabled; ask a supervisor").arg(id));
    }
    const OperatorInfo info{q.value().value(0).toString(), q.value().value(1).toString(),
                            q.value().value(2).toString(), true};
    const bool rehash = PinHasher::needsRehash(q.value().value(3).toString());
    q.value().finish();
    if (Status st = sql::exec(m_db, QStringLiteral("DELETE FROM login_failures WHERE operator_id = ?"), {id});
        !st)
        return st.error();
    if (rehash) {
        if (Result<QString> fresh = PinHasher::hash(pin); fresh) {
            if (Status st = sql::exec(m_db, QStringLiteral("UPDATE operators SET pin_hash = ? WHERE id = ?"),
                                      {fresh.value(), id});
                !st)
                return st.error();
            spdlog::info("PIN hash of {} renewed with today's parameters", id.toStdString());
        }
    }
    if (Status st = audit.append(QStringLiteral("login"), id, stationId,
                                 rehash ? QStringLiteral("PIN re-hashed") : QString(), now);
        !st)
        return st.error();
    spdlog::info("login id={}", id.toStdString());
    return info;
}

Result<QList<OperatorInfo>> ReferenceData::operators() const
{
    auto q = sql::run(m_db, QStringLiteral("SELECT id, name, role, active FROM operators ORDER BY id"));
    if (!q)
        return q.error();
    QList<OperatorInfo> list;
    while (q.value().next()) {
        list.append({q.value().value(0).toString(), q.value().value(1).toString(),
                     q.value().value(2).toString(), q.value().value(3).toBool()});
    }
    return list;
}

Status ReferenceData::addStation(const QString& rawId, const QString& step, const QString& name)
{
    SerialRules rules;
    Result<QString> id = rules.validate(SerialKind::Station, rawId);
    if (!id)
        return id.error();
    if (!stationStepNames().contains(step)) {
        return makeError(ErrorCode::InvalidValue, QStringLiteral("step"),
                         tr("\"%1\" is not a station step; use one of %2")
                             .arg(step.left(40), stationStepNames().join(QStringLiteral(", "))));
    }
    auto exists = sql::scalar(m_db, QStringLiteral("SELECT 1 FROM stations WHERE id = ?"), {id.value()});
    if (!exists)
        return exists.error();
    if (exists.value().isValid())
        return makeError(ErrorCode::AlreadyUsed, QStringLiteral("id"),
                         tr("station %1 already exists").arg(id.value()));
    auto q = sql::run(m_db,
                      QStringLiteral("INSERT INTO stations (id, step, name, created_at) VALUES (?, ?, ?, ?)"),
                      {id.value(), step, sql::nullIfEmpty(name.trimmed()), nowText()});
    if (!q)
        return q.error();
    spdlog::info("station added id={} step={}", id.value().toStdString(), step.toStdString());
    return {};
}

Result<QList<StationInfo>> ReferenceData::stations() const
{
    auto q =
        sql::run(m_db, QStringLiteral("SELECT id, step FROM stations WHERE step <> 'system' ORDER BY id"));
    if (!q)
        return q.error();
    QList<StationInfo> list;
    while (q.value().next())
        list.append({q.value().value(0).toString(), q.value().value(1).toString()});
    return list;
}

Status ReferenceData::setConfigValue(const QString& key, const QString& value)
{
    const ConfigKey* known = nullptr;
    QStringList names;
    for (const ConfigKey& k : kConfigKeys) {
        names << QString::fromLatin1(k.key);
        if (key == QLatin1StringView(k.key))
            known = &k;
    }
    ConfigKey stationTarget{"", 0, 100000};
    if (!known && key.startsWith(kStationTargetPrefix)) {
        auto station = sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM stations WHERE id = ?"),
                                   {key.mid(kStationTargetPrefix.size())});
        if (!station)
            return station.error();
        if (station.value().toInt() == 0)
            return makeError(
                ErrorCode::UnknownStation, QStringLiteral("key"),
                tr("no station %1; add the station first").arg(key.mid(kStationTargetPrefix.size())));
        known = &stationTarget;
    }
    if (!known) {
        return makeError(ErrorCode::UnknownField, QStringLiteral("key"),
                         tr("unknown setting; known: %1, %2STATION")
                             .arg(names.join(QStringLiteral(", ")), kStationTargetPrefix));
    }
    bool ok = false;
    const int n = value.trimmed().toInt(&ok);
    if (!ok || n < known->min || n > known->max)
        return makeError(ErrorCode::OutOfRange, key,
                         tr("must be a whole number from %1 to %2").arg(known->min).arg(known->max));
    auto q = sql::run(m_db,
                      QStringLiteral("INSERT INTO config (key, value) VALUES (?, ?) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                      {key, QString::number(n)});
    if (!q)
        return q.error();
    spdlog::info("config {}={}", key.toStdString(), n);
    return AuditLog(m_db).append(QStringLiteral("setting"), QStringLiteral("-"), QStringLiteral("-"),
                                 QStringLiteral("%1 = %2").arg(key).arg(n));
}

Result<QList<ReferenceData::LimitRow>> ReferenceData::limitsFor(const QString& model) const
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

Status ReferenceData::setLimit(const QString& name, const QString& model, std::optional<double> min,
                               std::optional<double> max, const QString& operatorId)
{
    auto known = sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM limits WHERE name = ?"), {name});
    if (!known)
        return known.error();
    if (known.value().toInt() == 0)
        return makeError(ErrorCode::UnknownField, QStringLiteral("name"),
                         tr("no limit called %1").arg(name.left(60)));
    auto product =
        sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM products WHERE model = ?"), {model});
    if (!product)
        return product.error();
    if (!model.isEmpty() && product.value().toInt() == 0)
        return makeError(ErrorCode::InvalidValue, QStringLiteral("model"),
                         tr("no product %1; add it first").arg(model.left(40)));
    if ((min && !std::isfinite(*min)) || (max && !std::isfinite(*max)) || (min && max && *min > *max))
        return makeError(ErrorCode::OutOfRange, name,
                         tr("the lower bound must be a number below the upper bound"));
    auto q =
        sql::run(m_db,
                 QStringLiteral("INSERT INTO limits (name, model, min_value, max_value) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT (name, model) DO UPDATE SET min_value = excluded.min_value, "
                                "max_value = excluded.max_value"),
                 {name, model, min ? QVariant(*min) : QVariant(), max ? QVariant(*max) : QVariant()});
    if (!q)
        return q.error();
    const auto bound = [](std::optional<double> v) { return v ? QString::number(*v) : QStringLiteral("-"); };
    spdlog::info("limit {} for {} set to {}..{}", name.toStdString(), model.toStdString(),
                 bound(min).toStdString(), bound(max).toStdString());
    return AuditLog(m_db).append(
        QStringLiteral("limit"), operatorId.isEmpty() ? QStringLiteral("-") : operatorId, QStringLiteral("-"),
        QStringLiteral("%1 [%2] = %3 .. %4")
            .arg(name, model.isEmpty() ? QStringLiteral("all") : model, bound(min), bound(max)));
}

Result<int> ReferenceData::configNumber(const QString& key, int fallback) const
{
    auto v = sql::scalar(m_db, QStringLiteral("SELECT value FROM config WHERE key = ?"), {key});
    if (!v)
        return v.error();
    bool ok = false;
    const int n = v.value().toInt(&ok);
    return v.value().isValid() && ok ? n : fallback;
}

Result<QList<std::pair<QString, qint64>>> ReferenceData::counts() const
{
    QList<std::pair<QString, qint64>> out;
    // Runs after every save: the event log is append-only with AUTOINCREMENT, so its highest seq is
    // its row count, read from the index instead of scanning millions of rows.
    const std::pair<const char*, const char*> queries[] = {
        {"cards", "SELECT count(*) FROM cards"},
        {"dies", "SELECT count(*) FROM dies"},
        {"units", "SELECT count(*) FROM units"},
        {"batches", "SELECT count(*) FROM batches"},
        {"events", "SELECT coalesce(max(seq), 0) FROM events"},
    };
    for (const auto& [name, statement] : queries) {
        auto n = sql::scalar(m_db, QString::fromLatin1(statement));
        if (!n)
            return n.error();
        out.append({QString::fromLatin1(name), n.value().toLongLong()});
    }
    return out;
}

} // namespace rework
