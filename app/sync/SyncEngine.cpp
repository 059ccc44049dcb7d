#include "SyncEngine.h"
#include "OutboxReader.h"

#include "ServerConnection.h"
#include "ServerCopy.h"
#include "ServerSchema.h"
#include "SetAside.h"
#include "SyncFaults.h"
#include "domain/IdGenerator.h"
#include "domain/ReferenceChange.h"
#include "storage/AuditLog.h"
#include "storage/Authority.h"
#include "storage/Cursor.h"
#include "storage/Database.h"
#include "storage/EventLog.h"
#include "storage/ReferenceProjector.h"
#include "storage/ReferenceTables.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

/// A statement without values run as it is (a savepoint cannot be prepared).
Status serverCommand(const QSqlDatabase& db, const QString& statement)
{
    QSqlQuery q(db);
    if (!q.exec(statement))
        return ServerConnection::plainError(QStringLiteral("query"), q.lastError().text());
    return {};
}

/// A prepared statement on the server; failures in plain words.
Result<QSqlQuery> server(const QSqlDatabase& db, const QString& statement, const QVariantList& values = {})
{
    QSqlQuery q(db);
    if (!q.prepare(statement))
        return ServerConnection::plainError(QStringLiteral("prepare"), q.lastError().text());
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec())
        return ServerConnection::plainError(QStringLiteral("query"), q.lastError().text());
    return q;
}

/// "INSERT ... ON CONFLICT (keys) DO UPDATE": the same text in SQLite and PostgreSQL.
QString upsert(const ReferenceTable& t)
{
    const QStringList columns = t.keys + t.columns;
    QStringList marks, updates;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    for (const QString& c : t.columns)
        updates << c + QStringLiteral(" = excluded.") + c;
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) %5")
        .arg(t.name, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
             t.keys.join(QStringLiteral(", ")),
             updates.isEmpty() ? QStringLiteral("DO NOTHING")
                               : QStringLiteral("DO UPDATE SET ") + updates.join(QStringLiteral(", ")));
}

/// Every column of the query's current row, to bind into the same columns elsewhere.
QVariantList rowValues(const QSqlQuery& q)
{
    QVariantList values;
    for (int i = 0; i < q.record().count(); ++i)
        values << q.value(i);
    return values;
}

QString selectAll(const ReferenceTable& t)
{
    // Station-local settings (derived.*) never travel.
    return QStringLiteral("SELECT %1 FROM %2%3")
        .arg((t.keys + t.columns).join(QStringLiteral(", ")), t.name,
             t.name == QLatin1StringView("config") ? QStringLiteral(" WHERE key NOT LIKE 'derived.%'")
                                                   : QString());
}

/// An event row of the server, as a record.
EventRecord serverEvent(const QSqlQuery& r, int first)
{
    EventRecord e;
    e.id = r.value(first).toString();
    e.recordedAt = QDateTime::fromString(r.value(first + 1).toString(), Qt::ISODateWithMs);
    e.stationId = r.value(first + 2).toString();
    e.operatorId = r.value(first + 3).toString();
    e.step = r.value(first + 4).toString();
    e.subject = r.value(first + 5).toString();
    e.payload = QJsonDocument::fromJson(r.value(first + 6).toByteArray()).object();
    return e;
}

} // namespace

Result<qint64> SyncEngine::pending(const QSqlDatabase& local)
{
    auto n = sql::scalar(local, QStringLiteral("SELECT count(*) FROM sync_outbox"));
    if (!n)
        return n.error();
    return n.value().toLongLong();
}

Result<qint64> SyncEngine::pendingUpTo(const QSqlDatabase& local, qint64 limit)
{
    auto n = sql::scalar(local, QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM sync_outbox LIMIT ?)"),
                         {limit + 1});
    if (!n)
        return n.error();
    return n.value().toLongLong();
}

Result<QString> SyncEngine::stateValue(const QSqlDatabase& local, const QString& key)
{
    auto v = sql::scalar(local, QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {key});
    if (!v)
        return v.error();
    return v.value().toString();
}

Status SyncEngine::setState(const QString& key, const QString& value)
{
    return sql::exec(m_local.connection(),
                     QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                     {key, value.isNull() ? QStringLiteral("") : value});
}

Result<QString> SyncEngine::origin()
{
    Result<QString> existing = stateValue(m_local.connection(), QStringLiteral("origin"));
    if (!existing || !existing.value().isEmpty())
        return existing;
    // One id per station database, made once: the server tells stations apart by it.
    const QString id = IdGenerator::uuidV7(m_clock.now());
    if (Status st = setState(QStringLiteral("origin"), id); !st)
        return st.error();
    return id;
}

