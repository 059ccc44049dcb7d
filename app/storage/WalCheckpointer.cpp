#include "WalCheckpointer.h"

#include "Database.h"

#include <QFile>

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace rework {

WalCheckpointer::WalCheckpointer(sqlite3* writer, const QString& path) : m_writer(writer)
{
    // Its checkpoints sync the log before copying it and the file before the log may be reused,
    // as the station's own connection would (synchronous=FULL); a read first opens the log, and a
    // connection that has not opened it copies nothing.
    const bool ready = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_own, SQLITE_OPEN_READWRITE,
                                       nullptr) == SQLITE_OK &&
                       sqlite3_busy_timeout(m_own, Database::kBusyTimeoutMs) == SQLITE_OK &&
                       sqlite3_exec(m_own, "PRAGMA synchronous = FULL; SELECT count(*) FROM sqlite_schema",
                                    nullptr, nullptr, nullptr) == SQLITE_OK;
    if (!ready) {
        spdlog::warn("background checkpoints off, SQLite's own stay: {}", sqlite3_errmsg(m_own));
        sqlite3_close(m_own);
        m_own = nullptr;
        return;
    }
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

int WalCheckpointer::passes() const
{
    const std::lock_guard lock(m_mutex);
    return m_passes;
}

WalCheckpointer::Act WalCheckpointer::decide(int frames, int copied)
{
    const int behind = frames - copied;
    if (frames >= kBackstopPages || (frames >= kRestartPages && behind <= kInlinePages))
        return Act::Inline;
    return behind >= kWakePages ? Act::Wake : Act::Nothing;
}

int WalCheckpointer::onCommit(void* self, sqlite3* db, const char* schema, int frames)
{
    auto* me = static_cast<WalCheckpointer*>(self);
    Act act = Act::Nothing;
    {
        const std::lock_guard lock(me->m_mutex);
        if (frames < me->m_lastFrames)
            ++me->m_epoch; // what the thread copied belonged to the log before
        me->m_lastFrames = frames;
        act = decide(frames, me->m_seenEpoch == me->m_epoch ? me->m_seenCopied : 0);
        if (act == Act::Wake)
            me->m_wake = true;
    }
    if (act == Act::Wake)
        me->m_wakeUp.notify_one();
    else if (act == Act::Inline) // as SQLite's own hook: a failure leaves the commit done, the log as it was
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    bool warned = false;
    for (;;) {
        int epoch = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wakeUp.wait(lock, [this] { return m_wake || m_stop; });
            if (m_stop)
                return;
            m_wake = false;
            epoch = m_epoch;
        }
        // PASSIVE never waits: it copies what no reader still needs, and a busy checkpointer
        // (the commit's own) means it is being done.
        int log = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(m_own, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
        if (rc == SQLITE_OK && log >= 0) {
            const std::lock_guard lock(m_mutex);
            m_seenEpoch = epoch;
            m_seenCopied = copied;
            ++m_passes;
        } else if (rc != SQLITE_BUSY && !warned) {
            spdlog::warn("background checkpoint: {}", sqlite3_errmsg(m_own));
            warned = true;
        }
    }
}

} // namespace rework
