#include "SpecialFiles.h"
#include "TestDatabase.h"
#include "domain/ItemStates.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/IntegrityChecker.h"
#include "storage/MigrationFiles.h"
#include "storage/Migrator.h"
#include "storage/Sql.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace rework;

namespace {

QVariant pragma(const Database& db, const char* name)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("PRAGMA ") + QString::fromLatin1(name));
    q.next();
    return q.value(0);
}

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Writes `user_version` with a plain connection, as a newer ReworkTrack would have.
void setFutureUserVersion(const QString& path)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE future (x)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

/// What migrations 7 to 13 added: undone to take a database back to an older schema (0012 rebuilds
/// kpi_anomalies the same whichever column order it finds, so it needs no undo).
const char* const kAddedAfterSchema6[] = {"DROP INDEX dies_unit",
                                          "DROP INDEX boards_unit",
                                          "DROP TABLE sync_outbox",
                                          "DROP TABLE sync_state",
                                          "DROP TABLE sync_rejected_serials",
                                          "DROP TABLE sync_origins",
                                          "DROP TABLE reference_versions",
                                          "DROP TABLE label_templates",
                                          "DELETE FROM config WHERE key = 'sync.interval_minutes'",
                                          "DROP TABLE sync_rejected",
                                          "DROP TABLE sync_anomalies",
                                          "DROP TABLE event_chain",
                                          "DROP TABLE login_failures",
                                          "DROP TABLE audit_log",
                                          "DELETE FROM config WHERE key LIKE 'login.%'",
                                          "DROP TABLE permissions",
                                          "DROP INDEX units_card",
                                          "DROP TABLE station_tokens",
                                          "DROP TABLE verify_marks"};

} // namespace