Status SyncEngine::initServer()
{
    auto connection = ServerConnection::open(m_settings);
    if (!connection)
        return connection.error();
    QSqlDatabase& db = connection.value()->db();
    if (!db.transaction())
        return ServerConnection::plainError(QStringLiteral("begin"), db.lastError().text());
    Status done = ServerSchema::upgrade(db);
    if (done)
        done = seedReference(db);
    if (!done) {
        db.rollback();
        return done;
    }
    if (!db.commit())
        return ServerConnection::plainError(QStringLiteral("commit"), db.lastError().text());
    return {};
}

Status SyncEngine::seedReference(QSqlDatabase& db)
{
    // Reference data lives in events on the server: once there is any, the server needs nothing.
    auto changes = server(db, QStringLiteral("SELECT 1 FROM events WHERE step = 'reference' LIMIT 1"));
    if (!changes)
        return changes.error();
    if (changes.value().next())
        return {};
    // A new server starts with this station's reference data.
    auto operators = server(db, QStringLiteral("SELECT count(*) FROM operators"));
    if (!operators)
        return operators.error();
    operators.value().next();
    if (operators.value().value(0).toInt() == 0) {
        for (const ReferenceTable& t : ReferenceTable::all()) {
            auto rows = sql::run(m_local.connection(), selectAll(t));
            if (!rows)
                return rows.error();
            const QString insert = upsert(t);
            while (rows.value().next()) {
                if (auto up = server(db, insert, rowValues(rows.value())); !up)
                    return up.error();
            }
        }
    }
    // What the server holds becomes baseline events, dated at the earliest time so that any
    // real change, wherever it was made, wins over them; stations take them like other events.
    const QDateTime epoch = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    ReferenceProjector projector(db);
    qint64 n = 0;
    for (const ReferenceTable& t : ReferenceTable::all()) {
        auto rows = server(db, selectAll(t));
        if (!rows)
            return rows.error();
        QList<ReferenceChange> baseline;
        while (rows.value().next()) {
            ReferenceChange c{t.name, {}, {}};
            for (int i = 0; i < t.keys.size(); ++i)
                c.key.insert(t.keys.at(i), QJsonValue::fromVariant(rows.value().value(i)));
            for (int i = 0; i < t.columns.size(); ++i)
                c.set.insert(t.columns.at(i), QJsonValue::fromVariant(rows.value().value(t.keys.size() + i)));
            if (t.columns.isEmpty())
                c.set.insert(ReferenceChange::kPresent, true);
            baseline.append(c);
        }
        for (const ReferenceChange& c : std::as_const(baseline)) {
            EventRecord e;
            e.id = IdGenerator::uuidV7(epoch);
            e.recordedAt = epoch;
            e.stationId = QStringLiteral("SERVER");
            e.operatorId = QStringLiteral("SYSTEM");
            e.step = ReferenceChange::kStep;
            e.subject = c.subject();
            e.payload = c.toPayload();
            auto inserted = server(
                db,
                QStringLiteral(
                    "INSERT INTO events (id, origin, origin_seq, recorded_at, station_id, operator_id, "
                    "step, subject, payload, subjects) VALUES (?, 'server', ?, ?, ?, ?, ?, ?, CAST(? AS "
                    "jsonb), '[]'::jsonb)"),
                {e.id, ++n, e.recordedAt.toString(Qt::ISODateWithMs), e.stationId, e.operatorId, e.step,
                 e.subject, QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact))});
            if (!inserted)
                return inserted.error();
            if (Status st = projector.apply(e); !st)
                return st;
        }
    }
    spdlog::info("server reference data: {} baseline changes", n);
    return {};
}

Status SyncEngine::recover(ServerConnection& connection, Report& report)
{
    Result<QString> me = origin();
    if (!me)
        return me.error();
    // The newest event the server holds from this database: if this database lacks it, it was
    // restored from a backup (or copied) since. It goes on as a new origin: the server's events of
    // the old one come back with the pull like any station's, and no number is used twice.
    auto newest =
        server(connection.db(),
               QStringLiteral("SELECT id FROM events WHERE origin = ? ORDER BY origin_seq DESC LIMIT 1"),
               {me.value()});
    if (!newest)
        return newest.error();
    if (!newest.value().next())
        return {};
    auto here = sql::scalar(m_local.connection(), QStringLiteral("SELECT 1 FROM events WHERE id = ?"),
                            {newest.value().value(0).toString()});
    if (!here)
        return here.error();
    if (here.value().isValid())
        return {};
    const QString fresh = IdGenerator::uuidV7(m_clock.now());
    Transaction tx(m_local.connection());
    if (Status st = tx.begin(); !st)
        return st;
    Result<QString> earlier = stateValue(m_local.connection(), QStringLiteral("previous_origins"));
    if (!earlier)
        return earlier.error();
    if (Status st =
            setState(QStringLiteral("previous_origins"),
                     (earlier->isEmpty() ? QString() : earlier.value() + QLatin1Char(' ')) + me.value());
        !st)
        return st;
    if (Status st = setState(QStringLiteral("origin"), fresh); !st)
        return st;
    if (Status st =
            AuditLog(m_local.connection(), m_clock)
                .append(QStringLiteral("sync_recovered"), QStringLiteral("SYSTEM"), QStringLiteral("-"),
                        QStringLiteral("origin %1 -> %2").arg(me.value(), fresh));
        !st)
        return st;
    if (Status st = tx.commit(); !st)
        return st;
    spdlog::warn("this database lacks events the server holds from it (restored?): origin {} continues as {}",
                 me.value().toStdString(), fresh.toStdString());
    report.recovered = true;
    return {};
}

