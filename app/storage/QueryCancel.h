#pragma once

#include <QSqlDatabase>

#include <atomic>

struct sqlite3;

namespace rework {

/// Stops a long read on a worker thread's connection from another thread (a supervisor's Cancel,
/// a closing window). While attached, the connection asks SQLite's progress handler every
/// thousand steps whether it is cancelled and, if so, stops the statement. A stopped loop over
/// rows only looks like the end of its rows, and a statement shorter than the check's interval
/// still runs: so the worker asks `interrupted()` when it is done and drops a result that was.
/// The worker attaches its connection for as long as it reads and detaches it before closing it.
class QueryCancel
{
public:
    /// On the worker's thread, before it reads.
    void attach(const QSqlDatabase& db);
    /// On the worker's thread, after it read.
    void detach();
    /// From any thread.
    void cancel() { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled; }
    /// Whether a statement was stopped: what the worker read is not whole.
    bool interrupted() const { return m_interrupted; }

private:
    static int stopWhenCancelled(void* self);

    sqlite3* m_handle = nullptr;
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_interrupted{false};
};

} // namespace rework
