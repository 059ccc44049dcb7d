// What looking after the database costs on a large history, and what it costs the floor meanwhile.
// Not a test: run by hand (README, PERFORMANCE.md).
//
//   bench_maintenance DB_PATH REWORKCTL [SERIAL]
//
// Runs each command as its own reworkctl process on DB_PATH: `check`, `check SERIAL`, `verify
// --full`, `verify` (from its mark), `backup --to` a new file, and `kpi` over 730 days. For each:
// wall time and peak RSS (the child's ru_maxrss), first alone and then while this process records
// one intake per second through the real Recorder on its own connection; the recording p99 and
// worst case during the command are reported. The baseline, measured in the same run, is one
// sequential read of the database file (its bytes through the page cache).
//
// BENCH_ONLY="verify --full" runs only the commands that start so; BENCH_VERBOSE=1 prints every
// recording time; BENCH_INLINE_CHECKPOINTS=1 leaves the recorder's checkpoints in its commits.
#include "auth/OperatorAccounts.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "storage/StationRegistry.h"
#include "workflow/Recorder.h"
#include "workflow/StepSchema.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace rework;

namespace {

struct ChildRun
{
    double seconds = 0;
    long maxRssKb = 0;
    int status = -1;
};

/// Runs `program args` with its output discarded; wall time and the child's peak RSS.
ChildRun runChild(const QString& program, const QStringList& args)
{
    std::vector<QByteArray> storage;
    storage.push_back(QFile::encodeName(program));
    for (const QString& a : args)
        storage.push_back(a.toUtf8());
    std::vector<char*> argv;
    for (QByteArray& b : storage)
        argv.push_back(b.data());
    argv.push_back(nullptr);
    std::fflush(stdout); // else the child writes this process's buffered lines again
    QElapsedTimer t;
    t.start();
    const pid_t pid = fork();
    if (pid == 0) {
        if (FILE* null = std::freopen("/dev/null", "w", stdout); !null)
            _exit(126);
        execv(argv[0], argv.data());
        _exit(127);
    }
    ChildRun r;
    rusage usage{};
    if (wait4(pid, &r.status, 0, &usage) < 0)
        return r;
    r.seconds = static_cast<double>(t.nsecsElapsed()) / 1e9;
    r.maxRssKb = usage.ru_maxrss;
    return r;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size()))));
}

/// One intake a second through the real Recorder on a connection of its own, until stopped.
/// start() returns after a first, untimed record: a station is already recording when
/// maintenance begins, and a new connection's first record (its schema, its statements, its pages
/// read from disk) is the start of the app, not the maintenance's cost.
class FloorLoad
{
public:
    explicit FloorLoad(QString path) : m_path(std::move(path)) {}

