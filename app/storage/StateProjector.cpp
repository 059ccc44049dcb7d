#include "StateProjector.h"

#include "EventStore.h"
#include "KpiRollups.h"
#include "Sql.h"
#include "domain/ItemStates.h"
#include "domain/Step.h"

#include <QJsonArray>
#include <QSqlQuery>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

QString field(const EventRecord& e, const char* key)
{
    return e.payload.value(QLatin1StringView(key)).toString();
}

} // namespace

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

    switch (*step) {
    case Step::Intake:
        return applyIntake(e, at);
    case Step::Strip:
        return applyStrip(e, at);
    case Step::Reball:
        return applyReball(e, at);
    case Step::Mount:
        return applyMount(e, at);
    case Step::Inspect:
    case Step::Test:
        return applyCheck(e, *step, at);
    case Step::Pack:
        return applyPack(e, at);
    case Step::Close:
        return applyClose(e, at);
    case Step::Ship:
        return applyShip(e, at);
    case Step::Scrap:
        return applyScrap(e, at);
    case Step::Bake:
        return applyBake(e, at);
    case Step::Void:
        return applyVoid(e);
    }
    return {};
}

Status StateProjector::applyIntake(const EventRecord& e, const QString& at)
{
    return exec(QStringLiteral(
                    "INSERT INTO cards (serial, model, lot, partner, pcb_rev, gpu_uuid, state, received_at, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {field(e, "card"), field(e, "model"), field(e, "lot"), sql::nullIfEmpty(field(e, "partner")),
                 sql::nullIfEmpty(field(e, "pcb_rev")), sql::nullIfEmpty(field(e, "gpu_uuid")),
                 stateValue(ItemState::Received), at, at});
}

Status StateProjector::applyStrip(const EventRecord& e, const QString& at)
{
    if (Status st =
            exec(QStringLiteral("UPDATE cards SET state = ?, die_id = ?, updated_at = ? WHERE serial = ?"),
                 {stateValue(ItemState::Stripped), field(e, "die"), at, field(e, "card")});
        !st)
        return st;
    return exec(QStringLiteral(
                    "INSERT INTO dies (id, card_serial, model, marking, date_code, msl, exposed_at, state, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {field(e, "die"), field(e, "card"), field(e, "model"), sql::nullIfEmpty(field(e, "marking")),
                 sql::nullIfEmpty(field(e, "date_code")), sql::nullIfEmpty(field(e, "msl")),
                 sql::nullIfEmpty(field(e, "dry_storage_left_at")), stateValue(ItemState::Stripped), at});
}

Status StateProjector::applyReball(const EventRecord& e, const QString& at)
{
    return exec(QStringLiteral(
                    "UPDATE dies SET state = ?, alloy = ?, reball_count = reball_count + 1, updated_at = ? "
                    "WHERE id = ?"),
                {stateValue(ItemState::Reballed), field(e, "alloy"), at, field(e, "die")});
}

Status StateProjector::applyMount(const EventRecord& e, const QString& at)
{
    const QString unit = field(e, "unit");
    if (field(e, "outcome") == QLatin1StringView("remounted")) {
        if (Status st =
                exec(QStringLiteral(
                         "UPDATE boards SET state = ?, reflow_count = reflow_count + 1, updated_at = ? WHERE "
                         "serial = ?"),
                     {stateValue(ItemState::Mounted), at, field(e, "board")});
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
                             {field(e, "board"), stateValue(ItemState::Mounted), unit, at});
            !st)
            return st;
        if (Status st = exec(QStringLiteral("INSERT INTO units (serial, die_id, board_serial, "
                                            "card_serial, model, state, created_at, "
                                            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                             {unit, field(e, "die"), field(e, "board"), field(e, "card"), field(e, "model"),
                              stateValue(ItemState::Mounted), at, at});
            !st)
            return st;
    }
    return exec(QStringLiteral(
                    "UPDATE dies SET state = ?, unit_serial = ?, reflow_count = reflow_count + 1, updated_at "
                    "= ? WHERE id = ?"),
                {stateValue(ItemState::Mounted), unit, at, field(e, "die")});
}

Status StateProjector::applyCheck(const EventRecord& e, Step step, const QString& at)
{
    const QString unit = field(e, "unit");
    const QString outcome = field(e, "outcome");
    if (step == Step::Test && !field(e, "gpu_uuid").isEmpty()) {
        if (Status st = exec(QStringLiteral("UPDATE units SET gpu_uuid = ? WHERE serial = ?"),
                             {field(e, "gpu_uuid"), unit});
            !st)
            return st;
    }
    if (outcome == QLatin1StringView("pass")) {
        return exec(QStringLiteral("UPDATE units SET state = ?, updated_at = ? WHERE serial = ?"),
                    {stateValue(step == Step::Inspect ? ItemState::Inspected : ItemState::Tested), at, unit});
    }
    if (outcome == QLatin1StringView("repair")) {
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

Status StateProjector::applyPack(const EventRecord& e, const QString& at)
{
    if (Status st = exec(
            QStringLiteral(
                "INSERT INTO batches (id, model, state, opened_at, updated_at) VALUES (?, ?, ?, ?, ?) ON "
                "CONFLICT (id) DO NOTHING"),
            {field(e, "batch"), field(e, "model"), stateValue(ItemState::Open), at, at});
        !st)
        return st;
    return exec(QStringLiteral("UPDATE units SET state = ?, batch_id = ?, updated_at = ? WHERE serial = ?"),
                {stateValue(ItemState::Packed), field(e, "batch"), at, field(e, "unit")});
}

Status StateProjector::applyClose(const EventRecord& e, const QString& at)
{
    return exec(QStringLiteral("UPDATE batches SET state = ?, closed_at = ?, updated_at = ? WHERE id = ?"),
                {stateValue(ItemState::Closed), at, at, field(e, "batch")});
}

Status StateProjector::applyShip(const EventRecord& e, const QString& at)
{
    const QString batch = field(e, "batch");
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

Status StateProjector::applyScrap(const EventRecord& e, const QString& at)
{
    const QString kind = field(e, "item_kind");
    const QString item = field(e, "item");
    if (kind == QLatin1StringView("unit"))
        return scrapUnit(item, at);
    if (kind == QLatin1StringView("die"))
        return exec(QStringLiteral("UPDATE dies SET state = ?, updated_at = ? WHERE id = ?"),
                    {stateValue(ItemState::Scrapped), at, item});
    return exec(QStringLiteral("UPDATE cards SET state = ?, updated_at = ? WHERE serial = ?"),
                {stateValue(ItemState::Scrapped), at, item});
}

Status StateProjector::applyBake(const EventRecord& e, const QString& at)
{
    // The bake dries the die: its floor-life clock starts again when the bake ends.
    return exec(QStringLiteral("UPDATE dies SET exposed_at = ?, updated_at = ? WHERE id = ?"),
                {field(e, "end"), at, field(e, "die")});
}

Status StateProjector::applyVoid(const EventRecord& e)
{
    return exec(QStringLiteral("INSERT INTO voided_events (event_id, void_event_id) VALUES (?, ?)"),
                {field(e, "event"), e.id});
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
