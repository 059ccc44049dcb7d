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

private:
    Status collectAffected(const QString& voidedEventId);
    Result<QList<EventRecord>> affectedEvents(const QString& condition, const QVariantList& values);
    QSqlDatabase m_db;
};

} // namespace rework
