#pragma once

#include "EventRecord.h"
#include "domain/Result.h"

#include <QSqlDatabase>

namespace rework {

/// Makes a void take effect by replaying only the part of the log it touches. The voided event's
/// items and everything linked to them through shared events (card → die → board and unit →
/// batch, and units that reported the same GPU) are dropped from the derived state and rebuilt
/// from their events, in log order. The result equals a full replay (`reworkctl check` proves
/// it), at a cost that follows the size of one batch instead of the whole log.
class PartialReplay
{
public:
    explicit PartialReplay(const QSqlDatabase& db) : m_db(db) {}

    /// Runs inside the void's transaction, after the void itself was applied. Returns how many
    /// events were replayed.
    Result<qint64> afterVoid(const EventRecord& voidEvent);
    /// The events a replay of `serial`'s genealogy applies (none voided, no voids), in log order:
    /// the same closure as a void's, for checking one item (`reworkctl check SERIAL`). Empty when
    /// no event names the serial.
    Result<QList<EventRecord>> genealogyOf(const QString& serial);

private:
    /// Fills temp.replay_items from `seed` (a statement of serials, one bound value) and grows it.
    Status collect(const QString& seed, const QString& value);
    Result<QList<EventRecord>> affectedEvents(const QString& condition, const QVariantList& values);
    QSqlDatabase m_db;
};

} // namespace rework
