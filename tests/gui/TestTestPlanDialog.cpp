// "Run test plan" driven as an operator sees it, on a fake rig: the tools print captured outputs
// slowly, die half-way, hang or are missing. The progress bar moves, the output streams, each
// run's verdict shows as it ends; Cancel kills the tool's whole process group and records
// nothing (the database dump is the same before and after), as does a missing tool.
#include "FakeRig.h"
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "TestDatabase.h"
#include "common/ResultBanner.h"
#include "domain/EventPayload.h"
#include "importers/TestPlanStore.h"
#include "rigs/TestPlanRun.h"
#include "shell/MainWindow.h"
#include "stations/StepForm.h"
#include "stations/TestPlanDialog.h"
#include "storage/EvidenceStore.h"
#include "storage/Sql.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace rework;

namespace {

Session testStationSession(const QString& operatorId = QStringLiteral("OP1"),
                           const QString& role = QStringLiteral("operator"))
{
    Session s;
    s.operatorInfo = OperatorInfo{operatorId, QStringLiteral("Li Wei"), role};
    s.station = StationInfo{QStringLiteral("TEST-1"), QStringLiteral("test")};
    s.id = QStringLiteral("S-TEST");
    return s;
}

/// The verdict the dialog shows for a run kind ("pass", "cancelled"...), empty while none.
QString shownVerdict(const TestPlanDialog& d, const QString& kind)
{
    for (int i = 0; i < d.verdictList()->count(); ++i) {
        const QListWidgetItem* item = d.verdictList()->item(i);
        if (item->data(Qt::UserRole).toString() == kind)
            return item->data(Qt::UserRole + 1).toString();
    }
    return QStringLiteral("(no row)");
}

QString rowText(const TestPlanDialog& d, const QString& kind)
{
    for (int i = 0; i < d.verdictList()->count(); ++i) {
        if (d.verdictList()->item(i)->data(Qt::UserRole).toString() == kind)
            return d.verdictList()->item(i)->text();
    }
    return {};
}

/// Staged copies left behind (a refused or cancelled plan must leave none).
qsizetype stagedFiles(const QString& folder)
{
    qsizetype n = 0;
    QDir staging(QDir(folder).filePath(QStringLiteral("evidence-staging")));
    for (const QFileInfo& f : staging.entryInfoList(QDir::Files | QDir::NoDotAndDotDot))
        n += f.isFile() ? 1 : 0;
    return n;
}

} // namespace

