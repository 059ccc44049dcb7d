#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace rework {

class WalCheckpointer;

/// One open ReworkTrack database: a SQLite file in WAL mode with full fsync, foreign keys on,
/// a busy timeout, and the schema migrated to this build's version.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class Migration
    {
        Apply,
        Skip
    };

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Opens (creating if needed) the file at `path` on a connection of its own.
    static Result<std::unique_ptr<Database>> open(const QString& path,
                                                  Migration migration = Migration::Apply);

    /// The file to use: `cliPath` if given, else $REWORKTRACK_DB, else the user's app data folder.
    static QString resolvePath(const QString& cliPath);
    static QString defaultPath();

    const QSqlDatabase& connection() const { return m_db; }
    QString path() const { return m_path; }
    QString connectionName() const { return m_name; }

    /// For a connection that records for hours (a station): copies the write-ahead log into the
    /// file on a thread, not inside the saves (WalCheckpointer). Idempotent.
    void checkpointInBackground();
    const WalCheckpointer* checkpointer() const { return m_checkpointer.get(); }

    static constexpr int kBusyTimeoutMs = 5000;

private:
    /// The migrations that ask, by a `derived.*` key, for a replay or for the chain to be linked.
    /// The last of those that ask for a replay: 4 (rollups) and 17 (reference column versions).
    static constexpr int kRebuildMigration = 17;
    static constexpr int kChainMigration = 9;
    /// Each acts only when its migration ran in this open (the schema was older than it).
    Status rebuildIfAsked(int fromVersion);
    Status linkChainIfAsked(int fromVersion);
    Database(QString path, QString name);

    bool m_registered = false; // with OpenDatabases, while SQLite has the file open
    QString m_path;
    QString m_name;
    QSqlDatabase m_db;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // gone before the connection closes
};

} // namespace rework