class TestMigrator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Logging::silence(); }

    void versionsAreTheNumbersInTheFileNames()
    {
        auto shipped = MigrationFiles::list(QStringLiteral(":/migrations"));
        QVERIFY(shipped.ok());
        QCOMPARE(shipped.value().size(), Migrator::latestVersion());
        for (const MigrationFiles::File& f : shipped.value())
            QCOMPARE(f.path.section(QLatin1Char('/'), -1).section(QLatin1Char('_'), 0, 0).toInt(), f.version);

        QTemporaryDir dir;
        const auto write = [&](const char* name) {
            QFile f(dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("SELECT 1;");
        };
        write("0002_second.sql");
        write("0001_first.sql");
        auto two = MigrationFiles::list(dir.path());
        QVERIFY(two.ok());
        QCOMPARE(two.value().size(), 2);
        QCOMPARE(two.value().at(1).version, 2);
        QVERIFY(two.value().at(1).path.endsWith(QStringLiteral("0002_second.sql")));
        write("0004_gap.sql"); // a missing 3 is not quietly renumbered
        QCOMPARE(MigrationFiles::list(dir.path()).error().code, ErrorCode::Storage);
        QFile::remove(dir.filePath(QStringLiteral("0004_gap.sql")));
        write("0002_again.sql"); // two files claiming one version
        QVERIFY(!MigrationFiles::list(dir.path()).ok());
        QFile::remove(dir.filePath(QStringLiteral("0002_again.sql")));
        write("third.sql");
        QVERIFY(!MigrationFiles::list(dir.path()).ok());
    }

    void theSchemaAdmitsEveryStateTheCodeNames()
    {
        for (int i = 0; i <= static_cast<int>(ItemState::Closed); ++i)
            QCOMPARE(stateFromName(stateValue(static_cast<ItemState>(i))),
                     std::optional(static_cast<ItemState>(i)));
        QVERIFY(!stateFromName(u"bogus"));
        test::TestDatabase t;
        const QString unit = t.mountedUnit(QStringLiteral("CARDK0002"), QStringLiteral("SB00000010"));
        QVERIFY(t.record(Step::Pack, {QStringLiteral("unit=") + unit, QStringLiteral("batch=B-K-1")})
                    .error()
                    .code != ErrorCode::Storage);
        const QSqlDatabase c = t.db().connection();
        const std::pair<const char*, QList<ItemState>> tables[] = {
            {"cards", {ItemState::Received, ItemState::Stripped, ItemState::Scrapped}},
            {"dies",
             {ItemState::Stripped, ItemState::Reballed, ItemState::Mounted, ItemState::Repair,
              ItemState::Shipped, ItemState::Scrapped}},
            {"boards", {ItemState::Mounted, ItemState::Shipped, ItemState::Scrapped}},
            {"units",
             {ItemState::Mounted, ItemState::Inspected, ItemState::Tested, ItemState::Repair,
              ItemState::Packed, ItemState::Shipped, ItemState::Scrapped}},
        };
        for (const auto& [table, allowed] : tables) {
            for (ItemState state : allowed) {
                QVERIFY(sql::run(c, QStringLiteral("SAVEPOINT s")).ok());
                QVERIFY2(sql::run(c, QStringLiteral("UPDATE %1 SET state = ?").arg(QLatin1StringView(table)),
                                  {stateValue(state)})
                             .ok(),
                         table);
                QVERIFY(sql::run(c, QStringLiteral("ROLLBACK TO s")).ok());
                QVERIFY(sql::run(c, QStringLiteral("RELEASE s")).ok());
            }
        }
    }

    void derivedTablesRefuseImpossibleStatesAndDanglingKeys()
    {
        test::TestDatabase t;
        const QString unit = t.mountedUnit(QStringLiteral("CARDK0001"), QStringLiteral("SB00000009"));
        const QSqlDatabase c = t.db().connection();
        const QString before = t.dump();
        // A state no item of that kind can be in.
        for (const char* statement :
             {"UPDATE units SET state = 'received'", "UPDATE cards SET state = 'packed'",
              "UPDATE dies SET state = 'open'", "UPDATE boards SET state = 'tested'",
              "UPDATE units SET state = 'bogus'"})
            QVERIFY2(!sql::run(c, QString::fromLatin1(statement)).ok(), statement);
        // A reference to an item that does not exist fails when the transaction commits.
        for (const char* statement :
             {"UPDATE units SET batch_id = 'B-NOWHERE'", "UPDATE dies SET unit_serial = 'UNOWHERE'",
              "UPDATE boards SET unit_serial = 'UNOWHERE'", "UPDATE cards SET die_id = 'DNOWHERE'"}) {
            QVERIFY(sql::run(c, QStringLiteral("BEGIN")).ok());
            QVERIFY(sql::run(c, QString::fromLatin1(statement)).ok());
            QVERIFY2(!sql::run(c, QStringLiteral("COMMIT")).ok(), statement);
            QVERIFY(sql::run(c, QStringLiteral("ROLLBACK")).ok());
        }
        QCOMPARE(t.dump(), before);
        QVERIFY(!unit.isEmpty());
    }

    void freshDatabaseIsMigratedWithDurableSettings()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY(db.ok());
        QCOMPARE(Migrator::currentVersion(db.value()->connection()).value(), Migrator::latestVersion());
        QVERIFY(Migrator::latestVersion() >= 2);
        QCOMPARE(pragma(*db.value(), "journal_mode").toString(), QStringLiteral("wal"));
        QCOMPARE(pragma(*db.value(), "synchronous").toInt(), 2); // FULL
        QCOMPARE(pragma(*db.value(), "foreign_keys").toInt(), 1);
        QCOMPARE(pragma(*db.value(), "busy_timeout").toInt(), Database::kBusyTimeoutMs);
        auto products =
            sql::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM products"));
        QVERIFY(products.value().toInt() >= 3);
    }

    void upgradesOldSchemaKeepingData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            auto db = Database::open(path, Database::Migration::Skip);
            QVERIFY(db.ok());
            QVERIFY(Migrator::migrate(db.value()->connection(), 1).ok());
            QCOMPARE(Migrator::currentVersion(db.value()->connection()).value(), 1);
            // version 1 had no reference data yet
            QCOMPARE(sql::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM products"))
                         .value()
                         .toInt(),
                     0);
            QVERIFY(sql::run(db.value()->connection(),
                             QStringLiteral("INSERT INTO stations (id, step, created_at) VALUES (?, ?, ?)"),
                             {QStringLiteral("OLD-1"), QStringLiteral("strip"),
                              QStringLiteral("2025-01-01T00:00:00Z")})
                        .ok());
        }
        auto db = Database::open(path);
        QVERIFY(db.ok());
        QCOMPARE(Migrator::currentVersion(db.value()->connection()).value(), Migrator::latestVersion());
        QCOMPARE(sql::scalar(db.value()->connection(),
                             QStringLiteral("SELECT step FROM stations WHERE id = 'OLD-1'"))
                     .value()
                     .toString(),
                 QStringLiteral("strip"));
        QVERIFY(sql::scalar(db.value()->connection(), QStringLiteral("SELECT count(*) FROM products"))
                    .value()
                    .toInt() >= 3);
    }

    void derivedTablesAddedByAMigrationAreFilledFromTheLog()
    {
        test::TestDatabase t;
        t.testedUnit(QStringLiteral("CARDM0001"), QStringLiteral("SB00000001"));
        const QString failed = t.mountedUnit(QStringLiteral("CARDM0002"), QStringLiteral("SB00000002"));
        QVERIFY(t.record(Step::Inspect, {QStringLiteral("unit=") + failed, QStringLiteral("result=fail"),
                                         QStringLiteral("bridges=1")})
                    .ok());
        const QString before = t.dump();
        QVERIFY(before.contains(QStringLiteral("kpi_units")));
        // Take the file back to schema 3, as a station running the previous release left it.
        for (const char* statement :
             {"DROP TABLE kpi_hourly", "DROP TABLE kpi_defects", "DROP TABLE kpi_units",
              "DROP TABLE kpi_anomalies", "DROP TABLE label_queue", "DROP TABLE label_prints",
              "DROP TABLE kpi_station_hourly", "DROP TABLE kpi_cards",
              "DELETE FROM config WHERE key = 'throughput.target_per_shift'", "PRAGMA user_version = 3"})
            QVERIFY(sql::run(t.db().connection(), QString::fromLatin1(statement)).ok());
        for (const char* statement : kAddedAfterSchema6)
            QVERIFY2(sql::run(t.db().connection(), QString::fromLatin1(statement)).ok(), statement);
        t.takeBackTo(3);
        t.reopen();
        QCOMPARE(Migrator::currentVersion(t.db().connection()).value(), Migrator::latestVersion());
        QCOMPARE(t.dump(), before);
        for (const char* table : {"kpi_hourly", "kpi_defects", "kpi_units"}) {
            QVERIFY2(sql::scalar(t.db().connection(),
                                 QStringLiteral("SELECT count(*) FROM ") + QLatin1StringView(table))
                             .value()
                             .toInt() > 0,
                     table);
        }
        QVERIFY(sql::scalar(t.db().connection(),
                            QStringLiteral("SELECT value FROM config WHERE key = 'derived.rebuild'"))
                    .value()
                    .isNull());
    }

    void rollupsFilledBySqlMatchAReplay()
    {
        // Migration 0006 fills its tables from the derived state in SQL; the integrity check
        // replays the log and must find them equal.
        test::TestDatabase t;
        t.testedUnit(QStringLiteral("CARDN0001"), QStringLiteral("SB00000001"));
        const QString scrapped = t.mountedUnit(QStringLiteral("CARDN0002"), QStringLiteral("SB00000002"));
        QVERIFY(t.record(Step::Scrap, {QStringLiteral("item=") + scrapped, QStringLiteral("reason=cracked"),
                                       QStringLiteral("defect=PHYSICAL_DAMAGE")})
                    .ok());
        QVERIFY(t.record(Step::Intake, {QStringLiteral("card=CARDN0003"), QStringLiteral("model=RTX3090"),
                                        QStringLiteral("lot=LOT-9")})
                    .ok());
        const QString before = t.dump();
        for (const char* statement :
             {"DROP TABLE kpi_station_hourly", "DROP TABLE kpi_cards", "DROP INDEX kpi_units_first_inspect",
              "DROP INDEX kpi_units_first_test", "DROP INDEX units_created",
              "CREATE INDEX kpi_units_first_inspect ON kpi_units (first_inspect_at) WHERE first_inspect_at "
              "IS NOT NULL",
              "CREATE INDEX kpi_units_first_test ON kpi_units (first_test_at) WHERE first_test_at IS NOT "
              "NULL",
              "CREATE INDEX units_created ON units (created_at)"}) {
            auto done = sql::run(t.db().connection(), QString::fromLatin1(statement));
            QVERIFY2(done.ok(), qPrintable(done ? QString() : done.error().message));
        }
        for (const char* statement : kAddedAfterSchema6)
            QVERIFY2(sql::run(t.db().connection(), QString::fromLatin1(statement)).ok(), statement);
        t.takeBackTo(5);
        t.reopen();
        QCOMPARE(t.dump(), before);
        auto problems = IntegrityChecker(t.db().connection()).run();
        QVERIFY(problems.ok());
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    }

    void reopeningIsIdempotent()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("b.sqlite"));
        QString first;
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
        }
        first = test::dumpFile(path);
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
        }
        QCOMPARE(test::dumpFile(path), first);
    }

    void refusesNewerSchemaWithoutTouchingIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        setFutureUserVersion(path);
        const QByteArray before = fileHash(path);
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::SchemaTooNew);
        QVERIFY(db.error().message.contains(QStringLiteral("99")));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void refusesFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = test::makeJunkFile(dir, QStringLiteral("junk.sqlite"));
        QVERIFY(!path.isEmpty());
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QCOMPARE(db.error().code, ErrorCode::Storage);
        QVERIFY2(db.error().message.contains(QStringLiteral("damaged")), qPrintable(db.error().message));
    }

    void eventsAreAppendOnly()
    {
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).ok());
        QSqlQuery q(t.db().connection());
        QVERIFY(!q.exec(QStringLiteral("UPDATE events SET subject = 'X'")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM events")));
        QCOMPARE(
            sql::scalar(t.db().connection(), QStringLiteral("SELECT subject FROM events")).value().toString(),
            QStringLiteral("ZT4090A123456"));
    }

    /// Migration 0026 counts each hour's events by quarter from the log: the file reads the same as
    /// one that counted them as it recorded, and a replay agrees.
    void quarterHourCountsOfAnOlderFileAreFilledIn()
    {
        test::TestDatabase t;
        const QDateTime nine(QDate(2026, 11, 12), QTime(9, 0), Qt::UTC);
        int n = 0;
        for (int minute : {5, 20, 35, 50, 70}) {
            t.clock().set(nine.addSecs(60LL * minute));
            QVERIFY(t.record(Step::Intake, {QStringLiteral("card=CARDQ%1").arg(++n, 4, 10, QLatin1Char('0')),
                                            QStringLiteral("model=RTX4090"), QStringLiteral("lot=LOT-1")})
                        .ok());
        }
        // Scrapped in the next hour, it counts in its intake's quarter (minute 20).
        QVERIFY(t.record(Step::Scrap, {QStringLiteral("item=CARDQ0002"), QStringLiteral("reason=cracked"),
                                       QStringLiteral("defect=PHYSICAL_DAMAGE")})
                    .ok());
        // A sixth intake at minute 40, voided: it counts nowhere.
        t.clock().set(nine.addSecs(60LL * 39));
        auto voided = t.record(Step::Intake, {QStringLiteral("card=CARDQ0006"),
                                              QStringLiteral("model=RTX4090"), QStringLiteral("lot=LOT-1")});
        QVERIFY(voided.ok());
        t.clock().set(nine.addSecs(60LL * 80));
        QVERIFY(t.record(Step::Void,
                         {QStringLiteral("event=") + voided->event.id, QStringLiteral("reason=wrong card")},
                         QStringLiteral("SUP1"))
                    .ok());
        auto row = [&t](const char* statement) {
            auto q = sql::row(t.db().connection(), QString::fromLatin1(statement));
            QStringList values;
            if (q && q.value())
                for (const QVariant& v : *q.value())
                    values << v.toString();
            return values.join(QLatin1Char(' '));
        };
        const char* const station =
            "SELECT events, events_q15, events_q30, events_q45 FROM kpi_station_hourly "
            "WHERE hour = '2026-11-12T09' AND step = 'intake'";
        const char* const cards = "SELECT received, received_q15, received_q30, received_q45, scrapped, "
                                  "scrapped_q15, scrapped_q30, scrapped_q45 FROM kpi_cards WHERE hour = "
                                  "'2026-11-12T09'";
        QCOMPARE(row(station), QStringLiteral("4 1 2 3"));
        QCOMPARE(row(cards), QStringLiteral("4 1 2 3 1 0 1 1"));
        const QString before = t.dump();
        t.takeBackTo(25);
        t.reopen();
        QCOMPARE(row(station), QStringLiteral("4 1 2 3"));
        QCOMPARE(row(cards), QStringLiteral("4 1 2 3 1 0 1 1"));
        QCOMPARE(t.dump(), before);
        auto problems = IntegrityChecker(t.db().connection()).run();
        QVERIFY(problems.ok());
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
    }

    /// Migration 0023 fills the SPC rollup of a file from before it with exactly what recording
    /// writes now: the file reads the same as one that had it all along.
    void spcValuesOfAnOlderFileAreFilledIn()
    {
        test::TestDatabase t;
        t.testedUnit(QStringLiteral("CARDM0023"), QStringLiteral("SB00000023"));
        QVERIFY(sql::scalar(t.db().connection(), QStringLiteral("SELECT count(*) FROM spc_values"))
                    .value()
                    .toInt() > 0);
        const QString before = t.dump();
        QVERIFY(sql::run(t.db().connection(), QStringLiteral("DROP TABLE spc_values")).ok());
        t.takeBackTo(22);
        t.reopen();
        QCOMPARE(Migrator::currentVersion(t.db().connection()).value(), Migrator::latestVersion());
        QCOMPARE(t.dump(), before);
    }

    void defaultPathHonoursEnvironment()
    {
        qputenv("REWORKTRACK_DB", "/tmp/from-env.sqlite");
        QCOMPARE(Database::resolvePath(QString()), QStringLiteral("/tmp/from-env.sqlite"));
        QCOMPARE(Database::resolvePath(QStringLiteral("/tmp/cli.sqlite")), QStringLiteral("/tmp/cli.sqlite"));
        qunsetenv("REWORKTRACK_DB");
        QVERIFY(Database::resolvePath(QString()).endsWith(QStringLiteral("reworktrack.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "TestMigrator.moc"
