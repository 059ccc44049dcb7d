#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <utility>

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
    /// A whole-number setting, or `fallback` when the key is not set.
    Result<int> configNumber(const QString& key, int fallback) const;
    /// Every (key, value) set for the line, by key; not the station's own `derived.*` state.
    Result<QList<std::pair<QString, QString>>> settings() const;

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
