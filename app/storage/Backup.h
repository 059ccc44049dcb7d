#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace rework {

class Database;

/// Copies of the station database made online with SQLite's backup API (work goes on while it
/// runs), kept in `<data folder>/backups` with rotation, and restored after an integrity check.
class Backup
{
    Q_DECLARE_TR_FUNCTIONS(Backup)

public:
    static QString folder(const QString& dataFolder);
    /// Copies the open database into `target`, then checks the copy.
    static Status copy(const QSqlDatabase& from, const QString& target);
    /// A new backup in the backups folder; keeps the newest `keep`. Returns its path.
    static Result<QString> rotate(const Database& db, const QDateTime& now, int keep = 7);
    /// Whether the newest backup is older than a day (or there is none).
    static bool due(const QString& dataFolder, const QDateTime& now);
    /// Replaces the open database's content with `source`, after checking `source`.
    static Status restore(Database& db, const QString& source);
    /// PRAGMA integrity_check of a file, opened read-only on a connection of its own.
    static Status check(const QString& path);
};

} // namespace rework
