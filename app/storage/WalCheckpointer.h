#pragma once

#include <QString>

#include <condition_variable>
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
/// back. Here each commit only compares the log with what the thread has copied of it: far enough
/// ahead, it wakes the thread. The commit itself checkpoints only the little the thread has left,
/// once the log is past SQLite's own limit: SQLite reuses the log from its start only when a
/// writer finds all of it copied, and a thread racing a busy writer never does. What a reader's
/// snapshot holds back neither can copy: the log grows meanwhile, as with SQLite's own checkpoints.
class WalCheckpointer
{
public:
    /// Hooks the commits of `writer` (a connection that stays open longer than this object). If
    /// the thread's connection cannot read the file, SQLite's own checkpoints stay in place.
    WalCheckpointer(sqlite3* writer, const QString& path);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    static constexpr int kRestartPages = 1000; // SQLite's wal_autocheckpoint default
    static constexpr int kInlinePages = 256;   // at most this much is copied inside a commit
    static constexpr int kWakePages = 512;     // the thread copies once the file is this far behind
    /// Only a bound on the log's disk use (1 GiB), should the thread fall behind for good.
    static constexpr int kBackstopPages = 262144;

    enum class Act
    {
        Nothing,
        Wake,   // the thread copies
        Inline, // the commit copies the rest, so that the next write restarts the log
    };
    /// What a commit that left `frames` pages in the log does, `copied` of them known to be in
    /// the file (0 when the thread has not looked at this log since it last started over).
    static Act decide(int frames, int copied);

    /// Checkpoints the thread has run.
    int passes() const;

private:
    static int onCommit(void* self, sqlite3* db, const char* schema, int frames);
    void run();

    sqlite3* m_writer;
    sqlite3* m_own = nullptr;
    std::thread m_thread;
    std::condition_variable m_wakeUp;

    mutable std::mutex m_mutex; // guards everything below
    int m_lastFrames = 0;       // the log after the writer's last commit: a shorter one has started over
    bool m_wake = false;
    bool m_stop = false;
    int m_epoch = 0;      // how often the log started over, as the writer saw it
    int m_seenEpoch = -1; // ... when the thread's last pass began
    int m_seenCopied = 0; // pages of that log in the file after it
    int m_passes = 0;
};

} // namespace rework
