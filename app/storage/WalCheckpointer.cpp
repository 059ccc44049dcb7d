#include "WalCheckpointer.h"

#include <QFile>

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace rework {

WalCheckpointer::WalCheckpointer(sqlite3* writer, const QString& path) : m_writer(writer)
{
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_own, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        spdlog::warn("background checkpoints off: {}", sqlite3_errmsg(m_own));
        sqlite3_close(m_own);
        m_own = nullptr;
        return; // SQLite's own checkpoints in the commit stay in place
    }
    // A connection that has read nothing has not opened the log yet, and its checkpoint would
    // copy nothing.
    sqlite3_exec(m_own, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    m_thread = std::thread([this] { run(); });
    sqlite3_wal_hook(m_writer, &WalCheckpointer::onCommit, this); // replaces SQLite's autocheckpoint
}

WalCheckpointer::~WalCheckpointer()
{
    if (!m_own)
        return;
    sqlite3_wal_autocheckpoint(m_writer, kRestartPages); // SQLite's own hook back
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wakeUp.notify_one();
    m_thread.join();
    sqlite3_close(m_own);
}

WalCheckpointer::Act WalCheckpointer::decide(int frames, int seenLog, int seenCopied)
{
    const int behind = seenLog <= frames ? frames - seenCopied : frames;
    if (frames >= kBackstopPages || (frames >= kRestartPages && behind <= kInlinePages))
        return Act::Inline;
    return behind >= kWakePages ? Act::Wake : Act::Nothing;
}

int WalCheckpointer::onCommit(void* self, sqlite3* db, const char* schema, int frames)
{
    auto* me = static_cast<WalCheckpointer*>(self);
    const std::uint64_t seen = me->m_seen.load();
    switch (decide(frames, static_cast<int>(seen >> 32), static_cast<int>(seen & 0xffffffffU))) {
    case Act::Inline:
        // As SQLite's own hook does: a failure here leaves the commit done and the log as it was.
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        break;
    case Act::Wake: {
        {
            const std::lock_guard lock(me->m_mutex);
            me->m_wake = true;
        }
        me->m_wakeUp.notify_one();
        break;
    }
    case Act::Nothing:
        break;
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wakeUp.wait(lock, [this] { return m_wake || m_stop; });
            if (m_stop)
                return;
            m_wake = false;
        }
        // PASSIVE never waits: it copies what no reader still needs, and a busy checkpointer
        // (the commit's own) means it is being done.
        int log = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(m_own, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
        if (rc == SQLITE_OK && log >= 0) {
            m_seen.store(static_cast<std::uint64_t>(log) << 32 | static_cast<std::uint32_t>(copied));
            m_passes.fetch_add(1);
        } else if (rc != SQLITE_BUSY) {
            spdlog::warn("background checkpoint: {}", sqlite3_errmsg(m_own));
        }
    }
}

} // namespace rework