    void start()
    {
        m_stop = false;
        m_warm = false;
        m_latencies.clear();
        m_failures = 0;
        m_thread = std::thread([this] { run(); });
        while (!m_warm && m_failures == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    void stop()
    {
        m_stop = true;
        m_thread.join();
    }
    std::vector<double> latencies() const
    {
        std::lock_guard lock(m_mutex);
        return m_latencies;
    }
    int failures() const { return m_failures; }

private:
    void run()
    {
        auto db = Database::open(m_path);
        if (!db) {
            ++m_failures;
            return;
        }
        // As the station's app; BENCH_INLINE_CHECKPOINTS=1 keeps SQLite's checkpoints in the
        // commit, for an A/B in one build.
        if (qEnvironmentVariableIntValue("BENCH_INLINE_CHECKPOINTS") == 0)
            db.value()->checkpointInBackground();
        SystemClock clock;
        Recorder recorder(*db.value(), clock);
        while (!m_stop) {
            const QString card =
                QStringLiteral("ZT4090M%1").arg(++s_cards % 1000000, 6, 10, QLatin1Char('0'));
            const Action action{Step::Intake, QStringLiteral("INTAKE-01"), QStringLiteral("OPB01"),
                                StepSchema::parse(Step::Intake, {QStringLiteral("card=") + card,
                                                                 QStringLiteral("model=RTX4090"),
                                                                 QStringLiteral("lot=LOT-MAINT")})
                                    .value()};
            QElapsedTimer t;
            t.start();
            const bool ok = recorder.record(action).ok();
            const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
            if (ok && !m_warm) {
                m_warm = true;
            } else if (ok) {
                std::lock_guard lock(m_mutex);
                m_latencies.push_back(ms);
            } else {
                ++m_failures;
            }
            for (int i = 0; i < 100 && !m_stop; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }

    QString m_path;
    std::thread m_thread;
    std::atomic<bool> m_stop{false}, m_warm{false};
    std::atomic<int> m_failures{0};
    mutable std::mutex m_mutex;
    std::vector<double> m_latencies;
    static inline int s_cards = static_cast<int>(QDateTime::currentMSecsSinceEpoch() % 900000);
};

double sequentialRead(const QString& path)
{
    QElapsedTimer t;
    t.start();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    while (f.read(buffer.data(), buffer.size()) > 0) {
    }
    return static_cast<double>(t.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Logging::silence();
    if (app.arguments().size() < 3) {
        std::fprintf(stderr, "usage: bench_maintenance DB_PATH REWORKCTL [SERIAL]\n");
        return 2;
    }
    const QString path = app.arguments().at(1);
    const QString reworkctl = app.arguments().at(2);
    QString serial = app.arguments().size() > 3 ? app.arguments().at(3) : QString();
    {
        auto db = Database::open(path);
        if (!db) {
            std::fprintf(stderr, "%s\n", qPrintable(db.error().message));
            return 3;
        }
        const QSqlDatabase c = db.value()->connection();
        // The floor's station and operator, if the history came without them (the demo has both).
        if (Status st = StationRegistry(c).addStation(QStringLiteral("INTAKE-01"), QStringLiteral("intake"));
            !st && st.error().code != ErrorCode::AlreadyUsed) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().message));
            return 1;
        }
        if (Status st = OperatorAccounts(c).addOperator(QStringLiteral("OPB01"), QStringLiteral("Bench"),
                                                        QStringLiteral("operator"), QStringLiteral("1234"));
            !st && st.error().code != ErrorCode::AlreadyUsed) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().message));
            return 1;
        }
        if (serial.isEmpty())
            serial = sql::scalar(c, QStringLiteral("SELECT serial FROM units ORDER BY rowid DESC LIMIT 1"))
                         .value()
                         .toString();
        std::printf("database: %s, %lld events, %.0f MB\n", qPrintable(path),
                    sql::scalar(c, QStringLiteral("SELECT max(seq) FROM events")).value().toLongLong(),
                    static_cast<double>(QFile(path).size()) / 1e6);
    }
    const double baseline = sequentialRead(path);
    std::printf("baseline: sequential read of the file %.2f s\n\n", baseline);
    std::printf("%-28s %9s %7s %9s | %9s %9s %5s %8s %8s %5s\n", "command", "alone s", "ratio", "peak MB",
                "loaded s", "peak MB", "recs", "rec p99", "rec max", "fail");
    QTemporaryDir dir;
    const QDate today = QDate::currentDate();
    const QList<QStringList> commands{
        {"check"},
        {"check", serial},
        {"verify", "--full"},
        {"verify"},
        {"backup", "--to", "BACKUP"},
        {"kpi", "--from", today.addDays(-729).toString(Qt::ISODate), "--to", today.toString(Qt::ISODate)},
    };
    // BENCH_ONLY="verify --full": only the commands that start so.
    const QString only = qEnvironmentVariable("BENCH_ONLY");
    FloorLoad load(path);
    int copies = 0;
    for (const QStringList& command : commands) {
        if (!command.join(QLatin1Char(' ')).startsWith(only))
            continue;
        const auto argsFor = [&] {
            QStringList args{QStringLiteral("--db"), path};
            for (const QString& a : command)
                args << (a == QLatin1StringView("BACKUP")
                             ? dir.filePath(QStringLiteral("b%1.sqlite").arg(++copies))
                             : a);
            return args;
        };
        const ChildRun alone = runChild(reworkctl, argsFor());
        load.start();
        const ChildRun loaded = runChild(reworkctl, argsFor());
        load.stop();
        const std::vector<double> lat = load.latencies();
        if (qEnvironmentVariableIntValue("BENCH_VERBOSE") != 0) {
            for (double ms : lat)
                std::printf("%.1f ", ms);
            std::printf("\n");
        }
        const QString name = command.join(QLatin1Char(' ')).left(28);
        std::printf("%-28s %9.2f %7.1f %9.0f | %9.2f %9.0f %5zu %8.1f %8.1f %5d%s\n", qPrintable(name),
                    alone.seconds, baseline > 0 ? alone.seconds / baseline : 0.0,
                    static_cast<double>(alone.maxRssKb) / 1024.0, loaded.seconds,
                    static_cast<double>(loaded.maxRssKb) / 1024.0, lat.size(), percentile(lat, 0.99),
                    lat.empty() ? 0.0 : *std::max_element(lat.begin(), lat.end()), load.failures(),
                    WEXITSTATUS(alone.status) == 0 ? "" : "  (exit status not 0)");
    }
    return 0;
}
