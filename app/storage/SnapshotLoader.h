#pragma once

#include "domain/Action.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"

#include <QSqlDatabase>

namespace rework {

/// Reads, from the derived state tables, everything the rules need to decide on an action.
class SnapshotLoader
{
public:
    explicit SnapshotLoader(const QSqlDatabase& db) : m_db(db) {}

    Result<Snapshot> load(const Action& action) const;

    Result<std::optional<CardState>> card(const QString& serial) const;
    Result<std::optional<DieState>> die(const QString& id) const;
    Result<std::optional<BoardState>> board(const QString& serial) const;
    Result<std::optional<UnitState>> unit(const QString& serial) const;
    Result<std::optional<BatchState>> batch(const QString& id) const;
    /// A recorded event as voiding sees it (its items, whether void, what later record builds on
    /// it); nullopt when there is no event with that id.
    Result<std::optional<EventInfo>> event(const QString& id) const;
    /// Pack: the kinds of rig runs the unit's last standing test imported, if it passed.
    Status loadTestedRuns(UnitState& unit) const;

private:
    Status loadActors(const Action& a, Snapshot& s) const;
    Status loadToken(const Action& a, Snapshot& s) const;
    Status loadScrapItem(const QString& item, Snapshot& s) const;
    Status loadVoidTarget(const QString& id, Snapshot& s) const;
    Status loadGpuUuidOwner(const QString& uuid, Snapshot& s) const;

    QSqlDatabase m_db;
};

} // namespace rework