Result<int> SyncEngine::push(ServerConnection& connection, qint64 total)
{
    Result<QString> me = origin();
    if (!me)
        return me.error();
    int pushed = 0;
    // The next batch is read on a thread of its own while the server takes this one. The reader
    // finds the end one batch early, before the last one was sent: what the station recorded
    // meanwhile is looked for here once more, as the push always did, until nothing is left.
    const QByteArray originId = me.value().toUtf8();
    OutboxReader outbox(m_local.path(), originId, m_pushBatchSize);
    bool readAhead = true;
    qint64 sent = 0;
    for (;;) {
        Result<OutboxBatch> batch =
            readAhead ? outbox.next()
                      : OutboxBatch::read(m_local.connection(), originId, sent, m_pushBatchSize);
        if (!batch)
            return batch.error();
        if (batch->count == 0) {
            if (!readAhead)
                return pushed;
            readAhead = false;
            continue;
        }
        if (Status st = sendBatch(connection.db(), me.value(), batch.value()); !st)
            return st.error();
        sent = batch->lastSeq;
        SyncFaults::hit("after-commit");
        if (Status st = dropFromOutbox(batch->lastSeq); !st)
            return st.error();
        pushed += batch->count;
        if (m_progress)
            m_progress(pushed, total, tr("sending"));
    }
}

Result<std::array<QString, 9>> SyncEngine::outboxColumns(const OutboxBatch& batch)
{
    // The batch as one array literal per column, for the statement that inserts what the server
    // lacks. Each text is quoted, its quotes and backslashes escaped (all that is special in a
    // quoted array element); every aggregate reads the rows in the same order.
    const auto text = [](const char* column) {
        return QStringLiteral("'{' || group_concat('\"' || replace(replace(%1, '\\', '\\\\'), '\"', "
                              "'\\\"') || '\"', ',') || '}'")
            .arg(QLatin1StringView(column));
    };
    auto rows = sql::run(
        m_local.connection(),
        QStringLiteral(
            "SELECT %1, '{' || group_concat(b.seq, ',') || '}', %2, %3, %4, %5, %6, %7, %8 FROM (%9) b")
            .arg(text("b.id"), text("b.recorded_at"), text("b.station_id"), text("b.operator_id"),
                 text("b.step"), text("b.subject"), text("b.payload"), text("b.subjects"),
                 OutboxBatch::rows(QStringLiteral("WHERE o.event_seq BETWEEN ? AND ? ORDER BY o.event_seq"))),
        {batch.firstSeq, batch.lastSeq});
    if (!rows)
        return rows.error();
    rows.value().next();
    std::array<QString, 9> columns;
    for (int c = 0; c < int(columns.size()); ++c)
        columns[c] = rows.value().value(c).toString();
    rows.value().finish();
    return columns;
}

Result<bool> SyncEngine::copyBatch(QSqlDatabase& db, const OutboxBatch& batch)
{
    // Under a savepoint: a row the server refuses (its id already there from another origin)
    // undoes the COPY alone, and the statement that skips such rows takes the batch instead.
    if (Status st = serverCommand(db, QStringLiteral("SAVEPOINT push_copy")); !st)
        return st.error();
    const Status loaded =
        ServerCopy::in(db,
                       QStringLiteral("events (id, origin, origin_seq, recorded_at, station_id, operator_id, "
                                      "step, subject, payload, subjects)"),
                       batch.copyRows);
    if (!loaded) {
        spdlog::warn("sync: COPY of events {}..{} refused, inserting them one by one: {}", batch.firstSeq,
                     batch.lastSeq, loaded.error().oneLine().toStdString());
        if (Status st = serverCommand(db, QStringLiteral("ROLLBACK TO SAVEPOINT push_copy")); !st)
            return st.error();
        return false;
    }
    if (Status st = serverCommand(db, QStringLiteral("RELEASE SAVEPOINT push_copy")); !st)
        return st.error();
    return true;
}

Status SyncEngine::sendBatch(QSqlDatabase& db, const QString& me, const OutboxBatch& batch)
{
    // One server transaction per batch. The lock keeps server_seq in commit order, so a
    // station pulling "after seq N" never skips a row committed late; and as pushes take
    // turns, an id already there is found by a plain index probe (ON CONFLICT never races).
    if (!db.transaction())
        return ServerConnection::plainError(QStringLiteral("begin"), db.lastError().text());
    Status written = writeBatch(db, me, batch);
    if (written && db.commit())
        return {};
    const Error e = written ? ServerConnection::plainError(QStringLiteral("commit"), db.lastError().text())
                            : written.error();
    db.rollback();
    return e;
}

