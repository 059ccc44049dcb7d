#include "SyncEngine.h"

#include "ServerConnection.h"
#include "SyncFaults.h"
#include "domain/IdGenerator.h"
#include "storage/Database.h"
#include "storage/EventLog.h"
#include "storage/MigrationFiles.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QDir>
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

/// Reference data that flows from the server to every station.
struct ReferenceTable
{
    const char* table;
    const char* keys;
    const char* columns;
};
constexpr ReferenceTable kReference[] = {
    {"operators", "id", "id, name, role, pin_hash, active, created_at"},
    {"products", "model", "model, name, device_id, die_marking, memory_mib, memory_chips, msl"},
    {"serial_formats", "kind, model", "kind, model, pattern"},
    {"limits", "name, model", "name, model, min_value, max_value"},
    {"defect_codes", "code", "code, step, description"},
    {"config", "key", "key, value"},
};

/// "INSERT ... ON CONFLICT (keys) DO UPDATE": the same text in SQLite and PostgreSQL.
QString upsert(const ReferenceTable& t)
{
    const QStringList columns = QString::fromLatin1(t.columns).split(QStringLiteral(", "));
    QStringList marks, updates;
    for (const QString& c : columns) {
        marks << QStringLiteral("?");
        updates << c + QStringLiteral(" = excluded.") + c;
    }
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) DO UPDATE SET %5")
        .arg(QString::fromLatin1(t.table), QString::fromLatin1(t.columns), marks.join(QStringLiteral(", ")),
             QString::fromLatin1(t.keys), updates.join(QStringLiteral(", ")));
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
        .arg(QString::fromLatin1(t.columns), QString::fromLatin1(t.table),
             qstrcmp(t.table, "config") == 0 ? QStringLiteral(" WHERE key NOT LIKE 'derived.%'") : QString());
}

} // namespace

Result<qint64> SyncEngine::pending(const QSqlDatabase& local)
{
    auto n = sql::scalar(local, QStringLiteral("SELECT count(*) FROM sync_outbox"));
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
    QSqlQuery q(db);
    // One station at a time migrates; the others wait for the lock.
    if (!db.transaction() || !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(727000)")) ||
        !q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS rework_schema (version integer NOT NULL)")) ||
        !q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM rework_schema")) || !q.next()) {
        const QString error = q.lastError().text();
        db.rollback();
        return ServerConnection::plainError(QStringLiteral("schema"), error);
    }
    const int version = q.value(0).toInt();
    auto listed = MigrationFiles::list(QStringLiteral(":/server-migrations"));
    if (!listed) {
        db.rollback();
        return listed.error();
    }
    const QList<MigrationFiles::File>& files = listed.value();
    for (int v = version; v < files.size(); ++v) {
        QFile f(files.at(v).path); // version v + 1: the list runs 1..N without a gap
        if (!f.open(QIODevice::ReadOnly)) {
            db.rollback();
            return makeError(ErrorCode::Storage, QStringLiteral("server"),
                             Message(tr, QT_TR_NOOP("missing server migration %1"), {v + 1}));
        }
        // Several statements in one simple query: run unprepared.
        bool applied = q.exec(QString::fromUtf8(f.readAll()));
        if (applied) {
            applied = q.prepare(QStringLiteral("INSERT INTO rework_schema (version) VALUES (?)"));
            q.addBindValue(v + 1);
            applied = applied && q.exec();
        }
        if (!applied) {
            const QString error = q.lastError().text();
            db.rollback();
            return ServerConnection::plainError(QStringLiteral("server migration %1").arg(v + 1), error);
        }
        spdlog::info("server schema migrated to {}", v + 1);
    }
    // A new server starts with this station's reference data.
    auto operators = server(db, QStringLiteral("SELECT count(*) FROM operators"));
    if (!operators) {
        db.rollback();
        return operators.error();
    }
    operators.value().next();
    if (operators.value().value(0).toInt() == 0) {
        for (const ReferenceTable& t : kReference) {
            auto rows = sql::run(m_local.connection(), selectAll(t));
            if (!rows) {
                db.rollback();
                return rows.error();
            }
            const QString insert = upsert(t);
            while (rows.value().next()) {
                if (auto up = server(db, insert, rowValues(rows.value())); !up) {
                    db.rollback();
                    return up.error();
                }
            }
        }
    }
    if (!db.commit())
        return ServerConnection::plainError(QStringLiteral("commit"), db.lastError().text());
    return {};
}

