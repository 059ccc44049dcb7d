#pragma once

#include <QString>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

struct sqlite3;

namespace rework {

/// Copies a station's write-ahead log into the database file on a thread of its own, so that a
/// save does not wait for it.
///
/// SQLite checkpoints inside the commit that takes the log past 1,000 pages: an action writes
/// about 20, so one save in 50 also copied 4 MB into the file and synced it (the recording p99),
/// and the first save after a long `check` copied all that the check's read snapshot had held
/// back. Here each commit only compares the log with what the thread last copied: far enough
/// ahead, it wakes the thread. The commit itself checkpoints only the little the thread has left,
/// once the log is past SQLite's own limit: SQLite reuses the log from its start only when a
/// writer finds all of it copied, and a thread racing a busy writer never does. If the thread
/// cannot keep up, past kBackstopPages the commit checkpoints as SQLite would have.
class WalCheckpointer
{
public:
    /// Hooks the commits of `writer` (a connection that stays open longer than this object).
    WalCheckpointer(sqlite3* writer, const QString& path);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    static constexpr int kRestartPages = 1000; // SQLite's wal_autocheckpoint default
    static constexpr int kInlinePages = 256;   // at most this much is copied inside a commit
    static constexpr int kWakePages = 512;     // the thread copies once the file is this far behind
    static constexpr int kBackstopPages = 16384;

    enum class Act
    {
        Nothing,
        Wake,   // the thread copies
        Inline, // the commit copies the rest, so that the next write restarts the log
    };
    /// What a commit that left `frames` pages in the log does, the thread having last seen a log
    /// of `seenLog` pages of which `seenCopied` were in the file. A log shorter than the one the
    /// thread saw has restarted since, and none of it is known to be copied.
    static Act decide(int frames, int seenLog, int seenCopied);

    /// Checkpoints the thread has run.
    int passes() const { return m_passes.load(); }

private:
    static int onCommit(void* self, sqlite3* db, const char* schema, int frames);
    void run();

    sqlite3* m_writer;
    sqlite3* m_own = nullptr;
    std::atomic<std::uint64_t> m_seen{0}; // log pages << 32 | copied pages, after the last pass
    std::atomic<int> m_passes{0};
    std::mutex m_mutex;
    std::condition_variable m_wakeUp;
    bool m_wake = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace rework