Status SyncEngine::writeBatch(QSqlDatabase& db, const QString& me, const OutboxBatch& batch)
{
    auto locked = server(db, QStringLiteral("SELECT pg_advisory_xact_lock(727001)"));
    if (!locked)
        return locked.error();
    auto before = server(db, QStringLiteral("SELECT coalesce(max(server_seq), 0) FROM events"));
    if (!before)
        return before.error();
    before.value().next();
    const qint64 firstNew = before.value().value(0).toLongLong();
    before.value().finish();
    // Nothing of the batch's numbers on the server (every first send): one COPY.
    auto held = server(
        db, QStringLiteral("SELECT count(*) FROM events WHERE origin = ? AND origin_seq BETWEEN ? AND ?"),
        {me, batch.firstSeq, batch.lastSeq});
    if (!held)
        return held.error();
    held.value().next();
    const bool fresh = held.value().value(0).toLongLong() == 0;
    held.value().finish();
    Result<bool> copied = fresh ? copyBatch(db, batch) : Result<bool>(false);
    if (!copied)
        return copied.error();
    if (copied.value())
        return afterInsert(db, me, batch, firstNew);
    // A resend, or a batch the server would not take whole (an id it holds from another origin):
    // one statement parses the batch once, checks its numbers and inserts what the server lacks
    // (a resend inserts nothing).
    Result<std::array<QString, 9>> columns = outboxColumns(batch);
    if (!columns)
        return columns.error();
    QVariantList values;
    for (const QString& c : columns.value())
        values << c;
    values << me << me;
    auto inserted = server(
        db,
        QStringLiteral(
            "WITH x AS MATERIALIZED (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS "
            "text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS "
            "text[]), CAST(? AS text[])) AS x(id, origin_seq, recorded_at, station_id, operator_id, step, "
            "subject, payload, subjects)), "
            // One number, one event: a number the server holds for another event of this origin
            // means this database's history differs from what it sent before. What the server
            // holds of the batch's range is one index range scan (empty unless this is a resend).
            "held AS MATERIALIZED (SELECT e.id, e.origin_seq FROM events e WHERE e.origin = ? AND "
            "e.origin_seq BETWEEN (SELECT min(origin_seq) FROM x) AND (SELECT max(origin_seq) FROM x)), "
            "clash AS MATERIALIZED (SELECT h.origin_seq FROM held h JOIN x ON x.origin_seq = h.origin_seq "
            "AND x.id <> h.id LIMIT 1), "
            // ON CONFLICT: an index probe per row; under the lock no two pushes race for an id.
            "added AS (INSERT INTO events (id, origin, origin_seq, recorded_at, station_id, operator_id, "
            "step, subject, payload, subjects) SELECT x.id, ?, x.origin_seq, x.recorded_at, x.station_id, "
            "x.operator_id, x.step, x.subject, CAST(x.payload AS jsonb), CAST(x.subjects AS jsonb) FROM x "
            "WHERE NOT EXISTS (SELECT 1 FROM clash) ORDER BY x.origin_seq ON CONFLICT (id) DO NOTHING "
            "RETURNING 1) "
            "SELECT (SELECT origin_seq FROM clash), (SELECT count(*) FROM added)"),
        values);
    if (!inserted)
        return inserted.error();
    inserted.value().next();
    if (!inserted.value().isNull(0))
        return makeError(
            ErrorCode::Contradiction, QStringLiteral("sync"),
            Message(tr,
                    QT_TR_NOOP("the server holds another event under this station's number %1; "
                               "this database's history differs from what it sent before. Nothing "
                               "was sent; ask an admin (reworkctl verify)"),
                    {inserted.value().value(0).toLongLong()}));
    inserted.value().finish();
    return afterInsert(db, me, batch, firstNew);
}

