#include "SnapshotLoader.h"

#include "Sql.h"
#include "domain/EventPayload.h"
#include "domain/SerialRules.h"

namespace rework {
Result<std::optional<CardState>> SnapshotLoader::card(const QString& serial) const
{
    auto q =
        sql::row(m_db,
                 QStringLiteral("SELECT serial, model, lot, state, gpu_uuid, die_id, received_at FROM cards "
                                "WHERE serial = ?"),
                 {serial});
    if (!q)
        return q.error();
    if (!q.value())
        return std::optional<CardState>();
    const QVariantList& r = *q.value();
    return std::optional<CardState>(
        CardState{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                  r.value(4).toString(), r.value(5).toString(),
                  QDateTime::fromString(r.value(6).toString(), Qt::ISODateWithMs)});
}

Result<std::optional<DieState>> SnapshotLoader::die(const QString& id) const
{
    auto q =
        sql::row(m_db,
                 QStringLiteral("SELECT id, card_serial, model, state, unit_serial, alloy, reflow_count, "
                                "reball_count, msl, exposed_at FROM dies WHERE id = ?"),
                 {id});
    if (!q)
        return q.error();
    if (!q.value())
        return std::optional<DieState>();
    const QVariantList& r = *q.value();
    return std::optional<DieState>(
        DieState{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString(),
                 r.value(4).toString(), r.value(5).toString(), r.value(6).toInt(), r.value(7).toInt(),
                 r.value(8).toString(), QDateTime::fromString(r.value(9).toString(), Qt::ISODateWithMs)});
}

Result<std::optional<BoardState>> SnapshotLoader::board(const QString& serial) const
{
    auto q = sql::row(
        m_db, QStringLiteral("SELECT serial, state, unit_serial, reflow_count FROM boards WHERE serial = ?"),
        {serial});
    if (!q)
        return q.error();
    if (!q.value())
        return std::optional<BoardState>();
    const QVariantList& r = *q.value();
    return std::optional<BoardState>(
        BoardState{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toInt()});
}

Result<std::optional<UnitState>> SnapshotLoader::unit(const QString& serial) const
{
    auto q =
        sql::row(m_db,
                 QStringLiteral("SELECT serial, die_id, board_serial, card_serial, model, state, batch_id, "
                                "gpu_uuid, repair_count FROM units WHERE serial = ?"),
                 {serial});
    if (!q)
        return q.error();
    if (!q.value())
        return std::optional<UnitState>();
    const QVariantList& r = *q.value();
    return std::optional<UnitState>(UnitState{r.value(0).toString(),
                                              r.value(1).toString(),
                                              r.value(2).toString(),
                                              r.value(3).toString(),
                                              r.value(4).toString(),
                                              r.value(5).toString(),
                                              r.value(6).toString(),
                                              r.value(7).toString(),
                                              r.value(8).toInt(),
                                              {}});
}

Result<std::optional<BatchState>> SnapshotLoader::batch(const QString& id) const
{
    auto q = sql::row(m_db,
                      QStringLiteral("SELECT b.id, b.model, b.state, "
                                     "(SELECT count(*) FROM units u WHERE u.batch_id = b.id) "
                                     "FROM batches b WHERE b.id = ?"),
                      {id});
    if (!q)
        return q.error();
    if (!q.value())
        return std::optional<BatchState>();
    const QVariantList& r = *q.value();
    return std::optional<BatchState>(
        BatchState{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toInt()});
}

Status SnapshotLoader::loadGpuUuidOwner(const QString& uuid, Snapshot& s) const
{
    // Empty, not null: `serial <> NULL` would match nothing and hide every owner.
    const QString none = QStringLiteral("");
    const QString ownUnit = s.unit ? s.unit->serial : none;
    const QString ownCard = s.unit ? s.unit->cardSerial : (s.card ? s.card->serial : none);
    auto owner = sql::scalar(
        m_db, QStringLiteral("SELECT serial FROM units WHERE gpu_uuid = ? AND serial <> ? LIMIT 1"),
        {uuid, ownUnit});
    if (!owner)
        return owner.error();
    if (owner.value().isValid()) {
        s.gpuUuidOwner = owner.value().toString();
        return {};
    }
    owner = sql::scalar(m_db,
                        QStringLiteral("SELECT serial FROM cards WHERE gpu_uuid = ? AND serial <> ? LIMIT 1"),
                        {uuid, ownCard});
    if (!owner)
        return owner.error();
    s.gpuUuidOwner = owner.value().toString();
    return {};
}

Result<std::optional<EventInfo>> SnapshotLoader::event(const QString& id) const
{
    Snapshot s;
    if (Status st = loadVoidTarget(id, s); !st)
        return st.error();
    return s.target;
}

Status SnapshotLoader::loadTestedRuns(UnitState& unit) const
{
    // The unit's last test that stands (not voided) and passed: the runs it imported, by kind.
    auto runs = sql::rows(
        m_db,
        QStringLiteral(
            "SELECT json_extract(r.value, '$.kind') FROM events e, json_each(e.payload, '$.rig_runs') r "
            "WHERE e.seq = (SELECT e2.seq FROM events e2 WHERE e2.subject = ? "
            "AND e2.step = 'test' AND NOT EXISTS (SELECT 1 FROM voided_events v "
            "WHERE v.event_id = e2.id) ORDER BY e2.seq DESC LIMIT 1) "
            "AND json_extract(e.payload, '$.outcome') = 'pass'"),
        {unit.serial});
    if (!runs)
        return runs.error();
    for (const QVariantList& run : std::as_const(runs.value()))
        unit.testedRuns << run.value(0).toString();
    return {};
}

Status SnapshotLoader::loadVoidTarget(const QString& id, Snapshot& s) const
{
    auto target = sql::row(m_db,
                           QStringLiteral("SELECT e.seq, e.step, EXISTS (SELECT 1 FROM voided_events v "
                                          "WHERE v.event_id = e.id) FROM events e WHERE e.id = ?"),
                           {id});
    if (!target)
        return target.error();
    if (!target.value())
        return {};
    EventInfo info;
    info.id = id;
    const qint64 seq = target.value()->value(0).toLongLong();
    info.step = target.value()->value(1).toString();
    info.voided = target.value()->value(2).toBool();
    // A later, still valid event on the same card/die/board/unit builds on this one. Other units
    // packed into the same batch do not, but closing or shipping that batch does.
    auto later = sql::row(
        m_db,
        QStringLiteral("SELECT e2.id, e2.step FROM event_subjects s1 "
                       "JOIN event_subjects s2 ON s2.serial = s1.serial AND s2.event_seq > s1.event_seq "
                       "JOIN events e2 ON e2.seq = s2.event_seq "
                       "WHERE s1.event_seq = ? "
                       "AND e2.step <> 'void' "
                       "AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e2.id) "
                       "AND (s1.kind <> 'batch' OR e2.step IN ('close', 'ship')) "
                       "ORDER BY e2.seq LIMIT 1"),
        {seq});
    if (!later)
        return later.error();
    if (later.value()) {
        info.blockedBy = later.value()->value(0).toString();
        info.blockedByStep = later.value()->value(1).toString();
    }
    auto subjects =
        sql::rows(m_db, QStringLiteral("SELECT kind, serial FROM event_subjects WHERE event_seq = ?"), {seq});
    if (!subjects)
        return subjects.error();
    for (const QVariantList& subject : std::as_const(subjects.value()))
        info.subjects.append({subject.value(0).toString(), subject.value(1).toString()});
    s.target = info;
    return {};
}

namespace {

/// Stores a lookup's result in the snapshot, or passes its error on.
template <typename Found, typename Slot> Status fill(const Result<Found>& result, Slot& into)
{
    if (!result)
        return result.error();
    into = result.value();
    return {};
}

} // namespace

Status SnapshotLoader::loadActors(const Action& a, Snapshot& s) const
{
    if (a.operatorId.startsWith(kTokenOperatorPrefix)) {
        if (Status st = loadToken(a, s); !st)
            return st;
    } else {
        auto op = sql::row(m_db, QStringLiteral("SELECT id, name, role, active FROM operators WHERE id = ?"),
                           {a.operatorId});
        if (!op)
            return op.error();
        if (const auto& r = op.value()) {
            s.operatorInfo = OperatorInfo{r->value(0).toString(), r->value(1).toString(),
                                          r->value(2).toString(), r->value(3).toBool()};
        }
    }
    auto station =
        sql::row(m_db, QStringLiteral("SELECT id, step FROM stations WHERE id = ?"), {a.stationId});
    if (!station)
        return station.error();
    if (const auto& r = station.value())
        s.station = StationInfo{r->value(0).toString(), r->value(1).toString()};
    return {};
}

/// A station token acting as TOKEN:<id> (auth/StationTokens proved its secret): an operator
/// that is active until revoked, with the station and steps it may record.
Status SnapshotLoader::loadToken(const Action& a, Snapshot& s) const
{
    bool isNumber = false;
    const qint64 id = a.operatorId.mid(kTokenOperatorPrefix.size()).toLongLong(&isNumber);
    if (isNumber) {
        auto token = sql::row(m_db,
                              QStringLiteral("SELECT station, steps, revoked_at IS NULL FROM station_tokens "
                                             "WHERE id = ?"),
                              {id});
        if (!token)
            return token.error();
        if (const auto& r = token.value()) {
            s.operatorInfo = OperatorInfo{a.operatorId, QStringLiteral("station token %1").arg(id),
                                          QStringLiteral("token"), r->value(2).toBool()};
            s.token = TokenScope{r->value(0).toString(),
                                 r->value(1).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)};
        }
    }
    return {};
}

