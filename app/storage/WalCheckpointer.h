#pragma once

#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace rework {

/// Copies the write-ahead log into the database file on a thread and connection of its own, so
/// that no save waits for it. SQLite's default runs that checkpoint inside whichever commit takes
/// the log past 1,000 pages: with about 20 pages per recorded action, one save in 50 also wrote
/// and synced 4 MB of the database file, which set the recording p99.
///
/// The checkpoints are PASSIVE: they never block a writer or a reader, and copy what no open read
/// snapshot still needs. Should the thread fall behind (a long read snapshot pins the log), the
/// committing connection checkpoints itself past kInlinePages, as SQLite would have.
class WalCheckpointer
{
public:
    /// For the database file at `path`; no thread runs until the first checkpoint is due.
    explicit WalCheckpointer(QString path);
    /// Stops the thread after any checkpoint in progress and closes its connection.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    /// Takes over checkpointing for the commits of `connection` (sqlite3_wal_hook replaces its
    /// wal_autocheckpoint). The connection must be closed or detached before this is destroyed.
    void attach(sqlite3* connection);

    /// Pages in the log after which the thread checkpoints: SQLite's own default.
    static constexpr int kPages = 1000;
    /// Pages after which the committing connection checkpoints itself (about 80 MB of log).
    static constexpr int kInlinePages = 20000;

    /// Checkpoints run by the thread, and by committing connections, since construction.
    int checkpointsRun() const { return m_run.load(); }
    int inlineCheckpoints() const { return m_inline.load(); }

private:
    static int onCommit(void* self, sqlite3* connection, const char* schema, int pages);
    void due();
    void work();

    QString m_path;
    std::mutex m_lock;
    std::condition_variable m_wake;
    bool m_due = false;
    bool m_stop = false;
    std::thread m_thread;
    std::atomic<int> m_run{0};
    std::atomic<int> m_inline{0};
};

} // namespace rework
