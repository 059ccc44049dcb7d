// Every KPI against values computed by hand on a small fixed history:
//   A passes everything first time; B fails inspection once (bridge) then passes; C fails test once
//   (thermal) then passes on retest; D is scrapped at intake; E waits for strip; F waits for
//   reball; G's intake was voided. One operator (OP1) did all the work.
#include "TestDatabase.h"
#include "reports/KpiQuery.h"
#include "storage/Sql.h"

#include <QJsonArray>
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

private slots:
    void initTestCase()
    {
        t = std::make_unique<test::TestDatabase>();
        start = t->clock().now();
        for (const char* c : {"CARDA0001", "CARDB0001", "CARDC0001", "CARDD0001", "CARDE0001", "CARDF0001"})
            ok(Step::Intake, {QStringLiteral("card=") + c, "model=RTX4090", "lot=LOT-1"});
        const auto [dieA, a] = mount("CARDA0001");
        ok(Step::Inspect, {"unit=" + a, "result=pass"});
        ok(Step::Test, {"unit=" + a, "result=pass"});
        const auto [dieB, b] = mount("CARDB0001");
        ok(Step::Inspect, {"unit=" + b, "result=fail", "bridges=1"});
        ok(Step::Reball, {"die=" + dieB});
        ok(Step::Mount, {"die=" + dieB, "board=SBARDB0001"});
        ok(Step::Inspect, {"unit=" + b, "result=pass"});
        ok(Step::Test, {"unit=" + b, "result=pass"});
        const auto [dieC, c] = mount("CARDC0001");
        ok(Step::Inspect, {"unit=" + c, "result=pass"});
        ok(Step::Test, {"unit=" + c, "result=fail", "temp_max_c=95"});
        ok(Step::Reball, {"die=" + dieC});
        ok(Step::Mount, {"die=" + dieC, "board=SBARDC0001"});
        ok(Step::Inspect, {"unit=" + c, "result=pass"});
        ok(Step::Test, {"unit=" + c, "result=pass"});
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
        QCOMPARE(r.aging.first().serial, QStringLiteral("CARDE0001"));
        for (qsizetype i = 1; i < r.aging.size(); ++i)
            QVERIFY(r.aging.at(i - 1).since <= r.aging.at(i).since);
        KpiFilter fresh = filter();
        fresh.now = start.addSecs(3600 * 10);
        QCOMPARE(compute(fresh).aging.size(), 0);
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
        QCOMPARE(r.operators.first().events, 29);
        QCOMPARE(r.operators.first().firstPassYield.value(), 2.0 / 3);
        KpiFilter oneStation = filter();
        oneStation.station = QStringLiteral("TEST-1");
        QCOMPARE(compute(oneStation).throughputByStation.size(), 1);
        QCOMPARE(compute(oneStation).firstPassYieldTest.value(), 2.0 / 3);
        QVERIFY(!compute(oneStation).firstPassYieldInspect.has_value()); // no inspections at TEST-1
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

    void anomaliesAreFlagged()
    {
        test::TestDatabase db;
        const QString u1 = db.testedUnit("CARDX0001", "SB00000001");
        const QString u2 = db.testedUnit("CARDX0002", "SB00000002");
        KpiFilter f;
        f.from = f.to = db.clock().now().date();
        QVERIFY(KpiQuery(db.db().connection()).compute(f)->anomalies.isEmpty());
        // Two stations offline can each record the same GPU; the merged data must show it.
        QVERIFY(sql::run(db.db().connection(), QStringLiteral("UPDATE units SET gpu_uuid = ?"),
                         {QStringLiteral("GPU-11111111-2222-3333-4444-555555555555")})
                    .ok());
        const QStringList anomalies = KpiQuery(db.db().connection()).compute(f)->anomalies;
        QCOMPARE(anomalies.size(), 1);
        QVERIFY(anomalies.first().contains(u1) && anomalies.first().contains(u2));
    }
};

QTEST_GUILESS_MAIN(TestKpiQuery)
#include "TestKpiQuery.moc"
