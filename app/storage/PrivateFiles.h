#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace rework {

/// Owner-only files and folders. The database holds PIN hashes, and backups, evidence and logs
/// are the same data again: each is made 0600 in a 0700 folder, whatever the process umask, and
/// synced where a copy must survive a power cut.
class PrivateFiles
{
    Q_DECLARE_TR_FUNCTIONS(PrivateFiles)

public:
    /// Sets the process umask to 077, so that files made by libraries (SQLite's -wal and -shm,
    /// spdlog's rotated logs, Qt's temporary files) are private too. Called first in both programs.
    static void restrictUmask();
    /// Creates `path` as a new, empty 0600 file; fails if anything is there already.
    static Status createNew(const QString& path);
    /// Creates `path` and any missing parents; each folder it creates is 0700.
    static Status makeFolder(const QString& path);
    /// chmod 0600 (file) or 0700 (folder) of something this program made.
    static bool makePrivate(const QString& path);
    /// fsync of a file (its content) or a folder (its entries, so that a rename survives a power cut).
    static bool sync(const QString& path);
    /// The database file and its folder where others may read or write them, in English, one line
    /// each; also logged as warnings.
    static QStringList warnIfShared(const QString& databasePath);
};

} // namespace rework
