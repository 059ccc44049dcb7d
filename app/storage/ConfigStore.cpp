#include "ConfigStore.h"

#include "AuditLog.h"
#include "Authority.h"
#include "ReferenceLog.h"
#include "Sql.h"
#include "StationRegistry.h"
#include "Transaction.h"

#include <QStringList>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

/// Settings a supervisor may change, with the whole numbers each accepts.
struct ConfigKey
{
    const char* key;
    int min, max;
    int multipleOf = 1;
};
constexpr ConfigKey kConfigKeys[] = {
    {"repair.max_attempts", 0, 20},
    {"reflow.limit", 0, 20},
    {"throughput.target_per_shift", 0, 100000},
    {"shift.day_start_hour", 0, 23},
    // Every time zone is a multiple of 15 minutes from UTC, from UTC-12:00 (Baker Island) to
    // UTC+14:00 (Kiribati); the hourly rollups cut hours there.
    {"shift.utc_offset_minutes", -12 * 60, 14 * 60, 15},
    {"session.idle_lock_minutes", 0, 240}, // 0: never
    {"sync.interval_minutes", 0, 1440},    // 0: nightly only
    {"login.max_failures", 1, 100},
    {"login.lock_minutes", 0, 1440},
    {"pack.carton_capacity", 0, 1000}, // 0: a carton takes any number of units
};
// Per-station targets: "throughput.target_per_shift.<STATION>".
const QString kStationTargetPrefix = QStringLiteral("throughput.target_per_shift.");

} // namespace

Status ConfigStore::setConfigValue(const QString& key, const QString& value, const QString& actorId,
                                   const QString& stationId)
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
        Result<bool> station = StationRegistry(m_db).exists(key.mid(kStationTargetPrefix.size()));
        if (!station)
            return station.error();
        if (!station.value())
            return makeError(ErrorCode::UnknownStation, QStringLiteral("key"),
                             Message(tr, QT_TR_NOOP("no station %1; add the station first"),
                                     {key.mid(kStationTargetPrefix.size())}));
        known = &stationTarget;
    }
    if (!known) {
        return makeError(ErrorCode::UnknownField, QStringLiteral("key"),
                         Message(tr, QT_TR_NOOP("unknown setting; known: %1, %2STATION"),
                                 {names.join(QStringLiteral(", ")), kStationTargetPrefix}));
    }
    bool ok = false;
    const int n = value.trimmed().toInt(&ok);
    if (!ok || n < known->min || n > known->max)
        return makeError(
            ok ? ErrorCode::OutOfRange : ErrorCode::InvalidValue, key,
            Message(tr, QT_TR_NOOP("must be a whole number from %1 to %2"), {known->min, known->max}));
    if (n % known->multipleOf != 0)
        return makeError(ErrorCode::OutOfRange, key,
                         Message(tr,
                                 QT_TR_NOOP("must be a multiple of %1, as every time zone's offset is "
                                            "(330 for UTC+05:30)"),
                                 {known->multipleOf}));
    Transaction tx(m_db);
    if (Status st = tx.join(); !st)
        return st;
    // Checked here, in the transaction of the change: no caller can set a value on anyone's behalf.
    if (Status st =
            Authority::require(m_db, OperatorInfo{actorId, {}, {}, true}, QStringLiteral("settings.change"));
        !st)
        return st;
    // The value it has already: nothing changes, so nothing is recorded or audited (a settings
    // dialog saves every field, changed or not).
    auto current = sql::scalar(m_db, QStringLiteral("SELECT value FROM config WHERE key = ?"), {key});
    if (!current)
        return current.error();
    if (current.value().isValid() && current.value().toString() == QString::number(n))
        return {};
    if (Status st = ReferenceLog(m_db, actorId, stationId, m_clock)
                        .record({QStringLiteral("config"),
                                 {{QStringLiteral("key"), key}},
                                 {{QStringLiteral("value"), QString::number(n)}}});
        !st)
        return st;
    spdlog::info("config {}={}", key.toStdString(), n);
    if (Status st = AuditLog(m_db, m_clock)
                        .append(QStringLiteral("setting"), actorId,
                                stationId.isEmpty() ? QStringLiteral("-") : stationId,
                                QStringLiteral("%1 = %2").arg(key).arg(n));
        !st)
        return st;
    return tx.commit();
}

Result<int> ConfigStore::configNumber(const QString& key, int fallback) const
{
    auto v = sql::scalar(m_db, QStringLiteral("SELECT value FROM config WHERE key = ?"), {key});
    if (!v)
        return v.error();
    bool ok = false;
    const int n = v.value().toInt(&ok);
    return v.value().isValid() && ok ? n : fallback;
}

Result<QList<std::pair<QString, QString>>> ConfigStore::settings() const
{
    auto rows = sql::run(m_db, QStringLiteral("SELECT key, value FROM config WHERE key NOT LIKE 'derived.%' "
                                              "ORDER BY key"));
    if (!rows)
        return rows.error();
    QList<std::pair<QString, QString>> all;
    while (rows.value().next())
        all.append({rows.value().value(0).toString(), rows.value().value(1).toString()});
    return all;
}

} // namespace rework
