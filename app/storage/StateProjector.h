#pragma once

#include "EventRecord.h"
#include "domain/EventPayload.h"
#include "domain/Result.h"
#include "domain/Step.h"

#include <QSqlDatabase>

namespace rework {

/// Derives the current state of cards, dies, boards, units and batches from events. `apply`
/// runs in the same transaction as the event's insert; `rebuild` replays the whole log, which
/// is how `reworkctl check` proves the state tables are right (a void replays only the items it
/// touches: PartialReplay).
/// The dashboard's rollups (KpiRollups) are derived state too and follow the same path.
class StateProjector
{
public:
    explicit StateProjector(const QSqlDatabase& db) : m_db(db) {}

    Status apply(const EventRecord& event);
    Status rebuild();

private:
    Status applyState(const EventRecord& event);
    // One per step: the state tables' rows the step's event creates or changes.
    Status applyIntake(const EventPayload& p, const QString& at);
    Status applyStrip(const EventPayload& p, const QString& at);
    Status applyReball(const EventPayload& p, const QString& at);
    Status applyMount(const EventPayload& p, const QString& at);
    /// Inspect and Test: pass, repair or scrap of the unit.
    Status applyCheck(const EventPayload& p, Step step, const QString& at);
    Status applyPack(const EventPayload& p, const QString& at);
    Status applyClose(const EventPayload& p, const QString& at);
    Status applyShip(const EventPayload& p, const QString& at);
    Status applyScrap(const EventPayload& p, const QString& at);
    Status applyBake(const EventPayload& p, const QString& at);
    Status applyVoid(const EventPayload& p, const QString& eventId);
    Status exec(const QString& statement, const QVariantList& values);
    Status scrapUnit(const QString& unit, const QString& at);

    QSqlDatabase m_db;
};

} // namespace rework
