#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace rework {

class Database;

/// Copies of the station database made online with VACUUM INTO (work goes on while it runs), each
/// written under a temporary name, checked, synced and only then renamed to its own, never over
/// an existing file; kept owner-only in `<data folder>/backups` with rotation. `Restore` puts one
/// back.
class Backup
{
    Q_DECLARE_TR_FUNCTIONS(Backup)

public:
    static QString folder(const QString& dataFolder);
    /// Copies the open database into `target`, a new file in an existing folder one may write to.
    static Status copy(const QSqlDatabase& from, const QString& target);
    /// A new backup in the backups folder; keeps the newest `keep`. Returns its path.
    static Result<QString> rotate(const Database& db, const QDateTime& now, int keep = 7);
    /// Whether the newest backup is older than a day (or there is none).
    static bool due(const QString& dataFolder, const QDateTime& now);
    /// PRAGMA integrity_check of a file, opened read-only on a connection of its own; errors name
    /// it `shownAs` when given (a staged copy is checked in place of the file the user chose).
    static Status check(const QString& path, const QString& shownAs = QString());
    /// True for the names of a backup still being written (or killed while it was) and of SQLite's
    /// side files: never a finished backup.
    static bool isUnfinished(const QString& path);
};

} // namespace rework
