// Dashboard refresh at factory scale. Not a test: run by hand (see README), prints figures.
//
//   bench_dashboard DB_PATH [UNITS=1000000] [DAYS=730]
//
// Builds (once) a history of UNITS units over DAYS days through the real event store and state
// projector (the rules are skipped: the generator only produces valid sequences), with the
// figures a line measures (void %, reflow peak and TAL, test temperature, burn-in, VRAM), then times a
// full KPI refresh for the last 30 days against a baseline measured in the same run: one indexed
// count of the range's events, the least any refresh must do. First it times the refresh and the
// SPC tab once each with the file dropped from the page cache, as on a PC just switched on.
#include "auth/OperatorAccounts.h"
#include "domain/IdGenerator.h"
#include "logging/Logging.h"
#include "reports/KpiQuery.h"
#include "reports/SpcQuery.h"
#include "storage/Database.h"
#include "storage/EventStore.h"
#include "storage/Sql.h"
#include "storage/StateProjector.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QRandomGenerator>
#include <QSqlQuery>

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

using namespace rework;

namespace {

bool append(Database& db, EventStore& store, StateProjector& projector, const QDateTime& at,
            const char* station, const char* step, const QString& subject, const QJsonObject& payload,
            const QList<Subject>& subjects)
{
    EventRecord e;
    e.id = IdGenerator::uuidV7(at);
    e.recordedAt = at;
    e.stationId = QString::fromLatin1(station);
    e.operatorId =
        QStringLiteral("OP%1").arg(QRandomGenerator::global()->bounded(1, 9), 3, 10, QLatin1Char('0'));
    e.step = QString::fromLatin1(step);
    e.subject = subject;
    e.payload = payload;
    if (!store.append(e, subjects) || !projector.apply(e)) {
        std::fprintf(stderr, "append failed\n");
        return false;
    }
    Q_UNUSED(db);
    return true;
}

/// Packs tested units into batches of 100 per model, closes and ships each full batch: a
/// factory's history ends in shipments, not in an ever-growing work in progress.
struct Packer
{
    EventStore& store;
    StateProjector& projector;
    Database& db;
    QMap<QString, std::pair<QString, int>> open; // model -> batch, units in it
    int batches = 0;

