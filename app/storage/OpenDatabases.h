#pragma once

#include <QString>

namespace rework {

/// The database files this process has open through SQLite. SQLite's locks are POSIX advisory
/// locks, which belong to the process: closing any other descriptor of the same file (a file
/// dialog sniffing its type, an import reading it) drops them all, and then another process may
/// take the database for unused, check the WAL into it and delete it under our feet: records
/// shown as saved are lost. So the process never opens these files by any other way; readers ask
/// here first (InputFile), by device and inode, before they open anything.
class OpenDatabases
{
public:
    static void add(const QString& path);
    static void remove(const QString& path);
    /// Whether the file at `path` is, by device and inode, an open database here or one of its
    /// -wal, -shm or -journal files. Only stat()s: nothing is opened.
    static bool holds(const QString& path);
};

} // namespace rework
