#include "Database.h"

#include "DailyRollups.h"
#include "EventChain.h"
#include "Migrator.h"
#include "OpenDatabases.h"
#include "PrivateFiles.h"
#include "Sql.h"
#include "StateProjector.h"
#include "Transaction.h"
#include "WalCheckpointer.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

#include <spdlog/spdlog.h>

namespace rework {

Database::Database(QString path, QString name) : m_path(std::move(path)), m_name(std::move(name)) {}

Database::~Database()
{
    m_checkpointer.reset();
    sql::forgetPrepared(m_name);
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
    if (m_registered)
        OpenDatabases::remove(m_path);
}

QString Database::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/ReworkTrack");
    return dir + QStringLiteral("/reworktrack.sqlite");
}

QString Database::resolvePath(const QString& cliPath)
{
    if (!cliPath.isEmpty())
        return cliPath;
    QString env = qEnvironmentVariable("REWORKTRACK_DB");
    if (!env.isEmpty())
        return env;
    // The admin's choice in the settings dialog, shared by the app and reworkctl (and so by the
    // nightly sync timer).
    QString chosen = QSettings().value(QStringLiteral("storage/database")).toString();
    if (!chosen.isEmpty())
        return chosen;
    return defaultPath();
}

Status Database::rebuildIfAsked(int fromVersion)
{
    // A migration that adds derived tables asks for a replay instead of repeating the
    // projector's logic in SQL. Only that migration, applied in this open, may ask: a key
    // written later by anyone with the file is ignored (a rebuild hides a changed event).
    if (fromVersion >= kRebuildMigration)
        return {};
    auto asked = sql::scalar(m_db, QStringLiteral("SELECT value FROM config WHERE key = 'derived.rebuild'"));
    if (!asked)
        return asked.error();
    if (asked.value().isNull())
        return {};
    spdlog::info("replaying the event log for a migration's new derived tables");
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st;
    if (Status st = StateProjector(m_db).rebuild(); !st)
        return st;
    if (Status st = DailyRollups::refill(m_db); !st)
        return st;
    if (auto done = sql::run(m_db, QStringLiteral("DELETE FROM config WHERE key = 'derived.rebuild'")); !done)
        return done.error();
    return tx.commit();
}

Status Database::linkChainIfAsked(int fromVersion)
{
    // Only the migration that added the chain links the events recorded before it. A key set
    // later must not re-link: that would bless deleted, forged or cut-off events. A repair is
    // the explicit, audited `reworkctl verify --repair-chain`.
    if (fromVersion >= kChainMigration)
        return {};
    auto asked = sql::scalar(m_db, QStringLiteral("SELECT value FROM config WHERE key = 'derived.chain'"));
    if (!asked)
        return asked.error();
    if (asked.value().isNull())
        return {};
    spdlog::info("linking the events recorded before the hash chain");
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st;
    if (Status st = EventChain(m_db).linkMissing(); !st)
        return st;
    if (auto done = sql::run(m_db, QStringLiteral("DELETE FROM config WHERE key = 'derived.chain'")); !done)
        return done.error();
    return tx.commit();
}

void Database::checkpointInBackground()
{
    if (sqlite3* h = sql::handle(m_db); h && !m_checkpointer)
        m_checkpointer = std::make_unique<WalCheckpointer>(h, m_path);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, Migration migration)
{
    static QAtomicInt counter;
    const QFileInfo info(path);
    if (!PrivateFiles::makeFolder(info.absolutePath())) {
        return makeError(ErrorCode::Storage, QStringLiteral("db"),
                         Message(tr, QT_TR_NOOP("cannot create the folder %1; choose another database path"),
                                 {info.absolutePath()}));
    }
    // A new database is made owner-only before SQLite opens it: SQLite gives its -wal and -shm
    // files the database file's mode, whatever the umask.
    if (!info.exists()) {
        if (Status st = PrivateFiles::createNew(info.absoluteFilePath()); !st && !QFileInfo::exists(path))
            return st.error();
    }
    const QString name = QStringLiteral("rework-%1").arg(counter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> db(new Database(info.absoluteFilePath(), name));
    db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db->m_db.setDatabaseName(db->m_path);
    db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db->m_db.open())
        return sql::storageError(Message(tr, QT_TR_NOOP("open the database %1"), {path}),
                                 db->m_db.lastError().text());
    OpenDatabases::add(db->m_path);
    db->m_registered = true;
    sql::keepStatements(db->m_db); // ~Database forgets them before it closes the connection

    // Reading the schema version first also proves the file is a database at all.
    Result<int> version = Migrator::currentVersion(db->m_db);
    if (!version)
        return version.error();

    QSqlQuery q(db->m_db);
    for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return sql::storageError(Message(tr, QT_TR_NOOP("configure the database")), q.lastError().text());
    }
    if (version.value() <= Migrator::latestVersion()) {
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next())
            return sql::storageError(Message(tr, QT_TR_NOOP("switch the database to WAL mode")),
                                     q.lastError().text());
        if (q.value(0).toString() != QLatin1StringView("wal")) {
            spdlog::warn("journal mode is {} (WAL refused, read-only media?)",
                         q.value(0).toString().toStdString());
        }
        q.finish(); // an open statement would block the migrations' COMMIT
    }
    if (migration == Migration::Apply) {
        if (Status st = Migrator::migrate(db->m_db); !st)
            return st.error();
        if (Status st = db->rebuildIfAsked(version.value()); !st)
            return st.error();
        if (Status st = db->linkChainIfAsked(version.value()); !st)
            return st.error();
    }
    spdlog::info("opened database {}", db->m_path.toStdString());
    return db;
}

} // namespace rework
