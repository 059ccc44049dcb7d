// Storage and recording together on a real SQLite file: transactions, derived state, voids.
#include "TestDatabase.h"
#include "importers/GpuReportReader.h"
#include "storage/ConfigStore.h"
#include "storage/IntegrityChecker.h"
#include "storage/Sql.h"
#include "workflow/Recorder.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace rework;

namespace {

QString value(test::TestDatabase& t, const QString& statement, const QVariantList& binds = {})
{
    auto v = sql::scalar(t.db().connection(), statement, binds);
    return v.ok() ? v.value().toString() : QStringLiteral("<error>");
}

} // namespace

class TestRecorder : public QObject
{
    Q_OBJECT

private slots:
    void anActionBuiltInCodeIsNormalisedOnceAtTheEntry()
    {
        test::TestDatabase t;
        // As a script or a test might build it: ids and serials as typed, lower case, padded.
        const Action raw{Step::Intake, QStringLiteral(" intake-1 "), QStringLiteral("op1"),
                         QJsonObject{{QStringLiteral("card"), QStringLiteral(" zt4090p000009 ")},
                                     {QStringLiteral("model"), QStringLiteral("RTX4090")},
                                     {QStringLiteral("lot"), QStringLiteral("lot-9")},
                                     {QStringLiteral("gpu_uuid"),
                                      QStringLiteral("GPU-ABCDEF01-2345-6789-ABCD-EF0123456789")}}};
        Result<Recorded> r = t.recorder().record(raw);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().oneLine()));
        QCOMPARE(r.value().event.stationId, QStringLiteral("INTAKE-1"));
        QCOMPARE(r.value().event.operatorId, QStringLiteral("OP1"));
        QCOMPARE(r.value().event.subject, QStringLiteral("ZT4090P000009"));
        QCOMPARE(r.value().event.payload.value(QStringLiteral("lot")).toString(), QStringLiteral("LOT-9"));
        QCOMPARE(r.value().event.payload.value(QStringLiteral("gpu_uuid")).toString(),
                 QStringLiteral("GPU-abcdef01-2345-6789-abcd-ef0123456789"));
        QCOMPARE(value(t, QStringLiteral(
                              "SELECT count(*) FROM cards WHERE serial = 'ZT4090P000009' AND lot = 'LOT-9'")),
                 QStringLiteral("1"));
        // ...and a void's event id and a scrap's item in their case.
        Result<Recorded> voided = t.recorder().record(
            Action{Step::Void, QStringLiteral("intake-1"), QStringLiteral("sup1"),
                   QJsonObject{{QStringLiteral("event"), r.value().event.id.toUpper()},
                               {QStringLiteral("reason"), QStringLiteral("typed twice")}}});
        QVERIFY2(voided.ok(), voided.ok() ? "" : qPrintable(voided.error().oneLine()));
    }
    void thePermissionsTableSaysWhoMayRecordWhat()
    {
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {"card=ZT4090P000001", "model=RTX4090", "lot=LOT-1"}).ok());
        QVERIFY(t.record(Step::Intake, {"card=ZT4090P000002", "model=RTX4090", "lot=LOT-1"}).ok());
        // This factory lets only supervisors scrap.
        QVERIFY(sql::run(t.db().connection(),
                         QStringLiteral(
                             "DELETE FROM permissions WHERE role = 'operator' AND action = 'record.scrap'"))
                    .ok());
        Recorder recorder(t.db(), t.clock());
        const QString before = t.dump();
        auto refused = recorder.record(Step::Scrap, QStringLiteral("INTAKE-1"), QStringLiteral("OP1"),
                                       {"item=ZT4090P000001", "reason=burnt", "defect=PHYSICAL_DAMAGE"});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::NotPermitted);
        QVERIFY(refused.error().message.contains(QStringLiteral("operator")));
        QCOMPARE(t.dump(), before);
        QVERIFY(recorder
                    .record(Step::Scrap, QStringLiteral("INTAKE-1"), QStringLiteral("SUP1"),
                            {"item=ZT4090P000001", "reason=burnt", "defect=PHYSICAL_DAMAGE"})
                    .ok());
        // Operators still record the rest of their work.
        QVERIFY(
            recorder
                .record(Step::Strip, QStringLiteral("STRIP-1"), QStringLiteral("OP1"), {"card=ZT4090P000002"})
                .ok());
    }

    void failureMidActionLeavesNothingPartial_data()
    {
        QTest::addColumn<QString>("table");
        // Each trigger fails one of the later writes of a mount, after the event row went in.
        QTest::newRow("units insert") << "units";
        QTest::newRow("boards insert") << "boards";
        QTest::newRow("event subjects") << "event_subjects";
    }
    void failureMidActionLeavesNothingPartial()
    {
        QFETCH(QString, table);
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).ok());
        const QString die = t.record(Step::Strip, {"card=ZT4090A123456"}).value().createdId();
        QVERIFY(t.record(Step::Reball, {"die=" + die}).ok());

        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec(QStringLiteral("CREATE TEMP TRIGGER inject BEFORE INSERT ON main.%1 "
                                      "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
                           .arg(table)));
        const QString before = t.dump();
        QSignalSpy spy(&t.recorder(), &Recorder::recorded);
        auto r = t.record(Step::Mount, {"die=" + die, "board=SB00000001"});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Storage);
        QVERIFY(r.error().message.contains(QStringLiteral("injected failure")));
        QCOMPARE(t.dump(), before);
        QCOMPARE(spy.count(), 0);

        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER temp.inject")));
        QVERIFY(t.record(Step::Mount, {"die=" + die, "board=SB00000001"}).ok());
        QCOMPARE(spy.count(), 1);
    }

    void refusedActionChangesNothing()
    {
        test::TestDatabase t;
        const QString unit = t.mountedUnit("ZT4090A123456", "SB00000001");
        const QString before = t.dump();
        QVERIFY(!t.record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).ok());
        QVERIFY(!t.record(Step::Test, {"unit=" + unit, "result=pass"}).ok());
        QVERIFY(!t.record(Step::Inspect, {"unit=" + unit, "result=pass", "void_pct=40"}).ok());
        QVERIFY(!t.record(Step::Pack, {"unit=" + unit, "batch=B2611-001"}).ok());
        QCOMPARE(t.dump(), before);
    }

    void derivedStateFollowsTheLine()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit("ZT4090A123456", "SB00000001");
        QCOMPARE(value(t, "SELECT state FROM units WHERE serial = ?", {unit}), QStringLiteral("tested"));
        QCOMPARE(value(t, "SELECT state FROM cards WHERE serial = 'ZT4090A123456'"),
                 QStringLiteral("stripped"));
        QCOMPARE(value(t, "SELECT reflow_count FROM dies"), QStringLiteral("1"));
        QVERIFY(t.record(Step::Pack, {"unit=" + unit, "batch=B2611-001"}).ok());
        QCOMPARE(value(t, "SELECT state FROM batches WHERE id = 'B2611-001'"), QStringLiteral("open"));
        QVERIFY(t.record(Step::Close, {"batch=B2611-001"}, "SYSTEM").ok());
        QVERIFY(t.record(Step::Ship, {"batch=B2611-001"}, "SYSTEM").ok());
        QCOMPARE(value(t, "SELECT state FROM units WHERE serial = ?", {unit}), QStringLiteral("shipped"));
        QCOMPARE(value(t, "SELECT state FROM batches"), QStringLiteral("shipped"));
        QCOMPARE(value(t, "SELECT count(*) FROM events WHERE step <> 'reference'"), QStringLiteral("9"));
        QVERIFY(IntegrityChecker(t.db().connection()).run().value().isEmpty());
    }

    void repairLoopEndsInScrapAtTheLimit()
    {
        test::TestDatabase t;
        const QString unit = t.mountedUnit("ZT4090A123456", "SB00000001");
        const QString die = value(t, "SELECT die_id FROM units");
        for (int attempt = 1; attempt <= 2; ++attempt) {
            auto fail = t.record(Step::Inspect, {"unit=" + unit, "result=fail", "bridges=2"});
            QVERIFY(fail.ok());
            QCOMPARE(fail->event.payload.value("outcome").toString(), QStringLiteral("repair"));
            QCOMPARE(value(t, "SELECT state FROM units"), QStringLiteral("repair"));
            QCOMPARE(value(t, "SELECT state FROM dies"), QStringLiteral("repair"));
            QVERIFY(t.record(Step::Reball, {"die=" + die}).ok());
            auto remount = t.record(Step::Mount, {"die=" + die, "board=SB00000001"});
            QVERIFY(remount.ok());
            QCOMPARE(remount->createdId(), unit);
        }
        QCOMPARE(value(t, "SELECT reflow_count FROM dies"), QStringLiteral("3"));
        QCOMPARE(value(t, "SELECT reflow_count FROM boards"), QStringLiteral("3"));
        auto last = t.record(Step::Inspect, {"unit=" + unit, "result=fail", "void_pct=35"});
        QVERIFY(last.ok());
        QCOMPARE(last->event.payload.value("outcome").toString(), QStringLiteral("scrap"));
        QCOMPARE(value(t, "SELECT state FROM units"), QStringLiteral("scrapped"));
        QCOMPARE(value(t, "SELECT state FROM dies"), QStringLiteral("scrapped"));
        QCOMPARE(value(t, "SELECT state FROM boards"), QStringLiteral("scrapped"));
        QCOMPARE(t.record(Step::Reball, {"die=" + die}).error().code, ErrorCode::ItemScrapped);
    }

    void repairLimitIsConfigurable()
    {
        test::TestDatabase t;
        QVERIFY(sql::run(t.db().connection(), QStringLiteral("UPDATE config SET value = '0' WHERE key = ?"),
                         {QStringLiteral("repair.max_attempts")})
                    .ok());
        QVERIFY(t.recorder().reloadConfig().ok());
        const QString unit = t.mountedUnit("ZT4090A123456", "SB00000001");
        auto fail = t.record(Step::Inspect, {"unit=" + unit, "result=fail", "bridges=1"});
        QCOMPARE(fail->event.payload.value("outcome").toString(), QStringLiteral("scrap"));
    }

    /// A carton takes `pack.carton_capacity` units and not one more; a voided pack frees its
    /// place; 0 lifts the limit.
    void fullCartonIsRefused()
    {
        test::TestDatabase t;
        QVERIFY(ConfigStore(t.db().connection())
                    .setConfigValue(QStringLiteral("pack.carton_capacity"), QStringLiteral("2"), t.admin(),
                                    QStringLiteral("PACK-1"))
                    .ok());
        QVERIFY(t.recorder().reloadConfig().ok());
        QStringList units;
        for (int i = 0; i < 3; ++i)
            units << t.testedUnit(QStringLiteral("ZT4090A12345%1").arg(i),
                                  QStringLiteral("SB0000000%1").arg(i + 1));
        QVERIFY(t.record(Step::Pack, {"unit=" + units[0], "batch=B2611-001"}).ok());
        auto second = t.record(Step::Pack, {"unit=" + units[1], "batch=B2611-001"});
        QVERIFY(second.ok());
        const QString before = t.dump();
        auto third = t.record(Step::Pack, {"unit=" + units[2], "batch=B2611-001"});
        QVERIFY(!third.ok());
        QCOMPARE(third.error().field, QStringLiteral("batch"));
        QCOMPARE(third.error().code, ErrorCode::BatchFull);
        QVERIFY2(third.error().message.contains(QStringLiteral("full (2 of 2 units)")),
                 qPrintable(third.error().message));
        QCOMPARE(t.dump(), before);
        QVERIFY(t.record(Step::Void, {"event=" + second->event.id, "reason=wrong carton"}, "SUP1").ok());
        QVERIFY(t.record(Step::Pack, {"unit=" + units[2], "batch=B2611-001"}).ok());
        QVERIFY(ConfigStore(t.db().connection())
                    .setConfigValue(QStringLiteral("pack.carton_capacity"), QStringLiteral("0"), t.admin(),
                                    QStringLiteral("PACK-1"))
                    .ok());
        QVERIFY(t.recorder().reloadConfig().ok());
        QVERIFY(t.record(Step::Pack, {"unit=" + units[1], "batch=B2611-001"}).ok());
    }

    void voidRestoresPreviousStateAndKeepsTheRecord()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit("ZT4090A123456", "SB00000001");
        auto pack = t.record(Step::Pack, {"unit=" + unit, "batch=B2611-001"});
        QVERIFY(pack.ok());
        QCOMPARE(t.record(Step::Void, {"event=" + pack->event.id, "reason=wrong carton"}).error().code,
                 ErrorCode::NotPermitted);
        auto v = t.record(Step::Void, {"event=" + pack->event.id, "reason=wrong carton"}, "SUP1");
        QVERIFY2(v.ok(), v.ok() ? "" : qPrintable(v.error().oneLine()));
        QCOMPARE(value(t, "SELECT state FROM units"), QStringLiteral("tested"));
        QCOMPARE(value(t, "SELECT count(*) FROM batches"), QStringLiteral("0"));
        QCOMPARE(value(t, "SELECT count(*) FROM events WHERE id = ?", {pack->event.id}), QStringLiteral("1"));
        QCOMPARE(value(t, "SELECT void_event_id FROM voided_events WHERE event_id = ?", {pack->event.id}),
                 v->event.id);
        QCOMPARE(t.record(Step::Void, {"event=" + pack->event.id, "reason=again"}, "SUP1").error().code,
                 ErrorCode::AlreadyVoided);
        // the unit can now go into the right carton
        QVERIFY(t.record(Step::Pack, {"unit=" + unit, "batch=B2611-002"}).ok());
        QVERIFY(IntegrityChecker(t.db().connection()).run().value().isEmpty());
    }

    void voidIsBlockedByLaterRecords()
    {
        test::TestDatabase t;
        const QString unit = t.mountedUnit("ZT4090A123456", "SB00000001");
        auto inspect = t.record(Step::Inspect, {"unit=" + unit, "result=pass"});
        QVERIFY(t.passTest(unit).ok());
        auto blocked = t.record(Step::Void, {"event=" + inspect->event.id, "reason=x"}, "SUP1");
        QCOMPARE(blocked.error().code, ErrorCode::VoidBlocked);
        // another unit packed into the same batch does not block voiding a pack; closing it does
        const QString second = t.testedUnit("ZT4090A999999", "SB00000002");
        auto pack1 = t.record(Step::Pack, {"unit=" + unit, "batch=B2611-001"});
        QVERIFY(t.record(Step::Pack, {"unit=" + second, "batch=B2611-001"}).ok());
        QVERIFY(t.record(Step::Close, {"batch=B2611-001"}, "SUP1").ok());
        QCOMPARE(t.record(Step::Void, {"event=" + pack1->event.id, "reason=x"}, "SUP1").error().code,
                 ErrorCode::VoidBlocked);
    }

    void checkFindsTamperedDerivedState()
    {
        test::TestDatabase t;
        t.testedUnit("ZT4090A123456", "SB00000001");
        QVERIFY(IntegrityChecker(t.db().connection()).run().value().isEmpty());
        const QString before = t.dump();
        QVERIFY(sql::run(t.db().connection(), QStringLiteral("UPDATE units SET state = 'shipped'")).ok());
        auto problems = IntegrityChecker(t.db().connection()).run();
        QVERIFY(problems.ok());
        QCOMPARE(problems->size(), 1);
        QVERIFY(problems->first().contains(QStringLiteral("units")));
        // and says where: the unit's serial
        QVERIFY2(problems->first().contains(value(t, "SELECT serial FROM units")),
                 qPrintable(problems->first()));
        // the check itself changed nothing
        QVERIFY(t.dump() != before);
        QCOMPARE(value(t, "SELECT state FROM units"), QStringLiteral("shipped"));
    }

    /// A derived row that is missing, not changed, is found too: by the whole check and by one
    /// item's check. (The comparison once read ((replay - db) + db) - replay, which is empty
    /// whenever the database only lacks rows.)
    void aMissingDerivedRowIsFound()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit("ZT4090A123456", "SB00000001");
        QVERIFY(sql::run(t.db().connection(), QStringLiteral("DELETE FROM kpi_units")).ok());
        auto problems = IntegrityChecker(t.db().connection()).run();
        QVERIFY(problems.ok());
        QCOMPARE(problems->size(), 1);
        QVERIFY2(problems->first().contains(QStringLiteral("kpi_units")), qPrintable(problems->first()));
        QVERIFY2(problems->first().contains(unit), qPrintable(problems->first()));

        test::TestDatabase other;
        const QString lost = other.testedUnit("ZT4090A123456", "SB00000001");
        // as a damaged file would lack it: past the foreign keys
        QVERIFY(sql::exec(other.db().connection(), QStringLiteral("PRAGMA foreign_keys = OFF")).ok());
        auto deleted = sql::exec(other.db().connection(), QStringLiteral("DELETE FROM units"));
        QVERIFY(deleted.ok());
        auto item = IntegrityChecker(other.db().connection()).checkItem(lost);
        QVERIFY(item.ok());
        QVERIFY2(item->join(' ').contains(QStringLiteral("units ") + lost), qPrintable(item->join(' ')));
    }

    /// A row whose parent is gone is named by its own key and the value that names no parent,
    /// not by SQLite's rowid, which no supervisor can look up.
    void aBrokenForeignKeyNamesTheRowAndTheMissingParent()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit("ZT4090A123456", "SB00000001");
        const QString die = sql::scalar(t.db().connection(),
                                        QStringLiteral("SELECT die_id FROM units WHERE serial = ?"), {unit})
                                .value()
                                .toString();
        QVERIFY(!die.isEmpty());
        // as a damaged file would lack it: past the foreign keys
        QVERIFY(sql::exec(t.db().connection(), QStringLiteral("PRAGMA foreign_keys = OFF")).ok());
        QVERIFY(sql::exec(t.db().connection(), QStringLiteral("DELETE FROM dies")).ok());
        auto problems = IntegrityChecker(t.db().connection()).run();
        QVERIFY(problems.ok());
        const QString line =
            QStringLiteral("foreign key: units %1: die_id = %2 is not in dies").arg(unit, die);
        QVERIFY2(problems->contains(line), qPrintable(problems->join(QLatin1Char('\n'))));
        for (const QString& p : problems.value())
            QVERIFY2(!p.contains(QStringLiteral("rowid")), qPrintable(p));
    }

    /// A broken link does not hide the rest: the replay still runs, a row the replay gives other
    /// values counts once, and events whose operator is gone from the registry are named.
    void checkTellsEveryDamageAtOnceAndCountsARowOnce()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit("ZT4090A123456", "SB00000001");
        const QSqlDatabase c = t.db().connection();
        const QString card = value(t, "SELECT card_serial FROM units");
        const QString stripper = value(t, "SELECT operator_id FROM events WHERE step = 'strip'");
        const QString strips = value(t, "SELECT count(*) FROM events WHERE operator_id = (SELECT operator_id "
                                        "FROM events WHERE step = 'strip')");
        QVERIFY(!card.isEmpty() && !stripper.isEmpty());
        QVERIFY(sql::exec(c, QStringLiteral("PRAGMA foreign_keys = OFF")).ok());
        QVERIFY(sql::exec(c, QStringLiteral("DELETE FROM dies")).ok());
        QVERIFY(sql::exec(c, QStringLiteral("UPDATE cards SET state = 'scrapped'")).ok());
        QVERIFY(sql::exec(c, QStringLiteral("DELETE FROM operators WHERE id = ?"), {stripper}).ok());
        auto problems = IntegrityChecker(c).run();
        QVERIFY(problems.ok());
        const QString all = problems->join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("foreign key: units %1: die_id").arg(unit)), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("derived state: 1 row(s) of dies differ")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("derived state: 1 row(s) of cards differ")), qPrintable(all));
        QVERIFY2(
            all.contains(QStringLiteral("events: %1 event(s) name operator %2, who is not registered here")
                             .arg(strips, stripper)),
            qPrintable(all));
    }

    /// Who may act is reference data, recorded like work: an operator written into the file by
    /// hand (an admin nobody created) and a station deleted by hand are both found.
    void checkFindsOperatorsAndStationsChangedByHand()
    {
        test::TestDatabase t;
        t.testedUnit("ZT4090A123456", "SB00000001");
        const QSqlDatabase c = t.db().connection();
        QVERIFY(IntegrityChecker(c).run().value().isEmpty());
        QVERIFY(sql::exec(c, QStringLiteral("PRAGMA foreign_keys = OFF")).ok());
        QVERIFY(sql::exec(
                    c,
                    QStringLiteral("INSERT INTO operators SELECT 'EVIL', 'Mallory', 'admin', pin_hash, 1, ? "
                                   "FROM operators WHERE id = ?"),
                    {t.clock().now().toString(Qt::ISODateWithMs), t.admin()})
                    .ok());
        const QString strip = value(t, "SELECT station_id FROM events WHERE step = 'strip'");
        QVERIFY(sql::exec(c, QStringLiteral("DELETE FROM stations WHERE id = ?"), {strip}).ok());
        // and a role changed by hand, told with both values
        QVERIFY(sql::exec(c, QStringLiteral("UPDATE operators SET role = 'admin' WHERE id = 'OP1'")).ok());
        auto problems = IntegrityChecker(c).run();
        QVERIFY(problems.ok());
        const QString all = problems->join(QLatin1Char('\n'));
        QVERIFY2(
            all.contains(QStringLiteral("operators OP1.role is 'admin', its newest change says 'operator'")),
            qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("operators EVIL was not added by any recorded change")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("stations %1 is missing").arg(strip)), qPrintable(all));
    }

    /// The daily rollups are proved against the rows they count.
    void aDriftedDailyRollupIsFound()
    {
        test::TestDatabase t;
        t.testedUnit("ZT4090A123456", "SB00000001");
        QVERIFY(IntegrityChecker(t.db().connection()).run().value().isEmpty());
        for (const char* table : {"kpi_first_daily", "kpi_units_daily", "kpi_operator_daily"}) {
            const QString column = QString::fromLatin1(table) == QLatin1String("kpi_operator_daily")
                                       ? QStringLiteral("events")
                                       : QStringLiteral("units");
            QVERIFY(
                sql::run(t.db().connection(), QStringLiteral("UPDATE %1 SET %2 = %2 + 1").arg(table, column))
                    .ok());
            auto problems = IntegrityChecker(t.db().connection()).run();
            QVERIFY(problems.ok());
            QCOMPARE(problems->size(), 1);
            QVERIFY2(problems->first().contains(QLatin1String(table)), qPrintable(problems->first()));
            // the day (or the kind and the day) of the drifted row
            QVERIFY2(problems->first().contains(t.clock().now().date().toString(Qt::ISODate)),
                     qPrintable(problems->first()));
            QVERIFY(
                sql::run(t.db().connection(), QStringLiteral("UPDATE %1 SET %2 = %2 - 1").arg(table, column))
                    .ok());
        }
        QVERIFY(IntegrityChecker(t.db().connection()).run().value().isEmpty());
    }

    /// A difference is told as a supervisor can judge it: the row, the column, what the file holds
    /// and what the events give; a list cut short says how many it leaves out; the rows are
    /// counted, not the lines; and derived state alone is what a replay can put right.
    void checkNamesTheColumnBothValuesAndHowManyMore()
    {
        test::TestDatabase t;
        for (int i = 0; i < 5; ++i)
            t.testedUnit(QStringLiteral("ZT4090A12345%1").arg(i), QStringLiteral("SB0000000%1").arg(i));
        const QSqlDatabase c = t.db().connection();
        QVERIFY(IntegrityChecker(c).run().value().isEmpty());
        const QString firstCard = value(t, "SELECT min(serial) FROM cards");
        const QString state = value(t, "SELECT state FROM cards WHERE serial = ?", {firstCard});
        const QString die = value(t, "SELECT min(id) FROM dies");
        const QString reflows = value(t, "SELECT reflow_count FROM dies WHERE id = ?", {die});
        QVERIFY(sql::exec(c, QStringLiteral("UPDATE cards SET state = 'scrapped'")).ok());
        QVERIFY(sql::exec(c, QStringLiteral("UPDATE dies SET reflow_count = 9 WHERE id = ?"), {die}).ok());
        auto found = IntegrityChecker(c).findings();
        QVERIFY(found.ok());
        const QString all = IntegrityChecker(c).run().value().join(QLatin1Char('\n'));
        QVERIFY2(all.contains(
                     QStringLiteral("derived state: 5 row(s) of cards differ from a replay of the events: "
                                    "cards %1: state is 'scrapped', the events give '%2'")
                         .arg(firstCard, state)),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("; and 2 more")), qPrintable(all));
        QVERIFY2(
            all.contains(QStringLiteral("dies %1: reflow_count is 9, the events give %2").arg(die, reflows)),
            qPrintable(all));
        QCOMPARE(IntegrityChecker::rows(found.value()), 6);
        QVERIFY(IntegrityChecker::repairable(found.value()));
        // A row the file lacks, and one no event makes.
        QVERIFY(sql::exec(c, QStringLiteral("PRAGMA foreign_keys = OFF")).ok());
        const QString unit = value(t, "SELECT min(serial) FROM units");
        QVERIFY(sql::exec(c, QStringLiteral("DELETE FROM units WHERE serial = ?"), {unit}).ok());
        QVERIFY(
            sql::exec(c, QStringLiteral("INSERT INTO voided_events VALUES ('EV-NONE', 'EV-NONE2')")).ok());
        const QString more = IntegrityChecker(c).run().value().join(QLatin1Char('\n'));
        QVERIFY2(more.contains(QStringLiteral("units %1 is missing, though the events make it").arg(unit)),
                 qPrintable(more));
        QVERIFY2(more.contains(QStringLiteral("voided_events EV-NONE is made by no event")),
                 qPrintable(more));
    }

    /// The event links (which serials an event concerns) are recorded with the event, not derived:
    /// their damage is named as itself, before the rollups it throws off, and no replay can
    /// repair it.
    void damagedEventLinksAreToldAsThemselves()
    {
        test::TestDatabase t;
        t.testedUnit("ZT4090A123456", "SB00000001");
        const QString other = t.testedUnit("ZT4090A123457", "SB00000002");
        const QSqlDatabase c = t.db().connection();
        QVERIFY(IntegrityChecker(c).run().value().isEmpty());
        const QString test = value(t, "SELECT min(seq) FROM events WHERE step = 'test'");
        const QString inspect = value(t, "SELECT min(seq) FROM events WHERE step = 'inspect'");
        const QString mount = value(t, "SELECT min(seq) FROM events WHERE step = 'mount'");
        const QString otherCard = value(t, "SELECT card_serial FROM units WHERE serial = ?", {other});
        QVERIFY(sql::exec(c,
                          QStringLiteral("DELETE FROM event_subjects WHERE event_seq = ? AND kind = 'card'"),
                          {test})
                    .ok());
        QVERIFY(sql::exec(c,
                          QStringLiteral("UPDATE event_subjects SET serial = ? WHERE event_seq = ? AND "
                                         "kind = 'card'"),
                          {otherCard, inspect})
                    .ok());
        QVERIFY(sql::exec(c,
                          QStringLiteral("DELETE FROM event_subjects WHERE event_seq = ? AND kind = 'unit'"),
                          {mount})
                    .ok());
        auto found = IntegrityChecker(c).findings();
        QVERIFY(found.ok());
        const QStringList lines = IntegrityChecker(c).run().value();
        const QString all = lines.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(
                     QStringLiteral(
                         "event links: 1 event(s) name no donor card, or more than one: event %1 (test of")
                         .arg(test)),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("event links: 1 link(s) name a card, die or board their event's "
                                             "item does not come from: event %1 (inspect of")
                                  .arg(inspect)),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("names card %1").arg(otherCard)), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("event links: 1 event(s) do not name their own item: event %1 "
                                             "(mount of")
                                  .arg(mount)),
                 qPrintable(all));
        // The cause comes before its effects on the rollups.
        const auto firstOf = [&](const QString& prefix) {
            for (qsizetype i = 0; i < lines.size(); ++i)
                if (lines.at(i).startsWith(prefix))
                    return i;
            return qsizetype(-1);
        };
        QVERIFY(firstOf(QStringLiteral("event links:")) >= 0);
        QVERIFY2(firstOf(QStringLiteral("derived state:")) < 0 ||
                     firstOf(QStringLiteral("event links:")) < firstOf(QStringLiteral("derived state:")),
                 qPrintable(all));
        QVERIFY(!IntegrityChecker::repairable(found.value()));
    }

    /// The record itself: an event edited by hand breaks the hash chain, a link added to a batch's
    /// close or pointed at another die names an item the event is not about. Each is a change of
    /// the record, not derived state a replay could put right, and one item's check finds those
    /// of its own events too.
    void checkWalksTheChainAndJudgesEveryLink()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit("ZT4090A123456", "SB00000001");
        const QString other = t.testedUnit("ZT4090A123457", "SB00000002");
        QVERIFY(t.record(Step::Pack, {"unit=" + unit, "batch=B-REP-1"}).ok());
        QVERIFY(t.record(Step::Close, {"batch=B-REP-1"}, "SUP1").ok());
        const QSqlDatabase c = t.db().connection();
        QVERIFY(IntegrityChecker(c).run().value().isEmpty());
        const QString test =
            value(t, "SELECT min(seq) FROM events WHERE step = 'test' AND subject = ?", {unit});
        const QString inspect =
            value(t, "SELECT min(seq) FROM events WHERE step = 'inspect' AND subject = ?", {unit});
        const QString close = value(t, "SELECT seq FROM events WHERE step = 'close'");
        const QString otherDie = value(t, "SELECT die_id FROM units WHERE serial = ?", {other});
        QVERIFY(sql::exec(c, QStringLiteral("DROP TRIGGER events_append_only_update")).ok());
        QVERIFY(sql::exec(c, QStringLiteral("UPDATE events SET operator_id = 'SUP1' WHERE seq = ?"), {test})
                    .ok());
        QVERIFY(
            sql::exec(c,
                      QStringLiteral("INSERT INTO event_subjects SELECT ?, 'card', card_serial FROM units "
                                     "WHERE serial = ?"),
                      {close, other})
                .ok());
        QVERIFY(
            sql::exec(c,
                      QStringLiteral("UPDATE event_subjects SET serial = ? WHERE event_seq = ? AND kind = "
                                     "'die'"),
                      {otherDie, inspect})
                .ok());
        auto found = IntegrityChecker(c).findings();
        QVERIFY(found.ok());
        QVERIFY(!IntegrityChecker::repairable(found.value()));
        const QString all = IntegrityChecker(c).run().value().join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("events: the hash chain breaks at event #%1").arg(test)),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("event links: 2 link(s) name a card, die or board their event's "
                                             "item does not come from")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("event %1 (close of B-REP-1) names card").arg(close)),
                 qPrintable(all));
        QVERIFY2(all.contains(
                     QStringLiteral("event %1 (inspect of %2) names die %3").arg(inspect, unit, otherDie)),
                 qPrintable(all));
        // One item's check: its own changed event and link, though its rows equal a replay.
        auto item = IntegrityChecker(c).itemFindings(unit);
        QVERIFY(item.ok());
        QVERIFY(!IntegrityChecker::repairable(item.value()));
        QStringList lines;
        for (const auto& f : item.value())
            lines << f.text;
        const QString one = lines.join(QLatin1Char('\n'));
        QVERIFY2(one.contains(QStringLiteral("(#%1, test of %2) does not match its hash").arg(test, unit)),
                 qPrintable(one));
        QVERIFY2(one.contains(QStringLiteral("names die %1").arg(otherDie)), qPrintable(one));
    }

    /// A day's station work can sum to 0 on the way (a -1 before a +1); its daily row stays, so
    /// the next count lands on the right total and the operators' list keeps the operator.
    void aDayWhoseWorkPassesThroughZeroKeepsItsRow()
    {
        test::TestDatabase t;
        t.testedUnit("ZT4090A123456", "SB00000001");
        const QSqlDatabase c = t.db().connection();
        const QString hour = value(t, "SELECT min(hour) FROM kpi_hourly");
        const QString other = hour.left(11) + (hour.mid(11, 2) == QLatin1String("23") ? "22" : "23");
        QVERIFY(sql::exec(c,
                          QStringLiteral(
                              "INSERT INTO kpi_hourly (hour, station_id, operator_id, step, model, events) "
                              "SELECT ?, station_id, operator_id, step, model, -events FROM kpi_hourly "
                              "WHERE hour = ? LIMIT 1"),
                          {other, hour})
                    .ok());
        QVERIFY(IntegrityChecker(c).run().ok());
        QCOMPARE(value(t, "SELECT count(*) FROM kpi_operator_daily WHERE events = 0"), QStringLiteral("1"));
        QVERIFY(
            sql::exec(c, QStringLiteral("UPDATE kpi_hourly SET events = events + 1 WHERE hour = ?"), {other})
                .ok());
        QVERIFY(sql::exec(c, QStringLiteral("DELETE FROM kpi_hourly WHERE hour = ?"), {other}).ok());
        // Back to what the events say, and the rollup with it.
        QVERIFY(IntegrityChecker(c).run().value().isEmpty());
    }

    void committedRecordsSurviveReopen()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit("ZT4090A123456", "SB00000001");
        t.reopen();
        QCOMPARE(value(t, "SELECT state FROM units WHERE serial = ?", {unit}), QStringLiteral("tested"));
        QCOMPARE(value(t, "SELECT count(*) FROM events WHERE step <> 'reference'"), QStringLiteral("6"));
    }

    void bakeRestartsTheFloorLifeClock()
    {
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).ok());
        const QString die = t.record(Step::Strip, {"card=ZT4090A123456"}).value().createdId();
        t.clock().advanceSeconds(8 * 24 * 3600); // a week and a day on the shelf: past MSL 3's 168 h
        const QString before = t.dump();
        auto refused = t.record(Step::Reball, {"die=" + die});
        QCOMPARE(refused.error().code, ErrorCode::MslExpired);
        QCOMPARE(t.dump(), before);
        QVERIFY(t.record(Step::Bake, {"die=" + die, "hours=9", "temp_c=125", "oven=OV-1"}).ok());
        QCOMPARE(value(t, "SELECT exposed_at FROM dies"), t.clock().now().toString(Qt::ISODateWithMs));
        QVERIFY(t.record(Step::Reball, {"die=" + die}).ok());
        QVERIFY(IntegrityChecker(t.db().connection()).run().value().isEmpty());
    }

    /// A pass without the GPU's report, or a value kept over the report's, only by a supervisor
    /// with a reason: the event keeps both values and the reason, the audit log the override.
    void theTestGateGivesWayOnlyToASupervisorWithAReason()
    {
        test::TestDatabase t;
        const QString unit = t.mountedUnit("ZT4090A123456", "SB00000001");
        QVERIFY(t.record(Step::Inspect, {"unit=" + unit, "result=pass"}).ok());
        const QString before = t.dump();
        QCOMPARE(t.record(Step::Test, {"unit=" + unit, "result=pass"}).error().code,
                 ErrorCode::ReportRequired);
        QCOMPARE(
            t.record(Step::Test, {"unit=" + unit, "result=pass", "override_reason=rig down"}).error().code,
            ErrorCode::NotPermitted);
        const GpuReport report = t.report(test::TestDatabase::gpuUuid(77));
        QCOMPARE(t.record(Step::Test, {"unit=" + unit, "result=pass", "pcie_gen=5"}, report).error().code,
                 ErrorCode::ReportContradiction);
        QCOMPARE(t.dump(), before);
        auto r = t.record(Step::Test,
                          {"unit=" + unit, "result=pass", "pcie_gen=5", "override_reason=rig reads Gen4"},
                          report, "SUP1");
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        QCOMPARE(r->event.payload.value("pcie_gen").toDouble(), 5.0); // the supervisor's value stands
        QCOMPARE(r->event.payload.value("report_values").toObject().value("pcie_gen").toDouble(), 4.0);
        QCOMPARE(r->event.payload.value("override_reason").toString(), QStringLiteral("rig reads Gen4"));
        QVERIFY(value(t, "SELECT detail FROM audit_log WHERE kind = 'override' AND operator_id = 'SUP1'")
                    .contains(QStringLiteral("rig reads Gen4")));
    }

    /// At intake too the report must be of the card's product: an A100's report is no RTX 4090.
    void intakeRefusesTheReportOfAnotherProduct()
    {
        test::TestDatabase t;
        auto a100 = GpuReportReader::readFile(
            QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/influxdata_a100-sxm4-v12.xml"), -1, t.folder());
        QVERIFY(a100.ok());
        const QString before = t.dump();
        auto r = t.record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}, a100.value());
        QCOMPARE(r.error().code, ErrorCode::WrongProduct);
        QVERIFY2(r.error().message.contains(QStringLiteral("2684")), qPrintable(r.error().message));
        QCOMPARE(t.dump(), before);
        // the card's own report is taken, with what it says of itself
        auto own = t.record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"},
                            t.report(test::TestDatabase::gpuUuid(5)));
        QVERIFY2(own.ok(), own.ok() ? "" : qPrintable(own.error().message));
        QCOMPARE(own->event.payload.value("report_product").toString(),
                 QStringLiteral("NVIDIA GeForce RTX 4090"));
        QCOMPARE(value(t, "SELECT gpu_uuid FROM cards"), test::TestDatabase::gpuUuid(5));
    }

    void gpuUuidFollowsTheDie()
    {
        test::TestDatabase t;
        const QString uuid = QStringLiteral("GPU-2d3f0a1b-0c4d-5e6f-7a8b-9c0d1e2f3a4b");
        QVERIFY(t.record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1", "gpu_uuid=" + uuid})
                    .ok());
        QCOMPARE(t.record(Step::Intake, {"card=ZT4090A999999", "model=RTX4090", "lot=L1", "gpu_uuid=" + uuid})
                     .error()
                     .code,
                 ErrorCode::DuplicateGpuUuid);
        const QString die = t.record(Step::Strip, {"card=ZT4090A123456"}).value().createdId();
        QVERIFY(t.record(Step::Reball, {"die=" + die}).ok());
        const QString unit = t.record(Step::Mount, {"die=" + die, "board=SB00000001"}).value().createdId();
        QVERIFY(t.record(Step::Inspect, {"unit=" + unit, "result=pass"}).ok());
        QCOMPARE(t.record(Step::Test, {"unit=" + unit, "result=pass"},
                          t.report("GPU-ffffffff-0c4d-5e6f-7a8b-9c0d1e2f3a4b"))
                     .error()
                     .code,
                 ErrorCode::GpuUuidMismatch);
        QVERIFY(t.record(Step::Test, {"unit=" + unit, "result=pass"}, t.report(uuid.toUpper())).ok());
        QCOMPARE(value(t, "SELECT gpu_uuid FROM units"), uuid);
    }
};

QTEST_GUILESS_MAIN(TestRecorder)
#include "TestRecorder.moc"
