#include "Backup.h"

#include "Database.h"
#include "Sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <unistd.h>

namespace rework {
namespace {

/// Page by page from one open SQLite handle to another; retries while the source is busy.
Status pump(sqlite3* from, sqlite3* to, const Message& what)
{
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return sql::storageError(what, QString::fromUtf8(sqlite3_errmsg(to)));
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return sql::storageError(what, QString::fromUtf8(sqlite3_errstr(rc)));
    return {};
}

/// VACUUM INTO does not sync what it wrote: a power cut right after could leave a torn copy.
Status syncFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || ::fsync(f.handle()) != 0)
        return sql::storageError(Message(&Backup::tr, QT_TRANSLATE_NOOP("Backup", "make a backup")),
                                 f.errorString());
    return {};
}

/// Opens `path` with the C API (no Qt connection to manage) and runs `work` on it.
template <typename Work> Status withFile(const QString& path, int flags, Work work)
{
    sqlite3* file = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &file, flags, nullptr);
    Status st = rc == SQLITE_OK
                    ? work(file)
                    : sql::storageError(Message(&Backup::tr, QT_TRANSLATE_NOOP("Backup", "open %1"), {path}),
                                        QString::fromUtf8(sqlite3_errstr(rc)));
    sqlite3_close(file);
    return st;
}

} // namespace

QString Backup::folder(const QString& dataFolder)
{
    return QDir(dataFolder).filePath(QStringLiteral("backups"));
}

Status Backup::check(const QString& path)
{
    if (!QFileInfo::exists(path))
        return makeError(ErrorCode::UnknownField, QStringLiteral("backup"),
                         Message(tr, QT_TR_NOOP("no file %1"), {path}));
    return withFile(path, SQLITE_OPEN_READONLY, [&path](sqlite3* file) -> Status {
        sqlite3_stmt* stmt = nullptr;
        QString result;
        if (sqlite3_prepare_v2(file, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            result = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        else
            result = QString::fromUtf8(sqlite3_errmsg(file));
        sqlite3_finalize(stmt);
        if (result != QLatin1StringView("ok"))
            return makeError(
                ErrorCode::Storage, QStringLiteral("backup"),
                Message(tr,
                        QT_TR_NOOP("%1 is damaged or not a ReworkTrack database (%2); choose another backup"),
                        {path, result.left(120)}));
        return {};
    });
}

Status Backup::copy(const QSqlDatabase& from, const QString& target)
{
    QDir().mkpath(QFileInfo(target).absolutePath());
    const QString partial = target + QStringLiteral(".partial");
    QFile::remove(partial);
    // VACUUM INTO writes one consistent snapshot under a read transaction: writers carry on, the
    // copy never restarts, and it comes out compact and in rollback-journal mode (no -wal beside it).
    Status st = sql::exec(from, QStringLiteral("VACUUM INTO ?"), {partial});
    if (st)
        st = syncFile(partial);
    if (st)
        st = check(partial);
    // Only a complete, checked copy takes the backup's name.
    if (!st || (QFile::exists(target) && !QFile::remove(target)) || !QFile::rename(partial, target)) {
        QFile::remove(partial);
        return st ? makeError(ErrorCode::Storage, QStringLiteral("backup"),
                              Message(tr, QT_TR_NOOP("cannot write %1"), {target}))
                  : st;
    }
    spdlog::info("backup written to {}", target.toStdString());
    return {};
}

Result<QString> Backup::rotate(const Database& db, const QDateTime& now, int keep)
{
    const QString dir = folder(QFileInfo(db.path()).absolutePath());
    const QString target =
        QDir(dir).filePath(QStringLiteral("reworktrack-%1.sqlite")
                               .arg(now.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    if (Status st = copy(db.connection(), target); !st)
        return st.error();
    QStringList all = QDir(dir).entryList({QStringLiteral("reworktrack-*.sqlite")}, QDir::Files, QDir::Name);
    while (all.size() > keep)
        QFile::remove(QDir(dir).filePath(all.takeFirst()));
    return target;
}

bool Backup::due(const QString& dataFolder, const QDateTime& now)
{
    const QFileInfoList all =
        QDir(folder(dataFolder))
            .entryInfoList({QStringLiteral("reworktrack-*.sqlite")}, QDir::Files, QDir::Time);
    return all.isEmpty() || all.first().lastModified().secsTo(now) > 24LL * 3600;
}

Status Backup::restore(Database& db, const QString& source)
{
    if (Status st = check(source); !st)
        return st;
    sqlite3* target = sql::handle(db.connection());
    if (!target)
        return sql::storageError(Message(tr, QT_TR_NOOP("restore a backup")),
                                 QStringLiteral("not a SQLite connection"));
    Status st = withFile(source, SQLITE_OPEN_READONLY, [target](sqlite3* file) {
        return pump(file, target, Message(tr, QT_TR_NOOP("restore a backup")));
    });
    if (!st)
        return st;
    spdlog::warn("database restored from {}", source.toStdString());
    return check(db.path());
}

} // namespace rework
