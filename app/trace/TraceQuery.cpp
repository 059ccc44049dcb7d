#include "TraceQuery.h"

#include "domain/SerialRules.h"
#include "domain/Step.h"
#include "storage/EventStore.h"
#include "storage/SnapshotLoader.h"
#include "storage/Sql.h"

#include <QSqlQuery>

#include <algorithm>
#include <functional>

namespace rework {
namespace {

/// Puts a loaded item into `into` (nullopt when there is none).
template <typename Item> Status take(Result<std::optional<Item>> loaded, std::optional<Item>& into)
{
    if (!loaded)
        return loaded.error();
    into = std::move(loaded.value());
    return {};
}

/// take(), and whether there was an item.
template <typename Item> Result<bool> found(Result<std::optional<Item>> loaded, std::optional<Item>& into)
{
    if (Status st = take(std::move(loaded), into); !st)
        return st.error();
    return into.has_value();
}

/// Looks the serial up as a unit, die, card, board and batch in turn, and keeps the first kind
/// that knows it; foundKind stays empty when none does.
Status findItem(const SnapshotLoader& loader, const QString& serial, Trace& t)
{
    const std::pair<QString, std::function<Result<bool>()>> kinds[] = {
        {QStringLiteral("unit"), [&] { return found(loader.unit(serial), t.unit); }},
        {QStringLiteral("die"), [&] { return found(loader.die(serial), t.die); }},
        {QStringLiteral("card"), [&] { return found(loader.card(serial), t.card); }},
        {QStringLiteral("board"), [&] { return found(loader.board(serial), t.board); }},
        {QStringLiteral("batch"), [&] { return found(loader.batch(serial), t.batch); }},
    };
    for (const auto& [kind, load] : kinds) {
        Result<bool> isKind = load();
        if (!isKind)
            return isKind.error();
        if (isKind.value()) {
            t.foundKind = kind;
            return {};
        }
    }
    return {};
}

/// Fills in the rest of the genealogy from whichever item was found.
Status loadGenealogy(const SnapshotLoader& loader, Trace& t)
{
    if (t.board && !t.unit) {
        if (Status st = take(loader.unit(t.board->unitSerial), t.unit); !st)
            return st;
    }
    if (t.die && !t.unit && !t.die->unitSerial.isEmpty()) {
        if (Status st = take(loader.unit(t.die->unitSerial), t.unit); !st)
            return st;
    }
    if (t.card && !t.die && !t.card->dieId.isEmpty()) {
        if (Status st = take(loader.die(t.card->dieId), t.die); !st)
            return st;
        if (t.die && !t.die->unitSerial.isEmpty()) {
            if (Status st = take(loader.unit(t.die->unitSerial), t.unit); !st)
                return st;
        }
    }
    if (t.unit) {
        if (!t.die) {
            if (Status st = take(loader.die(t.unit->dieId), t.die); !st)
                return st;
        }
        if (!t.board) {
            if (Status st = take(loader.board(t.unit->boardSerial), t.board); !st)
                return st;
        }
        if (!t.batch && !t.unit->batchId.isEmpty()) {
            if (Status st = take(loader.batch(t.unit->batchId), t.batch); !st)
                return st;
        }
    }
    if (t.die && !t.card)
        return take(loader.card(t.die->cardSerial), t.card);
    return {};
}

/// Dies mounted on the board other than the one it carries now, voided mounts included.
Status loadBoardDies(const QSqlDatabase& db, Trace& t)
{
    if (!t.board)
        return {};
    auto dies =
        sql::run(db,
                 QStringLiteral("SELECT DISTINCT d.serial FROM event_subjects b "
                                "JOIN events e ON e.seq = b.event_seq AND e.step = ? "
                                "JOIN event_subjects d ON d.event_seq = b.event_seq AND d.kind = ? "
                                "WHERE b.kind = ? AND b.serial = ? ORDER BY d.serial"),
                 {stepName(Step::Mount), QStringLiteral("die"), QStringLiteral("board"), t.board->serial});
    if (!dies)
        return dies.error();
    while (dies.value().next()) {
        const QString die = dies.value().value(0).toString();
        if (!t.die || die != t.die->id)
            t.boardOtherDies.append(die);
    }
    return {};
}

/// A batch asked for: its units, and its own events.
Status loadBatch(const QSqlDatabase& db, const SnapshotLoader& loader, Trace& t)
{
    auto units = sql::run(db, QStringLiteral("SELECT serial FROM units WHERE batch_id = ? ORDER BY serial"),
                          {t.batch->id});
    if (!units)
        return units.error();
    while (units.value().next()) {
        std::optional<UnitState> u;
        if (Status st = take(loader.unit(units.value().value(0).toString()), u); !st)
            return st;
        if (u)
            t.batchUnits.append(*u);
    }
    auto list = EventStore(db).forSerial(t.batch->id);
    if (!list)
        return list.error();
    t.events = list.value();
    return {};
}

/// An item's history: every event after intake names the donor card, so the card's events are
/// the whole history (`serial` when there is no card).
Status loadItemHistory(const QSqlDatabase& db, const QString& serial, Trace& t)
{
    EventStore events(db);
    auto list = events.forSerial(t.card ? t.card->serial : serial);
    if (!list)
        return list.error();
    t.events = list.value();
    // Closing and shipping name only the batch; they belong to its units' history too.
    if (t.batch) {
        auto batchEvents = events.forSerial(t.batch->id);
        if (!batchEvents)
            return batchEvents.error();
        for (const EventRecord& e : batchEvents.value()) {
            if (e.step == QLatin1StringView("close") || e.step == QLatin1StringView("ship"))
                t.events.append(e);
        }
        std::sort(t.events.begin(), t.events.end(),
                  [](const EventRecord& a, const EventRecord& b) { return a.seq < b.seq; });
    }
    return {};
}

} // namespace

Result<Trace> TraceQuery::find(const QString& raw) const
{
    Trace t;
    const QString serial = raw.trimmed().toUpper();
    t.query = serial;
    if (serial.isEmpty() || serial.size() > SerialRules::kMaxLength) {
        return makeError(ErrorCode::MalformedSerial, QStringLiteral("serial"),
                         Message(tr, QT_TR_NOOP("give a card, die, board, unit or batch serial")));
    }
    // A scan with control characters in it is a misread, as at every station.
    if (SerialRules::hasControlCharacters(raw, true)) {
        return makeError(ErrorCode::MalformedSerial, QStringLiteral("serial"),
                         Message(tr, QT_TR_NOOP("the scan holds control characters; scan the label again")));
    }
    SnapshotLoader loader(m_db);
    if (Status st = findItem(loader, serial, t); !st)
        return st.error();
    if (t.foundKind.isEmpty()) {
        // A GPU UUID leads to the unit (or donor card) that carries it.
        const QString uuid = SerialRules::normalise(SerialKind::GpuUuid, raw);
        auto owner = sql::scalar(m_db,
                                 QStringLiteral("SELECT serial FROM units WHERE gpu_uuid = ? UNION ALL "
                                                "SELECT serial FROM cards WHERE gpu_uuid = ? LIMIT 1"),
                                 {uuid, uuid});
        if (!owner)
            return owner.error();
        if (!owner.value().isValid()) {
            return makeError(
                ErrorCode::UnknownSerial, QStringLiteral("serial"),
                Message(tr, QT_TR_NOOP("%1 is not a known card, die, board, unit, batch or GPU"), {serial}));
        }
        Result<Trace> viaOwner = find(owner.value().toString());
        if (viaOwner)
            viaOwner.value().query = uuid;
        return viaOwner;
    }
    if (Status st = loadGenealogy(loader, t); !st)
        return st.error();
    if (Status st = loadBoardDies(m_db, t); !st)
        return st.error();
    const Status history = t.foundKind == QLatin1StringView("batch") ? loadBatch(m_db, loader, t)
                                                                     : loadItemHistory(m_db, serial, t);
    if (!history)
        return history.error();
    return t;
}

} // namespace rework
