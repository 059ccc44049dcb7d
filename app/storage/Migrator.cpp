#include "Migrator.h"

#include "MigrationFiles.h"
#include "Sql.h"

#include <QDir>
#include <QFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace rework {
namespace {

// The scripts are our own resources (no user data), and hold triggers with inner semicolons:
// sqlite3_exec runs a whole script the way the sqlite3 shell would.
Status execScript(const QSqlDatabase& db, const QByteArray& script)
{
    sqlite3* raw = sql::handle(db);
    if (!raw)
        return sql::storageError(Message(&Migrator::tr, QT_TRANSLATE_NOOP("Migrator", "apply a migration")),
                                 QStringLiteral("not a SQLite connection"));
    char* message = nullptr;
    if (sqlite3_exec(raw, script.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        return sql::storageError(Message(&Migrator::tr, QT_TRANSLATE_NOOP("Migrator", "apply a migration")),
                                 text);
    }
    return {};
}

} // namespace

int Migrator::latestVersion()
{
    auto files = MigrationFiles::list(QStringLiteral(":/migrations"));
    return files && !files.value().isEmpty() ? files.value().last().version : 0;
}

Result<int> Migrator::currentVersion(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sql::storageError(Message(tr, QT_TR_NOOP("read the schema version")), q.lastError().text());
    return q.value(0).toInt();
}

Status Migrator::migrate(const QSqlDatabase& db, int target)
{
    auto listed = MigrationFiles::list(QStringLiteral(":/migrations"));
    if (!listed)
        return listed.error();
    const QList<MigrationFiles::File>& files = listed.value();
    const int latest = files.isEmpty() ? 0 : files.last().version;
    if (target < 0)
        target = latest;
    Result<int> current = currentVersion(db);
    if (!current)
        return current.error();
    if (current.value() > latest) {
        return makeError(
            ErrorCode::SchemaTooNew, QStringLiteral("db"),
            Message(tr,
                    QT_TR_NOOP("this database has schema version %1 but this program knows only up to %2; "
                               "install the newer ReworkTrack, the database was not touched"),
                    {current.value(), latest}));
    }
    for (int version = current.value() + 1; version <= target; ++version) {
        QFile file(files.at(version - 1).path); // numbered 1..latest, checked above
        if (!file.open(QIODevice::ReadOnly))
            return sql::storageError(Message(tr, QT_TR_NOOP("read migration %1"), {version}),
                                     file.errorString());
        QByteArray script = "BEGIN IMMEDIATE;\n" + file.readAll() +
                            "\nPRAGMA user_version = " + QByteArray::number(version) + ";\nCOMMIT;\n";
        if (Status st = execScript(db, script); !st) {
            (void)execScript(db, "ROLLBACK;"); // best effort: the error above is what matters
            return st;
        }
        spdlog::info("migrated schema to version {}", version);
    }
    return {};
}

} // namespace rework
