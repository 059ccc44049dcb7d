#pragma once

#include <QString>

namespace rework {

/// Small facade over spdlog: one rotating log file beside the database, optionally echoed to
/// stderr (`--verbose`), with Qt's own warnings routed into the same file.
class Logging
{
public:
    /// Logs to `folder`/reworktrack.log (5 files of 5 MiB). Safe to call again to move the file.
    static void init(const QString& folder, bool verbose);
    /// Drops all log output (until `init`); stdout stays clean for command results.
    static void silence();
    static QString logFilePath(const QString& folder);
};

} // namespace rework
