#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace rework {

/// Outbox events not yet on the server, oldest first: one batch of a push.
struct OutboxBatch
{
    int count = 0;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    /// The rows in COPY's text format, with this station's origin: what the push loads when
    /// nothing of the batch is on the server yet.
    QByteArray copyRows;
    /// The stations that recorded the batch, space-separated, in byte order: the origin's mark
    /// names them (read here rather than from the rows the server just loaded).
    QString stations;

    /// At most `limit` outbox events numbered after `after`, read through `db`.
    static Result<OutboxBatch> read(const QSqlDatabase& db, const QByteArray& origin, qint64 after,
                                    int limit);
    /// The SELECT a batch is read with, its events limited by `range` (a WHERE, ORDER BY and LIMIT).
    static QString rows(const QString& range);
};

/// Reads the outbox one batch ahead of the push, on a thread and a connection of its own: the next
/// batch is read and escaped while the server loads this one. Reading was 0.36 s of a 2.1 s push
/// of 100,000 events (bench_sync), all of it time the server sat waiting.
class OutboxReader
{
public:
    /// Starts reading the database file at `path`.
    OutboxReader(const QString& path, const QByteArray& origin, int batchSize);
    /// Stops reading and waits for the thread.
    ~OutboxReader();
    OutboxReader(const OutboxReader&) = delete;
    OutboxReader& operator=(const OutboxReader&) = delete;

    /// The next batch as soon as it has been read; an empty one once the outbox is read to its end.
    Result<OutboxBatch> next();

private:
    void readAhead();

    const QString m_path;
    const QByteArray m_origin;
    const int m_batchSize;
    std::thread m_thread;
    std::condition_variable m_changed;
    std::mutex m_mutex;                         // guards everything below
    std::optional<Result<OutboxBatch>> m_ready; // one batch ahead, no more
    bool m_finished = false;                    // the last batch (empty, or an error) was handed over
    bool m_stop = false;
};

} // namespace rework
