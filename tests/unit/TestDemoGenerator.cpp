#include "auth/Login.h"
#include "demo/DemoGenerator.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/IntegrityChecker.h"
#include "storage/Sql.h"
#include "storage/StationRegistry.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rework;

class TestDemoGenerator : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    DemoGenerator::Summary summary;

    int count(const char* statement)
    {
        return sql::scalar(db->connection(), QString::fromLatin1(statement)).value().toInt();
    }

private slots:
    void initTestCase()
    {
        Logging::silence();
        auto opened = Database::open(dir.filePath(QStringLiteral("demo.sqlite")));
        QVERIFY(opened.ok());
        db = std::move(opened.value());
        DemoGenerator::Options o;
        o.units = 80;
        o.seed = 7;
        auto s = DemoGenerator::generate(*db, o);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        summary = s.value();
    }

    void coversEveryStepWithFailuresAndRepairs()
    {
        QVERIFY(summary.cards >= 75);
        QCOMPARE(count("SELECT count(*) FROM cards"), summary.cards);
        for (const char* step :
             {"intake", "strip", "reball", "mount", "inspect", "test", "pack", "close", "ship"}) {
            const int n =
                sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM events WHERE step = ?"),
                            {QString::fromLatin1(step)})
                    .value()
                    .toInt();
            QVERIFY2(n > 0, step);
        }
        QVERIFY(count("SELECT count(*) FROM units WHERE repair_count > 0") > 0);
        QVERIFY(count("SELECT count(*) FROM units WHERE state = 'shipped'") >= 10);
        QVERIFY(
            count("SELECT count(*) FROM units WHERE state IN ('mounted', 'inspected', 'tested', 'repair')") >
            0);
        QVERIFY(count("SELECT count(*) FROM events WHERE json_extract(payload, '$.result') = 'fail'") > 0);
        QVERIFY(count("SELECT count(DISTINCT lot) FROM cards") >= 2);
    }

    /// Every model's units pass test: each test report is of the unit's own product (a 4090 D
    /// reports device 2685, and the test step refuses a report of another model).
    void everyModelPassesTest()
    {
        QVERIFY(count("SELECT count(DISTINCT model) FROM units") >= 3);
        QCOMPARE(
            count("SELECT count(DISTINCT model) FROM units WHERE state IN ('tested', 'packed', 'shipped')"),
            count("SELECT count(DISTINCT model) FROM units"));
    }

    /// The history ends when it is asked to: the last cards are still on the line, none is
    /// shipped later. A busy day (60 cards in one day, each taking hours) runs into its end.
    void nothingHappensAfterTheHistoryEnds()
    {
        QTemporaryDir own;
        auto opened = Database::open(own.filePath(QStringLiteral("busy.sqlite")));
        QVERIFY(opened.ok());
        DemoGenerator::Options o;
        o.units = 60;
        o.days = 1;
        o.seed = 11;
        o.end = QDateTime(QDate(2026, 11, 20), QTime(18, 0), Qt::UTC);
        const auto s = DemoGenerator::generate(*opened.value(), o);
        QVERIFY(s.ok());
        const QSqlDatabase c = opened.value()->connection();
        const QString last =
            sql::scalar(c, QStringLiteral("SELECT max(recorded_at) FROM events WHERE step <> 'reference'"))
                .value()
                .toString();
        QVERIFY2(QDateTime::fromString(last, Qt::ISODateWithMs) <= o.end, qPrintable(last));
        // Work in progress at the end, and a summary of what was recorded, not what was tried.
        QVERIFY(sql::scalar(c, QStringLiteral("SELECT count(*) FROM units WHERE state IN ('mounted', "
                                              "'inspected', 'repair')"))
                    .value()
                    .toInt() > 0);
        QCOMPARE(s->events, sql::scalar(c, QStringLiteral("SELECT count(*) FROM events WHERE step NOT IN "
                                                          "('reference')"))
                                .value()
                                .toInt());
    }

    void historyIsConsistent()
    {
        auto problems = IntegrityChecker(db->connection()).run();
        QVERIFY(problems.ok());
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    }

    void demoOperatorsCanLogIn()
    {
        Login loginCheck(db->connection());
        StationRegistry stationRegistry(db->connection());
        QVERIFY(loginCheck.login(QStringLiteral("OP001"), QString::fromLatin1(DemoGenerator::kDemoPin)).ok());
        QCOMPARE(
            loginCheck.login(QStringLiteral("SUP01"), QString::fromLatin1(DemoGenerator::kDemoPin))->role,
            QStringLiteral("supervisor"));
        QVERIFY(stationRegistry.stations().value().size() >= 7);
    }

    void runningAgainAddsMore()
    {
        const int before = count("SELECT count(*) FROM cards");
        DemoGenerator::Options o;
        o.units = 5;
        QVERIFY(DemoGenerator::generate(*db, o).ok());
        QVERIFY(count("SELECT count(*) FROM cards") > before);
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "TestDemoGenerator.moc"
