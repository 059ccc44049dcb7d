#pragma once

#include "PulledEvent.h"
#include "SetAside.h"
#include "SyncSettings.h"
#include "domain/Clock.h"
#include "domain/Snapshot.h"

#include <QSqlDatabase>

#include <array>
#include <functional>
#include <optional>

namespace rework {

struct OutboxBatch;

class Database;
class EventLog;
class ServerConnection;

/// Push and pull between this station's SQLite and the central PostgreSQL.
///
/// Push: outbox events go up in batches, one server transaction each, inserted by event id so a
/// resend changes nothing; the outbox rows go only after the server committed. Pull: other
/// stations' events come down in server order and are applied to the local state (those that
/// cannot be, e.g. a die another station mounted too, are kept in sync_rejected), then the
/// reference data and the conflicts the server found.
class SyncEngine
{
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)

public:
    SyncEngine(Database& local, SyncSettings settings, const Clock& clock = systemClock())
        : m_local(local), m_settings(std::move(settings)), m_clock(clock)
    {
    }

    struct Report
    {
        int pushed = 0, pulled = 0;
        int rejected = 0; ///< pulled events set aside by this sync
        int setAside = 0; ///< set aside in all, after this sync
        int retried = 0;  ///< earlier set-aside events applied, or dropped as voided, by this sync
        int templates = 0, anomalies = 0;
        bool recovered = false; ///< this database lacked its own events: it went on as a new origin
        /// Where the time went (for the log and bench_sync): sending, fetching what others sent,
        /// and applying it here.
        qint64 pushMs = 0, fetchMs = 0, applyMs = 0;
    };
    /// Done, total and what is going on, for a progress bar.
    using Progress = std::function<void(qint64 done, qint64 total, const QString& phase)>;

    /// Events per batch, sent and received alike (tests; reworkctl sync --batch).
    void setBatchSize(int events) { m_pushBatchSize = m_batchSize = events; }
    int batchSize() const { return m_batchSize; }
    int pushBatchSize() const { return m_pushBatchSize; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    /// Creates or upgrades the central schema (never takes it back); turns the server's reference
    /// data into baseline changes, taken from this station when the server has none yet.
    Status initServer();
    /// One full sync, as the unattended timer runs it (no operator: the sync proves itself to
    /// the server with its own credentials).
    Result<Report> run();
    /// One full sync started by an operator, whose role must hold `sync.run`.
    Result<Report> run(const OperatorInfo& actor);
    /// A new station database filled from the server alone: refused unless this one holds no
    /// event yet. Everything the server holds comes down, this station's own earlier events too.
    Result<Report> rebuild();
    /// The chain heads the server anchored for this database, compared with the local chain: a
    /// log rewritten or cut after it was sent no longer matches (`verify --server`).
    struct AnchorCheck
    {
        int anchors = 0;
        qint64 newest = 0; ///< the newest anchored event seq
        QStringList problems;
    };
    Result<AnchorCheck> checkAnchors();
    /// The newest chain head the server anchored for this database (none before its first sync):
    /// the floor a restore must not fall below.
    struct Anchor
    {
        qint64 seq = 0;
        QString hash;
    };
    Result<std::optional<Anchor>> newestAnchor();
    /// run(), tried again after 1, 2, 4 ... s while the server is unreachable.
    Result<Report> runWithRetries(int attempts);

    static Result<qint64> pending(const QSqlDatabase& local);
    /// The same, counted no further than `limit` + 1: what a status bar can afford after every
    /// save (a station that never syncs keeps every event it recorded waiting).
    static Result<qint64> pendingUpTo(const QSqlDatabase& local, qint64 limit);
    static Result<QString> stateValue(const QSqlDatabase& local, const QString& key);

private:
    Result<QString> origin();
    Result<int> push(ServerConnection& server, qint64 total);
    /// The batch as one PostgreSQL array literal per column (id, origin_seq, recorded_at,
    /// station_id, operator_id, step, subject, payload, subjects), for the statement that inserts
    /// row by row: the server parses arrays several times faster than a JSON document.
    Result<std::array<QString, 9>> outboxColumns(const OutboxBatch& batch);
    /// One server transaction: the events, the conflicts they make, the chain head, the origin's mark.
    Status sendBatch(QSqlDatabase& db, const QString& me, const OutboxBatch& batch);
    Status writeBatch(QSqlDatabase& db, const QString& me, const OutboxBatch& batch);
    /// Loads a batch the server holds nothing of with COPY; false (and nothing loaded) when the
    /// server refused it, so the caller inserts it row by row instead.
    Result<bool> copyBatch(QSqlDatabase& db, const OutboxBatch& batch);
    /// What every push does once the batch's events are in: reference changes, conflicts, the
    /// chain's anchor and the origin's mark (with the stations that recorded the batch).
    Status afterInsert(QSqlDatabase& db, const QString& me, const OutboxBatch& batch, qint64 firstNew);
    Status noteConflicts(QSqlDatabase& db, qint64 firstNew);
    Status applyReference(QSqlDatabase& db, qint64 firstNew);
    Status seedReference(QSqlDatabase& db);
    /// A database restored from a backup goes on as a new origin (see the .cpp).
    Status recover(ServerConnection& server, Report& report);
    Status dropFromOutbox(qint64 lastSeq);

    Result<int> pull(ServerConnection& server, Report& report);
    Result<QList<PulledEvent>> fetchPulled(ServerConnection& server, const QString& me);
    /// One local transaction: the batch's events, then the watermark.
    Status applyPulled(QList<PulledEvent>& batch, int& pulled, Report& report);
    /// One try at it; false when unguarded and an event did not apply (nothing was kept).
    Result<bool> applyPulledAs(QList<PulledEvent>& batch, SetAside::Guard guard, int& pulled, Report& report);
    Result<int> retrySetAside();
    Result<int> writeTemplateFiles();
    Result<int> pullAnomalies(ServerConnection& server);
    Result<int> pullOrigins(ServerConnection& server);
    Status setState(const QString& key, const QString& value);

    Database& m_local;
    SyncSettings m_settings;
    const Clock& m_clock;
    // A received batch is applied in one write transaction, which the station's saves wait for
    // (about 0.13 s at 2,000 events). A sent batch is read one ahead on a thread of its own
    // (OutboxReader) and then only deleted from the outbox; on the server each costs a lock, the
    // conflict rules, a chain anchor and a commit (about 8 ms), and holds the lock other
    // stations' pushes wait for (about 0.2 s at 10,000). bench_sync, 100,000 events: a push of
    // 2.6-3.5 s at 2,000 per batch, 2.0-2.9 s at 10,000; read ahead, 1.5-1.9 s.
    int m_batchSize = 2000;
    int m_pushBatchSize = 10000;
    Progress m_progress;
};

} // namespace rework
