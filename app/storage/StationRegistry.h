#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace rework {

/// The stations of the line, each bound to one step.
class StationRegistry
{
    Q_DECLARE_TR_FUNCTIONS(StationRegistry)

public:
    explicit StationRegistry(const QSqlDatabase& db, const Clock& clock = systemClock())
        : m_db(db), m_clock(clock)
    {
    }

    /// Recorded as a reference change by `actorId` (headless setup: SYSTEM).
    Status addStation(const QString& id, const QString& step, const QString& name = {},
                      const QString& actorId = QStringLiteral("SYSTEM"));
    /// Whether the line has a station `id` (as stored: trimmed, upper case).
    Result<bool> exists(const QString& id) const;
    /// Every work station (not the system's own pseudo-station), by id.
    Result<QList<StationInfo>> stations() const;

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