class TestTestPlanDialog : public QObject
{
    Q_OBJECT

private slots:
    /// From the test form: the operator scans the unit and presses Run test plan; the plan of
    /// rig.plan runs, and the form says the unit passed and is ready for the next.
    void theTestFormRunsThePlanOfThisPc()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000311"), QStringLiteral("SB00000311"));
        const QString gpu = test::TestDatabase::gpuUuid(311);
        test::configureRig(
            t,
            {QStringLiteral("rig.command.nvidia-smi=") + test::fakeTool("slow", test::smiOutput(t, gpu), "0"),
             QStringLiteral("rig.command.gpu-burn=") +
                 test::fakeTool("slow", test::shortBurnOutput(t, gpu), "0.05"),
             QStringLiteral("rig.report-after=1"), QStringLiteral("rig.plan=") + test::burnInPlan(t)});
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("TEST-1"));
        StepForm* form = w.currentForm();
        QVERIFY(form);
        auto* run = form->findChild<QPushButton*>(QStringLiteral("runTestPlan"));
        QVERIFY(run);
        // No unit yet: said so, nothing starts.
        const QString before = t.dump();
        QTest::mouseClick(run, Qt::LeftButton);
        QCOMPARE(form->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(t.dump(), before);

        form->field(QStringLiteral("unit"))->setFocus();
        QTest::keyClicks(QApplication::focusWidget(), unit);
        bool sawThePlan = false;
        auto* poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [poll, &sawThePlan] {
            auto* d = qobject_cast<TestPlanDialog*>(QApplication::activeModalWidget());
            if (!d || d->isRunning())
                return;
            poll->stop();
            poll->deleteLater();
            sawThePlan = d->verdictList()->count() == 2;
            QTest::mouseClick(d->closeButton(), Qt::LeftButton);
        });
        poll->start(50);
        QCOMPARE(form->value(QStringLiteral("unit")), unit);
        QTest::mouseClick(run, Qt::LeftButton);
        QVERIFY2(sawThePlan, qPrintable(form->banner()->text()));
        QCOMPARE(form->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY2(form->banner()->text().contains(QStringLiteral("passed its test plan")),
                 qPrintable(form->banner()->text()));
        QCOMPARE(form->value(QStringLiteral("unit")), QString());
        QCOMPARE(sql::scalar(t.db().connection(),
                             QStringLiteral(
                                 "SELECT json_extract(payload, '$.outcome') FROM events WHERE step = 'test'"))
                     .value()
                     .toString(),
                 QStringLiteral("pass"));
    }

    /// At the test form a rig log picked by hand is judged by the plan of the unit's product, so
    /// the unit is scanned first; the pass then holds to that plan.
    void theFormJudgesARigLogByTheProductsPlan()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000312"), QStringLiteral("SB00000312"));
        const QString gpu = test::TestDatabase::gpuUuid(312);
        test::configureRig(t, {QStringLiteral("rig.plan=default")});
        const QString plan = QDir(t.folder()).filePath(QStringLiteral("rtx4090.json"));
        test::writeFile(plan, R"({"name": "rtx4090-burnin", "required": ["gpu-burn"]})");
        TestPlanStore store(t.db().connection());
        QVERIFY(store.publish(plan, OperatorInfo{t.admin(), {}, QStringLiteral("admin")}, {}).ok());
        QVERIFY(store
                    .assign(QStringLiteral("RTX4090"), QStringLiteral("rtx4090-burnin"),
                            OperatorInfo{t.admin(), {}, QStringLiteral("admin")}, {})
                    .ok());
        QVERIFY(t.recorder().reloadConfig().ok());
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("TEST-1"));
        StepForm* form = w.currentForm();
        QVERIFY(form);
        const QString before = t.dump();
        QVERIFY(!form->importRigLog(test::burnOutput(t, gpu)));
        QCOMPARE(form->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(form->banner()->text().contains(QStringLiteral("scan the unit")),
                 qPrintable(form->banner()->text()));
        QVERIFY(form->rigRuns().isEmpty());
        QCOMPARE(t.dump(), before);

        form->setValue(QStringLiteral("unit"), unit);
        QVERIFY(form->importRigLog(test::burnOutput(t, gpu)));
        QCOMPARE(form->rigRuns().size(), 1);
        QCOMPARE(form->rigRuns().first().detail.value(QStringLiteral("plan")).toString(),
                 QStringLiteral("rtx4090-burnin"));
    }

    void aPassingRigRecordsThePassWhileTheOperatorWatches()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000301"), QStringLiteral("SB00000301"));
        const QString gpu = test::TestDatabase::gpuUuid(301);
        test::configureRig(t, {QStringLiteral("rig.command.nvidia-smi=") +
                                   test::fakeTool("slow", test::smiOutput(t, gpu), "0"),
                               QStringLiteral("rig.command.gpu-burn=") +
                                   test::fakeTool("slow", test::shortBurnOutput(t, gpu), "0.3"),
                               QStringLiteral("rig.report-after=1")});
        TestPlanDialog d(unit, test::burnInPlan(t), t.recorder(), testStationSession());
        QSignalSpy recorded(&d, &TestPlanDialog::recorded);
        QList<int> progress;
        connect(d.progressBar(), &QProgressBar::valueChanged, this, [&progress](int v) { progress << v; });
        QCOMPARE(d.verdictList()->count(), 2); // the burn-in, and the GPU's report taken during it
        d.show();                              // starts the plan
        QVERIFY(d.isRunning());
        QVERIFY(!d.closeButton()->isEnabled());
        // The burn-in's lines stream in while it runs, and the bar moves with it.
        QTRY_VERIFY_WITH_TIMEOUT(
            d.outputView()->toPlainText().contains(QStringLiteral("Initialized device 0")), 10000);
        QVERIFY(d.isRunning());
        // A second into the burn-in the GPU's report is taken, under load, while it goes on.
        QTRY_VERIFY_WITH_TIMEOUT(shownVerdict(d, QStringLiteral("nvidia-smi")) == QLatin1StringView("pass"),
                                 10000);
        QVERIFY(d.isRunning());
        QVERIFY(rowText(d, QStringLiteral("gpu-burn")).contains(QStringLiteral("running")));
        QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning(), 20000);
        QVERIFY2(progress.size() >= 3, qPrintable(QString::number(progress.size())));
        for (qsizetype i = 1; i < progress.size(); ++i)
            QVERIFY(progress.at(i) >= progress.at(i - 1));
        QCOMPARE(d.progressBar()->value(), d.progressBar()->maximum());
        QVERIFY(d.elapsedLabel()->text().contains(QStringLiteral("00:00:0")));
        QCOMPARE(shownVerdict(d, QStringLiteral("gpu-burn")), QStringLiteral("pass"));
        QCOMPARE(d.banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY(d.closeButton()->isEnabled());
        QVERIFY(!d.cancelButton()->isEnabled());
        // One test, as the acting session, with the run and both outputs kept as evidence.
        QCOMPARE(recorded.size(), 1);
        const EventRecord& e = d.run()->recorded()->event;
        QCOMPARE(e.step, QStringLiteral("test"));
        QCOMPARE(e.operatorId, QStringLiteral("OP1"));
        QCOMPARE(e.stationId, QStringLiteral("TEST-1"));
        QCOMPARE(e.payload.value(payload::Outcome).toString(), QString(outcome::Pass));
        QCOMPARE(e.payload.value(payload::GpuUuid).toString(), gpu);
        QCOMPARE(e.payload.value(payload::BurninMin).toInt(), 0); // whole minutes of the 10-s log
        const QJsonObject burnin =
            e.payload.value(payload::RigRuns).toObject().value(QStringLiteral("burnin")).toObject();
        QCOMPARE(burnin.value(QStringLiteral("verdict")).toString(), QStringLiteral("pass"));
        const QStringList refs = e.payload.value(payload::Evidence).toString().split(QLatin1Char(';'));
        QCOMPARE(refs.size(), 2);
        for (const QString& ref : refs)
            QVERIFY2(QFileInfo::exists(EvidenceStore(t.folder()).storedPathFor(ref)), qPrintable(ref));
        QCOMPARE(stagedFiles(t.folder()), 0);
    }

    void aToolThatDiesHalfWayFailsTheTest()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000302"), QStringLiteral("SB00000302"));
        const QString gpu = test::TestDatabase::gpuUuid(302);
        test::configureBurnRig(t, gpu, test::fakeTool("die", test::burnOutput(t, gpu), "0.01"));
        TestPlanDialog d(unit, test::burnInPlan(t), t.recorder(), testStationSession());
        d.show();
        QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning(), 20000);
        QCOMPARE(shownVerdict(d, QStringLiteral("gpu-burn")), QStringLiteral("fail"));
        QVERIFY2(rowText(d, QStringLiteral("gpu-burn")).contains(QStringLiteral("finish")),
                 qPrintable(rowText(d, QStringLiteral("gpu-burn"))));
        QCOMPARE(d.banner()->kind(), ResultBanner::Kind::Failure);
        // Recorded as the failed test it is: the unit goes back to repair with the run kept.
        QVERIFY(d.run()->recorded());
        const QJsonObject p = d.run()->recorded()->event.payload;
        QCOMPARE(p.value(payload::Outcome).toString(), QString(outcome::Repair));
        QCOMPARE(p.value(payload::Burnin).toString(), QStringLiteral("fail"));
        QCOMPARE(p.value(payload::Defect).toString(), QStringLiteral("BURNIN_ERRORS"));
    }

    /// A rig.command that prints a saved passing log at once (2 minutes of burn-in in no time) is
    /// no run of this unit: the dialog says the log claims longer than its command ran, and nothing
    /// is recorded nor left staged.
    void aSavedLogPrintedAtOnceIsNoRun()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000308"), QStringLiteral("SB00000308"));
        const QString gpu = test::TestDatabase::gpuUuid(308);
        test::configureBurnRig(t, gpu, test::fakeTool("slow", test::burnOutput(t, gpu), "0"));
        const QString before = t.dump();
        TestPlanDialog d(unit, test::burnInPlan(t), t.recorder(), testStationSession());
        QSignalSpy recorded(&d, &TestPlanDialog::recorded);
        d.show();
        QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning(), 20000);
        QCOMPARE(shownVerdict(d, QStringLiteral("gpu-burn")), QStringLiteral("unreadable"));
        const QString row = rowText(d, QStringLiteral("gpu-burn"));
        QVERIFY2(row.contains(QStringLiteral("ran 2.0 min")) &&
                     row.contains(QStringLiteral("not the output")),
                 qPrintable(row));
        QVERIFY2(d.outputView()->toPlainText().contains(QStringLiteral("not the output")),
                 qPrintable(d.outputView()->toPlainText()));
        QCOMPARE(d.banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(d.banner()->text().contains(QStringLiteral("nothing recorded")),
                 qPrintable(d.banner()->text()));
        QVERIFY(!d.run()->recorded());
        QCOMPARE(recorded.size(), 0);
        QCOMPARE(t.dump(), before);
        QCOMPARE(stagedFiles(t.folder()), 0);
    }

    void cancelKillsTheToolAndRecordsNothing()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000303"), QStringLiteral("SB00000303"));
        const QString gpu = test::TestDatabase::gpuUuid(303);
        const QString pidFile = QDir(t.folder()).filePath(QStringLiteral("child.pid"));
        test::configureBurnRig(t, gpu, test::fakeTool("hang", test::burnOutput(t, gpu), pidFile));
        const QString before = t.dump();
        TestPlanDialog d(unit, test::burnInPlan(t), t.recorder(), testStationSession());
        d.show();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(pidFile) && QFileInfo(pidFile).size() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            d.outputView()->toPlainText().contains(QStringLiteral("Initialized device 0")), 10000);
        QFile f(pidFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const pid_t child = f.readAll().trimmed().toInt();
        QVERIFY(child > 0);
        QCOMPARE(::kill(child, 0), 0); // the tool's own child runs
        QTest::mouseClick(d.cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning(), 10000);
        QCOMPARE(shownVerdict(d, QStringLiteral("gpu-burn")), QStringLiteral("cancelled"));
        QCOMPARE(d.banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(d.banner()->text().contains(QStringLiteral("nothing recorded")),
                 qPrintable(d.banner()->text()));
        QVERIFY(!d.run()->recorded());
        // The whole group went with it, and not a row, nor a staged file, is left of the plan.
        QTRY_VERIFY_WITH_TIMEOUT(::kill(child, 0) != 0, 5000);
        QCOMPARE(t.dump(), before);
        QCOMPARE(stagedFiles(t.folder()), 0);
    }

    void aMissingToolSaysSoInsteadOfHanging()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000304"), QStringLiteral("SB00000304"));
        test::configureRig(
            t, {QStringLiteral("rig.command.nvidia-smi=") +
                    test::fakeTool("slow", test::smiOutput(t, test::TestDatabase::gpuUuid(304)), "0"),
                QStringLiteral("rig.command.gpu-burn=/opt/nowhere/gpu_burn {seconds}")});
        const QString before = t.dump();
        TestPlanDialog d(unit, test::burnInPlan(t), t.recorder(), testStationSession());
        d.show();
        QTRY_VERIFY_WITH_TIMEOUT(!d.isRunning(), 10000);
        QCOMPARE(shownVerdict(d, QStringLiteral("gpu-burn")), QStringLiteral("missing-tool"));
        const QString row = rowText(d, QStringLiteral("gpu-burn"));
        QVERIFY2(row.contains(QStringLiteral("/opt/nowhere/gpu_burn not found on this PC")), qPrintable(row));
        QVERIFY2(row.contains(QStringLiteral("rig.command.gpu-burn")), qPrintable(row));
        QCOMPARE(t.dump(), before);
        QCOMPARE(stagedFiles(t.folder()), 0);
    }

    /// What the core refuses before any tool starts is said in the banner, and nothing runs.
    void aUnitNotDueItsTestStartsNothing()
    {
        test::TestDatabase t;
        const QString unit = t.mountedUnit(QStringLiteral("ZT4090P000305"), QStringLiteral("SB00000305"));
        const QString marker = QDir(t.folder()).filePath(QStringLiteral("never.pid"));
        test::configureRig(
            t, {QStringLiteral("rig.command.nvidia-smi=") + test::fakeTool("hang", marker, marker)});
        const QString before = t.dump();
        TestPlanDialog d(unit, QStringLiteral("default"), t.recorder(), testStationSession());
        d.show();
        QVERIFY(!d.isRunning());
        QCOMPARE(d.banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(d.banner()->text().contains(QStringLiteral("not waiting for its test")),
                 qPrintable(d.banner()->text()));
        QVERIFY(d.closeButton()->isEnabled());
        QTest::qWait(200);
        QVERIFY(!QFileInfo::exists(marker));
        QCOMPARE(t.dump(), before);
    }

    void aRoleThatMayNotTestStartsNothing()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000306"), QStringLiteral("SB00000306"));
        const QString before = t.dump();
        TestPlanDialog d(unit, QStringLiteral("default"), t.recorder(),
                         testStationSession(QStringLiteral("OP1"), QStringLiteral("viewer")));
        d.show();
        QVERIFY(!d.isRunning());
        QVERIFY2(d.banner()->text().contains(QStringLiteral("may not record a test")),
                 qPrintable(d.banner()->text()));
        QCOMPARE(t.dump(), before);
    }

    void aMisspeltRigSettingIsRefused()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000307"), QStringLiteral("SB00000307"));
        test::configureRig(t, {QStringLiteral("rig.comand.gpu-burn=/opt/gpu_burn")});
        TestPlanDialog d(unit, QStringLiteral("strict"), t.recorder(), testStationSession());
        d.show();
        QVERIFY(!d.isRunning());
        QVERIFY2(d.banner()->text().contains(QStringLiteral("rig.comand.gpu-burn")),
                 qPrintable(d.banner()->text()));
    }
};

QTEST_MAIN(TestTestPlanDialog)
#include "TestTestPlanDialog.moc"
