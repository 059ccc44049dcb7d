#include "PartialReplay.h"
#include "domain/EventPayload.h"

#include "EventStore.h"
#include "KpiRollups.h"
#include "Sql.h"
#include "StateProjector.h"

#include <spdlog/spdlog.h>

namespace rework {
namespace {

// Fixed statements; the temp tables live as long as the connection and are emptied per void.
constexpr const char* kPrepare[] = {
    "CREATE TEMP TABLE IF NOT EXISTS replay_items (serial TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS replay_events (seq INTEGER PRIMARY KEY)",
    "DELETE FROM temp.replay_items",
    "DELETE FROM temp.replay_events",
};

// One round of the closure: events naming a known item, the items those events name, and units
// or cards that carry the same GPU as a known unit (the duplicate-GPU check reads them).
// CROSS JOIN keeps the small temp table outside: the planner has no statistics for it and
// would otherwise scan the whole event_subjects index.
constexpr const char* kGrow[] = {
    "INSERT OR IGNORE INTO temp.replay_events SELECT s.event_seq FROM temp.replay_items i "
    "CROSS JOIN event_subjects s ON s.serial = i.serial",
    "INSERT OR IGNORE INTO temp.replay_items SELECT s.serial FROM temp.replay_events r "
    "CROSS JOIN event_subjects s ON s.event_seq = r.seq",
    "INSERT OR IGNORE INTO temp.replay_items SELECT other.serial FROM temp.replay_items i "
    "CROSS JOIN units u ON u.serial = i.serial CROSS JOIN units other ON other.gpu_uuid = u.gpu_uuid "
    "WHERE u.gpu_uuid IS NOT NULL",
    "INSERT OR IGNORE INTO temp.replay_items SELECT other.card_serial FROM temp.replay_items i "
    "CROSS JOIN units u ON u.serial = i.serial CROSS JOIN units other ON other.gpu_uuid = u.gpu_uuid "
    "WHERE u.gpu_uuid IS NOT NULL",
};

// Children before parents, for the foreign keys; rollup rows keyed by unit or event go with them.
constexpr const char* kDrop[] = {
    "DELETE FROM units WHERE serial IN (SELECT serial FROM temp.replay_items)",
    "DELETE FROM boards WHERE serial IN (SELECT serial FROM temp.replay_items)",
    "DELETE FROM dies WHERE id IN (SELECT serial FROM temp.replay_items)",
    "DELETE FROM cards WHERE serial IN (SELECT serial FROM temp.replay_items)",
    "DELETE FROM batches WHERE id IN (SELECT serial FROM temp.replay_items)",
    "DELETE FROM kpi_units WHERE unit IN (SELECT serial FROM temp.replay_items)",
    "DELETE FROM kpi_defects WHERE event_seq IN (SELECT seq FROM temp.replay_events)",
    "DELETE FROM kpi_anomalies WHERE event_seq IN (SELECT seq FROM temp.replay_events)",
    "DELETE FROM spc_values WHERE event_seq IN (SELECT seq FROM temp.replay_events)",
};

// Seeds of the closure: the items one event names, or one item itself when an event names it.
const QString kItemsOfEvent = QStringLiteral(
    "SELECT s.serial FROM events e JOIN event_subjects s ON s.event_seq = e.seq WHERE e.id = ?");
const QString kNamedItem = QStringLiteral("SELECT s.serial FROM event_subjects s WHERE s.serial = ? LIMIT 1");

Result<qint64> countOf(const QSqlDatabase& db, const char* table)
{
    auto n = sql::scalar(db, QStringLiteral("SELECT count(*) FROM temp.") + QLatin1StringView(table));
    if (!n)
        return n.error();
    return n.value().toLongLong();
}

} // namespace

Status PartialReplay::collect(const QString& seed, const QString& value)
{
    for (const char* statement : kPrepare) {
        if (auto q = sql::run(m_db, QString::fromLatin1(statement)); !q)
            return q.error();
    }
    if (Status st =
            sql::exec(m_db, QStringLiteral("INSERT OR IGNORE INTO temp.replay_items ") + seed, {value});
        !st)
        return st;
    // Grows until a round adds nothing: a batch brings in its units, a unit its die and card.
    for (qint64 before = -1;;) {
        for (const char* statement : kGrow) {
            if (Status st = sql::exec(m_db, QString::fromLatin1(statement)); !st)
                return st;
        }
        Result<qint64> items = countOf(m_db, "replay_items");
        Result<qint64> events = countOf(m_db, "replay_events");
        if (!items)
            return items.error();
        if (!events)
            return events.error();
        const qint64 size = items.value() + events.value();
        if (size == before)
            return {};
        before = size;
    }
}

Result<QList<EventRecord>> PartialReplay::affectedEvents(const QString& condition, const QVariantList& values)
{
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT ") + EventStore::selectColumns() +
                          QStringLiteral("FROM temp.replay_events r CROSS JOIN events e ON e.seq = r.seq "
                                         "WHERE e.step <> 'void' AND ") +
                          condition + QStringLiteral(" ORDER BY e.seq"),
                      values);
    if (!q)
        return q.error();
    QList<EventRecord> events;
    while (q.value().next())
        events << EventStore::fromQuery(q.value());
    return events;
}

Result<qint64> PartialReplay::afterVoid(const EventRecord& voidEvent)
{
    const QString voided = EventPayload::read(voidEvent.payload).event;
    if (Status st = collect(kItemsOfEvent, voided); !st)
        return st.error();

    // What the counters hold now: every affected event but those voided before this void.
    Result<QList<EventRecord>> applied =
        affectedEvents(QStringLiteral("NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id "
                                      "AND v.void_event_id <> ?)"),
                       {voidEvent.id});
    if (!applied)
        return applied.error();
    KpiRollups rollups(m_db);
    for (const EventRecord& e : applied.value()) {
        if (Status st = rollups.unapply(e); !st)
            return st.error();
    }
    for (const char* statement : kDrop) {
        if (Status st = sql::exec(m_db, QString::fromLatin1(statement)); !st)
            return st.error();
    }

    Result<QList<EventRecord>> replay = affectedEvents(
        QStringLiteral("NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id)"), {});
    if (!replay)
        return replay.error();
    StateProjector projector(m_db);
    for (const EventRecord& e : replay.value()) {
        if (Status st = projector.apply(e); !st)
            return st.error();
    }
    if (Status st = rollups.dropEmptyCounters(QStringLiteral("temp.replay_events")); !st)
        return st.error();
    spdlog::info("void of {}: replayed {} events", voided.toStdString(), replay.value().size());
    return qint64(replay.value().size());
}

Result<QList<EventRecord>> PartialReplay::genealogyOf(const QString& serial)
{
    if (Status st = collect(kNamedItem, serial); !st)
        return st.error();
    return affectedEvents(
        QStringLiteral("NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id)"), {});
}

} // namespace rework
