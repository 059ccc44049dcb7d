#include "Backup.h"

#include "Database.h"
#include "PrivateFiles.h"
#include "Sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <unistd.h>

namespace rework {
namespace {

/// A backup is written as TARGET.partial; SQLite may put its journals beside that name.
const QStringList& unfinishedSuffixes()
{
    static const QStringList suffixes{QStringLiteral(".partial"), QStringLiteral(".partial-journal"),
                                      QStringLiteral(".partial-wal"), QStringLiteral(".partial-shm")};
    return suffixes;
}

/// What a backup of `target` leaves, or a killed one left: the temporary copy and its journals.
void removeLeftovers(const QString& target)
{
    for (const QString& suffix : unfinishedSuffixes())
        QFile::remove(target + suffix);
}

Error cannotWrite(const QString& path)
{
    return makeError(ErrorCode::Storage, QStringLiteral("to"),
                     Message(&Backup::tr, QT_TRANSLATE_NOOP("Backup", "cannot write %1"), {path}));
}

Error refusedTarget(const char* text, const QString& path)
{
    return makeError(ErrorCode::InvalidValue, QStringLiteral("to"), Message(&Backup::tr, text, {path}));
}

/// A backup never replaces anything (a file, a link, a device) and goes only into a real folder
/// this user may write to.
Status checkTarget(const QString& target)
{
    const QFileInfo info(target);
    if (info.exists() || info.isSymLink())
        return refusedTarget(
            QT_TRANSLATE_NOOP("Backup", "%1 exists already; give a new file name, a backup replaces nothing"),
            target);
    if (Backup::isUnfinished(target))
        return refusedTarget(QT_TRANSLATE_NOOP("Backup",
                                               "%1 is the name of an unfinished backup; give a name "
                                               "ending in .sqlite"),
                             target);
    const QString folder = info.absolutePath();
    if (!QFileInfo(folder).isDir())
        return refusedTarget(
            QT_TRANSLATE_NOOP("Backup", "%1 is not a folder; give a file in an existing folder"), folder);
    if (::access(QFile::encodeName(folder).constData(), W_OK | X_OK) != 0)
        return refusedTarget(
            QT_TRANSLATE_NOOP("Backup", "cannot write into the folder %1; choose a folder you may write to"),
            folder);
    return {};
}

/// The copy as one self-contained file: rollback journal, so that opening it later (read-only,
/// on a USB stick) needs no -wal or -shm beside it; then checked and synced.
Status settle(const QString& partial)
{
    Status st = sql::withFile(partial, SQLITE_OPEN_READWRITE, [](sqlite3* file) -> Status {
        char* message = nullptr;
        if (sqlite3_exec(file, "PRAGMA journal_mode = DELETE", nullptr, nullptr, &message) == SQLITE_OK)
            return {};
        const QString text = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        return sql::storageError(Message(&Backup::tr, QT_TRANSLATE_NOOP("Backup", "make a backup")), text);
    });
    if (st)
        st = Backup::check(partial);
    // VACUUM INTO does not sync what it wrote: a power cut right after could leave a torn copy.
    if (st && !PrivateFiles::sync(partial))
        st = cannotWrite(partial);
    return st;
}

/// Gives the finished copy its name. QFile::rename never replaces an existing file (renameat2
/// with RENAME_NOREPLACE, or link and unlink), so a file made there meanwhile is safe too.
Status publish(const QString& partial, const QString& target)
{
    if (!QFile::rename(partial, target))
        return cannotWrite(target);
    PrivateFiles::sync(QFileInfo(target).absolutePath());
    return {};
}

} // namespace

QString Backup::folder(const QString& dataFolder)
{
    return QDir(dataFolder).filePath(QStringLiteral("backups"));
}

bool Backup::isUnfinished(const QString& path)
{
    static const QStringList sqliteSideFiles{QStringLiteral("-journal"), QStringLiteral("-wal"),
                                             QStringLiteral("-shm")};
    for (const QString& suffix : unfinishedSuffixes() + sqliteSideFiles) {
        if (path.endsWith(suffix))
            return true;
    }
    return false;
}

Status Backup::check(const QString& path, const QString& shownAs)
{
    if (!QFileInfo::exists(path))
        return makeError(ErrorCode::UnknownField, QStringLiteral("backup"),
                         Message(tr, QT_TR_NOOP("no file %1"), {path}));
    const QString name = shownAs.isEmpty() ? path : shownAs;
    return sql::withFile(path, SQLITE_OPEN_READONLY, [&name](sqlite3* file) -> Status {
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
                        {name, result.left(120)}));
        return {};
    });
}

Status Backup::copy(const QSqlDatabase& from, const QString& target)
{
    if (Status st = checkTarget(target); !st)
        return st;
    removeLeftovers(target); // a killed backup's
    const QString partial = target + QStringLiteral(".partial");
    // Made empty and owner-only first: VACUUM INTO fills an empty file and keeps its mode.
    Status st = PrivateFiles::createNew(partial);
    // VACUUM INTO writes one consistent snapshot under a read transaction: writers carry on, the
    // copy never restarts, and it comes out compact.
    if (st)
        st = sql::exec(from, QStringLiteral("VACUUM INTO ?"), {partial});
    if (st)
        st = settle(partial);
    // Only a complete, checked, synced copy takes the backup's name.
    if (st)
        st = publish(partial, target);
    removeLeftovers(target);
    if (!st)
        return st;
    spdlog::info("backup written to {}", target.toStdString());
    return {};
}

Result<QString> Backup::rotate(const Database& db, const QDateTime& now, int keep)
{
    const QString dir = folder(QFileInfo(db.path()).absolutePath());
    if (Status st = PrivateFiles::makeFolder(dir); !st)
        return st.error();
    // Leftovers of backups killed under other names (other days) go too.
    const QDir backups(dir);
    for (const QString& name : backups.entryList({QStringLiteral("reworktrack-*.sqlite.partial*")},
                                                 QDir::Files | QDir::Hidden | QDir::System))
        QFile::remove(backups.filePath(name));
    const QString target =
        backups.filePath(QStringLiteral("reworktrack-%1.sqlite")
                             .arg(now.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    if (Status st = copy(db.connection(), target); !st)
        return st.error();
    QStringList all = backups.entryList({QStringLiteral("reworktrack-*.sqlite")}, QDir::Files, QDir::Name);
    while (all.size() > keep)
        QFile::remove(backups.filePath(all.takeFirst()));
    return target;
}

bool Backup::due(const QString& dataFolder, const QDateTime& now)
{
    const QFileInfoList all =
        QDir(folder(dataFolder))
            .entryInfoList({QStringLiteral("reworktrack-*.sqlite")}, QDir::Files, QDir::Time);
    return all.isEmpty() || all.first().lastModified().secsTo(now) > 24LL * 3600;
}

} // namespace rework