Result<int> SyncEngine::push(ServerConnection& connection, qint64 total)
{
    Result<QString> me = origin();
    if (!me)
        return me.error();
    int pushed = 0;
    for (;;) {
        Result<OutboxBatch> batch = nextOutboxBatch();
        if (!batch)
            return batch.error();
        if (batch->count == 0)
            return pushed;
        if (Status st = sendBatch(connection.db(), me.value(), batch.value()); !st)
            return st.error();
        SyncFaults::hit("after-commit");
        if (Status st = dropFromOutbox(batch->lastSeq); !st)
            return st.error();
        pushed += batch->count;
        if (m_progress)
            m_progress(pushed, total, tr("sending"));
    }
}

Result<SyncEngine::OutboxBatch> SyncEngine::nextOutboxBatch()
{
    // The batch as one JSON array, built by SQLite: no per-row parsing on this side.
    auto batch = sql::run(
        m_local.connection(),
        QStringLiteral(
            "SELECT count(*), max(b.seq), json_group_array(json_object('origin_seq', b.seq, 'id', b.id, "
            "'recorded_at', b.recorded_at, 'station_id', b.station_id, 'operator_id', b.operator_id, "
            "'step', b.step, 'subject', b.subject, 'payload', json(b.payload), 'subjects', "
            "json((SELECT json_group_array(json_object('kind', s.kind, 'serial', s.serial)) "
            "FROM event_subjects s WHERE s.event_seq = b.seq)))) "
            "FROM (SELECT e.* FROM sync_outbox o JOIN events e ON e.seq = o.event_seq "
            "ORDER BY o.event_seq LIMIT ?) b"),
        {m_batchSize});
    if (!batch)
        return batch.error();
    batch.value().next();
    OutboxBatch out;
    out.count = batch.value().value(0).toInt();
    out.lastSeq = batch.value().value(1).toLongLong();
    out.rows = batch.value().value(2).toString();
    batch.value().finish();
    return out;
}

Status SyncEngine::sendBatch(QSqlDatabase& db, const QString& me, const OutboxBatch& batch)
{
    // One server transaction per batch. The lock keeps server_seq in commit order, so a
    // station pulling "after seq N" never skips a row committed late; and as pushes take
    // turns, "not there yet" is a plain check, cheaper than a speculative ON CONFLICT insert.
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
    auto inserted = server(
        db,
        QStringLiteral(
            "INSERT INTO events (id, origin, origin_seq, recorded_at, station_id, operator_id, step, "
            "subject, payload, subjects) SELECT x.id, ?, x.origin_seq, x.recorded_at, x.station_id, "
            "x.operator_id, x.step, x.subject, x.payload, x.subjects FROM jsonb_to_recordset(CAST(? AS "
            "jsonb)) AS x(id text, origin_seq bigint, recorded_at text, station_id text, operator_id "
            "text, step text, subject text, payload jsonb, subjects jsonb) "
            "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = x.id) ORDER BY x.origin_seq"),
        {me, batch.rows});
    if (!inserted)
        return inserted.error();
    SyncFaults::hit("mid-batch");
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
    auto mark =
        server(db,
               QStringLiteral("INSERT INTO origins (origin, last_seq, last_push_at) VALUES (?, ?, now()) "
                              "ON CONFLICT (origin) DO UPDATE SET last_seq = greatest(origins.last_seq, "
                              "excluded.last_seq), last_push_at = now()"),
               {me, batch.lastSeq});
    if (!mark)
        return mark.error();
    return {};
}

