// What an operator waits for at a station, on a large history. Not a test: run by hand (README).
//
//   bench_station DB_PATH [ACTIONS=2000]
//
// On an existing database (e.g. the one bench_dashboard built with a million units), times:
//  - recording one station action through the real Recorder (rules, event, derived state,
//    rollups, outbox; one durable transaction): new donor cards taken through all seven steps
//    (intake, strip, reball, mount, inspect, test with a rig's nvidia-smi report, pack into
//    batches of 10, the smallest carton a line configures), p50 and p99 per step and over all, against a bare
//    one-row INSERT with the same durability settings (WAL, synchronous=FULL) in the same run, one bare
//    insert per action;
//  - a trace lookup (genealogy and timeline) of random serials, p50 and p99;
//  - SHA-256 of a test's nvidia-smi report through OpenSSL, against Qt's own.
#include "TestDatabase.h"
#include "auth/OperatorAccounts.h"
#include "domain/Clock.h"
#include "domain/ContentHash.h"
#include "importers/GpuReportReader.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "storage/StationRegistry.h"
#include "storage/WalCheckpointer.h"
#include "trace/TraceQuery.h"
#include "workflow/Recorder.h"
#include "workflow/StepSchema.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

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
    // As the station's app; BENCH_INLINE_CHECKPOINTS=1 keeps SQLite's checkpoints in the commit,
    // for an A/B in one build.
    if (qEnvironmentVariableIntValue("BENCH_INLINE_CHECKPOINTS") == 0)
        db.value()->checkpointInBackground();
    QSqlDatabase c = db.value()->connection();
    const QString dataFolder = QFileInfo(db.value()->path()).absolutePath();
    OperatorAccounts accounts(c);
    StationRegistry stationRegistry(c);
    // Stations and an operator for the bench, if the history came without them.
    for (const char* s :
         {"INTAKE-01", "STRIP-01", "REBALL-01", "MOUNT-01", "INSPECT-01", "TEST-01", "PACK-01"}) {
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
    QMap<Step, QList<double>> perStep;
    SystemClock clock;
    Recorder recorder(*db.value(), clock);
    const QString run = QString::number(QDateTime::currentMSecsSinceEpoch() % 100000000);
    QTemporaryDir reports;
    QStringList serials;
    // One bare insert, then one action; the action's time goes to its step.
    auto timed = [&](Step step, const Action& action) -> Result<Recorded> {
        QElapsedTimer t;
        t.start();
        // The floor: one row through a statement prepared once, one durable commit (autocommit).
        if (Status st = sql::exec(
                c, QStringLiteral("INSERT INTO bench_bare (at, body) VALUES (?, ?)"),
                {QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), QStringLiteral("bare row")});
            !st)
            return st.error();
        bare << t.nsecsElapsed() / 1e6;
        t.restart();
        Result<Recorded> r = recorder.record(action);
        const double ms = t.nsecsElapsed() / 1e6;
        record << ms;
        perStep[step] << ms;
        if (!r)
            std::fprintf(stderr, "%s failed: %s\n", qPrintable(stepName(step)),
                         qPrintable(r.error().oneLine()));
        return r;
    };
    auto action = [](Step step, const char* station, const QStringList& fields) {
        return Action{step, QString::fromLatin1(station), QStringLiteral("OPB01"),
                      StepSchema::parse(step, fields).value()};
    };
    const QString run2 = run.right(2);
    for (int unitNo = 0; record.size() < actions; ++unitNo) {
        const QString card =
            QStringLiteral("ZT4090B%1%2").arg(run2).arg(unitNo % 10000, 4, 10, QLatin1Char('0'));
        const QString board =
            QStringLiteral("SB9%1%2").arg(run2).arg(unitNo % 100000, 5, 10, QLatin1Char('0'));
        if (!timed(Step::Intake, action(Step::Intake, "INTAKE-01",
                                        {QStringLiteral("card=") + card, QStringLiteral("model=RTX4090"),
                                         QStringLiteral("lot=LOT-BENCH")})))
            return 1;
        serials << card;
        Result<Recorded> strip =
            timed(Step::Strip, action(Step::Strip, "STRIP-01", {QStringLiteral("card=") + card}));
        if (!strip)
            return 1;
        const QString die = strip->createdId();
        if (!timed(Step::Reball, action(Step::Reball, "REBALL-01", {QStringLiteral("die=") + die})))
            return 1;
        Result<Recorded> mount =
            timed(Step::Mount, action(Step::Mount, "MOUNT-01",
                                      {QStringLiteral("die=") + die, QStringLiteral("board=") + board}));
        if (!mount)
            return 1;
        const QString unit = mount->createdId();
        if (!timed(Step::Inspect, action(Step::Inspect, "INSPECT-01",
                                         {QStringLiteral("unit=") + unit, QStringLiteral("result=pass")})))
            return 1;
        // The rig's report is written and read before the clock starts, as the form imports it.
        const QString reportPath = reports.filePath(QStringLiteral("smi-%1.xml").arg(unitNo));
        QFile file(reportPath);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(test::TestDatabase::rigReport(QStringLiteral("GPU-%1%2-0000-4000-8000-000000000001")
                                                         .arg(run2)
                                                         .arg(unitNo, 6, 16, QLatin1Char('0')))) < 0)
            return 1;
        file.close();
        // Read with the data folder beside the database: its evidence copy is staged there, where
        // the recorder publishes it.
        Result<GpuReport> report = GpuReportReader::readFile(reportPath, -1, dataFolder);
        if (!report) {
            std::fprintf(stderr, "report: %s\n", qPrintable(report.error().oneLine()));
            return 1;
        }
        Action testAction =
            action(Step::Test, "TEST-01", {QStringLiteral("unit=") + unit, QStringLiteral("result=pass")});
        testAction.report = report.value();
        if (!timed(Step::Test, testAction))
            return 1;
        if (!timed(Step::Pack, action(Step::Pack, "PACK-01",
                                      {QStringLiteral("unit=") + unit,
                                       QStringLiteral("batch=B-BENCH%1-%2").arg(run).arg(unitNo / 10)})))
            return 1;
    }
    // Twenty more cards taken only to strip, untimed: a void of their strips touches one card each.
    for (int k = 0; k < 20; ++k) {
        const QString card = QStringLiteral("ZT4090V%1%2").arg(run2).arg(k, 4, 10, QLatin1Char('0'));
        if (!recorder.record(action(Step::Intake, "INTAKE-01",
                                    {QStringLiteral("card=") + card, QStringLiteral("model=RTX4090"),
                                     QStringLiteral("lot=LOT-BENCH")})) ||
            !recorder.record(action(Step::Strip, "STRIP-01", {QStringLiteral("card=") + card})))
            return 1;
    }
    // Voids: those strips (one card each), then the newest packs in the history (a batch member:
    // the replay covers the whole batch).
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
    std::printf("bare one-row insert, prepared once (WAL, synchronous=FULL): p50 %.3f ms, p99 %.3f ms\n",
                percentile(bare, 0.5), percentile(bare, 0.99));
    std::printf("record a station action (all seven steps, %lld actions): p50 %.3f ms, p99 %.3f ms; %.1fx / "
                "%.1fx the bare insert (goal: p99 < 5 ms; p50 <= 2x, p99 <= 3x)\n",
                static_cast<long long>(record.size()), percentile(record, 0.5), percentile(record, 0.99),
                percentile(record, 0.5) / percentile(bare, 0.5),
                percentile(record, 0.99) / percentile(bare, 0.99));
    for (auto it = perStep.cbegin(); it != perStep.cend(); ++it)
        std::printf("  %-8s x%lld: p50 %.3f ms, p99 %.3f ms; %.1fx / %.1fx the bare insert\n",
                    qPrintable(stepName(it.key())), static_cast<long long>(it.value().size()),
                    percentile(it.value(), 0.5), percentile(it.value(), 0.99),
                    percentile(it.value(), 0.5) / percentile(bare, 0.5),
                    percentile(it.value(), 0.99) / percentile(bare, 0.99));
    // Where the log was copied into the file, and whether it was reused from its start (its size
    // stays near SQLite's 1,000-page limit only if it was).
    const WalCheckpointer* checkpointer = db.value()->checkpointer();
    std::printf("checkpoints: %s; -wal file %lld KB after the run\n",
                checkpointer ? qPrintable(QStringLiteral("on a thread (%1 passes), the rest in the commit")
                                              .arg(checkpointer->passes()))
                             : "SQLite's own, in the commit",
                static_cast<long long>(QFileInfo(db.value()->path() + QStringLiteral("-wal")).size() / 1024));
    std::printf("trace lookup of %lld serials: p50 %.2f ms, p99 %.2f ms (goal: p99 < 10 ms)\n",
                static_cast<long long>(trace.size()), percentile(trace, 0.5), percentile(trace, 0.99));
    if (!voids.isEmpty())
        std::printf("void a record (partial replay) x%lld: p50 %.2f ms, max %.2f ms; %.1fx the p50 action\n",
                    static_cast<long long>(voids.size()), percentile(voids, 0.5), percentile(voids, 1.0),
                    percentile(voids, 0.5) / percentile(record, 0.5));
    // The hash each test's evidence costs twice (staged, then published), against Qt's own SHA-256
    // of the same report as the baseline: why evidence is hashed through OpenSSL.
    const QByteArray report =
        test::TestDatabase::rigReport(QStringLiteral("GPU-00000000-0000-4000-8000-000000000001"));
    QList<double> qtHash, opensslHash;
    for (int i = 0; i < 100; ++i) {
        QElapsedTimer t;
        t.start();
        const QByteArray viaQt = QCryptographicHash::hash(report, QCryptographicHash::Sha256).toHex();
        qtHash << t.nsecsElapsed() / 1e6;
        t.restart();
        const QByteArray viaOpenssl = sha256Hex(report);
        opensslHash << t.nsecsElapsed() / 1e6;
        if (viaQt != viaOpenssl)
            return 1;
    }
    std::printf("sha256 of a %lld-byte nvidia-smi report x100: p50 %.3f ms (Qt's own: %.3f ms, %.1fx)\n",
                static_cast<long long>(report.size()), percentile(opensslHash, 0.5), percentile(qtHash, 0.5),
                percentile(qtHash, 0.5) / percentile(opensslHash, 0.5));
    return 0;
}
