// Every KPI against values computed by hand on a small fixed history:
//   A passes everything first time; B fails inspection once (bridge) then passes; C fails test once
//   (thermal) then passes on retest; D is scrapped at intake; E waits for strip; F waits for
//   reball; G's intake was voided. One operator (OP1) did all the work.
#include "TestDatabase.h"
#include "auth/OperatorAccounts.h"
#include "domain/IdGenerator.h"
#include "reports/KpiQuery.h"
#include "storage/EventStore.h"
#include "storage/IntegrityChecker.h"
#include "storage/Sql.h"
#include "storage/StateProjector.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QSqlRecord>
#include <QTest>

using namespace rework;

class TestKpiQuery : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    QDateTime start;

    void ok(Step s, const QStringList& fields, const QString& op = QStringLiteral("OP1"))
    {
        auto r = t->record(s, fields, op);
        if (!r)
            qFatal("setup: %s", qPrintable(r.error().oneLine()));
    }
    /// Strips, reballs and mounts a received card; returns {die, unit}.
    std::pair<QString, QString> mount(const QString& card)
    {
        const QString die = t->record(Step::Strip, {"card=" + card}).value().createdId();
        ok(Step::Reball, {"die=" + die});
        const QString unit =
            t->record(Step::Mount, {"die=" + die, "board=SB" + card.right(8)}).value().createdId();
        return {die, unit};
    }
    KpiFilter filter() const
    {
        KpiFilter f;
        f.from = start.date();
        f.to = start.date();
        f.now = start.addDays(2);
        return f;
    }
    KpiReport compute(const KpiFilter& f)
    {
        auto r = KpiQuery(t->db().connection()).compute(f);
        if (!r)
            qFatal("kpi: %s", qPrintable(r.error().oneLine()));
        return r.value();
    }

    /// The figures KpiQuery gives, counted straight from the detailed rows for the filter's window.
    struct Expected
    {
        qint64 inspected = 0, inspectPassed = 0, tested = 0, testPassed = 0, retested = 0, good = 0,
               scrapped = 0;
        int mounted = 0;
        QMap<int, int> loops;
        QMap<QString, int> events;
    };
    static std::optional<double> ratioOf(qint64 part, qint64 whole)
    {
        return whole > 0 ? std::optional<double>(double(part) / double(whole)) : std::nullopt;
    }
    static Expected expected(test::TestDatabase& db, const KpiFilter& f)
    {
        const QString from = f.fromText(), to = f.toText();
        // '' rather than a null string, which would bind as NULL
        const QString station = f.station.isNull() ? QStringLiteral("") : f.station;
        const QString model = f.model.isNull() ? QStringLiteral("") : f.model;
        auto rows = [&](const QString& statement, const QVariantList& binds) {
            auto q = sql::run(db.db().connection(), statement, binds);
            if (!q)
                qFatal("oracle: %s", qPrintable(q.error().oneLine()));
            QList<QVariantList> out;
            while (q.value().next()) {
                QVariantList row;
                for (int i = 0; i < q.value().record().count(); ++i)
                    row << q.value().value(i);
                out << row;
            }
            return out;
        };
        Expected e;
        for (const auto& r :
             rows("SELECT count(*), coalesce(sum(first_inspect_pass), 0) FROM kpi_units WHERE "
                  "first_inspect_at >= ? AND first_inspect_at < ? AND (? = '' OR "
                  "first_inspect_station = ?) AND (? = '' OR model = ?)",
                  {from, to, station, station, model, model})) {
            e.inspected = r.at(0).toLongLong();
            e.inspectPassed = r.at(1).toLongLong();
        }
        for (const auto& r :
             rows("SELECT count(*), coalesce(sum(first_test_pass), 0), coalesce(sum(tests > 1), 0) "
                  "FROM kpi_units WHERE first_test_at >= ? AND first_test_at < ? AND (? = '' OR "
                  "first_test_station = ?) AND (? = '' OR model = ?)",
                  {from, to, station, station, model, model})) {
            e.tested = r.at(0).toLongLong();
            e.testPassed = r.at(1).toLongLong();
            e.retested = r.at(2).toLongLong();
        }
        for (const auto& r : rows("SELECT repair_count, count(*), coalesce(sum(state IN ('tested', 'packed', "
                                  "'shipped')), 0), coalesce(sum(state = 'scrapped'), 0) FROM units WHERE "
                                  "created_at >= ? AND created_at < ? AND (? = '' OR model = ?) GROUP BY 1",
                                  {from, to, model, model})) {
            e.loops.insert(r.at(0).toInt(), r.at(1).toInt());
            e.mounted += r.at(1).toInt();
            e.good += r.at(2).toLongLong();
            e.scrapped += r.at(3).toLongLong();
        }
        for (const auto& r :
             // every record an operator signed for, scraps, closes and shipments too
             rows("SELECT operator_id, sum(events) FROM kpi_hourly WHERE hour >= ? AND hour < ? "
                  "AND (? = '' OR station_id = ?) AND (? = '' OR model = ?) GROUP BY 1",
                  {from.left(13), to.left(13), station, station, model, model}))
            e.events.insert(r.at(0).toString(), r.at(1).toInt());
        return e;
    }