Status SyncEngine::noteConflicts(QSqlDatabase& db, qint64 firstNew)
{
    // Conflicts between stations: one die mounted as two units, one GPU on two units.
    auto dies =
        server(db,
               QStringLiteral(
                   "INSERT INTO anomalies (kind, subject, detail, event_ids) "
                   "SELECT 'die_mounted_twice', a.payload ->> 'die', format('die %s mounted as unit %s at %s "
                   "and as unit %s at %s', a.payload ->> 'die', a.payload ->> 'unit', a.station_id, "
                   "b.payload ->> 'unit', b.station_id), least(a.id, b.id) || ' ' || greatest(a.id, b.id) "
                   "FROM events a JOIN events b ON b.step = 'mount' AND (b.payload ->> 'die') = "
                   "(a.payload ->> 'die') AND b.id <> a.id WHERE a.server_seq > ? AND a.step = 'mount' "
                   "AND (a.payload ->> 'unit') <> (b.payload ->> 'unit') "
                   "AND coalesce(a.payload ->> 'outcome', '') <> 'remounted' "
                   "AND coalesce(b.payload ->> 'outcome', '') <> 'remounted' "
                   "ON CONFLICT (event_ids) DO NOTHING"),
               {firstNew});
    if (!dies)
        return dies.error();
    auto gpus =
        server(db,
               QStringLiteral(
                   "INSERT INTO anomalies (kind, subject, detail, event_ids) "
                   "SELECT 'duplicate_gpu', a.payload ->> 'gpu_uuid', format('GPU %s reported by unit %s at "
                   "%s and by unit %s at %s', a.payload ->> 'gpu_uuid', a.subject, a.station_id, b.subject, "
                   "b.station_id), least(a.id, b.id) || ' ' || greatest(a.id, b.id) "
                   "FROM events a JOIN events b ON b.step = 'test' AND (b.payload ->> 'gpu_uuid') = "
                   "(a.payload ->> 'gpu_uuid') AND b.subject <> a.subject WHERE a.server_seq > ? "
                   "AND a.step = 'test' AND a.payload ->> 'gpu_uuid' <> '' "
                   "ON CONFLICT (event_ids) DO NOTHING"),
               {firstNew});
    if (!gpus)
        return gpus.error();
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

/// An event from another station as the server sent it.
struct SyncEngine::PulledEvent
{
    qint64 serverSeq;
    EventRecord event;
    QList<Subject> subjects;
};

Result<int> SyncEngine::pull(ServerConnection& connection, Report& report)
{
    Result<QString> me = origin();
    if (!me)
        return me.error();
    int pulled = 0;
    for (;;) {
        Result<QList<PulledEvent>> batch = fetchPulled(connection, me.value());
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            return pulled;
        if (Status st = applyPulled(batch.value(), pulled, report); !st)
            return st.error();
        if (m_progress)
            m_progress(pulled, 0, tr("receiving"));
    }
}

Result<QList<SyncEngine::PulledEvent>> SyncEngine::fetchPulled(ServerConnection& connection,
                                                               const QString& me)
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
        p.event.id = r.value(1).toString();
        p.event.recordedAt = QDateTime::fromString(r.value(2).toString(), Qt::ISODateWithMs);
        p.event.stationId = r.value(3).toString();
        p.event.operatorId = r.value(4).toString();
        p.event.step = r.value(5).toString();
        p.event.subject = r.value(6).toString();
        p.event.payload = QJsonDocument::fromJson(r.value(7).toByteArray()).object();
        for (const auto& s : QJsonDocument::fromJson(r.value(8).toByteArray()).array())
            p.subjects.append(
                {s[QLatin1StringView("kind")].toString(), s[QLatin1StringView("serial")].toString()});
        batch.append(p);
    }
    return batch;
}

Status SyncEngine::applyPulled(QList<PulledEvent>& batch, int& pulled, Report& report)
{
    // One local transaction per batch, with the watermark: a crash repeats the batch whole.
    Transaction tx(m_local.connection());
    if (Status st = tx.begin(); !st)
        return st;
    EventLog log(m_local.connection());
    for (PulledEvent& p : batch) {
        Result<PullOutcome> outcome = applyPulledEvent(log, p);
        if (!outcome)
            return outcome.error();
        if (outcome.value() == PullOutcome::Applied)
            ++pulled;
        else if (outcome.value() == PullOutcome::Rejected)
            ++report.rejected;
    }
    if (Status st = setState(QStringLiteral("pulled_server_seq"), QString::number(batch.last().serverSeq));
        !st)
        return st;
    return tx.commit();
}

Result<SyncEngine::PullOutcome> SyncEngine::applyPulledEvent(EventLog& log, PulledEvent& p)
{
    auto known = sql::scalar(m_local.connection(), QStringLiteral("SELECT count(*) FROM events WHERE id = ?"),
                             {p.event.id});
    if (!known)
        return known.error();
    if (known.value().toInt() > 0)
        return PullOutcome::Known;
    if (auto sp = sql::run(m_local.connection(), QStringLiteral("SAVEPOINT pulled")); !sp)
        return sp.error();
    // A void from another station takes effect like a local one: its items are replayed.
    Status st = log.apply(p.event, p.subjects, EventStore::Origin::Pulled);
    if (st) {
        if (auto rel = sql::run(m_local.connection(), QStringLiteral("RELEASE pulled")); !rel)
            return rel.error();
        return PullOutcome::Applied;
    }
    // It contradicts what this station knows: keep it aside, say why, go on.
    if (auto back = sql::run(m_local.connection(), QStringLiteral("ROLLBACK TO pulled")); !back)
        return back.error();
    if (auto rel = sql::run(m_local.connection(), QStringLiteral("RELEASE pulled")); !rel)
        return rel.error();
    if (Status kept = keepRejected(p, st.error()); !kept)
        return kept.error();
    return PullOutcome::Rejected;
}

