// Test plans shared per product (`reworkctl plan`): who may share and assign one, what is refused
// as a plan, and what a product's plan holds its units to at test and at pack, whichever way the
// test is recorded (record test, test run on a rig).
#include "FakeRig.h"
#include "Reworkctl.h"
#include "TestDatabase.h"
#include "storage/Sql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTest>

using namespace rework;
using rework::test::reworkctl;
using rework::test::Run;

namespace {

QStringList recordTest(const QString& unit, const QStringList& more)
{
    return QStringList{QStringLiteral("record"),      QStringLiteral("test"),
                       QStringLiteral("--station"),   QStringLiteral("TEST-1"),
                       QStringLiteral("--operator"),  QStringLiteral("OP1"),
                       QStringLiteral("unit=") + unit} +
           more;
}

QStringList pack(const QString& unit, const QString& batch)
{
    return {QStringLiteral("record"),       QStringLiteral("pack"),          QStringLiteral("--station"),
            QStringLiteral("PACK-1"),       QStringLiteral("--operator"),    QStringLiteral("OP1"),
            QStringLiteral("unit=") + unit, QStringLiteral("batch=") + batch};
}

/// A plan file in the test folder.
QString planFile(test::TestDatabase& t, const QString& name, const QByteArray& json)
{
    const QString path = QDir(t.folder()).filePath(name);
    test::writeFile(path, json);
    return path;
}

} // namespace

class TestProductTestPlans : public QObject
{
    Q_OBJECT

    /// Shares the burn-in plan and tests RTX4090 to it, as an admin.
    static void burnInForRtx4090(test::TestDatabase& t)
    {
        const Run published =
            reworkctl(t.path(), {QStringLiteral("plan"), QStringLiteral("publish"), test::burnInPlan(t),
                                 QStringLiteral("--operator"), t.admin()});
        QVERIFY2(published.exitCode == 0, qPrintable(published.out + published.err));
        const Run assigned =
            reworkctl(t.path(), {QStringLiteral("plan"), QStringLiteral("assign"), QStringLiteral("RTX4090"),
                                 QStringLiteral("burn-in"), QStringLiteral("--operator"), t.admin()});
        QVERIFY2(assigned.exitCode == 0, qPrintable(assigned.out + assigned.err));
    }

private slots:
    /// `parse --plan NAME` judges by the plan the line shares under that name, and on a machine
    /// without the database it says the name is unknown, creating nothing.
    void parseKnowsTheSharedPlans()
    {
        test::TestDatabase t;
        const QString plan =
            planFile(t, QStringLiteral("long.json"),
                     R"({"name": "long-burn", "required": ["gpu-burn"], "gpu-burn": {"min_minutes": 600}})");
        const Run published = reworkctl(t.path(), {QStringLiteral("plan"), QStringLiteral("publish"), plan,
                                                   QStringLiteral("--operator"), t.admin()});
        QVERIFY2(published.exitCode == 0, qPrintable(published.out + published.err));
        QVERIFY(QFile::remove(plan)); // the name, not the file, is what parse is given
        const QString log = test::burnOutput(t, QStringLiteral("GPU-11111111-2222-3333-4444-555555555555"));
        const Run judged = reworkctl(t.path(), {QStringLiteral("--json"), QStringLiteral("parse"), log,
                                                QStringLiteral("--plan"), QStringLiteral("long-burn")});
        QCOMPARE(judged.exitCode, 1); // parse's code for a run that fails
        QCOMPARE(judged.json().value("plan").toString(), QStringLiteral("long-burn"));
        QCOMPARE(judged.json().value("verdict").toString(), QStringLiteral("fail")); // 2 of 600 minutes
        const QString elsewhere = QDir(t.folder()).filePath(QStringLiteral("none/station.sqlite"));
        const Run unknown = reworkctl(
            elsewhere, {QStringLiteral("parse"), log, QStringLiteral("--plan"), QStringLiteral("long-burn")});
        QVERIFY(unknown.exitCode != 0);
        QVERIFY2(unknown.err.contains(QStringLiteral("long-burn")), qPrintable(unknown.err));
        QVERIFY(!QFileInfo::exists(elsewhere));
    }