/// Scrap names its item by serial alone: a unit, a die or a card, tried in that order.
Status SnapshotLoader::loadScrapItem(const QString& item, Snapshot& s) const
{
    if (Status st = fill(unit(item), s.unit); !st)
        return st.error();
    if (s.unit) {
        s.itemKind = QStringLiteral("unit");
    } else {
        if (Status st = fill(die(item), s.die); !st)
            return st.error();
        if (s.die) {
            s.itemKind = QStringLiteral("die");
        } else {
            if (Status st = fill(card(item), s.card); !st)
                return st.error();
            if (s.card)
                s.itemKind = QStringLiteral("card");
        }
    }
    return {};
}

Result<Snapshot> SnapshotLoader::load(const Action& a) const
{
    Snapshot s;
    const EventPayload in = EventPayload::read(a.fields);

    if (Status st = loadActors(a, s); !st)
        return st.error();
    if (!in.card.isEmpty()) {
        if (Status st = fill(card(in.card), s.card); !st)
            return st.error();
    }
    if (!in.die.isEmpty()) {
        if (Status st = fill(die(in.die), s.die); !st)
            return st.error();
        if (s.die && !s.die->unitSerial.isEmpty()) {
            if (Status st = fill(unit(s.die->unitSerial), s.unit); !st)
                return st.error();
        }
    }
    if (!in.board.isEmpty()) {
        if (Status st = fill(board(in.board), s.board); !st)
            return st.error();
    }
    if (!in.unit.isEmpty()) {
        if (Status st = fill(unit(in.unit), s.unit); !st)
            return st.error();
    }
    if (s.unit && !s.card) {
        if (Status st = fill(card(s.unit->cardSerial), s.card); !st)
            return st.error();
    }
    if (!in.batch.isEmpty()) {
        if (Status st = fill(batch(in.batch), s.batch); !st)
            return st.error();
    }
    if (!in.item.isEmpty()) {
        if (Status st = loadScrapItem(in.item, s); !st)
            return st.error();
    }
    // The report's UUID counts where none was typed (the test gate stores the report's).
    const QString gpu = !in.gpuUuid.isEmpty() ? in.gpuUuid : (a.report ? a.report->gpuUuid : QString());
    if (!gpu.isEmpty()) {
        if (Status st = loadGpuUuidOwner(gpu, s); !st)
            return st.error();
    }
    if (a.step == Step::Void) {
        if (Status st = loadVoidTarget(in.event, s); !st)
            return st.error();
    }
    if (a.step == Step::Pack && s.unit) {
        if (Status st = loadTestedRuns(*s.unit); !st)
            return st.error();
    }
    return s;
}

} // namespace rework
