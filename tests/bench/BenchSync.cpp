// Sync throughput against PostgreSQL's own bulk load and unload. Not a test: run by hand (README).
//
//   bench_sync [EVENTS=100000] [BATCH] (else the engine's own: 10,000 sent, 2,000 received)
//
// Starts a throw-away PostgreSQL on 127.0.0.1 (tests/support/pg-test-server.sh), records EVENTS
// events in a fresh station database, pushes them with the real SyncEngine and then loads the
// very same rows with COPY into a table with the same indexes, in the same run; then rebuilds a
// new station database from the server (`sync --rebuild`: pull and apply every event) and
// unloads the rows it pulled with `COPY ... TO STDOUT` (through psql, as a client receives them).
// Pull is the fetch (rows received and decoded); applying them to the station is timed apart.
#include "PgTestServer.h"
#include "domain/IdGenerator.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace rework;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Logging::silence();
    const int events = app.arguments().size() > 1 ? app.arguments().at(1).toInt() : 100000;
    test::PgTestServer pg;
    if (!pg.ok()) {
        std::fprintf(stderr, "could not start PostgreSQL\n");
        return 1;
    }
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("station.sqlite")));
    if (!db)
        return 1;
    {
        QSqlQuery pragma(db.value()->connection());
        pragma.exec(QStringLiteral("PRAGMA synchronous = OFF"));
        EventStore store(db.value()->connection());
        QDateTime t = QDateTime::currentDateTimeUtc().addDays(-30);
        for (int base = 0; base < events; base += 5000) {
            Transaction tx(db.value()->connection());
            if (!tx.begin())
                return 1;
            for (int i = base; i < std::min(events, base + 5000); ++i) {
                t = t.addSecs(20);
                EventRecord e;
                e.id = IdGenerator::uuidV7(t);
                e.recordedAt = t;
                e.stationId = QStringLiteral("INTAKE-01");
                e.operatorId = QStringLiteral("OP%1").arg(1 + i % 8, 3, 10, QLatin1Char('0'));
                e.step = QStringLiteral("intake");
                const QString card = QStringLiteral("ZT4090A%1").arg(i, 6, 10, QLatin1Char('0'));
                e.subject = card;
                e.payload = {
                    {"card", card},     {"model", "RTX4090"}, {"lot", QStringLiteral("LOT-%1").arg(i / 500)},
                    {"partner", "msi"}, {"condition", "ok"},  {"outcome", "received"}};
                if (!store.append(e, {{QStringLiteral("card"), card}}))
                    return 1;
            }
            if (!tx.commit())
                return 1;
        }
        pragma.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    }
    const SyncSettings settings = SyncSettings::fromUrl(pg.url()).value();
    SyncEngine engine(*db.value(), settings);
    if (app.arguments().size() > 2) // else the engine's own sizes, as a station syncs
        engine.setBatchSize(app.arguments().at(2).toInt());
    if (!engine.initServer())
        return 1;
    QElapsedTimer timer;
    timer.start();
    auto r = engine.run();
    const double pushMs = timer.nsecsElapsed() / 1e6;
    if (!r || r->pushed != events) {
        std::fprintf(stderr, "push failed\n");
        return 1;
    }
    // The same rows, loaded by COPY into a table with the same indexes.
    const QString file = pg.folder() + QStringLiteral("/events.copy");
    const QString columns = QStringLiteral(
        "id, origin, origin_seq, recorded_at, station_id, operator_id, step, subject, payload, subjects");
    pg.psql(
        QStringLiteral("COPY (SELECT %1 FROM events WHERE origin <> 'server') TO '%2'").arg(columns, file));
    pg.psql(QStringLiteral("CREATE TABLE events_copy (LIKE events INCLUDING ALL)"));
    const double copyMs = pg.timed(QStringLiteral("COPY events_copy (%1) FROM '%2'").arg(columns, file));
    if (copyMs <= 0)
        return 1;
    // A new PC rebuilding the station from the server alone: every event pulled and applied.
    auto fresh = Database::open(dir.filePath(QStringLiteral("fresh.sqlite")));
    if (!fresh)
        return 1;
    SyncEngine rebuilder(*fresh.value(), settings);
    if (app.arguments().size() > 2)
        rebuilder.setBatchSize(app.arguments().at(2).toInt());
    timer.restart();
    auto rebuilt = rebuilder.rebuild();
    const double rebuildMs = timer.nsecsElapsed() / 1e6;
    if (!rebuilt || rebuilt->pulled < events) {
        std::fprintf(stderr, "rebuild failed\n");
        return 1;
    }
    // The rows a rebuild pulls (every event; the fresh database's origin is new), as COPY sends them.
    const double copyToMs = pg.timed(
        QStringLiteral("COPY (SELECT server_seq, id, recorded_at, station_id, operator_id, step, subject, "
                       "payload, subjects FROM events ORDER BY server_seq) TO STDOUT"));
    if (copyToMs <= 0)
        return 1;
    const int pulled = rebuilt->pulled;
    const auto perSecond = [](int n, double ms) { return n / (ms / 1000); };
    std::printf("events %d, batch %d sent, %d received\n", events, engine.pushBatchSize(),
                rebuilder.batchSize());
    std::printf("sync push: %.0f ms, %.0f events/s\n", pushMs, perSecond(events, pushMs));
    std::printf("COPY of the same rows: %.0f ms, %.0f events/s\n", copyMs, perSecond(events, copyMs));
    std::printf("push throughput / COPY throughput: %.2f (goal >= 0.5)\n", copyMs / pushMs);
    std::printf("sync --rebuild: %.0f ms for %d events, %.0f events/s\n", rebuildMs, pulled,
                perSecond(pulled, rebuildMs));
    std::printf("  pull (fetch): %lld ms, %.0f events/s; apply: %lld ms, %.0f events/s\n", rebuilt->fetchMs,
                perSecond(pulled, double(rebuilt->fetchMs)), rebuilt->applyMs,
                perSecond(pulled, double(rebuilt->applyMs)));
    std::printf("COPY TO STDOUT of the same rows: %.0f ms, %.0f events/s\n", copyToMs,
                perSecond(pulled, copyToMs));
    std::printf("pull throughput / COPY TO throughput: %.2f (goal >= 0.3)\n",
                copyToMs / double(std::max<qint64>(1, rebuilt->fetchMs)));
    return 0;
}