private slots:
    void initTestCase()
    {
        t = std::make_unique<test::TestDatabase>();
        start = t->clock().now();
        for (const char* c : {"CARDA0001", "CARDB0001", "CARDC0001", "CARDD0001", "CARDE0001", "CARDF0001"})
            ok(Step::Intake, {QStringLiteral("card=") + c, "model=RTX4090", "lot=LOT-1"});
        const auto [dieA, a] = mount("CARDA0001");
        ok(Step::Inspect, {"unit=" + a, "result=pass"});
        QVERIFY(t->passTest(a).ok());
        const auto [dieB, b] = mount("CARDB0001");
        ok(Step::Inspect, {"unit=" + b, "result=fail", "bridges=1"});
        ok(Step::Reball, {"die=" + dieB});
        ok(Step::Mount, {"die=" + dieB, "board=SBARDB0001"});
        ok(Step::Inspect, {"unit=" + b, "result=pass"});
        QVERIFY(t->passTest(b).ok());
        const auto [dieC, c] = mount("CARDC0001");
        ok(Step::Inspect, {"unit=" + c, "result=pass"});
        ok(Step::Test, {"unit=" + c, "result=fail", "temp_max_c=95"});
        ok(Step::Reball, {"die=" + dieC});
        ok(Step::Mount, {"die=" + dieC, "board=SBARDC0001"});
        ok(Step::Inspect, {"unit=" + c, "result=pass"});
        QVERIFY(t->passTest(c).ok());
        ok(Step::Scrap, {"item=CARDD0001", "reason=burnt", "defect=PHYSICAL_DAMAGE"});
        t->record(Step::Strip, {"card=CARDF0001"}).value();
        auto g = t->record(Step::Intake, {"card=CARDG0001", "model=RTX4090", "lot=LOT-1"});
        ok(Step::Void, {"event=" + g->event.id, "reason=wrong card"}, QStringLiteral("SUP1"));
    }

    void workInProgressByStep()
    {
        const KpiReport r = compute(filter());
        QCOMPARE(r.wipByStep.value("strip"), 1);  // E
        QCOMPARE(r.wipByStep.value("reball"), 1); // F's die
        QCOMPARE(r.wipByStep.value("mount"), 0);
        QCOMPARE(r.wipByStep.value("inspect"), 0);
        QCOMPARE(r.wipByStep.value("test"), 0);
        QCOMPARE(r.wipByStep.value("pack"), 3); // A, B, C
        // two days later all of them have waited past 24 h, oldest first
        QCOMPARE(r.aging.size(), 5);
        QCOMPARE(r.agingCount, 5);
        QCOMPARE(r.aging.first().serial, QStringLiteral("CARDE0001"));
        for (qsizetype i = 1; i < r.aging.size(); ++i)
            QVERIFY(r.aging.at(i - 1).since <= r.aging.at(i).since);
        KpiFilter fresh = filter();
        fresh.now = start.addSecs(3600 * 10);
        QCOMPARE(compute(fresh).aging.size(), 0);
        QCOMPARE(compute(fresh).agingCount, 0);
    }

    /// The aging list shows the 200 oldest; the count is every idle item, not the list's length.
    void agingCountsEveryIdleItemWhileTheListStopsAt200()
    {
        test::TestDatabase db;
        for (int i = 0; i < 230; ++i) {
            QVERIFY(db.record(Step::Intake, {QStringLiteral("card=CARDQ%1").arg(i, 4, 10, QLatin1Char('0')),
                                             "model=RTX4090", "lot=LOT-1"})
                        .ok());
        }
        KpiFilter f;
        f.from = f.to = db.clock().now().date();
        f.now = db.clock().now().addDays(2);
        const KpiReport r = KpiQuery(db.db().connection()).compute(f).value();
        QCOMPARE(r.wipByStep.value("strip"), 230);
        QCOMPARE(r.aging.size(), 200);
        QCOMPARE(r.agingCount, 230);
        QCOMPARE(r.toJson().value("aging_count").toInt(), 230);
    }

    void yieldsAndRates()
    {
        const KpiReport r = compute(filter());
        QCOMPARE(r.cardsReceived, 6); // G's voided intake does not count
        QCOMPARE(r.unitsMounted, 3);
        QCOMPARE(r.firstPassYieldInspect.value(), 2.0 / 3); // A, C pass first; B fails first
        QCOMPARE(r.firstPassYieldTest.value(), 2.0 / 3);    // A, B pass first; C fails first
        QCOMPARE(r.rolledThroughputYield.value(), 4.0 / 9);
        QCOMPARE(r.finalYield.value(), 1.0);     // all three passed in the end
        QCOMPARE(r.scrapRate.value(), 1.0 / 6);  // D
        QCOMPARE(r.retestRate.value(), 1.0 / 3); // C tested twice
        QCOMPARE(r.repairLoops.value(0), 1);
        QCOMPARE(r.repairLoops.value(1), 2);
    }

    void defectParetoMostFrequentFirst()
    {
        const KpiReport r = compute(filter());
        const QList<std::pair<QString, int>> expected{{"BRIDGE", 1}, {"PHYSICAL_DAMAGE", 1}, {"THERMAL", 1}};
        QCOMPARE(r.defectPareto, expected);
        QCOMPARE(r.defectSlices.size(), 3);
        for (const KpiReport::DefectSlice& d : r.defectSlices) {
            QCOMPARE(d.count, 1);
            QCOMPARE(d.lot, QStringLiteral("LOT-1"));
            QCOMPARE(d.operatorId, QStringLiteral("OP1"));
        }
        QCOMPARE(r.defectSlices.first().defect, QStringLiteral("BRIDGE"));
        QCOMPARE(r.defectSlices.first().station, QStringLiteral("INSPECT-1"));
        QCOMPARE(r.defectSlices.last().station, QStringLiteral("TEST-1"));
    }

    void drillDownFromADefectToItsUnits()
    {
        auto hits = KpiQuery(t->db().connection()).defectHits(filter(), QStringLiteral("THERMAL"));
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().step, QStringLiteral("test"));
        QVERIFY(hits->first().serial.startsWith(QLatin1Char('U')));
        QCOMPARE(KpiQuery(t->db().connection()).defectHits(filter(), QStringLiteral("NOPE"))->size(), 0);
    }

    void throughputPerStationAndOperator()
    {
        const KpiReport r = compute(filter());
        QCOMPARE(r.throughputByStation.value("INTAKE-1"), 6); // G voided
        QCOMPARE(r.throughputByStation.value("STRIP-1"), 4);
        QCOMPARE(r.throughputByStation.value("REBALL-1"), 5);
        QCOMPARE(r.throughputByStation.value("MOUNT-1"), 5);
        QCOMPARE(r.throughputByStation.value("INSPECT-1"), 5);
        QCOMPARE(r.throughputByStation.value("TEST-1"), 4);
        QVERIFY(!r.throughputByStation.contains("SYSTEM")); // scrap and void are not station work
        int hours = 0;
        for (const auto& byHour : r.throughputByStationHour)
            for (int n : byHour)
                hours += n;
        QCOMPARE(hours, 29);
        QCOMPARE(r.operators.size(), 1);
        QCOMPARE(r.operators.first().operatorId, QStringLiteral("OP1"));
        // Every record OP1 signed for: the 29 station steps and the scrap of D (SUP1's void is
        // not work on the line, and rollups leave voids out).
        QCOMPARE(r.operators.first().events, 30);
        QCOMPARE(r.operators.first().firstPassYield.value(), 2.0 / 3);
        KpiFilter oneStation = filter();
        oneStation.station = QStringLiteral("TEST-1");
        QCOMPARE(compute(oneStation).throughputByStation.size(), 1);
        QCOMPARE(compute(oneStation).firstPassYieldTest.value(), 2.0 / 3);
        QVERIFY(!compute(oneStation).firstPassYieldInspect.has_value()); // no inspections at TEST-1
    }

    void aMountedUnitThatFailedInspectionLowersItsOperatorsYield()
    {
        // OP2 reballs and mounts a unit whose X-ray shows voids; it is reworked and then passes
        // its first test. Its voids are OP2's work: OP2 stands at 1 of 2 first passes, not 100 %.
        test::TestDatabase db;
        QVERIFY(OperatorAccounts(db.db().connection())
                    .addOperator(QStringLiteral("OP2"), QStringLiteral("Wang Fang"),
                                 QStringLiteral("operator"), QStringLiteral("1234"))
                    .ok());
        auto rec = [&db](Step s, const QStringList& fields, const QString& op) {
            auto r = db.record(s, fields, op);
            if (!r)
                qFatal("setup: %s", qPrintable(r.error().oneLine()));
            return r.value();
        };
        const QString op2 = QStringLiteral("OP2"), op1 = QStringLiteral("OP1");
        rec(Step::Intake, {"card=CARDV0001", "model=RTX4090", "lot=LOT-1"}, op1);
        const QString die = rec(Step::Strip, {"card=CARDV0001"}, op1).createdId();
        rec(Step::Reball, {"die=" + die}, op2);
        const QString unit = rec(Step::Mount, {"die=" + die, "board=SBARDV0001"}, op2).createdId();
        rec(Step::Inspect, {"unit=" + unit, "result=fail", "void_pct=40"}, op1);
        rec(Step::Reball, {"die=" + die}, op2);
        rec(Step::Mount, {"die=" + die, "board=SBARDV0001"}, op2);
        rec(Step::Inspect, {"unit=" + unit, "result=pass"}, op1);
        QVERIFY(db.passTest(unit, op1).ok());
        // OP1's own unit passes both the first time.
        const QString good = db.testedUnit(QStringLiteral("CARDW0001"), QStringLiteral("SBARDW0001"));
        QVERIFY(!good.isEmpty());

        KpiFilter f;
        f.from = f.to = db.clock().now().date();
        f.now = db.clock().now();
        auto r = KpiQuery(db.db().connection()).compute(f);
        QVERIFY(r.ok());
        QMap<QString, std::optional<double>> yield;
        for (const KpiReport::OperatorFigures& o : r->operators)
            yield.insert(o.operatorId, o.firstPassYield);
        QCOMPARE(yield.value(op2).value(), 0.5); // inspection failed, test passed
        QCOMPARE(yield.value(op1).value(), 1.0); // the good unit, inspected and tested once each
        QCOMPARE(r->firstPassYieldInspect.value(), 0.5);
        QCOMPARE(r->firstPassYieldTest.value(), 1.0);
    }

    /// A range is read from the daily rollups for its whole days and from the detailed rows for
    /// its partial first and last day. Over four days of work, every kind of window (whole days,
    /// a window starting and ending mid-day, exact midnights, inside one day, a station, a model)
    /// gives the figures that the detailed rows alone give, before and after a void's replay.
    void wholeDaysFromTheDailyRollupsEqualTheDetailedRows()
    {
        test::TestDatabase db;
        db.clock().set(QDateTime(QDate(2026, 3, 2), QTime(5, 0), Qt::UTC));
        const QDateTime first = db.clock().now();
        auto rec = [&db](Step s, const QStringList& fields) {
            auto r = db.record(s, fields);
            if (!r)
                qFatal("setup: %s", qPrintable(r.error().oneLine()));
            return r.value();
        };
        Recorded lastFail;
        for (int i = 0; i < 15; ++i) {
            db.clock().advanceSeconds(7 * 3600);
            const QString card = QStringLiteral("CARDK%1").arg(i, 4, 10, QLatin1Char('0'));
            const QString board = QStringLiteral("SB") + card.right(8);
            rec(Step::Intake,
                {"card=" + card, "model=" + QString(i % 5 == 2 ? "RTX3090" : "RTX4090"), "lot=LOT-1"});
            const QString die = rec(Step::Strip, {"card=" + card}).createdId();
            rec(Step::Reball, {"die=" + die});
            const QString unit = rec(Step::Mount, {"die=" + die, "board=" + board}).createdId();
            if (i % 3 == 0) {
                lastFail = rec(Step::Inspect, {"unit=" + unit, "result=fail", "bridges=1"});
                if (i == 12)
                    continue; // left failed: its inspection is voided below
                rec(Step::Reball, {"die=" + die});
                rec(Step::Mount, {"die=" + die, "board=" + board});
            }
            rec(Step::Inspect, {"unit=" + unit, "result=pass"});
            if (i % 4 == 1) {
                rec(Step::Test, {"unit=" + unit, "result=fail", "temp_max_c=95"});
                rec(Step::Reball, {"die=" + die});
                rec(Step::Mount, {"die=" + die, "board=" + board});
                rec(Step::Inspect, {"unit=" + unit, "result=pass"});
            }
            if (i % 5 == 2)
                rec(Step::Scrap, {"item=" + unit, "reason=burnt", "defect=PHYSICAL_DAMAGE"});
            else
                QVERIFY(db.passTest(unit).ok());
        }
        const QDateTime last = db.clock().now();
        QVERIFY(first.daysTo(last) >= 4);

        auto windows = [&] {
            QList<KpiFilter> list;
            KpiFilter days;
            days.from = first.date();
            days.to = last.date();
            list << days;
            KpiFilter midDay;
            midDay.start = first.addSecs(13 * 3600);
            midDay.end = last.addSecs(-9 * 3600);
            list << midDay;
            KpiFilter midnights;
            midnights.start = QDateTime(first.date().addDays(1), QTime(0, 0), Qt::UTC);
            midnights.end = QDateTime(first.date().addDays(3), QTime(0, 0), Qt::UTC);
            list << midnights;
            KpiFilter inside;
            inside.start = QDateTime(first.date().addDays(1), QTime(3, 0), Qt::UTC);
            inside.end = QDateTime(first.date().addDays(1), QTime(20, 0), Qt::UTC);
            list << inside;
            KpiFilter station = midDay;
            station.station = QStringLiteral("INSPECT-1");
            list << station;
            KpiFilter model = midDay;
            model.model = QStringLiteral("RTX4090");
            list << model;
            for (KpiFilter& f : list) {
                if (!f.from.isValid()) {
                    f.from = f.start.date();
                    f.to = f.end.date();
                }
                f.now = last;
            }
            return list;
        };
        auto compareAll = [&] {
            for (const KpiFilter& f : windows()) {
                const QString what = f.fromText() + QStringLiteral(" – ") + f.toText() + QLatin1Char(' ') +
                                     f.station + f.model;
                const KpiReport r = KpiQuery(db.db().connection()).compute(f).value();
                const Expected e = expected(db, f);
                QVERIFY2(e.inspected > 0 || f.start.secsTo(f.end) < 86400, qPrintable(what));
                QCOMPARE(r.firstPassYieldInspect, ratioOf(e.inspectPassed, e.inspected));
                QCOMPARE(r.firstPassYieldTest, ratioOf(e.testPassed, e.tested));
                QCOMPARE(r.retestRate, ratioOf(e.retested, e.tested));
                QCOMPARE(r.unitsMounted, e.mounted);
                QCOMPARE(r.repairLoops, e.loops);
                QCOMPARE(r.finalYield, ratioOf(e.good, e.good + e.scrapped));
                QMap<QString, int> events;
                for (const KpiReport::OperatorFigures& o : r.operators)
                    events.insert(o.operatorId, o.events);
                QCOMPARE(events, e.events);
            }
        };
        compareAll();
        // A void replays the unit: its rows are deleted and made again, and the rollups follow.
        QVERIFY(db.record(Step::Void, {"event=" + lastFail.event.id, "reason=wrong unit"}, "SUP1").ok());
        compareAll();
        QVERIFY(IntegrityChecker(db.db().connection()).run().value().isEmpty());
    }

    void moistureAlarms()
    {
        KpiFilter f = filter();
        // F was stripped with the 30th record, 30 min after the start: at +150 h it has 18.5 h left.
        f.now = start.addSecs(150 * 3600);
        const KpiReport r = compute(f);
        QCOMPARE(r.mslAlarms.size(), 1);
        QCOMPARE(r.mslAlarms.first().hoursLeft, 18.5);
        f.now = start.addSecs(200 * 3600);
        QVERIFY(compute(f).mslAlarms.first().hoursLeft < 0); // expired
        QCOMPARE(compute(filter()).mslAlarms.size(), 0);
    }

    void emptyRangeHasNoRates()
    {
        KpiFilter f = filter();
        f.from = start.date().addDays(-30);
        f.to = start.date().addDays(-20);
        const KpiReport r = compute(f);
        QCOMPARE(r.cardsReceived, 0);
        QVERIFY(!r.firstPassYieldInspect && !r.firstPassYieldTest && !r.finalYield && !r.scrapRate &&
                !r.retestRate && !r.rolledThroughputYield);
        QVERIFY(r.defectPareto.isEmpty());
        QVERIFY(r.throughputByStation.isEmpty());
        QCOMPARE(r.wipByStep.value("pack"), 3); // WIP is now, whatever the range
        QCOMPARE(r.toJson().value("first_pass_yield").toObject().value("test").isNull(), true);
    }

    /// A range is of production days: each starts with its day shift in the factory's time and
    /// holds the night shift that starts that evening. So a day's figures are its two shifts',
    /// and the night of a date is the one that starts on it, not the small hours before it.
    void aDayHoldsItsDayShiftAndTheNightThatStartsThatEvening_data()
    {
        QTest::addColumn<int>("offsetMinutes");
        QTest::newRow("UTC") << 0;
        QTest::newRow("UTC+8") << 8 * 60;
        QTest::newRow("UTC-5") << -5 * 60;
        QTest::newRow("UTC+5:30") << 5 * 60 + 30;
        QTest::newRow("UTC+5:45") << 5 * 60 + 45;
        QTest::newRow("UTC-3:30") << -(3 * 60 + 30);
    }
    /// Cards received minutes either side of each shift change: every figure (cards, station
    /// throughput per shift and per clock hour, operators' work) counts each in its own shift,
    /// also where the factory's hours begin inside UTC hours (+05:30, +05:45, -03:30).
    void aDayHoldsItsDayShiftAndTheNightThatStartsThatEvening()
    {
        QFETCH(int, offsetMinutes);
        const ShiftCalendar calendar{6, offsetMinutes};
        const QDate d(2026, 11, 11); // after the test database's own set-up
        test::TestDatabase db;
        // One card received at each of these local times (the factory's clock).
        const QDateTime received[] = {
            QDateTime(d, QTime(5, 50), Qt::UTC),            // the end of the night before
            QDateTime(d, QTime(6, 10), Qt::UTC),            // day shift
            QDateTime(d, QTime(17, 50), Qt::UTC),           // day shift, near its end
            QDateTime(d, QTime(18, 10), Qt::UTC),           // night shift
            QDateTime(d.addDays(1), QTime(5, 59), Qt::UTC), // the same night shift, its last minute
            QDateTime(d.addDays(1), QTime(6, 0), Qt::UTC),  // the next day's day shift
        };
        // And minutes outside the three days below, in the same UTC hours as their edges.
        const QDateTime outside[] = {QDateTime(d.addDays(-1), QTime(5, 50), Qt::UTC),
                                     QDateTime(d.addDays(2), QTime(6, 10), Qt::UTC)};
        int n = 0;
        QList<QDateTime> recorded(std::begin(received), std::end(received));
        recorded << outside[0] << outside[1];
        for (const QDateTime& local : recorded) {
            // record() moves the clock on a minute first
            db.clock().set(local.addSecs(-60 - static_cast<qint64>(offsetMinutes) * 60));
            QVERIFY(db.record(Step::Intake, {QStringLiteral("card=CARDN%1").arg(++n, 4, 10, QLatin1Char('0')),
                                             "model=RTX4090", "lot=LOT-1"})
                        .ok());
        }
        auto report = [&](const QDate& from, const QDate& to, KpiFilter::Shift shift) {
            KpiFilter f;
            f.from = from;
            f.to = to;
            f.shiftOfDay = shift;
            f.calendar = calendar;
            f.now = db.clock().now();
            return KpiQuery(db.db().connection()).compute(f).value();
        };
        using S = KpiFilter::Shift;
        const struct
        {
            QDate from, to;
            S shift;
            int cards;
        } expected[] = {
            {d, d, S::Any, 4},
            {d, d, S::Day, 2},
            {d, d, S::Night, 2},
            {d.addDays(-1), d.addDays(-1), S::Night, 1},
            {d.addDays(1), d.addDays(1), S::Day, 1},
            {d.addDays(-1), d.addDays(1), S::Any, 6},
        };
        const QString station = QStringLiteral("INTAKE-1");
        for (const auto& e : expected) {
            const KpiReport r = report(e.from, e.to, e.shift);
            const QString what =
                e.from.toString(Qt::ISODate) + QLatin1Char(' ') + QString::number(int(e.shift));
            QVERIFY2(r.cardsReceived == e.cards,
                     qPrintable(what + QStringLiteral(": %1").arg(r.cardsReceived)));
            QVERIFY2(r.throughputByStation.value(station) == e.cards,
                     qPrintable(what +
                                QStringLiteral(": throughput %1").arg(r.throughputByStation.value(station))));
            int byOperators = 0;
            for (const KpiReport::OperatorFigures& o : r.operators)
                byOperators += o.events;
            QVERIFY2(byOperators == e.cards,
                     qPrintable(what + QStringLiteral(": operators %1").arg(byOperators)));
        }
        // Per shift and per clock hour, keyed in the factory's time.
        const KpiReport all = report(d.addDays(-1), d.addDays(1), S::Any);
        const QMap<QString, int> shifts{{ShiftCalendar::key(d.addDays(-1), true), 1},
                                        {ShiftCalendar::key(d, false), 2},
                                        {ShiftCalendar::key(d, true), 2},
                                        {ShiftCalendar::key(d.addDays(1), false), 1}};
        QCOMPARE(all.throughputByStationShift.value(station), shifts);
        QMap<QString, int> hours;
        for (const QDateTime& local : received)
            ++hours[local.toString(QStringLiteral("yyyy-MM-ddTHH"))];
        QCOMPARE(all.throughputByStationHour.value(station), hours);
        // The same windows as the shift report's (KpiFilter::shift).
        for (bool night : {false, true}) {
            KpiFilter f = KpiFilter::shift(d, night, calendar);
            f.now = db.clock().now();
            const KpiReport r = KpiQuery(db.db().connection()).compute(f).value();
            QCOMPARE(r.cardsReceived, 2);
            QCOMPARE(r.throughputByStation.value(station), 2);
        }
    }

    void anHourWithWorkOnOneSideOfTheCutAddsNoEmptyHour_data()
    {
        QTest::addColumn<int>("offsetMinutes");
        QTest::newRow("UTC+5:30") << 5 * 60 + 30;
        QTest::newRow("UTC+5:45") << 5 * 60 + 45;
        QTest::newRow("UTC-0:45") << -45;
        QTest::newRow("UTC-3:30") << -(3 * 60 + 30);
    }
    /// Where the factory's hours are cut inside UTC hours, a UTC hour whose work all falls on one
    /// side of the cut adds nothing on the other: no hour, shift or operator with 0.
    void anHourWithWorkOnOneSideOfTheCutAddsNoEmptyHour()
    {
        QFETCH(int, offsetMinutes);
        const ShiftCalendar calendar{6, offsetMinutes};
        const QDate d(2026, 11, 11);
        test::TestDatabase db;
        const QDateTime received[] = {QDateTime(d, QTime(10, 10), Qt::UTC),
                                      QDateTime(d, QTime(22, 50), Qt::UTC)};
        int n = 0;
        for (const QDateTime& local : received) {
            db.clock().set(local.addSecs(-60 - static_cast<qint64>(offsetMinutes) * 60));
            QVERIFY(db.record(Step::Intake, {QStringLiteral("card=CARDZ%1").arg(++n, 4, 10, QLatin1Char('0')),
                                             "model=RTX4090", "lot=LOT-1"})
                        .ok());
        }
        // One strip, on the day shift: a night's figures have no strip station at all.
        db.clock().set(QDateTime(d, QTime(11, 9), Qt::UTC).addSecs(-static_cast<qint64>(offsetMinutes) * 60));
        QVERIFY(db.record(Step::Strip, {"card=CARDZ0001", "date_code=2310"}).ok());
        const QString station = QStringLiteral("INTAKE-1");
        using S = KpiFilter::Shift;
        for (S shift : {S::Any, S::Day, S::Night}) {
            KpiFilter f;
            f.from = f.to = d;
            f.shiftOfDay = shift;
            f.calendar = calendar;
            f.now = db.clock().now();
            const KpiReport r = KpiQuery(db.db().connection()).compute(f).value();
            QMap<QString, int> hours, shifts;
            if (shift != S::Night) {
                hours.insert(d.toString(Qt::ISODate) + QStringLiteral("T10"), 1);
                shifts.insert(ShiftCalendar::key(d, false), 1);
            }
            if (shift != S::Day) {
                hours.insert(d.toString(Qt::ISODate) + QStringLiteral("T22"), 1);
                shifts.insert(ShiftCalendar::key(d, true), 1);
            }
            QCOMPARE(r.throughputByStationHour.value(station), hours);
            QCOMPARE(r.throughputByStationShift.value(station), shifts);
            QCOMPARE(r.cardsReceived, static_cast<int>(hours.size()));
            const int strips = shift == S::Night ? 0 : 1;
            QCOMPARE(r.throughputByStation.contains(QStringLiteral("STRIP-1")), strips == 1);
            QVERIFY(!r.throughputByStation.values().contains(0));
            QCOMPARE(r.operators.size(), 1);
            QCOMPARE(r.operators.first().events, static_cast<int>(hours.size()) + strips);
        }
    }

    void aStationsRowsOfOneHourAreAllCountedOnBothSidesOfTheCut_data()
    {
        anHourWithWorkOnOneSideOfTheCutAddsNoEmptyHour_data(); // the same offsets
    }
    /// A station's work of one UTC hour is several rollup rows (one per model): where the
    /// factory's hours are cut inside that hour, each side counts every row's part.
    void aStationsRowsOfOneHourAreAllCountedOnBothSidesOfTheCut()
    {
        QFETCH(int, offsetMinutes);
        const ShiftCalendar calendar{6, offsetMinutes};
        const QDate d(2026, 11, 11);
        test::TestDatabase db;
        // Local 10:50 to 11:10: one UTC hour at each of these offsets, cut at local 11:00.
        const struct
        {
            QTime local;
            const char* model;
        } received[] = {{QTime(10, 50), "RTX4090"},
                        {QTime(10, 53), "RTX3090"},
                        {QTime(10, 56), "RTX3090"},
                        {QTime(11, 4), "RTX4090"},
                        {QTime(11, 10), "RTX3090"}};
        int n = 0;
        for (const auto& [local, model] : received) {
            db.clock().set(
                QDateTime(d, local, Qt::UTC).addSecs(-60 - static_cast<qint64>(offsetMinutes) * 60));
            QVERIFY(db.record(Step::Intake, {QStringLiteral("card=CARDM%1").arg(++n, 4, 10, QLatin1Char('0')),
                                             QStringLiteral("model=") + QLatin1String(model), "lot=LOT-1"})
                        .ok());
        }
        KpiFilter f;
        f.from = f.to = d;
        f.calendar = calendar;
        f.now = db.clock().now();
        const KpiReport r = KpiQuery(db.db().connection()).compute(f).value();
        const QString station = QStringLiteral("INTAKE-1"), day = d.toString(Qt::ISODate);
        const QMap<QString, int> hours{{day + QStringLiteral("T10"), 3}, {day + QStringLiteral("T11"), 2}};
        QCOMPARE(r.throughputByStationHour.value(station), hours);
        QCOMPARE(r.throughputByStationShift.value(station),
                 (QMap<QString, int>{{ShiftCalendar::key(d, false), 5}}));
        QCOMPARE(r.throughputByStation.value(station), 5);
        // And a model's own figures: its rows alone.
        f.model = QStringLiteral("RTX3090");
        const KpiReport one = KpiQuery(db.db().connection()).compute(f).value();
        QCOMPARE(one.throughputByStationHour.value(station),
                 (QMap<QString, int>{{day + QStringLiteral("T10"), 2}, {day + QStringLiteral("T11"), 1}}));
    }

    /// A range that ends before it starts is a mistake to correct, not an empty report.
    void aRangeEndingBeforeItStartsIsRefused()
    {
        KpiFilter f = filter();
        f.from = start.date().addDays(1);
        f.to = start.date();
        auto r = KpiQuery(t->db().connection()).compute(f);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidValue);
        QVERIFY2(r.error().message.contains(start.date().toString(Qt::ISODate)),
                 qPrintable(r.error().message));
    }

    void modelFilter()
    {
        KpiFilter f = filter();
        f.model = QStringLiteral("RTX3090");
        const KpiReport r = compute(f);
        QCOMPARE(r.cardsReceived, 0);
        QVERIFY(r.throughputByStation.isEmpty());
        QCOMPARE(r.wipByStep.value("pack"), 0);
        f.model = QStringLiteral("RTX4090");
        QCOMPARE(compute(f).cardsReceived, 6);
    }

    void allFailed()
    {
        test::TestDatabase db;
        const QString unit = db.mountedUnit("CARDX0001", "SB00000001");
        QVERIFY(db.record(Step::Inspect, {"unit=" + unit, "result=fail", "void_pct=40"}).ok());
        KpiFilter f;
        f.from = f.to = db.clock().now().date();
        auto r = KpiQuery(db.db().connection()).compute(f);
        QVERIFY(r.ok());
        QCOMPARE(r->firstPassYieldInspect.value(), 0.0);
        QVERIFY(!r->firstPassYieldTest.has_value());
        QVERIFY(!r->finalYield.has_value()); // nothing has finished yet
        QCOMPARE(r->repairLoops.value(1), 1);
    }

    void throughputPerShiftAgainstItsTarget()
    {
        // The fixture's work happened between 08:00 and 09:00 UTC: the day shift of its date.
        const KpiReport r = compute(filter());
        const QString day = ShiftCalendar::key(start.date(), false);
        QCOMPARE(r.throughputByStationShift.value("INTAKE-1"), (QMap<QString, int>{{day, 6}}));
        QCOMPARE(r.throughputByStationShift.value("TEST-1").value(day), 4);
        QCOMPARE(r.shiftTarget, 100); // the shipped default
        QCOMPARE(r.shiftTargets.value("TEST-1"), 100);
        QVERIFY(sql::run(t->db().connection(),
                         QStringLiteral(
                             "INSERT INTO config (key, value) VALUES ('throughput.target_per_shift.TEST-1', "
                             "'40')"))
                    .ok());
        const KpiReport withTarget = compute(filter());
        QCOMPARE(withTarget.shiftTargets.value("TEST-1"), 40);
        QCOMPARE(withTarget.shiftTargets.value("INTAKE-1"), 100);
        QVERIFY(
            sql::run(t->db().connection(),
                     QStringLiteral("DELETE FROM config WHERE key = 'throughput.target_per_shift.TEST-1'"))
                .ok());
        // In a factory at UTC+8 with shifts from 17:00 local, 16:00 local is the night shift that
        // began the evening before.
        KpiFilter local = filter();
        local.calendar = {17, 8 * 60};
        local.from = local.to = start.date().addDays(-1); // the production day that night belongs to
        const KpiReport shifted = compute(local);
        QCOMPARE(shifted.throughputByStationShift.value("INTAKE-1").keys(),
                 QStringList{ShiftCalendar::key(start.date().addDays(-1), true)});
    }

    void shiftFilterKeepsOnlyThatShiftsWork()
    {
        KpiFilter day = filter();
        day.shiftOfDay = KpiFilter::Shift::Day;
        const KpiReport d = compute(day);
        QCOMPARE(d.throughputByStation.value("INTAKE-1"), 6);
        QCOMPARE(d.firstPassYieldTest.value(), 2.0 / 3);
        QCOMPARE(d.defectPareto.size(), 3);
        KpiFilter night = filter();
        night.shiftOfDay = KpiFilter::Shift::Night;
        const KpiReport n = compute(night);
        QVERIFY(n.throughputByStation.isEmpty());
        QVERIFY(!n.firstPassYieldInspect && !n.firstPassYieldTest && !n.retestRate);
        QVERIFY(n.defectPareto.isEmpty());
        QCOMPARE(n.unitsMounted, 0);
        QCOMPARE(n.cardsReceived, 0);
        QCOMPARE(n.wipByStep.value("pack"), 3); // work in progress is now, not a shift's
    }

    void batchFilterCoversItsUnitsWheneverTheyWereMade()
    {
        test::TestDatabase db;
        const QString a = db.testedUnit("CARDK0001", "SB00000001");
        const QString b = db.mountedUnit("CARDK0002", "SB00000002");
        QVERIFY(db.record(Step::Inspect, {"unit=" + b, "result=fail", "bridges=1"}).ok());
        const QString dieB = sql::scalar(db.db().connection(),
                                         QStringLiteral("SELECT die_id FROM units WHERE serial = ?"), {b})
                                 .value()
                                 .toString();
        QVERIFY(db.record(Step::Reball, {"die=" + dieB}).ok());
        QVERIFY(db.record(Step::Mount, {"die=" + dieB, "board=SB00000002"}).ok());
        QVERIFY(db.record(Step::Inspect, {"unit=" + b, "result=pass"}).ok());
        QVERIFY(db.passTest(b).ok());
        const QString outside = db.mountedUnit("CARDK0003", "SB00000003");
        QVERIFY(db.record(Step::Inspect, {"unit=" + outside, "result=pass"}).ok());
        QVERIFY(db.record(Step::Test, {"unit=" + outside, "result=fail", "temp_max_c=95"}).ok());
        for (const QString& unit : {a, b})
            QVERIFY(db.record(Step::Pack, {"unit=" + unit, "batch=B-KPI-1"}).ok());

        KpiFilter f;
        f.from = f.to = db.clock().now().date().addYears(-1); // ignored for a batch
        f.batch = QStringLiteral("B-KPI-1");
        auto r = KpiQuery(db.db().connection()).compute(f);
        QVERIFY(r.ok());
        QCOMPARE(r->unitsMounted, 2);
        QCOMPARE(r->cardsReceived, 2);
        QCOMPARE(r->firstPassYieldInspect.value(), 0.5); // b failed its first inspection
        QCOMPARE(r->firstPassYieldTest.value(), 1.0);    // the outside unit's failed test is not the batch's
        QCOMPARE(r->retestRate.value(), 0.0);
        QCOMPARE(r->defectPareto, (QList<std::pair<QString, int>>{{"BRIDGE", 1}}));
        QCOMPARE(r->throughputByStation.value("INTAKE-1"), 2);
        QCOMPARE(r->throughputByStation.value("MOUNT-1"), 3); // b was mounted twice
        QCOMPARE(r->throughputByStation.value("PACK-1"), 2);
        QCOMPARE(r->wipByStep.value("test"), 0);
        QCOMPARE(r->repairLoops.value(1), 1);
        auto hits = KpiQuery(db.db().connection()).defectHits(f, QStringLiteral("BRIDGE"));
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().serial, b);
        // A batch never recorded here is a mistyped id, not a batch that did nothing; so is a
        // station or a product the database does not know.
        f.batch = QStringLiteral("B-NONE");
        auto none = KpiQuery(db.db().connection()).compute(f);
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code, ErrorCode::UnknownSerial);
        QVERIFY(none.error().message.contains(QStringLiteral("B-NONE")));
        KpiFilter station = filter();
        station.station = QStringLiteral("INSPECT-9");
        QCOMPARE(KpiQuery(db.db().connection()).compute(station).error().code, ErrorCode::UnknownStation);
        KpiFilter model = filter();
        model.model = QStringLiteral("RTX9999");
        QCOMPARE(KpiQuery(db.db().connection()).compute(model).error().code, ErrorCode::InvalidValue);
    }

    /// Appends a test event as a sync from another station would: past the rules, which
    /// refuse a GPU already seen here.
    static QString appendTest(test::TestDatabase& db, const QString& unit, const QString& gpu)
    {
        EventRecord e;
        e.id = IdGenerator::uuidV7(db.clock().now());
        e.recordedAt = db.clock().now();
        e.stationId = QStringLiteral("TEST-9");
        e.operatorId = QStringLiteral("OP1");
        e.step = QStringLiteral("test");
        e.subject = unit;
        e.payload = {{"unit", unit}, {"result", "pass"}, {"outcome", "pass"}, {"gpu_uuid", gpu}};
        Transaction tx(db.db().connection());
        if (!tx.begin() || !EventStore(db.db().connection()).append(e, {{QStringLiteral("unit"), unit}}) ||
            !StateProjector(db.db().connection()).apply(e) || !tx.commit())
            qFatal("append failed");
        return e.id;
    }

    void anomaliesAreFlagged()
    {
        test::TestDatabase db;
        const QString u1 = db.testedUnit("CARDX0001", "SB00000001");
        const QString u2 = db.testedUnit("CARDX0002", "SB00000002");
        KpiFilter f;
        f.from = f.to = db.clock().now().date();
        QVERIFY(KpiQuery(db.db().connection()).compute(f)->anomalies.isEmpty());
        // Two stations offline can each record the same GPU; the merged data must show it.
        const QString gpu = QStringLiteral("GPU-11111111-2222-3333-4444-555555555555");
        appendTest(db, u1, gpu);
        QVERIFY(KpiQuery(db.db().connection()).compute(f)->anomalies.isEmpty());
        const QString second = appendTest(db, u2, gpu);
        const QList<KpiReport::Anomaly> anomalies = KpiQuery(db.db().connection()).compute(f)->anomalies;
        QCOMPARE(anomalies.size(), 1);
        QVERIFY(anomalies.first().text.contains(u1) && anomalies.first().text.contains(u2));
        QVERIFY(anomalies.first().text.contains(gpu));
        QCOMPARE(anomalies.first().conflict, 0);
        // Voiding the second record clears the flag: the rollups are replayed with the state.
        QVERIFY(db.record(Step::Void, {"event=" + second, "reason=wrong unit"}, QStringLiteral("SUP1")).ok());
        QVERIFY(KpiQuery(db.db().connection()).compute(f)->anomalies.isEmpty());
    }

    void aGpuOtherThanTheDonorCardsIsFlagged()
    {
        test::TestDatabase db;
        const QString card = QStringLiteral("CARDY0001");
        const QString donorGpu = QStringLiteral("GPU-aaaaaaaa-2222-3333-4444-555555555555");
        QVERIFY(
            db.record(Step::Intake, {"card=" + card, "model=RTX4090", "lot=LOT-1", "gpu_uuid=" + donorGpu})
                .ok());
        const QString die = db.record(Step::Strip, {"card=" + card})->createdId();
        QVERIFY(db.record(Step::Reball, {"die=" + die}).ok());
        const QString unit = db.record(Step::Mount, {"die=" + die, "board=SB00000009"})->createdId();
        QVERIFY(db.record(Step::Inspect, {"unit=" + unit, "result=pass"}).ok());
        const QString otherGpu = QStringLiteral("GPU-bbbbbbbb-2222-3333-4444-555555555555");
        appendTest(db, unit, otherGpu);
        KpiFilter f;
        f.from = f.to = db.clock().now().date();
        const QList<KpiReport::Anomaly> anomalies = KpiQuery(db.db().connection()).compute(f)->anomalies;
        QCOMPARE(anomalies.size(), 1);
        QCOMPARE(
            anomalies.first().text,
            QStringLiteral("unit %1 reports GPU %2, its donor card had %3").arg(unit, otherGpu, donorGpu));
    }
};

QTEST_GUILESS_MAIN(TestKpiQuery)
#include "TestKpiQuery.moc"
