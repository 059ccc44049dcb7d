#include "ServerSchema.h"

#include "ServerConnection.h"
#include "storage/MigrationFiles.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

#include <spdlog/spdlog.h>

namespace rework {

Result<int> ServerSchema::known()
{
    auto listed = MigrationFiles::list(QStringLiteral(":/server-migrations"));
    if (!listed)
        return listed.error();
    return static_cast<int>(listed.value().size());
}

Result<int> ServerSchema::version(const QSqlDatabase& server)
{
    QSqlQuery q(server);
    if (!q.exec(QStringLiteral("SELECT to_regclass('rework_schema') IS NOT NULL")) || !q.next())
        return ServerConnection::plainError(QStringLiteral("schema"), q.lastError().text());
    if (!q.value(0).toBool())
        return 0;
    if (!q.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM rework_schema")) || !q.next())
        return ServerConnection::plainError(QStringLiteral("schema"), q.lastError().text());
    return q.value(0).toInt();
}

Status ServerSchema::requireCurrent(const QSqlDatabase& server)
{
    Result<int> have = version(server);
    if (!have)
        return have.error();
    Result<int> want = known();
    if (!want)
        return want.error();
    if (have.value() == want.value())
        return {};
    if (have.value() == 0)
        return makeError(
            ErrorCode::ServerRefused, QStringLiteral("server"),
            Message(tr, QT_TR_NOOP("the sync server is not set up for ReworkTrack yet; an admin runs "
                                   "reworkctl server-init once")));
    if (have.value() > want.value())
        return makeError(
            ErrorCode::ServerRefused, QStringLiteral("server"),
            Message(tr,
                    QT_TR_NOOP("the sync server runs a newer ReworkTrack schema (%1) than this PC "
                               "understands (%2); update ReworkTrack on this PC, then sync"),
                    {have.value(), want.value()}));
    return makeError(ErrorCode::ServerRefused, QStringLiteral("server"),
                     Message(tr,
                             QT_TR_NOOP("the sync server's schema (%1) is older than this PC needs (%2); an "
                                        "admin runs reworkctl server-init to upgrade it"),
                             {have.value(), want.value()}));
}

Status ServerSchema::upgrade(QSqlDatabase& server)
{
    QSqlQuery q(server);
    // One station at a time migrates; the others wait for the lock.
    if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(727000)")) ||
        !q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS rework_schema (version integer NOT NULL)")))
        return ServerConnection::plainError(QStringLiteral("schema"), q.lastError().text());
    Result<int> have = version(server);
    if (!have)
        return have.error();
    auto listed = MigrationFiles::list(QStringLiteral(":/server-migrations"));
    if (!listed)
        return listed.error();
    const QList<MigrationFiles::File>& files = listed.value();
    if (have.value() > files.size())
        return makeError(ErrorCode::ServerRefused, QStringLiteral("server"),
                         Message(tr,
                                 QT_TR_NOOP("the sync server runs a newer ReworkTrack schema (%1) than this "
                                            "program knows (%2); server-init does not take a server back: "
                                            "update ReworkTrack on this PC first"),
                                 {have.value(), int(files.size())}));
    for (int v = have.value(); v < files.size(); ++v) {
        QFile f(files.at(v).path); // version v + 1: the list runs 1..N without a gap
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Storage, QStringLiteral("server"),
                             Message(tr, QT_TR_NOOP("missing server migration %1"), {v + 1}));
        // Several statements in one simple query: run unprepared.
        bool applied = q.exec(QString::fromUtf8(f.readAll()));
        if (applied) {
            applied = q.prepare(QStringLiteral("INSERT INTO rework_schema (version) VALUES (?)"));
            q.addBindValue(v + 1);
            applied = applied && q.exec();
        }
        if (!applied)
            return ServerConnection::plainError(QStringLiteral("server migration %1").arg(v + 1),
                                                q.lastError().text());
        spdlog::info("server schema migrated to {}", v + 1);
    }
    return {};
}

} // namespace rework
