#include "StateProjector.h"

#include "EventStore.h"
#include "KpiRollups.h"
#include "ReferenceProjector.h"
#include "Sql.h"
#include "domain/EventPayload.h"
#include "domain/ItemStates.h"
#include "domain/ReferenceChange.h"
#include "domain/Step.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <spdlog/spdlog.h>

namespace rework {
Status StateProjector::exec(const QString& statement, const QVariantList& values)
{
    return sql::exec(m_db, statement, values);
}

Status StateProjector::scrapUnit(const QString& unit, const QString& at)
{
    if (Status st = exec(QStringLiteral("UPDATE units SET state = ?, updated_at = ? WHERE serial = ?"),
                         {stateValue(ItemState::Scrapped), at, unit});
        !st)
        return st;
    if (Status st = exec(QStringLiteral("UPDATE dies SET state = ?, updated_at = ? WHERE unit_serial = ?"),
                         {stateValue(ItemState::Scrapped), at, unit});
        !st)
        return st;
    return exec(QStringLiteral("UPDATE boards SET state = ?, updated_at = ? WHERE unit_serial = ?"),
                {stateValue(ItemState::Scrapped), at, unit});
}

Status StateProjector::apply(const EventRecord& event)
{
    // Reference data is projected onto its own tables; it is no work for the rollups.
    if (event.step == ReferenceChange::kStep)
        return ReferenceProjector(m_db).apply(event);
    if (Status st = applyState(event); !st)
        return st;
    return KpiRollups(m_db).apply(event);
}

Status StateProjector::applyState(const EventRecord& e)
{
    const QString at = e.recordedAt.toUTC().toString(Qt::ISODateWithMs);
    const std::optional<Step> step = stepFromName(e.step);
    if (!step)
        return makeError(ErrorCode::Storage, QStringLiteral("step"),
                         QStringLiteral("unknown step ") + e.step);

    const EventPayload p = EventPayload::read(e.payload);
    switch (*step) {
    case Step::Intake:
        return applyIntake(p, at);
    case Step::Strip:
        return applyStrip(p, at);
    case Step::Reball:
        return applyReball(p, at);
    case Step::Mount:
        return applyMount(p, at);
    case Step::Inspect:
    case Step::Test:
        return applyCheck(p, *step, at);
    case Step::Pack:
        return applyPack(p, at);
    case Step::Close:
        return applyClose(p, at);
    case Step::Ship:
        return applyShip(p, at);
    case Step::Scrap:
        return applyScrap(p, at);
    case Step::Bake:
        return applyBake(p, at);
    case Step::Void:
        return applyVoid(p, e.id);
    }
    return {};
}

Status StateProjector::applyIntake(const EventPayload& p, const QString& at)
{
    return exec(QStringLiteral(
                    "INSERT INTO cards (serial, model, lot, partner, pcb_rev, gpu_uuid, state, received_at, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {p.card, p.model, p.lot, sql::nullIfEmpty(p.partner), sql::nullIfEmpty(p.pcbRev),
                 sql::nullIfEmpty(p.gpuUuid), stateValue(ItemState::Received), at, at});
}

Status StateProjector::applyStrip(const EventPayload& p, const QString& at)
{
    if (Status st =
            exec(QStringLiteral("UPDATE cards SET state = ?, die_id = ?, updated_at = ? WHERE serial = ?"),
                 {stateValue(ItemState::Stripped), p.die, at, p.card});
        !st)
        return st;
    return exec(QStringLiteral(
                    "INSERT INTO dies (id, card_serial, model, marking, date_code, msl, exposed_at, state, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {p.die, p.card, p.model, sql::nullIfEmpty(p.marking), sql::nullIfEmpty(p.dateCode),
                 sql::nullIfEmpty(p.msl), sql::nullIfEmpty(p.dryStorageLeftAt),
                 stateValue(ItemState::Stripped), at});
}

Status StateProjector::applyReball(const EventPayload& p, const QString& at)
{
    return exec(QStringLiteral(
                    "UPDATE dies SET state = ?, alloy = ?, reball_count = reball_count + 1, updated_at = ? "
                    "WHERE id = ?"),
                {stateValue(ItemState::Reballed), p.alloy, at, p.die});
}

Status StateProjector::applyMount(const EventPayload& p, const QString& at)
{
    const QString unit = p.unit;
    if (p.outcome == outcome::Remounted) {
        if (Status st =
                exec(QStringLiteral(
                         "UPDATE boards SET state = ?, reflow_count = reflow_count + 1, updated_at = ? WHERE "
                         "serial = ?"),
                     {stateValue(ItemState::Mounted), at, p.board});
            !st)
            return st;
        if (Status st = exec(QStringLiteral("UPDATE units SET state = ?, updated_at = ? WHERE serial = ?"),
                             {stateValue(ItemState::Mounted), at, unit});
            !st)
            return st;
    } else {
        if (Status st = exec(QStringLiteral("INSERT INTO boards (serial, state, unit_serial, "
                                            "reflow_count, updated_at) VALUES (?, ?, "
                                            "?, 1, ?)"),
                             {p.board, stateValue(ItemState::Mounted), unit, at});
            !st)
            return st;
        if (Status st = exec(QStringLiteral("INSERT INTO units (serial, die_id, board_serial, "
                                            "card_serial, model, state, created_at, "
                                            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                             {unit, p.die, p.board, p.card, p.model, stateValue(ItemState::Mounted), at, at});
            !st)
            return st;
    }
    return exec(QStringLiteral(
                    "UPDATE dies SET state = ?, unit_serial = ?, reflow_count = reflow_count + 1, updated_at "
                    "= ? WHERE id = ?"),
                {stateValue(ItemState::Mounted), unit, at, p.die});
}

Status StateProjector::applyCheck(const EventPayload& p, Step step, const QString& at)
{
    const QString unit = p.unit;
    if (step == Step::Test && !p.gpuUuid.isEmpty()) {
        if (Status st =
                exec(QStringLiteral("UPDATE units SET gpu_uuid = ? WHERE serial = ?"), {p.gpuUuid, unit});
            !st)
            return st;
    }
    if (p.outcome == outcome::Pass) {
        return exec(QStringLiteral("UPDATE units SET state = ?, updated_at = ? WHERE serial = ?"),
                    {stateValue(step == Step::Inspect ? ItemState::Inspected : ItemState::Tested), at, unit});
    }
    if (p.outcome == outcome::Repair) {
        if (Status st =
                exec(QStringLiteral(
                         "UPDATE units SET state = ?, repair_count = repair_count + 1, updated_at = ? WHERE "
                         "serial = ?"),
                     {stateValue(ItemState::Repair), at, unit});
            !st)
            return st;
        return exec(QStringLiteral("UPDATE dies SET state = ?, updated_at = ? WHERE unit_serial = ?"),
                    {stateValue(ItemState::Repair), at, unit});
    }
    return scrapUnit(unit, at);
}

Status StateProjector::applyPack(const EventPayload& p, const QString& at)
{
    if (Status st = exec(
            QStringLiteral(
                "INSERT INTO batches (id, model, state, opened_at, updated_at) VALUES (?, ?, ?, ?, ?) ON "
                "CONFLICT (id) DO NOTHING"),
            {p.batch, p.model, stateValue(ItemState::Open), at, at});
        !st)
        return st;
    return exec(QStringLiteral("UPDATE units SET state = ?, batch_id = ?, updated_at = ? WHERE serial = ?"),
                {stateValue(ItemState::Packed), p.batch, at, p.unit});
}

Status StateProjector::applyClose(const EventPayload& p, const QString& at)
{
    return exec(QStringLiteral("UPDATE batches SET state = ?, closed_at = ?, updated_at = ? WHERE id = ?"),
                {stateValue(ItemState::Closed), at, at, p.batch});
}

Status StateProjector::applyShip(const EventPayload& p, const QString& at)
{
    const QString batch = p.batch;
    if (Status st =
            exec(QStringLiteral("UPDATE batches SET state = ?, shipped_at = ?, updated_at = ? WHERE id = ?"),
                 {stateValue(ItemState::Shipped), at, at, batch});
        !st)
        return st;
    if (Status st =
            exec(QStringLiteral(
                     "UPDATE dies SET state = ?, updated_at = ? WHERE unit_serial IN (SELECT serial FROM "
                     "units WHERE batch_id = ?)"),
                 {stateValue(ItemState::Shipped), at, batch});
        !st)
        return st;
    if (Status st =
            exec(QStringLiteral(
                     "UPDATE boards SET state = ?, updated_at = ? WHERE unit_serial IN (SELECT serial FROM "
                     "units WHERE batch_id = ?)"),
                 {stateValue(ItemState::Shipped), at, batch});
        !st)
        return st;
    return exec(QStringLiteral("UPDATE units SET state = ?, updated_at = ? WHERE batch_id = ?"),
                {stateValue(ItemState::Shipped), at, batch});
}

Status StateProjector::applyScrap(const EventPayload& p, const QString& at)
{
    const QString kind = p.itemKind;
    const QString item = p.item;
    if (kind == QLatin1StringView("unit"))
        return scrapUnit(item, at);
    if (kind == QLatin1StringView("die"))
        return exec(QStringLiteral("UPDATE dies SET state = ?, updated_at = ? WHERE id = ?"),
                    {stateValue(ItemState::Scrapped), at, item});
    return exec(QStringLiteral("UPDATE cards SET state = ?, updated_at = ? WHERE serial = ?"),
                {stateValue(ItemState::Scrapped), at, item});
}

Status StateProjector::applyBake(const EventPayload& p, const QString& at)
{
    // The bake dries the die: its floor-life clock starts again when the bake ends.
    return exec(QStringLiteral("UPDATE dies SET exposed_at = ?, updated_at = ? WHERE id = ?"),
                {p.end, at, p.die});
}

Status StateProjector::applyVoid(const EventPayload& p, const QString& eventId)
{
    return exec(QStringLiteral("INSERT INTO voided_events (event_id, void_event_id) VALUES (?, ?)"),
                {p.event, eventId});
}

Status StateProjector::rebuild()
{
    // Children before parents, for the foreign keys.
    for (const char* statement : {"DELETE FROM units", "DELETE FROM boards", "DELETE FROM dies",
                                  "DELETE FROM cards", "DELETE FROM batches", "DELETE FROM voided_events"}) {
        if (Status st = exec(QString::fromLatin1(statement), {}); !st)
            return st;
    }
    if (Status st = KpiRollups(m_db).clear(); !st)
        return st;
    // Voids first: a void recorded later still removes an earlier event from the replay.
    auto voids = sql::run(m_db, QStringLiteral("SELECT ") + EventStore::selectColumns() +
                                    QStringLiteral("FROM events e WHERE e.step = 'void' ORDER BY e.seq"));
    if (!voids)
        return voids.error();
    while (voids.value().next()) {
        if (Status st = apply(EventStore::fromQuery(voids.value())); !st)
            return st;
    }
    auto events = sql::run(m_db, QStringLiteral("SELECT ") + EventStore::selectColumns() +
                                     QStringLiteral("FROM events e WHERE e.step <> 'void' AND NOT EXISTS "
                                                    "(SELECT 1 FROM voided_events v WHERE v.event_id = e.id) "
                                                    "ORDER BY e.seq"));
    if (!events)
        return events.error();
    qint64 replayed = 0;
    while (events.value().next()) {
        if (Status st = apply(EventStore::fromQuery(events.value())); !st)
            return st;
        ++replayed;
    }
    spdlog::info("state rebuilt from {} events", replayed);
    return {};
}

} // namespace rework