Status SyncEngine::afterInsert(QSqlDatabase& db, const QString& me, const OutboxBatch& batch, qint64 firstNew)
{
    SyncFaults::hit("mid-batch");
    if (Status st = applyReference(db, firstNew); !st)
        return st;
    if (Status st = noteConflicts(db, firstNew); !st)
        return st;
    auto head =
        sql::scalar(m_local.connection(), QStringLiteral("SELECT hash FROM event_chain WHERE event_seq = ?"),
                    {batch.lastSeq});
    if (!head)
        return head.error();
    auto anchored =
        server(db,
               QStringLiteral("INSERT INTO chain_heads (origin, origin_seq, hash) VALUES (?, ?, ?) "
                              "ON CONFLICT DO NOTHING"),
               {me, batch.lastSeq, head.value().toString()});
    if (!anchored)
        return anchored.error();
    auto anchor =
        server(db, QStringLiteral("SELECT hash FROM chain_heads WHERE origin = ? AND origin_seq = ?"),
               {me, batch.lastSeq});
    if (!anchor)
        return anchor.error();
    if (anchor.value().next() && anchor.value().value(0).toString() != head.value().toString())
        return makeError(ErrorCode::Contradiction, QStringLiteral("sync"),
                         Message(tr,
                                 QT_TR_NOOP("the server anchored another hash for this station's event %1; "
                                            "this database's chain differs from what it sent before. Nothing "
                                            "was sent; ask an admin (reworkctl verify)"),
                                 {batch.lastSeq}));
    auto mark = server(
        db,
        QStringLiteral("INSERT INTO origins (origin, last_seq, last_push_at, stations) VALUES (?, ?, now(), "
                       "?) ON CONFLICT (origin) DO UPDATE SET last_seq = greatest(origins.last_seq, "
                       "excluded.last_seq), last_push_at = now(), stations = excluded.stations"),
        {me, batch.lastSeq, batch.stations});
    if (!mark)
        return mark.error();
    return {};
}

Status SyncEngine::noteConflicts(QSqlDatabase& db, qint64 firstNew)
{
    // Conflicts between stations: one die or board mounted as two units, one GPU on two units, one
    // card taken in twice. One statement reads the batch's new events once; a pair found by two
    // rules keeps the first kind (event_ids is unique).
    auto found = server(
        db,
        QStringLiteral(
            "INSERT INTO anomalies (kind, subject, detail, event_ids) "
            "WITH a AS MATERIALIZED (SELECT id, station_id, step, subject, payload FROM events WHERE "
            "server_seq > ? AND step IN ('mount', 'test', 'intake')) "
            "SELECT 'die_mounted_twice', a.payload ->> 'die', format('die %s mounted as unit %s at %s "
            "and as unit %s at %s', a.payload ->> 'die', a.payload ->> 'unit', a.station_id, "
            "b.payload ->> 'unit', b.station_id), least(a.id, b.id) || ' ' || greatest(a.id, b.id) "
            "FROM a JOIN events b ON b.step = 'mount' AND (b.payload ->> 'die') = "
            "(a.payload ->> 'die') AND b.id <> a.id WHERE a.step = 'mount' "
            "AND (a.payload ->> 'unit') <> (b.payload ->> 'unit') "
            "AND coalesce(a.payload ->> 'outcome', '') <> 'remounted' "
            "AND coalesce(b.payload ->> 'outcome', '') <> 'remounted' "
            "UNION ALL "
            "SELECT 'duplicate_gpu', a.payload ->> 'gpu_uuid', format('GPU %s reported by unit %s at "
            "%s and by unit %s at %s', a.payload ->> 'gpu_uuid', a.subject, a.station_id, b.subject, "
            "b.station_id), least(a.id, b.id) || ' ' || greatest(a.id, b.id) "
            "FROM a JOIN events b ON b.step = 'test' AND (b.payload ->> 'gpu_uuid') = "
            "(a.payload ->> 'gpu_uuid') AND b.subject <> a.subject WHERE a.step = 'test' "
            "AND a.payload ->> 'gpu_uuid' <> '' "
            "UNION ALL "
            "SELECT 'board_mounted_twice', a.payload ->> 'board', format('board %s mounted as unit %s at %s "
            "and as unit %s at %s', a.payload ->> 'board', a.payload ->> 'unit', a.station_id, "
            "b.payload ->> 'unit', b.station_id), least(a.id, b.id) || ' ' || greatest(a.id, b.id) "
            "FROM a JOIN events b ON b.step = 'mount' AND (b.payload ->> 'board') = "
            "(a.payload ->> 'board') AND b.id <> a.id WHERE a.step = 'mount' "
            "AND (a.payload ->> 'unit') <> (b.payload ->> 'unit') "
            "AND coalesce(a.payload ->> 'outcome', '') <> 'remounted' "
            "AND coalesce(b.payload ->> 'outcome', '') <> 'remounted' "
            "UNION ALL "
            "SELECT 'card_taken_in_twice', a.payload ->> 'card', format('card %s taken in with lot %s at %s "
            "and with lot %s at %s', a.payload ->> 'card', a.payload ->> 'lot', a.station_id, b.payload ->> "
            "'lot', b.station_id), least(a.id, b.id) || ' ' || greatest(a.id, b.id) "
            "FROM a JOIN events b ON b.step = 'intake' AND (b.payload ->> 'card') = "
            "(a.payload ->> 'card') AND b.id <> a.id WHERE a.step = 'intake' "
            "ON CONFLICT (event_ids) DO NOTHING"),
        {firstNew});
    if (!found)
        return found.error();
    return {};
}