    bool pack(const QString& unit, const QString& die, const QString& board, const QString& card,
              const QString& model, const QDateTime& at)
    {
        auto& [batch, count] = open[model];
        if (batch.isEmpty()) {
            batch = QStringLiteral("BB%1").arg(++batches, 8, 10, QLatin1Char('0'));
            count = 0;
        }
        const QList<Subject> subjects{{QStringLiteral("batch"), batch},
                                      {QStringLiteral("unit"), unit},
                                      {QStringLiteral("die"), die},
                                      {QStringLiteral("board"), board},
                                      {QStringLiteral("card"), card}};
        if (!append(db, store, projector, at, "PACK-01", "pack", unit,
                    {{"unit", unit}, {"batch", batch}, {"model", model}, {"outcome", "packed"}}, subjects))
            return false;
        if (++count < 100)
            return true;
        const QList<Subject> batchOnly{{QStringLiteral("batch"), batch}};
        const bool ok = append(db, store, projector, at.addSecs(60), "PACK-01", "close", batch,
                               {{"batch", batch}, {"unit_count", count}, {"outcome", "closed"}}, batchOnly) &&
                        append(db, store, projector, at.addSecs(3600), "PACK-01", "ship", batch,
                               {{"batch", batch}, {"outcome", "shipped"}}, batchOnly);
        batch.clear();
        return ok;
    }
};

/// Units a stopped or older generation left tested but unpacked.
bool packLeftovers(Database& db, Packer& packer)
{
    auto left =
        sql::run(db.connection(), QStringLiteral("SELECT serial, die_id, board_serial, card_serial, model, "
                                                 "updated_at FROM units WHERE state = 'tested' "
                                                 "ORDER BY updated_at"));
    if (!left)
        return false;
    QList<QStringList> rows;
    while (left.value().next()) {
        QStringList row;
        for (int c = 0; c < 6; ++c)
            row << left.value().value(c).toString();
        rows << row;
    }
    left.value().finish();
    if (rows.isEmpty())
        return true;
    std::fprintf(stderr, "packing %lld tested units left unpacked...\n", static_cast<long long>(rows.size()));
    packer.batches =
        sql::scalar(db.connection(), QStringLiteral("SELECT count(*) FROM batches")).value().toInt();
    for (qsizetype i = 0; i < rows.size(); i += 2000) {
        Transaction tx(db.connection());
        if (!tx.begin())
            return false;
        for (qsizetype j = i; j < std::min(rows.size(), i + 2000); ++j) {
            const QStringList& r = rows.at(j);
            const QDateTime at = QDateTime::fromString(r.at(5), Qt::ISODateWithMs).addSecs(1800);
            if (!packer.pack(r.at(0), r.at(1), r.at(2), r.at(3), r.at(4), at))
                return false;
        }
        if (!tx.commit())
            return false;
    }
    return true;
}

bool generate(Database& db, int first, int units, int days)
{
    QSqlQuery pragma(db.connection());
    pragma.exec(QStringLiteral("PRAGMA synchronous = OFF"));
    pragma.exec(QStringLiteral("PRAGMA cache_size = -500000")); // 500 MB: the indexes stay in memory
    EventStore store(db.connection());
    StateProjector projector(db.connection());
    Packer packer{store, projector, db, {}, 0};
    if (!packLeftovers(db, packer))
        return false;
    QRandomGenerator rng(42);
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addDays(-days);
    const qint64 span = start.secsTo(end);
    const char* defects[] = {"VOIDS", "BRIDGE", "OPEN", "HEAD_IN_PILLOW"};
    const char* testDefects[] = {"FAULTY_MEMORY", "PCIE_DEGRADED", "THERMAL"};
    // The figures the SPC tab charts, each normal around a typical value (Box-Muller): the
    // panel's cost is in its points, so the history carries as many as a real line would.
    const auto gauss = [&rng](double mean, double sigma) {
        const double u = std::max(1e-12, rng.generateDouble());
        return std::round((mean + sigma * std::sqrt(-2.0 * std::log(u)) *
                                      std::cos(2.0 * M_PI * rng.generateDouble())) *
                          10.0) /
               10.0;
    };
    QElapsedTimer timer;
    timer.start();
    const int perTx = 2000;
    for (int base = first; base < units; base += perTx) {
        Transaction tx(db.connection());
        if (!tx.begin())
            return false;
        for (int i = base; i < std::min(units, base + perTx); ++i) {
            QDateTime t = start.addSecs(span * i / units);
            auto next = [&] {
                t = t.addSecs(60 + rng.bounded(1800));
                return t;
            };
            const QString card = QStringLiteral("BC%1").arg(i, 10, 10, QLatin1Char('0'));
            const QString die = IdGenerator::shortId(QLatin1Char('D'), t);
            const QString unit = IdGenerator::shortId(QLatin1Char('U'), t);
            const QString board = QStringLiteral("SB%1").arg(i, 10, 10, QLatin1Char('0'));
            const QString lot = QStringLiteral("LOT-%1").arg(i / 500);
            const QString gpu =
                QStringLiteral("GPU-%1-0000-4000-8000-000000000000").arg(i, 8, 16, QLatin1Char('0'));
            const QString model = i % 10 < 7 ? QStringLiteral("RTX4090") : QStringLiteral("RTX3090");
            const QList<Subject> cardOnly{{QStringLiteral("card"), card}};
            const QList<Subject> dieCard{{QStringLiteral("die"), die}, {QStringLiteral("card"), card}};
            const QList<Subject> all{{QStringLiteral("unit"), unit},
                                     {QStringLiteral("die"), die},
                                     {QStringLiteral("board"), board},
                                     {QStringLiteral("card"), card}};
            bool ok = append(
                db, store, projector, next(), "INTAKE-01", "intake", card,
                {{"card", card}, {"model", model}, {"lot", lot}, {"gpu_uuid", gpu}, {"outcome", "received"}},
                cardOnly);
            ok = ok && append(db, store, projector, next(), "STRIP-01", "strip", die,
                              {{"card", card},
                               {"die", die},
                               {"model", model},
                               {"marking", "AD102-300-A1"},
                               {"msl", "3"},
                               {"dry_storage_left_at", t.toString(Qt::ISODateWithMs)},
                               {"outcome", "stripped"}},
                              dieCard);
            int repairs = 0;
            for (int attempt = 0; ok && attempt < 3; ++attempt) {
                ok = ok && append(db, store, projector, next(), "REBALL-01", "reball", die,
                                  {{"die", die},
                                   {"alloy", "sac305"},
                                   {"flux_lot", QStringLiteral("FX%1").arg(i / 2000)},
                                   {"stencil", "ST-1"},
                                   {"outcome", "reballed"}},
                                  attempt == 0 ? dieCard : all);
                ok = ok && append(db, store, projector, next(), "MOUNT-01", "mount", unit,
                                  {{"die", die},
                                   {"board", board},
                                   {"unit", unit},
                                   {"card", card},
                                   {"model", model},
                                   {"profile", "REF-SAC305"},
                                   {"peak_c", gauss(245.0, 2.5)},
                                   {"tal_s", gauss(75.0, 4.0)},
                                   {"outcome", attempt == 0 ? "mounted" : "remounted"}},
                                  all);
                const bool inspectFail = rng.bounded(100) < 8;
                const bool testFail = !inspectFail && rng.bounded(100) < 6;
                const QString outcome = repairs < 2 ? QStringLiteral("repair") : QStringLiteral("scrap");
                ok = ok && append(db, store, projector, next(), "INSPECT-01", "inspect", unit,
                                  inspectFail ? QJsonObject{{"unit", unit},
                                                            {"result", "fail"},
                                                            {"defect", defects[rng.bounded(4)]},
                                                            {"outcome", outcome}}
                                              : QJsonObject{{"unit", unit},
                                                            {"result", "pass"},
                                                            {"void_pct", std::max(0.0, gauss(9.0, 3.0))},
                                                            {"outcome", "pass"}},
                                  all);
                if (inspectFail) {
                    if (++repairs > 2)
                        break;
                    continue;
                }
                ok = ok && append(db, store, projector, next(), "TEST-01", "test", unit,
                                  testFail ? QJsonObject{{"unit", unit},
                                                         {"result", "fail"},
                                                         {"defect", testDefects[rng.bounded(3)]},
                                                         {"outcome", outcome}}
                                           : QJsonObject{{"unit", unit},
                                                         {"result", "pass"},
                                                         {"gpu_uuid", gpu},
                                                         {"temp_max_c", gauss(72.0, 3.0)},
                                                         {"burnin_min", 30},
                                                         {"burnin_gflops", gauss(82000.0, 900.0)},
                                                         {"vram_errors", 0},
                                                         {"outcome", "pass"}},
                                  all);
                if (testFail) {
                    if (++repairs > 2)
                        break;
                    continue;
                }
                ok = ok && packer.pack(unit, die, board, card, model, next());
                break;
            }
            if (!ok)
                return false;
        }
        if (!tx.commit())
            return false;
        if ((base / perTx) % 50 == 0)
            std::fprintf(stderr, "  %d units, %.0f s\n", base + perTx, timer.elapsed() / 1000.0);
    }
    pragma.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    return true;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

} // namespace

/// Drops the database file and its WAL from the operating system's page cache, as after a restart
/// of the PC. Their dirty pages are written first: only clean pages can be dropped.
bool evictFromPageCache(const QString& path)
{
    for (const QString& file : {path, path + QStringLiteral("-wal")}) {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            if (file == path)
                return false;
            continue; // no WAL: nothing of it to drop
        }
        const bool dropped = ::fdatasync(fd) == 0 && ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
        ::close(fd);
        if (!dropped)
            return false;
    }
    return true;
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Logging::silence();
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_dashboard DB_PATH [UNITS] [DAYS]\n");
        return 2;
    }
    const int units = args.size() > 2 ? args.at(2).toInt() : 1000000;
    const int days = args.size() > 3 ? args.at(3).toInt() : 730;
    auto db = Database::open(args.at(1));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 3;
    }
    // The operators the generated events name, registered as a station registers them: `check`
    // holds an event whose author the registry does not know against the record. An older
    // history gets them here too.
    OperatorAccounts accounts(db.value()->connection());
    for (int n = 1; n <= 8; ++n) {
        const QString id = QStringLiteral("OP%1").arg(n, 3, 10, QLatin1Char('0'));
        if (Status st = accounts.addOperator(id, QStringLiteral("Bench operator %1").arg(n),
                                             QStringLiteral("operator"), QStringLiteral("1234"));
            !st && st.error().code != ErrorCode::AlreadyUsed) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().oneLine()));
            return 1;
        }
    }
    const int have =
        sql::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM units")).value().toInt();
    if (have < units) {
        std::fprintf(stderr, "generating %d units over %d days...\n", units - have, days);
        QElapsedTimer t;
        t.start();
        // Cards already there keep their numbers: generation picks up where a stopped run ended.
        if (!generate(*db.value(), have, units, days))
            return 1;
        std::printf("generated %d units in %.1f s\n", units - have, t.elapsed() / 1000.0);
    }
    const qint64 events = sql::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM events"))
                              .value()
                              .toLongLong();

    // The 30 days that end with the history's last record: the window a supervisor looks at
    // (and one that is full even while a generation is still under way).
    const QDateTime last = QDateTime::fromString(
        sql::scalar(db.value()->connection(), QStringLiteral("SELECT max(recorded_at) FROM events"))
            .value()
            .toString(),
        Qt::ISODateWithMs);
    KpiFilter f;
    f.to = last.date();
    f.from = f.to.addDays(-29);
    f.now = last;
    const qint64 windowUnits =
        sql::scalar(db.value()->connection(),
                    QStringLiteral("SELECT count(*) FROM units WHERE created_at >= ? AND created_at < ?"),
                    {f.fromText(), f.toText()})
            .value()
            .toLongLong();
    // The SPC tab as the dashboard fills it: the chart of the measurement it opens on and the
    // alarm list of every measurement, over the same window.
    SpcFilter spc;
    spc.from = f.from.startOfDay(Qt::UTC);
    spc.to = f.to.addDays(1).startOfDay(Qt::UTC);
    const QString measurement = QString(SpcQuery::measurements().first().name);
    // The first refresh of the morning: the file out of the page cache, a new connection. Each of
    // the two reads (the KPI refresh, then the SPC tab) after its own eviction.
    db.value().reset();
    double coldRefresh = 0, coldSpc = 0;
    for (double* cold : {&coldRefresh, &coldSpc}) {
        if (!evictFromPageCache(args.at(1))) {
            std::fprintf(stderr, "cannot drop %s from the page cache\n", qPrintable(args.at(1)));
            return 1;
        }
        auto fresh = Database::open(args.at(1));
        if (!fresh) {
            std::fprintf(stderr, "%s\n", qPrintable(fresh.error().message));
            return 3;
        }
        QElapsedTimer t;
        t.start();
        const bool read = cold == &coldRefresh
                              ? KpiQuery(fresh.value()->connection()).compute(f).ok()
                              : SpcQuery(fresh.value()->connection()).panel(measurement, spc).ok();
        *cold = t.nsecsElapsed() / 1e6;
        if (!read) {
            std::fprintf(stderr, "query failed\n");
            return 1;
        }
    }
    db = Database::open(args.at(1));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 3;
    }
    QList<double> baseline, refresh, spcPanel;
    qsizetype spcPoints = 0, spcAlarms = 0;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer t;
        t.start();
        auto n =
            sql::scalar(db.value()->connection(),
                        QStringLiteral("SELECT count(*) FROM events WHERE step = 'test' AND recorded_at >= ? "
                                       "AND recorded_at < ?"),
                        {f.fromText(), f.toText()});
        baseline << t.nsecsElapsed() / 1e6;
        t.restart();
        auto r = KpiQuery(db.value()->connection()).compute(f);
        refresh << t.nsecsElapsed() / 1e6;
        t.restart();
        auto panel = SpcQuery(db.value()->connection()).panel(measurement, spc);
        spcPanel << t.nsecsElapsed() / 1e6;
        if (!panel) {
            std::fprintf(stderr, "SPC query failed\n");
            return 1;
        }
        // the chart the tab opens on: the first process (one product at one station)
        spcPoints = panel->chart.processes.empty() ? panel->chart.points.size()
                                                   : panel->chart.processes.front().points.size();
        spcAlarms = panel->alarms.size();
        if (!r || !n) {
            std::fprintf(stderr, "query failed\n");
            return 1;
        }
    }
    std::printf("units %lld, events %lld; window %s .. %s holds %lld units\n",
                sql::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM units"))
                    .value()
                    .toLongLong(),
                events, qPrintable(f.from.toString(Qt::ISODate)), qPrintable(f.to.toString(Qt::ISODate)),
                windowUnits);
    std::printf("baseline (indexed count of the range's tests): median %.1f ms\n", median(baseline));
    std::printf("dashboard refresh, 30 days, all panels: median %.1f ms (%.1fx baseline), goal < 200 ms\n",
                median(refresh), median(refresh) / std::max(0.001, median(baseline)));
    std::printf("SPC tab, 30 days (%s chart of one product at one station, %lld points; alarms of every "
                "measurement, %lld): median %.1f ms "
                "(%.1fx baseline)\n",
                qPrintable(measurement), static_cast<long long>(spcPoints), static_cast<long long>(spcAlarms),
                median(spcPanel), median(spcPanel) / std::max(0.001, median(baseline)));
    std::printf("dashboard with the SPC tab: median %.1f ms, goal < 200 ms\n",
                median(refresh) + median(spcPanel));
    std::printf(
        "first read after the file left the page cache (posix_fadvise DONTNEED), on a new connection: "
        "dashboard refresh %.1f ms (goal < 200 ms), SPC tab %.1f ms\n",
        coldRefresh, coldSpc);
    return 0;
}
