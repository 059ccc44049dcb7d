#include "ConfigStore.h"

#include "AuditLog.h"
#include "Authority.h"
#include "ReferenceLog.h"
#include "Sql.h"
#include "StationRegistry.h"
#include "Transaction.h"

#include "domain/WorkflowConfig.h"

#include <QStringList>

#include <algorithm>
#include <limits>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

/// Settings a supervisor may change, with the whole numbers each accepts and the value in force
/// while none is set: the one place a default lives, for the readers and for `config list`.
struct ConfigKey
{
    const char* key;
    int min, max;
    int fallback;
    int multipleOf = 1;
};
// Stands for "this PC's offset from UTC now" in the table below.
constexpr int kThisPcsOffset = std::numeric_limits<int>::min();
constexpr ConfigKey kConfigKeys[] = {
    {"repair.max_attempts", 0, 20, WorkflowConfig::kDefaultMaxRepairAttempts},
    {"reflow.limit", 0, 20, WorkflowConfig::kDefaultReflowLimit},
    {"throughput.target_per_shift", 0, 100000, 100}, // as the first schema sets it; 0: no target
    {"shift.day_start_hour", 0, 23, 6},
    // Every time zone is a multiple of 15 minutes from UTC, from UTC-12:00 (Baker Island) to
    // UTC+14:00 (Kiribati); the hourly rollups cut hours there.
    {"shift.utc_offset_minutes", -12 * 60, 14 * 60, kThisPcsOffset, 15},
    {"session.idle_lock_minutes", 0, 240, 5}, // 0: never
    {"sync.interval_minutes", 0, 1440, 15},   // 0: nightly only
    {"login.max_failures", 1, 100, 5},
    {"login.lock_minutes", 0, 1440, 15},
    // 0: a carton takes any number of units
    {"pack.carton_capacity", 0, 1000, WorkflowConfig::kDefaultCartonCapacity},
};
// Per-station targets: "throughput.target_per_shift.<STATION>"; unset, the line's target holds.
const QString kStationTargetPrefix = QStringLiteral("throughput.target_per_shift.");
const ConfigKey kStationTarget{"", 0, 100000, 0};

const ConfigKey* knownKey(const QString& key)
{
    for (const ConfigKey& k : kConfigKeys)
        if (key == QLatin1StringView(k.key))
            return &k;
    return key.startsWith(kStationTargetPrefix) ? &kStationTarget : nullptr;
}

bool accepts(const ConfigKey& k, int n)
{
    return n >= k.min && n <= k.max && n % k.multipleOf == 0;
}

} // namespace

Status ConfigStore::setConfigValue(const QString& key, const QString& value, const QString& actorId,
                                   const QString& stationId)
{
    const ConfigKey* known = knownKey(key);
    if (known == &kStationTarget) {
        Result<bool> station = StationRegistry(m_db).exists(key.mid(kStationTargetPrefix.size()));
        if (!station)
            return station.error();
        if (!station.value())
            return makeError(ErrorCode::UnknownStation, QStringLiteral("key"),
                             Message(tr, QT_TR_NOOP("no station %1; add the station first"),
                                     {key.mid(kStationTargetPrefix.size())}));
    }
    if (!known) {
        QStringList names;
        for (const ConfigKey& k : kConfigKeys)
            names << QString::fromLatin1(k.key);
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

Result<int> ConfigStore::defaultValue(const QString& key) const
{
    const ConfigKey* k = knownKey(key);
    if (!k)
        return makeError(ErrorCode::UnknownField, QStringLiteral("key"),
                         Message(tr, QT_TR_NOOP("unknown setting %1"), {key.left(64)}));
    if (k == &kStationTarget)
        return number(QStringLiteral("throughput.target_per_shift"));
    if (k->fallback == kThisPcsOffset)
        return m_clock.now().toLocalTime().offsetFromUtc() / 60;
    return k->fallback;
}

Result<std::optional<int>> ConfigStore::accepted(const QString& key, QString* refused) const
{
    auto v = sql::scalar(m_db, QStringLiteral("SELECT value FROM config WHERE key = ?"), {key});
    if (!v)
        return v.error();
    if (!v.value().isValid())
        return std::optional<int>();
    bool ok = false;
    const int n = v.value().toString().trimmed().toInt(&ok);
    const ConfigKey* k = knownKey(key);
    if (ok && k && accepts(*k, n))
        return std::optional<int>(n);
    // Only a hand-edited file holds one: setConfigValue() refuses it. Every reader falls back alike.
    spdlog::warn("config {} = {} is not a value it accepts; its default is in force", key.toStdString(),
                 v.value().toString().left(64).toStdString());
    if (refused)
        *refused = v.value().toString().left(64);
    return std::optional<int>();
}

Result<int> ConfigStore::number(const QString& key) const
{
    if (!knownKey(key))
        return defaultValue(key); // its error names the key
    Result<std::optional<int>> set = accepted(key);
    if (!set)
        return set.error();
    return set.value() ? Result<int>(*set.value()) : defaultValue(key);
}

int ConfigStore::numberOrDefault(const QString& key) const
{
    Result<int> n = number(key);
    if (n)
        return n.value();
    spdlog::warn("config {} unreadable, its default used: {}", key.toStdString(), n.error().logLine());
    Result<int> fallback = defaultValue(key);
    return fallback ? fallback.value() : 0;
}

Result<QList<ConfigStore::Setting>> ConfigStore::inForce() const
{
    QStringList keys;
    for (const ConfigKey& k : kConfigKeys)
        keys << QString::fromLatin1(k.key);
    // The stations' own targets that are set; the others hold the line's and are not listed.
    // GLOB, not LIKE: a key is matched with its case, as knownKey() matches it.
    auto targets = sql::run(
        m_db, QStringLiteral("SELECT key FROM config WHERE key GLOB 'throughput.target_per_shift.*'"));
    if (!targets)
        return targets.error();
    while (targets.value().next())
        keys << targets.value().value(0).toString();
    std::sort(keys.begin(), keys.end());
    QList<Setting> all;
    for (const QString& key : keys) {
        QString refused;
        Result<std::optional<int>> set = accepted(key, &refused);
        if (!set)
            return set.error();
        Result<int> value = set.value() ? Result<int>(*set.value()) : defaultValue(key);
        if (!value)
            return value.error();
        all.append({key, value.value(), !set.value(), refused});
    }
    return all;
}

} // namespace rework