Status SyncEngine::applyReference(QSqlDatabase& db, qint64 firstNew)
{
    // The server's reference tables are derived from the changes, by the stations' own rule.
    auto changes =
        server(db,
               QStringLiteral("SELECT id, recorded_at, station_id, operator_id, step, subject, payload::text "
                              "FROM events WHERE server_seq > ? AND step = 'reference' ORDER BY server_seq"),
               {firstNew});
    if (!changes)
        return changes.error();
    QList<EventRecord> events;
    while (changes.value().next())
        events.append(serverEvent(changes.value(), 0));
    changes.value().finish();
    ReferenceProjector projector(db);
    for (const EventRecord& e : std::as_const(events)) {
        if (Status st = projector.apply(e); !st)
            return st;
    }
    return {};
}

Status SyncEngine::dropFromOutbox(qint64 lastSeq)
{
    // The server has them: now, and only now, they leave the outbox.
    Transaction tx(m_local.connection());
    if (Status st = tx.begin(); !st)
        return st;
    if (Status st = sql::exec(m_local.connection(),
                              QStringLiteral("DELETE FROM sync_outbox WHERE event_seq <= ?"), {lastSeq});
        !st)
        return st;
    if (Status st = setState(QStringLiteral("last_push_at"), m_clock.now().toString(Qt::ISODateWithMs)); !st)
        return st;
    return tx.commit();
}

Result<int> SyncEngine::pull(ServerConnection& connection, Report& report)
{
    Result<QString> me = origin();
    if (!me)
        return me.error();
    int pulled = 0;
    for (;;) {
        QElapsedTimer timer;
        timer.start();
        Result<QList<PulledEvent>> batch = fetchPulled(connection, me.value());
        if (!batch)
            return batch.error();
        report.fetchMs += timer.restart();
        if (batch->isEmpty())
            return pulled;
        if (Status st = applyPulled(batch.value(), pulled, report); !st)
            return st.error();
        report.applyMs += timer.elapsed();
        if (m_progress)
            m_progress(pulled, 0, tr("receiving"));
    }
}

Result<QList<PulledEvent>> SyncEngine::fetchPulled(ServerConnection& connection, const QString& me)
{
    Result<QString> mark = stateValue(m_local.connection(), QStringLiteral("pulled_server_seq"));
    if (!mark)
        return mark.error();
    auto rows =
        server(connection.db(),
               QStringLiteral("SELECT server_seq, id, recorded_at, station_id, operator_id, step, subject, "
                              "payload::text, subjects::text FROM events WHERE server_seq > ? "
                              "AND origin <> ? ORDER BY server_seq LIMIT ?"),
               {mark.value().toLongLong(), me, m_batchSize});
    if (!rows)
        return rows.error();
    QList<PulledEvent> batch;
    while (rows.value().next()) {
        QSqlQuery& r = rows.value();
        PulledEvent p;
        p.serverSeq = r.value(0).toLongLong();
        p.event = serverEvent(r, 1);
        for (const auto& s : QJsonDocument::fromJson(r.value(8).toByteArray()).array())
            p.subjects.append(
                {s[QLatin1StringView("kind")].toString(), s[QLatin1StringView("serial")].toString()});
        batch.append(p);
    }
    return batch;
}

Status SyncEngine::applyPulled(QList<PulledEvent>& batch, int& pulled, Report& report)
{
    // The batch goes first without a savepoint per event (one costs more than the event); only if
    // an event does not apply is it rolled back and offered again event by event, each under its
    // own savepoint, as it always was.
    Result<bool> done = applyPulledAs(batch, SetAside::Guard::None, pulled, report);
    if (done && !done.value())
        done = applyPulledAs(batch, SetAside::Guard::Savepoint, pulled, report);
    if (!done)
        return done.error();
    return {};
}

Result<bool> SyncEngine::applyPulledAs(QList<PulledEvent>& batch, SetAside::Guard guard, int& pulled,
                                       Report& report)
{
    // One local transaction per batch, with the watermark: a crash repeats the batch whole.
    Transaction tx(m_local.connection());
    if (Status st = tx.begin(); !st)
        return st.error();
    EventLog log(m_local.connection());
    SetAside setAside(m_local.connection(), m_clock);
    int applied = 0, keptAside = 0;
    for (PulledEvent& p : batch) {
        Result<SetAside::Outcome> outcome = setAside.offer(log, p, guard);
        if (!outcome)
            return outcome.error();
        if (outcome.value() == SetAside::Outcome::Failed)
            return false; // rolled back
        if (outcome.value() == SetAside::Outcome::Applied)
            ++applied;
        else if (outcome.value() == SetAside::Outcome::SetAside)
            ++keptAside;
    }
    if (Status st = setState(QStringLiteral("pulled_server_seq"), QString::number(batch.last().serverSeq));
        !st)
        return st.error();
    if (Status st = tx.commit(); !st)
        return st.error();
    pulled += applied;
    report.rejected += keptAside;
    return true;
}