    void onlyWhoMayEditLimitsSharesOrAssignsAPlan()
    {
        test::TestDatabase t;
        t.admin();
        const QString before = t.dump();
        const Run byOperator =
            reworkctl(t.path(), {QStringLiteral("plan"), QStringLiteral("publish"), test::burnInPlan(t),
                                 QStringLiteral("--operator"), QStringLiteral("OP1")});
        QCOMPARE(byOperator.exitCode, 1);
        QVERIFY2(byOperator.err.contains(QStringLiteral("not_permitted")), qPrintable(byOperator.err));
        const Run assign = reworkctl(t.path(), {QStringLiteral("plan"), QStringLiteral("assign"),
                                                QStringLiteral("RTX4090"), QStringLiteral("strict"),
                                                QStringLiteral("--operator"), QStringLiteral("SUP1")});
        QCOMPARE(assign.exitCode, 1);
        QCOMPARE(test::dumpFile(t.path()), before);

        burnInForRtx4090(t);
        const Run list =
            reworkctl(t.path(), {QStringLiteral("--json"), QStringLiteral("plan"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray plans = list.json().value(QStringLiteral("plans")).toArray();
        QCOMPARE(plans.size(), 1);
        QCOMPARE(plans.at(0)[QStringLiteral("name")].toString(), QStringLiteral("burn-in"));
        QCOMPARE(plans.at(0)[QStringLiteral("required")].toArray(), QJsonArray{QStringLiteral("gpu-burn")});
        QCOMPARE(plans.at(0)[QStringLiteral("models")].toArray(), QJsonArray{QStringLiteral("RTX4090")});
        // Both changes are audited and recorded as reference changes that sync carries.
        QCOMPARE(
            sql::scalar(t.db().connection(), QStringLiteral("SELECT count(*) FROM audit_log WHERE kind IN "
                                                            "('test_plan_published', 'test_plan_assigned')"))
                .value()
                .toInt(),
            2);
        QCOMPARE(
            sql::scalar(t.db().connection(),
                        QStringLiteral("SELECT count(*) FROM events WHERE step = 'reference' AND subject IN "
                                       "('test_plans/burn-in', 'product_plans/RTX4090')"))
                .value()
                .toInt(),
            2);
    }

    void badPlansAndAssignmentsAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("said");
        QTest::newRow("misspelt limit") << QByteArray(R"({"name": "p1", "gpu-burn": {"min_minuts": 30}})")
                                        << QStringLiteral("min_minuts");
        QTest::newRow("unknown run") << QByteArray(R"({"name": "p1", "required": ["furmark"]})")
                                     << QStringLiteral("furmark");
        QTest::newRow("no name") << QByteArray(R"({"required": ["gpu-burn"]})") << QStringLiteral("name");
        QTest::newRow("built-in name")
            << QByteArray(R"({"name": "strict", "required": ["gpu-burn"]})") << QStringLiteral("built-in");
        QTest::newRow("unsafe name") << QByteArray(R"({"name": "../x", "required": []})")
                                     << QStringLiteral("../x");
        QTest::newRow("model requires")
            << QByteArray(
                   R"({"name": "p1", "required": ["gpu-burn"], "models": {"RTX4090": {"required": ["dcgm"]}}})")
            << QStringLiteral("RTX4090");
        // A shared plan that requires no run would switch the product's gate off.
        QTest::newRow("no required run")
            << QByteArray(R"({"name": "p1", "required": []})") << QStringLiteral("requires no run");
        QTest::newRow("not json") << QByteArray("name = p1") << QStringLiteral("JSON");
    }

    void badPlansAndAssignmentsAreRefusedAndChangeNothing()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, said);
        test::TestDatabase t;
        const QString admin = t.admin();
        const QString before = t.dump();
        const Run r = reworkctl(t.path(), {QStringLiteral("plan"), QStringLiteral("publish"),
                                           planFile(t, QStringLiteral("bad.json"), json),
                                           QStringLiteral("--operator"), admin});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(said), qPrintable(r.err));
        QCOMPARE(test::dumpFile(t.path()), before);
    }

    void anAssignmentNeedsAKnownProductAndPlan()
    {
        test::TestDatabase t;
        const QString admin = t.admin();
        const QString before = t.dump();
        const Run model =
            reworkctl(t.path(), {QStringLiteral("plan"), QStringLiteral("assign"), QStringLiteral("RTX9999"),
                                 QStringLiteral("strict"), QStringLiteral("--operator"), admin});
        QCOMPARE(model.exitCode, 1);
        QVERIFY2(model.err.contains(QStringLiteral("no product RTX9999")), qPrintable(model.err));
        const Run plan =
            reworkctl(t.path(), {QStringLiteral("plan"), QStringLiteral("assign"), QStringLiteral("RTX4090"),
                                 QStringLiteral("burn-in"), QStringLiteral("--operator"), admin});
        QCOMPARE(plan.exitCode, 1);
        QVERIFY2(plan.err.contains(QStringLiteral("no test plan burn-in")), qPrintable(plan.err));
        const Run none =
            reworkctl(t.path(), {QStringLiteral("plan"), QStringLiteral("assign"), QStringLiteral("RTX4090"),
                                 QStringLiteral("default"), QStringLiteral("--operator"), admin});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("requires no run")), qPrintable(none.err));
        QCOMPARE(test::dumpFile(t.path()), before);
        // A built-in plan is shared as it stands, so every station judges by the same limits.
        const Run strict =
            reworkctl(t.path(), {QStringLiteral("plan"), QStringLiteral("assign"), QStringLiteral("RTX4090"),
                                 QStringLiteral("strict"), QStringLiteral("--operator"), admin});
        QVERIFY2(strict.exitCode == 0, qPrintable(strict.err));
        const Run shown = reworkctl(t.path(), {QStringLiteral("--json"), QStringLiteral("plan"),
                                               QStringLiteral("show"), QStringLiteral("strict")});
        QCOMPARE(
            shown.json()[QStringLiteral("plan")][QStringLiteral("gpu-burn")][QStringLiteral("min_minutes")]
                .toDouble(),
            30.0);
    }

    /// The report alone, a typed burnin=pass, or a log judged by another plan: no pass for a
    /// product whose plan needs a burn-in; the record is refused and nothing changes.
    void aPassWithoutTheRunsThePlanRequiresIsRefused()
    {
        test::TestDatabase t;
        burnInForRtx4090(t);
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000501"), QStringLiteral("SB00000501"));
        const QString gpu = test::TestDatabase::gpuUuid(501);
        const QString smi = QStringLiteral("smi=") + test::smiOutput(t, gpu);
        const QString before = t.dump();

        Run r = reworkctl(t.path(), recordTest(unit, {QStringLiteral("result=pass"), smi}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("test_plan_unmet")) &&
                     r.err.contains(QStringLiteral("gpu-burn")),
                 qPrintable(r.err));
        r = reworkctl(t.path(),
                      recordTest(unit, {QStringLiteral("result=pass"), QStringLiteral("burnin=pass"), smi}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("test_plan_unmet")), qPrintable(r.err));
        // Judged by another plan than the product's: refused before anything is read.
        r = reworkctl(t.path(),
                      recordTest(unit, {QStringLiteral("--plan"), QStringLiteral("default"),
                                        QStringLiteral("result=pass"),
                                        QStringLiteral("burnin=") + test::burnOutput(t, gpu), smi}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("tested to plan burn-in, not default")), qPrintable(r.err));
        // A file that calls itself by the product's plan's name is still not the shared plan.
        const QString lookalike =
            planFile(t, QStringLiteral("lookalike.json"),
                     R"({"name": "burn-in", "required": ["gpu-burn"], "gpu-burn": {"min_minutes": 500}})");
        r = reworkctl(t.path(),
                      recordTest(unit, {QStringLiteral("--plan"), lookalike, QStringLiteral("result=pass"),
                                        QStringLiteral("burnin=") + test::burnOutput(t, gpu), smi}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("leave out the plan")), qPrintable(r.err));
        QCOMPARE(test::dumpFile(t.path()), before);

        // With the burn-in log, judged by the product's plan (named, or not: the same): passed.
        r = reworkctl(t.path(),
                      recordTest(unit, {QStringLiteral("--plan"), QStringLiteral("burn-in"),
                                        QStringLiteral("result=pass"),
                                        QStringLiteral("burnin=") + test::burnOutput(t, gpu), smi}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(
            sql::scalar(t.db().connection(),
                        QStringLiteral("SELECT json_extract(payload, '$.rig_runs.burnin.plan') FROM events "
                                       "WHERE step = 'test'"))
                .value()
                .toString(),
            QStringLiteral("burn-in"));
        // A failed test needs no run: the unit goes to repair as before.
        const QString other =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000502"), QStringLiteral("SB00000502"));
        r = reworkctl(t.path(),
                      recordTest(other, {QStringLiteral("result=fail"), QStringLiteral("defect=THERMAL")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    /// An unattended rig runs the product's plan without being told it.
    void testRunTakesTheProductsPlan()
    {
        test::TestDatabase t;
        burnInForRtx4090(t);
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000503"), QStringLiteral("SB00000503"));
        const QString gpu = test::TestDatabase::gpuUuid(503);
        test::configureRig(t, {QStringLiteral("rig.plan=default"),
                               QStringLiteral("rig.command.nvidia-smi=") +
                                   test::fakeTool("slow", test::smiOutput(t, gpu), "0"),
                               QStringLiteral("rig.command.gpu-burn=") +
                                   test::fakeTool("slow", test::shortBurnOutput(t, gpu), "0")});
        const Run r =
            reworkctl(t.path(), {QStringLiteral("--json"), QStringLiteral("test"), QStringLiteral("run"),
                                 unit, QStringLiteral("--station"), QStringLiteral("TEST-1"),
                                 QStringLiteral("--operator"), QStringLiteral("OP1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(r.json().value(QStringLiteral("plan")).toString(), QStringLiteral("burn-in"));
        QCOMPARE(r.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("pass"));
    }

    /// A unit that passed before its product's plan was set (or at a station that had not synced
    /// it) did not have the runs: it is not packed until it is tested to the plan.
    void aUnitTestedWithoutThePlansRunsIsNotPacked()
    {
        test::TestDatabase t;
        const QString early = t.testedUnit(QStringLiteral("ZT4090P000504"), QStringLiteral("SB00000504"));
        burnInForRtx4090(t);
        const QString before = t.dump();
        Run r = reworkctl(t.path(), pack(early, QStringLiteral("B2611300001")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("test_plan_unmet")) &&
                     r.err.contains(QStringLiteral("gpu-burn")),
                 qPrintable(r.err));
        QCOMPARE(test::dumpFile(t.path()), before);
        // Nor is pack named as its next step.
        const Run next = reworkctl(t.path(), {QStringLiteral("resolve"), early});
        QVERIFY2(next.out.contains(QStringLiteral("cannot be packed")) &&
                     !next.out.contains(QStringLiteral("pack next")),
                 qPrintable(next.out + next.err));

        // Tested to the plan: packed.
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000505"), QStringLiteral("SB00000505"));
        const QString gpu = test::TestDatabase::gpuUuid(505);
        r = reworkctl(t.path(), recordTest(unit, {QStringLiteral("result=pass"),
                                                  QStringLiteral("smi=") + test::smiOutput(t, gpu),
                                                  QStringLiteral("burnin=") + test::burnOutput(t, gpu)}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = reworkctl(t.path(), pack(unit, QStringLiteral("B2611300001")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    /// A product's plan taken away by a supervisor: its units are no longer held to it (audited,
    /// synced); who may not edit limits cannot, and a model without a plan is said to have none.
    void aPlanIsUnassigned()
    {
        test::TestDatabase t;
        const QString early = t.testedUnit(QStringLiteral("ZT4090P000506"), QStringLiteral("SB00000506"));
        burnInForRtx4090(t);
        QCOMPARE(reworkctl(t.path(), pack(early, QStringLiteral("B2611300002"))).exitCode, 1);
        const QString before = t.dump();
        const QStringList unassign{QStringLiteral("plan"), QStringLiteral("unassign"),
                                   QStringLiteral("rtx4090"), QStringLiteral("--operator")};
        Run r = reworkctl(t.path(), unassign + QStringList{QStringLiteral("OP1")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("limits.edit")), qPrintable(r.err));
        QCOMPARE(test::dumpFile(t.path()), before);
        r = reworkctl(t.path(), unassign + QStringList{t.admin()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const Run listed =
            reworkctl(t.path(), {QStringLiteral("--json"), QStringLiteral("plan"), QStringLiteral("list")});
        QVERIFY(
            listed.json().value("plans").toArray().first().toObject().value("models").toArray().isEmpty());
        QCOMPARE(
            sql::scalar(t.db().connection(),
                        QStringLiteral("SELECT count(*) FROM audit_log WHERE kind = 'test_plan_unassigned' "
                                       "AND detail = 'RTX4090=burn-in'"))
                .value()
                .toInt(),
            1);
        QCOMPARE(sql::scalar(
                     t.db().connection(),
                     QStringLiteral("SELECT count(*) FROM events WHERE step = 'reference' AND subject LIKE "
                                    "'product_plans/%' AND payload LIKE '%\"_present\":false%'"))
                     .value()
                     .toInt(),
                 1);
        // The unit tested before the plan is packed now.
        r = reworkctl(t.path(), pack(early, QStringLiteral("B2611300002")));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Nothing left to take away.
        const QString after = t.dump();
        r = reworkctl(t.path(), unassign + QStringList{t.admin()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no test plan of its own")), qPrintable(r.err));
        QCOMPARE(test::dumpFile(t.path()), after);
        // Assigned again: the plan holds, and the derived state agrees with the newest change.
        r = reworkctl(t.path(), {QStringLiteral("plan"), QStringLiteral("assign"), QStringLiteral("RTX4090"),
                                 QStringLiteral("burn-in"), QStringLiteral("--operator"), t.admin()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const Run checked = reworkctl(t.path(), {QStringLiteral("check")});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.out + checked.err));
    }

    /// A product's plan that names a plan this station has not received yet holds every pass
    /// back rather than judging by nothing.
    void aPlanNotYetHereHoldsThePassBack()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000506"), QStringLiteral("SB00000506"));
        // As a sync that brought the assignment but not yet the plan would leave it.
        QVERIFY(
            sql::exec(t.db().connection(),
                      QStringLiteral("INSERT INTO product_plans (model, plan) VALUES ('RTX4090', 'line-7')"))
                .ok());
        const QString before = t.dump();
        const Run r =
            reworkctl(t.path(), recordTest(unit, {QStringLiteral("result=pass"),
                                                  QStringLiteral("smi=") +
                                                      test::smiOutput(t, test::TestDatabase::gpuUuid(506))}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("has not reached this station")), qPrintable(r.err));
        QCOMPARE(test::dumpFile(t.path()), before);
    }
};

QTEST_GUILESS_MAIN(TestProductTestPlans)
#include "TestProductTestPlans.moc"
