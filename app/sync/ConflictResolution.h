#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace rework {

/// A conflict between stations that the server found (one die, board or card recorded twice while
/// the stations were offline), as this station knows it.
struct Conflict
{
    qint64 serverId = 0;
    QString kind; ///< die_mounted_twice, board_mounted_twice, card_taken_in_twice, duplicate_gpu
    QString subject, detail, foundAt;
    QStringList eventIds;  ///< the two records that contradict each other
    bool resolved = false; ///< one side is void here
};

/// A supervisor closes a conflict by picking the record that stands: the other record, and every
/// record that builds on it (whichever station made them), are voided with the reason, in one
/// audited transaction; the voids sync like any work, and each station then applies the events it
/// had set aside for the side that stands. Needs `conflicts.resolve`.
class ConflictResolution
{
    Q_DECLARE_TR_FUNCTIONS(ConflictResolution)

public:
    ConflictResolution(const QSqlDatabase& db, const Clock& clock = systemClock()) : m_db(db), m_clock(clock)
    {
    }

    /// Every conflict pulled from the server, open ones first.
    Result<QList<Conflict>> list() const;
    /// Keeps `keepEventId`'s side of conflict `serverId`; returns how many records were voided.
    Result<int> resolve(qint64 serverId, const QString& keepEventId, const QString& reason,
                        const OperatorInfo& actor, const QString& stationId);

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