Result<int> SyncEngine::retrySetAside()
{
    Transaction tx(m_local.connection());
    if (Status st = tx.begin(); !st)
        return st.error();
    Result<int> done = SetAside(m_local.connection(), m_clock).retry();
    if (!done)
        return done.error();
    if (Status st = tx.commit(); !st)
        return st.error();
    return done.value();
}

Result<int> SyncEngine::writeTemplateFiles()
{
    // Label templates shared through the server become the station's own copies.
    auto templates = sql::run(m_local.connection(), QStringLiteral("SELECT name, body FROM label_templates"));
    if (!templates)
        return templates.error();
    static const QRegularExpression safeName(QStringLiteral("^[a-z0-9][a-z0-9-]{0,39}$"));
    const QString folder = QFileInfo(m_local.path()).absolutePath() + QStringLiteral("/labels");
    int written = 0;
    while (templates.value().next()) {
        const QString name = templates.value().value(0).toString();
        if (!safeName.match(name).hasMatch())
            continue;
        const QByteArray body = templates.value().value(1).toString().toUtf8();
        QDir().mkpath(folder);
        const QString path = QDir(folder).filePath(name + QStringLiteral(".json"));
        QFile current(path);
        if (current.open(QIODevice::ReadOnly) && current.readAll() == body)
            continue;
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(body);
            if (file.commit())
                ++written;
        }
    }
    return written;
}

Result<int> SyncEngine::pullAnomalies(ServerConnection& connection)
{
    auto q =
        server(connection.db(),
               QStringLiteral("SELECT id, kind, subject, detail, found_at::text, event_ids FROM anomalies "
                              "ORDER BY id"));
    if (!q)
        return q.error();
    int n = 0;
    while (q.value().next()) {
        QVariantList values;
        for (int i = 0; i < 6; ++i)
            values << q.value().value(i);
        if (Status st = sql::exec(
                m_local.connection(),
                QStringLiteral("INSERT INTO sync_anomalies (server_id, kind, subject, detail, found_at, "
                               "event_ids) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (server_id) DO UPDATE "
                               "SET event_ids = excluded.event_ids"),
                values);
            !st)
            return st.error();
        ++n;
    }
    return n;
}

Result<int> SyncEngine::pullOrigins(ServerConnection& connection)
{
    auto q = server(connection.db(),
                    QStringLiteral("SELECT origin, stations, to_char(last_push_at AT TIME ZONE 'UTC', "
                                   "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') FROM origins"));
    if (!q)
        return q.error();
    int n = 0;
    while (q.value().next()) {
        if (Status st =
                sql::exec(m_local.connection(),
                          QStringLiteral("INSERT INTO sync_origins (origin, stations, last_push_at) VALUES "
                                         "(?, ?, ?) ON CONFLICT (origin) DO UPDATE SET stations = "
                                         "excluded.stations, last_push_at = excluded.last_push_at"),
                          rowValues(q.value()));
            !st)
            return st.error();
        ++n;
    }
    return n;
}

Result<SyncEngine::Report> SyncEngine::run(const OperatorInfo& actor)
{
    if (Status st = Authority::require(m_local.connection(), actor, QStringLiteral("sync.run")); !st)
        return st.error();
    return run();
}

Result<SyncEngine::Report> SyncEngine::run()
{
    Report report;
    Result<qint64> total = pending(m_local.connection());
    if (!total)
        return total.error();
    if (m_progress)
        m_progress(0, total.value(), tr("connecting"));
    spdlog::info("sync with {}: {} events to send", m_settings.redacted().toStdString(), total.value());
    auto connection = ServerConnection::open(m_settings);
    auto noted = [this](const Error& e) {
        if (Status st = setState(QStringLiteral("last_error"), e.message); !st)
            spdlog::warn("could not note the sync error");
        return e;
    };
    if (!connection)
        return noted(connection.error());
    if (Status st = ServerSchema::requireCurrent(connection.value()->db()); !st)
        return noted(st.error());
    if (Status st = recover(*connection.value(), report); !st)
        return noted(st.error());
    QElapsedTimer timer;
    timer.start();
    Result<int> pushed = push(*connection.value(), total.value());
    if (!pushed)
        return noted(pushed.error());
    report.pushMs = timer.elapsed();
    report.pushed = pushed.value();
    Result<int> pulled = pull(*connection.value(), report);
    if (!pulled)
        return noted(pulled.error());
    report.pulled = pulled.value();
    Result<int> retried = retrySetAside();
    if (!retried)
        return noted(retried.error());
    report.retried = retried.value();
    Result<int> templates = writeTemplateFiles();
    if (!templates)
        return noted(templates.error());
    report.templates = templates.value();
    Result<int> anomalies = pullAnomalies(*connection.value());
    if (!anomalies)
        return noted(anomalies.error());
    report.anomalies = anomalies.value();
    if (Result<int> origins = pullOrigins(*connection.value()); !origins)
        return noted(origins.error());
    auto setAside =
        sql::scalar(m_local.connection(),
                    QStringLiteral("SELECT count(*) FROM sync_rejected r WHERE NOT EXISTS (SELECT 1 FROM "
                                   "voided_events v WHERE v.event_id = r.event_id)"));
    if (!setAside)
        return noted(setAside.error());
    report.setAside = setAside.value().toInt();
    const QString now = m_clock.now().toString(Qt::ISODateWithMs);
    if (Status st = setState(QStringLiteral("last_sync_at"), now); !st)
        return st.error();
    if (Status st = setState(QStringLiteral("last_error"), QString()); !st)
        return st.error();
    spdlog::info("sync done: {} sent in {} ms, {} received in {} ms (+ {} ms to apply), {} set aside ({} in "
                 "all), {} taken from the set-aside list",
                 report.pushed, report.pushMs, report.pulled, report.fetchMs, report.applyMs, report.rejected,
                 report.setAside, report.retried);
    return report;
}

