// What an operator waits for at a station, on a large history. Not a test: run by hand (README).
//
//   bench_station DB_PATH [ACTIONS=2000]
//
// On an existing database (e.g. the one bench_dashboard built with a million units), times:
//  - recording one station action through the real Recorder (rules, event, derived state,
//    rollups, outbox; one durable transaction), intake and strip in turn, p50 and p99, against a
//    bare one-row INSERT with the same durability settings (WAL, synchronous=FULL) in the same run;
//  - a trace lookup (genealogy and timeline) of random serials, p50 and p99.
#include "auth/OperatorAccounts.h"
#include "domain/Clock.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "storage/StationRegistry.h"
#include "trace/TraceQuery.h"
#include "workflow/Recorder.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>

using namespace rework;

namespace {

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, static_cast<qsizetype>(p * static_cast<double>(v.size()))));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Logging::silence();
    if (app.arguments().size() < 2) {
        std::fprintf(stderr, "usage: bench_station DB_PATH [ACTIONS]\n");
        return 2;
    }
    const int actions = app.arguments().size() > 2 ? app.arguments().at(2).toInt() : 2000;
    auto db = Database::open(app.arguments().at(1));
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
        return 3;
    }
    QSqlDatabase c = db.value()->connection();
    OperatorAccounts accounts(c);
    StationRegistry stationRegistry(c);
    // Stations and an operator for the bench, if the history came without them.
    for (const char* s : {"INTAKE-01", "STRIP-01"}) {
        if (Status st = stationRegistry.addStation(
                QString::fromLatin1(s), QString::fromLatin1(s).section(QLatin1Char('-'), 0, 0).toLower());
            !st && st.error().code != ErrorCode::AlreadyUsed) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().message));
            return 1;
        }
    }
    if (Status st = accounts.addOperator(QStringLiteral("OPB01"), QStringLiteral("Bench"),
                                         QStringLiteral("operator"), QStringLiteral("1234"));
        !st && st.error().code != ErrorCode::AlreadyUsed)
        return 1;
    if (Status st = accounts.addOperator(QStringLiteral("SUPB01"), QStringLiteral("Bench supervisor"),
                                         QStringLiteral("supervisor"), QStringLiteral("1234"));
        !st && st.error().code != ErrorCode::AlreadyUsed)
        return 1;
    const qint64 events = sql::scalar(c, QStringLiteral("SELECT max(seq) FROM events")).value().toLongLong();

    // Baseline: one row, one durable transaction, same connection settings.
    sql::run(c, QStringLiteral(
                    "CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, at TEXT, body TEXT)"))
        .value();
    QList<double> bare, record, trace;
    SystemClock clock;
    Recorder recorder(*db.value(), clock);
    const QString run = QString::number(QDateTime::currentMSecsSinceEpoch() % 100000000);
    QStringList serials;
    for (int i = 0; i < actions; ++i) {
        QElapsedTimer t;
        t.start();
        // The floor: one row through a statement prepared once, one durable commit (autocommit).
        if (!sql::exec(
                c, QStringLiteral("INSERT INTO bench_bare (at, body) VALUES (?, ?)"),
                {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), QStringLiteral("bare row")}))
            return 1;
        bare << t.nsecsElapsed() / 1e6;

        const QString card = QStringLiteral("ZT4090B%1").arg(i % 1000000, 6, 10, QLatin1Char('0'));
        const QString cardSerial = card.left(7) + run.right(2) + card.right(4);
        t.restart();
        Result<Recorded> r =
            i % 2 == 0 ? recorder.record(Step::Intake, QStringLiteral("INTAKE-01"), QStringLiteral("OPB01"),
                                         {QStringLiteral("card=") + cardSerial,
                                          QStringLiteral("model=RTX4090"), QStringLiteral("lot=LOT-BENCH")})
                       : recorder.record(Step::Strip, QStringLiteral("STRIP-01"), QStringLiteral("OPB01"),
                                         {QStringLiteral("card=") + serials.last()});
        record << t.nsecsElapsed() / 1e6;
        if (!r) {
            std::fprintf(stderr, "record failed: %s\n", qPrintable(r.error().oneLine()));
            return 1;
        }
        if (i % 2 == 0)
            serials << cardSerial;
    }
    // Voids: the strips just recorded (one card each), then the newest packs in the history (a
    // batch member: the replay covers the whole batch).
    QList<double> voids;
    QStringList voidTargets =
        sql::column(c,
                    QStringLiteral("SELECT id FROM events WHERE step = 'strip' AND station_id = 'STRIP-01' "
                                   "ORDER BY seq DESC LIMIT 20"))
            .value();
    voidTargets +=
        sql::column(c, QStringLiteral("SELECT e.id FROM events e WHERE e.step = 'pack' AND NOT EXISTS "
                                      "(SELECT 1 FROM voided_events v WHERE v.event_id = e.id) "
                                      "ORDER BY e.seq DESC LIMIT 5"))
            .value();
    for (const QString& target : std::as_const(voidTargets)) {
        QElapsedTimer t;
        t.start();
        Result<Recorded> v =
            recorder.record(Step::Void, QStringLiteral("STRIP-01"), QStringLiteral("SUPB01"),
                            {QStringLiteral("event=") + target, QStringLiteral("reason=bench")});
        if (v)
            voids << t.nsecsElapsed() / 1e6;
    }
    // Trace: serials from across the whole history.
    QList<QString> sample =
        sql::column(c, QStringLiteral("SELECT serial FROM units WHERE rowid IN (SELECT abs(random()) "
                                      "% (SELECT max(rowid) FROM units) FROM units LIMIT 500)"))
            .value();
    if (sample.isEmpty())
        sample = serials;
    TraceQuery tq(c);
    for (const QString& s : sample) {
        QElapsedTimer t;
        t.start();
        if (!tq.find(s))
            return 1;
        trace << t.nsecsElapsed() / 1e6;
    }
    std::printf("history: %lld events\n", events);
    std::printf("bare one-row insert, prepared once (WAL, synchronous=FULL): p50 %.2f ms, p99 %.2f ms\n",
                percentile(bare, 0.5), percentile(bare, 0.99));
    std::printf(
        "record a station action (intake/strip): p50 %.2f ms, p99 %.2f ms; %.1fx / %.1fx the bare insert "
        "(goal: p99 < 5 ms, <= 3x)\n",
        percentile(record, 0.5), percentile(record, 0.99), percentile(record, 0.5) / percentile(bare, 0.5),
        percentile(record, 0.99) / percentile(bare, 0.99));
    std::printf("trace lookup of %lld serials: p50 %.2f ms, p99 %.2f ms (goal: p99 < 10 ms)\n",
                static_cast<long long>(trace.size()), percentile(trace, 0.5), percentile(trace, 0.99));
    if (!voids.isEmpty())
        std::printf("void a record (partial replay) x%lld: p50 %.2f ms, max %.2f ms; %.1fx the p50 action\n",
                    static_cast<long long>(voids.size()), percentile(voids, 0.5), percentile(voids, 1.0),
                    percentile(voids, 0.5) / percentile(record, 0.5));
    return 0;
}
