#include "auth/Login.h"
#include "demo/DemoGenerator.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/IntegrityChecker.h"
#include "storage/Sql.h"
#include "storage/StationRegistry.h"

#include "TestDatabase.h"

#include "auth/OperatorAccounts.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace rework;

class TestDemoGenerator : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    DemoGenerator::Summary summary;

    /// `units` cards over the day that ends 2026-11-20 18:00 UTC.
    static DemoGenerator::Options oneDay(int units, quint32 seed)
    {
        DemoGenerator::Options o;
        o.units = units;
        o.days = 1;
        o.seed = seed;
        o.end = QDateTime(QDate(2026, 11, 20), QTime(18, 0), Qt::UTC);
        return o;
    }

    /// A history of its own in `folder`.
    static bool generate(const QTemporaryDir& folder, const DemoGenerator::Options& o,
                         std::unique_ptr<Database>& opened, DemoGenerator::Summary& summary)
    {
        auto db = Database::open(folder.filePath(QStringLiteral("demo.sqlite")));
        if (!db)
            return false;
        opened = std::move(db.value());
        const auto s = DemoGenerator::generate(*opened, o);
        if (s)
            summary = s.value();
        return s.ok();
    }

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
        std::unique_ptr<Database> opened;
        DemoGenerator::Summary s;
        const DemoGenerator::Options o = oneDay(60, 11);
        QVERIFY(generate(own, o, opened, s));
        const QSqlDatabase c = opened->connection();
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
        QCOMPARE(s.events, sql::scalar(c, QStringLiteral("SELECT count(*) FROM events WHERE step NOT IN "
                                                         "('reference')"))
                               .value()
                               .toInt());
    }

    /// Every card asked for arrives, even when the cards crowd the history's last hours: 200
    /// cards in a day leave seven minutes between arrivals, less than the longest gap between
    /// steps (the old generator recorded 197 of them: the last ones fell past the end).
    void everyCardAskedForArrives()
    {
        QTemporaryDir own;
        std::unique_ptr<Database> opened;
        DemoGenerator::Summary s;
        QVERIFY(generate(own, oneDay(200, 4), opened, s));
        QCOMPARE(s.cards, 200);
        const QSqlDatabase c = opened->connection();
        const auto n = [&](const char* statement) {
            return sql::scalar(c, QString::fromLatin1(statement)).value().toInt();
        };
        QCOMPARE(n("SELECT count(*) FROM cards"), 200);
        // Crowded, the cards overlap on the line (another card arrives between a card's intake and
        // its strip), and still the log reads in time order.
        QVERIFY(
            n("SELECT count(*) FROM events i JOIN events s ON s.step = 'strip' AND s.subject IN (SELECT id "
              "FROM dies WHERE card_serial = i.subject) JOIN events o ON o.step = 'intake' AND o.recorded_at "
              "> i.recorded_at AND o.recorded_at < s.recorded_at WHERE i.step = 'intake'") > 0);
        QCOMPARE(n("SELECT count(*) FROM events a JOIN events b ON b.seq = a.seq + 1 WHERE b.recorded_at < "
                   "a.recorded_at"),
                 0);
    }

    /// The log reads in the order things happened, as a station's own log does: cards overlap on
    /// the line, and no event is recorded before the one ahead of it.
    void theLogReadsInTimeOrder()
    {
        QVERIFY(count("SELECT count(*) FROM events WHERE step <> 'reference'") > 500);
        QCOMPARE(count("SELECT count(*) FROM events a JOIN events b ON b.seq = a.seq + 1 "
                       "WHERE b.recorded_at < a.recorded_at"),
                 0);
    }

    /// The line is on record before its work: every station and operator an event names was
    /// registered, and every setting set, before that event.
    void theLineIsOnRecordBeforeItsWork()
    {
        QCOMPARE(count("SELECT count(*) FROM events e WHERE e.step <> 'reference' AND NOT EXISTS (SELECT 1 "
                       "FROM operators o WHERE o.id = e.operator_id AND o.created_at <= e.recorded_at)"),
                 0);
        QCOMPARE(count("SELECT count(*) FROM events e WHERE e.step <> 'reference' AND NOT EXISTS (SELECT 1 "
                       "FROM stations s WHERE s.id = e.station_id AND s.created_at <= e.recorded_at)"),
                 0);
        QCOMPARE(count("SELECT count(*) FROM events r WHERE r.step = 'reference' AND r.recorded_at > "
                       "(SELECT min(recorded_at) FROM events WHERE step <> 'reference')"),
                 0);
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

    /// The demo's accounts share a known PIN: on a file in use they would be a way around the
    /// admin's proof. A second run is refused and writes nothing.
    void aSecondRunIsRefusedAndWritesNothing()
    {
        QCOMPARE(DemoGenerator::isNew(db->connection()).value(), false);
        const QString before = test::dumpFile(db->path());
        DemoGenerator::Options o;
        o.units = 5;
        const Result<DemoGenerator::Summary> again = DemoGenerator::generate(*db, o);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::NotPermitted);
        QVERIFY2(again.error().message.contains(QStringLiteral("new database")),
                 qPrintable(again.error().message));
        const Result<std::optional<DemoGenerator::Summary>> ifNew = DemoGenerator::generateIfNew(*db, o);
        QVERIFY(ifNew.ok());
        QVERIFY(!ifNew.value());
        QCOMPARE(test::dumpFile(db->path()), before);
    }

    /// Every way a file can be in use, each alone: none of them is new, and neither generate() nor
    /// the app's --demo-if-empty (generateIfNew) writes anything to it.
    void aFileInUseIsNeverFilled_data()
    {
        QTest::addColumn<QString>("shape");
        // The app started on a configured station whose line has no card yet (the old start-up
        // rule, "no card", filled this one).
        QTest::newRow("stations and accounts, no card") << "configured";
        QTest::newRow("one station, nothing else") << "station";
        QTest::newRow("one admin, nothing else") << "admin";
        // Hand-made files: a log whose derived tables were emptied, and the other way round.
        QTest::newRow("work in the log, accounts and stations deleted by hand") << "log only";
        QTest::newRow("a station in its table, none in the log") << "table only";
    }

    void aFileInUseIsNeverFilled()
    {
        QFETCH(QString, shape);
        std::optional<test::TestDatabase> configured;
        QTemporaryDir own;
        std::unique_ptr<Database> opened;
        Database* target = nullptr;
        if (shape == QLatin1String("configured") || shape == QLatin1String("log only")) {
            configured.emplace();
            if (shape == QLatin1String("log only")) {
                QVERIFY(configured->record(Step::Intake, {"card=CARD0001", "model=RTX4090", "lot=L1"}).ok());
                QSqlQuery cut(configured->db().connection());
                QVERIFY(cut.exec(QStringLiteral("DELETE FROM operators WHERE id <> 'SYSTEM'")));
                QVERIFY(cut.exec(QStringLiteral("DELETE FROM stations WHERE id <> 'SYSTEM'")));
            }
            target = &configured->db();
        } else {
            auto made = Database::open(own.filePath(QStringLiteral("line.sqlite")));
            QVERIFY(made.ok());
            opened = std::move(made.value());
            target = opened.get();
            if (shape == QLatin1String("station")) {
                QVERIFY(StationRegistry(target->connection())
                            .addStation(QStringLiteral("STRIP-07"), QStringLiteral("strip"))
                            .ok());
            } else if (shape == QLatin1String("admin")) {
                QVERIFY(OperatorAccounts(target->connection())
                            .addOperator(QStringLiteral("ADM01"), QStringLiteral("Zhao Min"),
                                         QStringLiteral("admin"), QStringLiteral("24680"))
                            .ok());
            } else {
                QSqlQuery hand(target->connection());
                QVERIFY(hand.exec(QStringLiteral("INSERT INTO stations (id, step, created_at) VALUES "
                                                 "('STRIP-07', 'strip', '2026-11-20T08:00:00.000Z')")));
            }
        }
        QCOMPARE(DemoGenerator::isNew(target->connection()).value(), false);
        const QString before = test::dumpFile(target->path());
        const Result<DemoGenerator::Summary> filled = DemoGenerator::generate(*target, oneDay(5, 3));
        QVERIFY(!filled);
        QCOMPARE(filled.error().code, ErrorCode::NotPermitted);
        const Result<std::optional<DemoGenerator::Summary>> ifNew =
            DemoGenerator::generateIfNew(*target, oneDay(5, 3));
        QVERIFY(ifNew.ok());
        QVERIFY(!ifNew.value());
        QCOMPARE(test::dumpFile(target->path()), before);
    }

    /// A file just made (migrated, nothing in it) is new, and --demo-if-empty fills it once.
    void aNewFileIsFilledOnce()
    {
        QTemporaryDir own;
        auto made = Database::open(own.filePath(QStringLiteral("new.sqlite")));
        QVERIFY(made.ok());
        Database& fresh = *made.value();
        QCOMPARE(DemoGenerator::isNew(fresh.connection()).value(), true);
        const auto first = DemoGenerator::generateIfNew(fresh, oneDay(5, 3));
        QVERIFY(first.ok());
        QVERIFY(first.value().has_value());
        QVERIFY(first.value()->cards >= 5);
        QCOMPARE(DemoGenerator::isNew(fresh.connection()).value(), false);
        const QString before = test::dumpFile(fresh.path());
        const auto second = DemoGenerator::generateIfNew(fresh, oneDay(5, 4));
        QVERIFY(second.ok());
        QVERIFY(!second.value());
        QCOMPARE(test::dumpFile(fresh.path()), before);
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "TestDemoGenerator.moc"
