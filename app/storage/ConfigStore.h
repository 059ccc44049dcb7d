#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace rework {

/// The policy settings a supervisor may change (`config` table): repair and reflow limits,
/// throughput targets, shift times, idle lock. Each key accepts a known range of whole numbers.
class ConfigStore
{
    Q_DECLARE_TR_FUNCTIONS(ConfigStore)

public:
    explicit ConfigStore(const QSqlDatabase& db, const Clock& clock = systemClock())
        : m_db(db), m_clock(clock)
    {
    }

    /// Sets a known key as `actorId` at `stationId`, who needs `settings.change`: a reference
    /// change, audited, that every station takes on its next sync. Unknown keys and values out of
    /// range are refused; the value the key holds already changes nothing and records nothing.
    Status setConfigValue(const QString& key, const QString& value, const QString& actorId,
                          const QString& stationId = {});
    /// The value stored for `key`, or `fallback` when none is: what was set, not what is in force.
    Result<int> configNumber(const QString& key, int fallback) const;

    /// The value in force for a known key: the one set, else the key's default. A stored value
    /// the key does not accept (a hand-edited file) is logged and the default used, so every
    /// reader of the setting acts alike. Unknown keys are an error.
    Result<int> number(const QString& key) const;
    /// number(), or the key's default when the database cannot be read now (logged): for a reader
    /// that must have a value, as the idle lock must.
    int numberOrDefault(const QString& key) const;
    /// What a known key holds while none is set: shift.utc_offset_minutes this PC's offset now,
    /// a station's throughput target the line's.
    Result<int> defaultValue(const QString& key) const;

    struct Setting
    {
        QString key;
        int value = 0;
        bool isDefault = false; ///< nothing (valid) is set: the default is in force
        QString refused;        ///< a stored value the key does not take (a hand-edited file)
    };
    /// Every known setting with the value in force, and each station's own target that is set, by
    /// key; not the station's own `derived.*` state.
    Result<QList<Setting>> inForce() const;

private:
    /// The stored value of `key` if it is one the key accepts; else nullopt, and a stored value
    /// it does not accept in `refused`.
    Result<std::optional<int>> accepted(const QString& key, QString* refused = nullptr) const;

    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
