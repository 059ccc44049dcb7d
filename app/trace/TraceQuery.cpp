#include "TraceQuery.h"

#include "domain/SerialRules.h"
#include "storage/EventStore.h"
#include "storage/SnapshotLoader.h"
#include "storage/Sql.h"

#include <QSqlQuery>

#include <algorithm>

namespace rework {

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
    auto take = [](auto result, auto& into) -> Status {
        if (!result)
            return result.error();
        into = result.value();
        return {};
    };

    if (Status st = take(loader.unit(serial), t.unit); !st)
        return st.error();
    if (t.unit) {
        t.foundKind = QStringLiteral("unit");
    } else if (Status st2 = take(loader.die(serial), t.die); !st2) {
        return st2.error();
    } else if (t.die) {
        t.foundKind = QStringLiteral("die");
    } else if (Status st3 = take(loader.card(serial), t.card); !st3) {
        return st3.error();
    } else if (t.card) {
        t.foundKind = QStringLiteral("card");
    } else if (Status st4 = take(loader.board(serial), t.board); !st4) {
        return st4.error();
    } else if (t.board) {
        t.foundKind = QStringLiteral("board");
    } else if (Status st5 = take(loader.batch(serial), t.batch); !st5) {
        return st5.error();
    } else if (t.batch) {
        t.foundKind = QStringLiteral("batch");
    } else {
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

    // Fill in the rest of the genealogy from whichever item was found.
    if (t.board && !t.unit) {
        if (Status st = take(loader.unit(t.board->unitSerial), t.unit); !st)
            return st.error();
    }
    if (t.die && !t.unit && !t.die->unitSerial.isEmpty()) {
        if (Status st = take(loader.unit(t.die->unitSerial), t.unit); !st)
            return st.error();
    }
    if (t.card && !t.die && !t.card->dieId.isEmpty()) {
        if (Status st = take(loader.die(t.card->dieId), t.die); !st)
            return st.error();
        if (t.die && !t.die->unitSerial.isEmpty()) {
            if (Status st = take(loader.unit(t.die->unitSerial), t.unit); !st)
                return st.error();
        }
    }
    if (t.unit) {
        if (!t.die) {
            if (Status st = take(loader.die(t.unit->dieId), t.die); !st)
                return st.error();
        }
        if (!t.board) {
            if (Status st = take(loader.board(t.unit->boardSerial), t.board); !st)
                return st.error();
        }
        if (!t.batch && !t.unit->batchId.isEmpty()) {
            if (Status st = take(loader.batch(t.unit->batchId), t.batch); !st)
                return st.error();
        }
    }
    if (t.die && !t.card) {
        if (Status st = take(loader.card(t.die->cardSerial), t.card); !st)
            return st.error();
    }

    EventStore events(m_db);
    if (t.foundKind == QLatin1StringView("batch")) {
        auto units =
            sql::run(m_db, QStringLiteral("SELECT serial FROM units WHERE batch_id = ? ORDER BY serial"),
                     {t.batch->id});
        if (!units)
            return units.error();
        while (units.value().next()) {
            std::optional<UnitState> u;
            if (Status st = take(loader.unit(units.value().value(0).toString()), u); !st)
                return st.error();
            if (u)
                t.batchUnits.append(*u);
        }
        auto list = events.forSerial(t.batch->id);
        if (!list)
            return list.error();
        t.events = list.value();
    } else {
        // Every event after intake names the donor card, so the card's events are the whole history.
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
    }
    return t;
}

} // namespace rework
