#include "TestDatabase.h"

#include "storage/Sql.h"

#include "importers/GpuReportReader.h"
#include "workflow/StepSchema.h"

#include <QRegularExpression>

#include "auth/OperatorAccounts.h"
#include "logging/Logging.h"
#include "storage/StationRegistry.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

namespace rework::test {
namespace {

QString dumpConnection(const QSqlDatabase& db)
{
    QString out;
    QSqlQuery tables(db);
    tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    for (const QString& table : names) {
        out += QStringLiteral("## ") + table + QLatin1Char('\n');
        QSqlQuery rows(db);
        // Table names come from sqlite_master, not from input.
        rows.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY 1, 2").arg(table));
        QStringList lines;
        while (rows.next()) {
            QStringList cells;
            for (int i = 0; i < rows.record().count(); ++i)
                cells << rows.value(i).toString();
            lines << cells.join(QLatin1Char('|'));
        }
        out += lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    QSqlQuery version(db);
    version.exec(QStringLiteral("PRAGMA user_version"));
    version.next();
    out += QStringLiteral("user_version=") + version.value(0).toString();
    return out;
}

} // namespace

TestDatabase::TestDatabase() : TestDatabase(std::nullopt) {}

TestDatabase::TestDatabase(const DemoGenerator::Options& demo) : TestDatabase(std::optional(demo)) {}

TestDatabase::TestDatabase(const std::optional<DemoGenerator::Options>& demo) : m_clock(start())
{
    Logging::silence();
    auto db = Database::open(m_dir.filePath(QStringLiteral("test.sqlite")));
    if (!db)
        qFatal("cannot open test database: %s", qPrintable(db.error().message));
    m_db = std::move(db.value());
    if (demo) {
        DemoGenerator::Options o = *demo;
        if (!o.end.isValid())
            o.end = m_clock.now();
        if (Result<DemoGenerator::Summary> s = DemoGenerator::generate(*m_db, o); !s)
            qFatal("demo data: %s", qPrintable(s.error().message));
    }
    // Once the line has an admin (the demo's), its changes name one.
    const QString actor = demo ? QStringLiteral("ADMIN") : QStringLiteral("SYSTEM");
    OperatorAccounts accounts(m_db->connection());
    StationRegistry stationRegistry(m_db->connection());
    for (const char* step : {"intake", "strip", "reball", "mount", "inspect", "test", "pack"}) {
        const QString s = QString::fromLatin1(step);
        if (Status st = stationRegistry.addStation(s.toUpper() + QStringLiteral("-1"), s, {}, actor); !st)
            qFatal("station: %s", qPrintable(st.error().message));
    }
    if (!accounts.addOperator(QStringLiteral("OP1"), QStringLiteral("Li Wei"), QStringLiteral("operator"),
                              QStringLiteral("1234"), actor) ||
        !accounts.addOperator(QStringLiteral("SUP1"), QStringLiteral("Liu Yang"),
                              QStringLiteral("supervisor"), QStringLiteral("1234"), actor))
        qFatal("cannot add operators");
    m_recorder = std::make_unique<Recorder>(*m_db, m_clock);
}

TestDatabase::~TestDatabase() = default;

QDateTime TestDatabase::start()
{
    return QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
}

QString TestDatabase::admin()
{
    const QString id = QStringLiteral("ADM0");
    Status st =
        OperatorAccounts(m_db->connection(), m_clock)
            .addOperator(id, QStringLiteral("Test admin"), QStringLiteral("admin"), QStringLiteral("1234"));
    if (!st && st.error().code != ErrorCode::AlreadyUsed)
        qFatal("cannot add the admin: %s", qPrintable(st.error().message));
    return id;
}

void TestDatabase::takeBackTo(int version)
{
    const char* const quarterCounts[] = {
        "kpi_hourly.events_q15",         "kpi_hourly.events_q30",         "kpi_hourly.events_q45",
        "kpi_station_hourly.events_q15", "kpi_station_hourly.events_q30", "kpi_station_hourly.events_q45",
        "kpi_cards.received_q15",        "kpi_cards.received_q30",        "kpi_cards.received_q45",
        "kpi_cards.scrapped_q15",        "kpi_cards.scrapped_q30",        "kpi_cards.scrapped_q45"};
    for (const char* column : quarterCounts) {
        const QStringList parts = QString::fromLatin1(column).split(QLatin1Char('.'));
        auto has = sql::scalar(m_db->connection(),
                               QStringLiteral("SELECT count(*) FROM pragma_table_info(?) WHERE name = ?"),
                               {parts.at(0), parts.at(1)});
        if (!has)
            qFatal("cannot read the schema: %s", qPrintable(has.error().message));
        if (has.value().toInt() == 0)
            continue; // the table was dropped to go back further
        auto dropped =
            sql::run(m_db->connection(),
                     QStringLiteral("ALTER TABLE %1 DROP COLUMN %2").arg(parts.at(0), parts.at(1)));
        if (!dropped)
            qFatal("cannot drop %s: %s", column, qPrintable(dropped.error().message));
    }
    auto set = sql::run(m_db->connection(), QStringLiteral("PRAGMA user_version = %1").arg(version));
    if (!set)
        qFatal("cannot set user_version: %s", qPrintable(set.error().message));
}

void TestDatabase::reopen()
{
    m_recorder.reset();
    m_db.reset();
    auto db = Database::open(m_dir.filePath(QStringLiteral("test.sqlite")));
    if (!db)
        qFatal("cannot reopen test database: %s", qPrintable(db.error().message));
    m_db = std::move(db.value());
    m_recorder = std::make_unique<Recorder>(*m_db, m_clock);
}

Result<Recorded> TestDatabase::record(Step step, const QStringList& fields, const QString& operatorId)
{
    Result<QJsonObject> parsed = StepSchema::parse(step, fields);
    if (!parsed) {
        m_clock.advanceSeconds(60);
        return parsed.error();
    }
    return record(Action{step, {}, operatorId, parsed.value()});
}

Result<Recorded> TestDatabase::record(Step step, const QStringList& fields, const GpuReport& report,
                                      const QString& operatorId)
{
    Result<QJsonObject> parsed = StepSchema::parse(step, fields);
    if (!parsed) {
        m_clock.advanceSeconds(60);
        return parsed.error();
    }
    return record(Action{step, {}, operatorId, parsed.value(), report});
}

Result<Recorded> TestDatabase::record(Action action)
{
    m_clock.advanceSeconds(60);
    action.stationId = isStationStep(action.step) ? stepName(action.step).toUpper() + QStringLiteral("-1")
                                                  : QStringLiteral("SYSTEM");
    return m_recorder->record(action);
}

QByteArray TestDatabase::rigReport(const QString& uuid, int gen, int width, const QString& pstate)
{
    QFile fixture(QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/netdata_rtx-4090-driver-535.xml"));
    if (!fixture.open(QIODevice::ReadOnly))
        qFatal("cannot read the nvidia-smi fixture %s", qPrintable(fixture.fileName()));
    QString xml = QString::fromUtf8(fixture.readAll());
    auto set = [&xml](const char* tag, const QString& value) {
        const QString name = QString::fromLatin1(tag);
        xml.replace(QRegularExpression(QStringLiteral("<%1>[^<]*</%1>").arg(name)),
                    QStringLiteral("<%1>%2</%1>").arg(name, value));
    };
    set("uuid", uuid);
    set("performance_state", pstate);
    set("gpu_util", pstate == QLatin1StringView("P0") ? QStringLiteral("100 %") : QStringLiteral("0 %"));
    set("max_link_gen", QStringLiteral("4"));
    set("max_host_link_gen", QStringLiteral("4"));
    set("current_link_gen", QString::number(gen));
    set("device_current_link_gen", QString::number(gen));
    set("current_link_width", QStringLiteral("%1x").arg(width));
    return xml.toUtf8();
}

GpuReport TestDatabase::report(const QString& uuid, int gen, int width, const QString& pstate)
{
    static int written = 0;
    const QString path = m_dir.filePath(QStringLiteral("nvidia-smi-%1.xml").arg(++written));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(rigReport(uuid, gen, width, pstate)) < 0)
        qFatal("cannot write %s", qPrintable(path));
    file.close();
    Result<GpuReport> r = GpuReportReader::readFile(path, -1, m_dir.path());
    if (!r)
        qFatal("the derived report does not import: %s", qPrintable(r.error().oneLine()));
    return r.value();
}

QString TestDatabase::gpuUuid(int n)
{
    return QStringLiteral("GPU-%1-0000-4000-8000-000000000001").arg(n, 8, 16, QLatin1Char('0'));
}

QString TestDatabase::mountedUnit(const QString& card, const QString& board, const QString& model)
{
    auto ok = [](const Result<Recorded>& r) {
        if (!r)
            qFatal("setup step failed: %s", qPrintable(r.error().oneLine()));
        return r.value();
    };
    ok(record(Step::Intake, {QStringLiteral("card=") + card, QStringLiteral("model=") + model,
                             QStringLiteral("lot=LOT-1")}));
    const QString die = ok(record(Step::Strip, {QStringLiteral("card=") + card})).createdId();
    ok(record(Step::Reball, {QStringLiteral("die=") + die}));
    return ok(record(Step::Mount, {QStringLiteral("die=") + die, QStringLiteral("board=") + board}))
        .createdId();
}

Result<Recorded> TestDatabase::passTest(const QString& unit, const QString& operatorId)
{
    static int tested = 0;
    return record(Step::Test, {QStringLiteral("unit=") + unit, QStringLiteral("result=pass")},
                  report(gpuUuid(++tested)), operatorId);
}

QString TestDatabase::testedUnit(const QString& card, const QString& board)
{
    const QString unit = mountedUnit(card, board);
    if (auto r = record(Step::Inspect, {QStringLiteral("unit=") + unit, QStringLiteral("result=pass")}); !r)
        qFatal("setup step failed: %s", qPrintable(r.error().oneLine()));
    if (auto r = passTest(unit); !r)
        qFatal("setup step failed: %s", qPrintable(r.error().oneLine()));
    return unit;
}

QString TestDatabase::dump() const
{
    return dumpConnection(m_db->connection());
}

QString dumpFile(const QString& path)
{
    QString out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("dump"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open())
            out = dumpConnection(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("dump"));
    return out;
}

} // namespace rework::test
