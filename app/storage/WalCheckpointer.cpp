#include "WalCheckpointer.h"

#include <QFile>

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace rework {

WalCheckpointer::WalCheckpointer(QString path) : m_path(std::move(path)) {}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_lock);
        m_stop = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void WalCheckpointer::attach(sqlite3* connection)
{
    sqlite3_wal_hook(connection, &WalCheckpointer::onCommit, this);
}

int WalCheckpointer::onCommit(void* self, sqlite3* connection, const char* schema, int pages)
{
    auto* c = static_cast<WalCheckpointer*>(self);
    if (pages >= kInlinePages) {
        // The thread has not kept up: do what SQLite's own hook would have done.
        sqlite3_wal_checkpoint_v2(connection, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        ++c->m_inline;
    } else if (pages >= kPages) {
        c->due();
    }
    return SQLITE_OK; // a failed checkpoint must not fail the commit that asked for it
}

void WalCheckpointer::due()
{
    {
        std::lock_guard lock(m_lock);
        m_due = true;
        if (!m_thread.joinable())
            m_thread = std::thread([this] { work(); });
    }
    m_wake.notify_one();
}

void WalCheckpointer::work()
{
    sqlite3* own = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(m_path).constData(), &own, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        spdlog::warn("wal checkpointer: cannot open {}: {}", m_path.toStdString(),
                     own ? sqlite3_errmsg(own) : "out of memory");
        sqlite3_close(own);
        own = nullptr;
    }
    std::unique_lock lock(m_lock);
    for (;;) {
        m_wake.wait(lock, [this] { return m_due || m_stop; });
        if (m_stop)
            break;
        m_due = false;
        lock.unlock();
        if (own) {
            int logPages = 0, copied = 0;
            const int rc =
                sqlite3_wal_checkpoint_v2(own, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logPages, &copied);
            if (rc == SQLITE_OK)
                ++m_run;
            else
                spdlog::debug("wal checkpointer: {}", sqlite3_errmsg(own));
        }
        lock.lock();
    }
    lock.unlock();
    sqlite3_close(own);
}

} // namespace rework
