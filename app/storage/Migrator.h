#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace rework {

/// Applies the numbered SQL files in `:/migrations` in order. The schema version is SQLite's
/// `user_version`; each migration runs in one transaction together with its version bump.
class Migrator
{
    Q_DECLARE_TR_FUNCTIONS(Migrator)

public:
    static int latestVersion();
    static Result<int> currentVersion(const QSqlDatabase& db);
    /// Brings the schema to `target` (default: latest). Refuses, without touching anything, a
    /// database whose schema is newer than this build knows.
    static Status migrate(const QSqlDatabase& db, int target = -1);
};

} // namespace rework