Result<SyncEngine::AnchorCheck> SyncEngine::checkAnchors()
{
    Result<QString> me = origin();
    if (!me)
        return me.error();
    auto connection = ServerConnection::open(m_settings);
    if (!connection)
        return connection.error();
    if (Status st = ServerSchema::requireCurrent(connection.value()->db()); !st)
        return st.error();
    auto heads = server(
        connection.value()->db(),
        QStringLiteral("SELECT origin_seq, hash FROM chain_heads WHERE origin = ? ORDER BY origin_seq"),
        {me.value()});
    if (!heads)
        return heads.error();
    auto end = sql::scalar(m_local.connection(), QStringLiteral("SELECT coalesce(max(seq), 0) FROM events"));
    if (!end)
        return end.error();
    const qint64 last = end.value().toLongLong();
    AnchorCheck check;
    while (heads.value().next()) {
        const qint64 seq = heads.value().value(0).toLongLong();
        const QString anchored = heads.value().value(1).toString();
        ++check.anchors;
        check.newest = std::max(check.newest, seq);
        auto local = sql::scalar(m_local.connection(),
                                 QStringLiteral("SELECT hash FROM event_chain WHERE event_seq = ?"), {seq});
        if (!local)
            return local.error();
        if (seq > last)
            check.problems
                << tr("the server anchored event %1, but this log ends at event %2: its last events "
                      "were cut off")
                       .arg(seq)
                       .arg(last);
        else if (local.value().toString() != anchored)
            check.problems
                << tr("event %1 and what came before it differ from what the server anchored at a sync: "
                      "the log was changed after it was sent")
                       .arg(seq);
    }
    return check;
}

Result<std::optional<SyncEngine::Anchor>> SyncEngine::newestAnchor()
{
    Result<QString> me = stateValue(m_local.connection(), QStringLiteral("origin"));
    if (!me)
        return me.error();
    if (me.value().isEmpty()) // never synced: nothing anchored
        return std::optional<Anchor>();
    auto connection = ServerConnection::open(m_settings);
    if (!connection)
        return connection.error();
    if (Status st = ServerSchema::requireCurrent(connection.value()->db()); !st)
        return st.error();
    auto head = server(connection.value()->db(),
                       QStringLiteral("SELECT origin_seq, hash FROM chain_heads WHERE origin = ? "
                                      "ORDER BY origin_seq DESC LIMIT 1"),
                       {me.value()});
    if (!head)
        return head.error();
    if (!head.value().next())
        return std::optional<Anchor>();
    return std::optional<Anchor>(
        Anchor{head.value().value(0).toLongLong(), head.value().value(1).toString()});
}

Result<SyncEngine::Report> SyncEngine::rebuild()
{
    auto held = sql::scalar(m_local.connection(), QStringLiteral("SELECT count(*) FROM events"));
    if (!held)
        return held.error();
    if (held.value().toLongLong() > 0)
        return makeError(ErrorCode::InvalidValue, QStringLiteral("rebuild"),
                         Message(tr,
                                 QT_TR_NOOP("--rebuild fills a new station database, and this one already "
                                            "holds %1 events; give --db a path where no database is yet"),
                                 {held.value().toLongLong()}));
    return run();
}

Result<SyncEngine::Report> SyncEngine::runWithRetries(int attempts)
{
    int delayMs = 1000;
    for (int attempt = 1;; ++attempt) {
        Result<Report> r = run();
        if (r || r.error().code != ErrorCode::ServerUnavailable || attempt >= attempts)
            return r;
        spdlog::info("sync attempt {} failed; next in {} ms", attempt, delayMs);
        QThread::msleep(static_cast<unsigned long>(delayMs));
        delayMs = std::min(delayMs * 2, 60000);
    }
}

} // namespace rework