Status SyncEngine::keepRejected(const PulledEvent& p, const Error& why)
{
    spdlog::warn("pulled event {} not applied: {}", p.event.id.toStdString(), why.logLine());
    return sql::exec(m_local.connection(),
                     QStringLiteral("INSERT OR IGNORE INTO sync_rejected (server_seq, event_id, "
                                    "station_id, step, subject, reason, seen_at) VALUES (?, ?, ?, ?, "
                                    "?, ?, ?)"),
                     {p.serverSeq, p.event.id, p.event.stationId, p.event.step, p.event.subject,
                      why.english.left(300), m_clock.now().toString(Qt::ISODateWithMs)});
}

Result<int> SyncEngine::pullReference(ServerConnection& connection)
{
    int rows = 0;
    Transaction tx(m_local.connection());
    if (Status st = tx.begin(); !st)
        return st.error();
    for (const ReferenceTable& t : kReference) {
        auto q = server(connection.db(), selectAll(t));
        if (!q)
            return q.error();
        const QString insert = upsert(t);
        while (q.value().next()) {
            if (Status st = sql::exec(m_local.connection(), insert, rowValues(q.value())); !st)
                return st.error();
            ++rows;
        }
    }
    if (Status st = tx.commit(); !st)
        return st.error();
    // Label templates become the station's own copies.
    auto templates = server(connection.db(), QStringLiteral("SELECT name, body FROM label_templates"));
    if (!templates)
        return templates.error();
    static const QRegularExpression safeName(QStringLiteral("^[a-z0-9][a-z0-9-]{0,39}$"));
    const QString folder = QFileInfo(m_local.path()).absolutePath() + QStringLiteral("/labels");
    while (templates.value().next()) {
        const QString name = templates.value().value(0).toString();
        if (!safeName.match(name).hasMatch())
            continue;
        QDir().mkpath(folder);
        QSaveFile file(QDir(folder).filePath(name + QStringLiteral(".json")));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(templates.value().value(1).toString().toUtf8());
            file.commit();
            ++rows;
        }
    }
    return rows;
}

Result<int> SyncEngine::pullAnomalies(ServerConnection& connection)
{
    auto q = server(connection.db(),
                    QStringLiteral("SELECT id, kind, subject, detail, found_at::text FROM anomalies "
                                   "ORDER BY id"));
    if (!q)
        return q.error();
    int n = 0;
    while (q.value().next()) {
        QVariantList values;
        for (int i = 0; i < 5; ++i)
            values << q.value().value(i);
        if (Status st =
                sql::exec(m_local.connection(),
                          QStringLiteral("INSERT OR IGNORE INTO sync_anomalies (server_id, kind, subject, "
                                         "detail, found_at) VALUES (?, ?, ?, ?, ?)"),
                          values);
            !st)
            return st.error();
        ++n;
    }
    return n;
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
    Result<int> pushed = push(*connection.value(), total.value());
    if (!pushed)
        return noted(pushed.error());
    report.pushed = pushed.value();
    Result<int> pulled = pull(*connection.value(), report);
    if (!pulled)
        return noted(pulled.error());
    report.pulled = pulled.value();
    Result<int> reference = pullReference(*connection.value());
    if (!reference)
        return noted(reference.error());
    report.referenceRows = reference.value();
    Result<int> anomalies = pullAnomalies(*connection.value());
    if (!anomalies)
        return noted(anomalies.error());
    report.anomalies = anomalies.value();
    const QString now = m_clock.now().toString(Qt::ISODateWithMs);
    if (Status st = setState(QStringLiteral("last_sync_at"), now); !st)
        return st.error();
    if (Status st = setState(QStringLiteral("last_error"), QString()); !st)
        return st.error();
    spdlog::info("sync done: {} sent, {} received, {} not applicable", report.pushed, report.pulled,
                 report.rejected);
    return report;
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
