#include "TestDatabase.h"

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

TestDatabase::TestDatabase() : m_clock(QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC))
{
    Logging::silence();
    auto db = Database::open(m_dir.filePath(QStringLiteral("test.sqlite")));
    if (!db)
        qFatal("cannot open test database: %s", qPrintable(db.error().message));
    m_db = std::move(db.value());
    OperatorAccounts accounts(m_db->connection());
    StationRegistry stationRegistry(m_db->connection());
    for (const char* step : {"intake", "strip", "reball", "mount", "inspect", "test", "pack"}) {
        const QString s = QString::fromLatin1(step);
        if (Status st = stationRegistry.addStation(s.toUpper() + QStringLiteral("-1"), s); !st)
            qFatal("station: %s", qPrintable(st.error().message));
    }
    if (!accounts.addOperator(QStringLiteral("OP1"), QStringLiteral("Li Wei"), QStringLiteral("operator"),
                              QStringLiteral("1234")) ||
        !accounts.addOperator(QStringLiteral("SUP1"), QStringLiteral("Liu Yang"),
                              QStringLiteral("supervisor"), QStringLiteral("1234")))
        qFatal("cannot add operators");
    m_recorder = std::make_unique<Recorder>(*m_db, m_clock);
}

TestDatabase::~TestDatabase() = default;

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
    m_clock.advanceSeconds(60);
    const QString station =
        isStationStep(step) ? stepName(step).toUpper() + QStringLiteral("-1") : QStringLiteral("SYSTEM");
    return m_recorder->record(step, station, operatorId, fields);
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

QString TestDatabase::testedUnit(const QString& card, const QString& board)
{
    const QString unit = mountedUnit(card, board);
    for (Step s : {Step::Inspect, Step::Test}) {
        if (auto r = record(s, {QStringLiteral("unit=") + unit, QStringLiteral("result=pass")}); !r)
            qFatal("setup step failed: %s", qPrintable(r.error().oneLine()));
    }
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
