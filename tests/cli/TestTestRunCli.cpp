// `reworkctl test run` on a fake rig, as an unattended test PC runs it: each run's verdict printed
// as it ends, one test recorded with its runs, and a non-zero exit for a run that fails, hangs past
// its time, is missing or is stopped with Ctrl-C (those last record nothing: the dump is the same).
#include "FakeRig.h"
#include "Reworkctl.h"
#include "TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace rework;
using rework::test::reworkctl;
using rework::test::Run;

namespace {

QStringList verdicts(const Run& r)
{
    QStringList out;
    for (const auto& run : r.json().value(QStringLiteral("runs")).toArray())
        out << run.toObject().value(QStringLiteral("kind")).toString() + QLatin1Char('=') +
                   run.toObject().value(QStringLiteral("verdict")).toString();
    return out;
}

QStringList testRun(const QString& unit, const QString& plan, const QStringList& more = {})
{
    return QStringList{QStringLiteral("test"),
                       QStringLiteral("run"),
                       unit,
                       QStringLiteral("--plan"),
                       plan,
                       QStringLiteral("--station"),
                       QStringLiteral("TEST-1"),
                       QStringLiteral("--operator"),
                       QStringLiteral("OP1")} +
           more;
}

} // namespace

class TestTestRunCli : public QObject
{
    Q_OBJECT

private slots:
    void aPassingRigPrintsEachVerdictAndRecordsThePass()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000401"), QStringLiteral("SB00000401"));
        const QString gpu = test::TestDatabase::gpuUuid(401);
        test::configureBurnRig(t, gpu, test::fakeTool("slow", test::shortBurnOutput(t, gpu), "0.01"));
        const Run r = reworkctl(t.path(), testRun(unit, test::burnInPlan(t)));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QVERIFY2(lines.size() == 3, qPrintable(r.out));
        // The burn-in ended before its report was due (60 s in): the report is taken right after.
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("gpu-burn: pass")), qPrintable(r.out));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("nvidia-smi: pass")), qPrintable(r.out));
        QVERIFY2(lines.at(2).contains(QStringLiteral("recorded as passed")), qPrintable(lines.at(2)));
    }

    /// --follow streams the tools' output, and the result still ends it once.
    void followStreamsTheOutputAndSaysTheResultOnce()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000412"), QStringLiteral("SB00000412"));
        const QString gpu = test::TestDatabase::gpuUuid(412);
        test::configureBurnRig(t, gpu, test::fakeTool("slow", test::shortBurnOutput(t, gpu), "0"));
        const Run r = reworkctl(t.path(), testRun(unit, test::burnInPlan(t), {QStringLiteral("--follow")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Gflop/s")), qPrintable(r.out)); // the tool's own lines
        QCOMPARE(r.out.count(QStringLiteral("recorded as passed")), 1);
    }

    void jsonGivesTheRunsAndTheEvent()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000402"), QStringLiteral("SB00000402"));
        const QString gpu = test::TestDatabase::gpuUuid(402);
        test::configureBurnRig(t, gpu, test::fakeTool("slow", test::shortBurnOutput(t, gpu), "0"));
        const Run r = reworkctl(t.path(), testRun(unit, test::burnInPlan(t), {QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject o = r.json();
        QVERIFY2(verdicts(r) == (QStringList{"gpu-burn=pass", "nvidia-smi=pass"}), qPrintable(r.out + r.err));
        QCOMPARE(o.value(QStringLiteral("outcome")).toString(), QStringLiteral("pass"));
        QCOMPARE(o.value(QStringLiteral("plan")).toString(), QStringLiteral("burn-in"));
        QVERIFY(!o.value(QStringLiteral("event")).toString().isEmpty());
        // The recorded test is the unit's: trace shows it passed, by OP1 at TEST-1.
        const Run trace = reworkctl(t.path(), {QStringLiteral("--json"), QStringLiteral("trace"), unit});
        QVERIFY2(trace.out.contains(o.value(QStringLiteral("event")).toString()), qPrintable(trace.out));
    }

    /// A passing log that says it ran longer than its command did is a saved log, not this run's:
    /// nothing is recorded, and the runner says why.
    void aSavedLogPrintedAtOnceIsNoRun()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000412"), QStringLiteral("SB00000412"));
        const QString gpu = test::TestDatabase::gpuUuid(412);
        test::configureBurnRig(t, gpu, test::fakeTool("slow", test::burnOutput(t, gpu), "0"));
        const QString before = t.dump();
        const Run r = reworkctl(t.path(), testRun(unit, test::burnInPlan(t), {QStringLiteral("--json")}));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(verdicts(r).contains(QStringLiteral("gpu-burn=unreadable")), qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral("ran 2.0 min")) &&
                     r.out.contains(QStringLiteral("not the output")),
                 qPrintable(r.out));
        QCOMPARE(t.dump(), before);
    }

    void aToolThatDiesRecordsAFailedTest()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000403"), QStringLiteral("SB00000403"));
        const QString gpu = test::TestDatabase::gpuUuid(403);
        test::configureBurnRig(t, gpu, test::fakeTool("die", test::burnOutput(t, gpu), "0"));
        const Run r = reworkctl(t.path(), testRun(unit, test::burnInPlan(t), {QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(verdicts(r) == (QStringList{"gpu-burn=fail"}),
                 qPrintable(r.out + r.err)); // a failed test needs no report
        QCOMPARE(r.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("repair"));
    }

    void aHungToolTimesOutAndRecordsNothing()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000404"), QStringLiteral("SB00000404"));
        const QString gpu = test::TestDatabase::gpuUuid(404);
        const QString pidFile = QDir(t.folder()).filePath(QStringLiteral("child.pid"));
        test::configureRig(
            t,
            {QStringLiteral("rig.command.nvidia-smi=") + test::fakeTool("slow", test::smiOutput(t, gpu), "0"),
             QStringLiteral("rig.command.gpu-burn=") +
                 test::fakeTool("hang", test::burnOutput(t, gpu), pidFile),
             QStringLiteral("rig.timeout.gpu-burn=1"), QStringLiteral("rig.report-after=0")});
        const QString before = t.dump();
        const Run r = reworkctl(t.path(), testRun(unit, test::burnInPlan(t), {QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 4);
        // The report was taken during the burn-in, under load; the hang still records nothing.
        QVERIFY2(verdicts(r) == (QStringList{"nvidia-smi=pass", "gpu-burn=timed-out"}),
                 qPrintable(r.out + r.err));
        QVERIFY(r.json().value(QStringLiteral("event")).isNull());
        QVERIFY2(
            r.json().value(QStringLiteral("summary")).toString().contains(QStringLiteral("nothing recorded")),
            qPrintable(r.out));
        QFile f(pidFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const pid_t child = f.readAll().trimmed().toInt();
        QVERIFY(child > 0);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(child, 0) != 0, 5000);
        QCOMPARE(test::dumpFile(t.path()), before);
    }

    void aMissingToolIsNamedWithItsSetting()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000405"), QStringLiteral("SB00000405"));
        test::configureRig(
            t, {QStringLiteral("rig.command.nvidia-smi=") +
                    test::fakeTool("slow", test::smiOutput(t, test::TestDatabase::gpuUuid(405)), "0"),
                QStringLiteral("rig.command.gpu-burn=gpu_burn_not_installed_here {seconds}")});
        const QString before = t.dump();
        const Run r = reworkctl(t.path(), testRun(unit, test::burnInPlan(t)));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.out.contains(QStringLiteral("gpu-burn: missing-tool")), qPrintable(r.out));
        QVERIFY2(r.out.contains(
                     QStringLiteral("gpu_burn_not_installed_here not found on this PC: install it or set "
                                    "rig.command.gpu-burn")),
                 qPrintable(r.out));
        QCOMPARE(test::dumpFile(t.path()), before);
    }

    void ctrlCCancelsTheRunAndRecordsNothing()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000406"), QStringLiteral("SB00000406"));
        const QString gpu = test::TestDatabase::gpuUuid(406);
        const QString pidFile = QDir(t.folder()).filePath(QStringLiteral("child.pid"));
        test::configureBurnRig(t, gpu, test::fakeTool("hang", test::burnOutput(t, gpu), pidFile));
        const QString before = t.dump();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REWORKTRACK_PIN"), test::kPin);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(REWORKCTL_PATH),
                QStringList{QStringLiteral("--db"), t.path(), QStringLiteral("--json")} +
                    testRun(unit, test::burnInPlan(t)));
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidFile).size() > 0, 10000);
        QFile f(pidFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const pid_t child = f.readAll().trimmed().toInt();
        QCOMPARE(::kill(child, 0), 0);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        const Run r{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                    QString::fromUtf8(p.readAllStandardError())};
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(verdicts(r) == (QStringList{"gpu-burn=cancelled"}), qPrintable(r.out + r.err));
        QTRY_VERIFY_WITH_TIMEOUT(::kill(child, 0) != 0, 5000);
        QCOMPARE(test::dumpFile(t.path()), before);
    }

    /// The GPU's report is taken during the burn-in; when it cannot be, the burn-in is stopped
    /// (no test could be recorded without it) and nothing is recorded.
    void aReportThatCannotBeTakenStopsTheBurnIn()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000408"), QStringLiteral("SB00000408"));
        const QString gpu = test::TestDatabase::gpuUuid(408);
        const QString pidFile = QDir(t.folder()).filePath(QStringLiteral("child.pid"));
        test::configureRig(t, {QStringLiteral("rig.command.nvidia-smi=/opt/nowhere/nvidia-smi -q -x"),
                               QStringLiteral("rig.command.gpu-burn=") +
                                   test::fakeTool("hang", test::burnOutput(t, gpu), pidFile),
                               QStringLiteral("rig.report-after=1")});
        const QString before = t.dump();
        const Run r = reworkctl(t.path(), testRun(unit, test::burnInPlan(t), {QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(verdicts(r) == (QStringList{"nvidia-smi=missing-tool", "gpu-burn=cancelled"}),
                 qPrintable(r.out + r.err));
        QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(true), false); // as the exit code says
        QVERIFY2(r.out.contains(QStringLiteral("/opt/nowhere/nvidia-smi not found on this PC")),
                 qPrintable(r.out));
        QFile f(pidFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const pid_t child = f.readAll().trimmed().toInt();
        QVERIFY(child > 0);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(child, 0) != 0, 5000);
        QCOMPARE(test::dumpFile(t.path()), before);
    }

    /// Every run passed, but the core refuses the pass (a report taken at idle proves no link):
    /// exit 1 with the rule's words, and nothing of the plan is left, not even a staged log.
    void aPassTheCoreRefusesRecordsNothing()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000409"), QStringLiteral("SB00000409"));
        const QString gpu = test::TestDatabase::gpuUuid(409);
        test::configureRig(t,
                           {QStringLiteral("rig.command.nvidia-smi=") +
                                test::fakeTool("slow", test::smiOutput(t, gpu, 1, QStringLiteral("P8")), "0"),
                            QStringLiteral("rig.command.gpu-burn=") +
                                test::fakeTool("slow", test::shortBurnOutput(t, gpu), "0")});
        const QString before = t.dump();
        const Run r = reworkctl(t.path(), testRun(unit, test::burnInPlan(t), {QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(verdicts(r) == (QStringList{"gpu-burn=pass", "nvidia-smi=pass"}), qPrintable(r.out));
        QVERIFY2(r.json().value(QStringLiteral("summary")).toString().contains(QStringLiteral("at idle")),
                 qPrintable(r.out));
        QVERIFY(r.json().value(QStringLiteral("event")).isNull());
        QCOMPARE(test::dumpFile(t.path()), before);
        const QDir staging(QDir(t.folder()).filePath(QStringLiteral("evidence-staging")));
        QVERIFY2(staging.entryList(QDir::Files).isEmpty(),
                 qPrintable(staging.entryList(QDir::Files).join(' ')));
    }

    /// memtest_vulkan tests until Ctrl-C: the runner stops it after its time (rig.stop-after) as a
    /// person would, and judges what it printed then.
    void aToolThatTestsUntilStoppedIsStoppedAfterItsTime()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000411"), QStringLiteral("SB00000411"));
        const QString gpu = test::TestDatabase::gpuUuid(411);
        // The real log without its 100-second reports: 12 s of testing, about what the fake
        // tool takes, so that the runner believes its duration.
        const QString memtest = QDir(t.folder()).filePath(QStringLiteral("memtest-12s.txt"));
        QFile full(test::onGpu(
            t.folder(),
            QStringLiteral(REWORK_FIXTURES_DIR
                           "/test-rigs/GpuZelenograd_memtest_vulkan__v0.3.0-windows-intel-iris-xe-pass.txt"),
            gpu));
        QVERIFY(full.open(QIODevice::ReadOnly));
        QByteArray shortened;
        for (const QByteArray& line : full.readAll().split('\n')) {
            if (!line.contains("passed 100."))
                shortened += line + '\n';
        }
        test::writeFile(memtest, shortened);
        const QString plan = QDir(t.folder()).filePath(QStringLiteral("plan-vram.json"));
        test::writeFile(plan, R"({"name": "vram", "required": ["memtest"]})");
        test::configureRig(
            t,
            {QStringLiteral("rig.command.nvidia-smi=") + test::fakeTool("slow", test::smiOutput(t, gpu), "0"),
             QStringLiteral("rig.command.memtest=") + test::fakeTool("until-ctrl-c", memtest, "3"),
             QStringLiteral("rig.stop-after.memtest=1")});
        const Run r = reworkctl(t.path(), testRun(unit, plan, {QStringLiteral("--json")}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(verdicts(r) == (QStringList{"nvidia-smi=pass", "memtest=pass"}), qPrintable(r.out));
        QCOMPARE(r.json().value(QStringLiteral("outcome")).toString(), QStringLiteral("pass"));
    }

    /// An unattended rig records with its station's token, at the line's only test station.
    void anUnattendedRigRecordsWithItsToken()
    {
        test::TestDatabase t;
        const QString unit =
            test::inspectedUnit(t, QStringLiteral("ZT4090P000410"), QStringLiteral("SB00000410"));
        const QString gpu = test::TestDatabase::gpuUuid(410);
        test::configureBurnRig(t, gpu, test::fakeTool("slow", test::shortBurnOutput(t, gpu), "0"));
        const Run token = reworkctl(t.path(), {"--json", "token", "create", "--station", "TEST-1", "--steps",
                                               "test", "--operator", t.admin()});
        QVERIFY2(token.exitCode == 0, qPrintable(token.out + token.err));
        const QString secret = token.json().value(QStringLiteral("secret")).toString();
        const Run r = reworkctl(
            t.path(), {"--json", "test", "run", unit, "--plan", test::burnInPlan(t), "--token-stdin"},
            QString(), secret.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QString event = r.json().value(QStringLiteral("event")).toString();
        const Run trace = reworkctl(t.path(), {"--json", "trace", unit});
        QVERIFY2(trace.out.contains(QStringLiteral("TOKEN:1")), qPrintable(trace.out));
        QVERIFY(trace.out.contains(event));
        // Its token records only its own steps: it cannot run another station's test.
        const Run wrongStation = reworkctl(
            t.path(),
            {"--json", "test", "run", unit, "--plan", "default", "--station", "PACK-1", "--token-stdin"},
            QString(), secret.toUtf8() + '\n');
        QVERIFY(wrongStation.exitCode != 0);
    }

    void helpNamesTheSettings()
    {
        test::TestDatabase t;
        const Run main = reworkctl(t.path(), {"--help"}, QString());
        QVERIFY2(main.out.contains(QStringLiteral("test run UNIT [--plan NAME]")), qPrintable(main.out));
        const Run help = reworkctl(t.path(), {"test", "--help"}, QString());
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("rig.conf")));
        QVERIFY(help.out.contains(QStringLiteral("rig.command.gpu-burn")));
        QCOMPARE(reworkctl(t.path(), {"test"}, QString()).exitCode, 2);
    }

    void badRequestsAreRefusedBeforeAnyToolStarts_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        // Without --plan: the product's plan, else this PC's rig.plan; an empty one is no plan.
        QTest::newRow("empty plan") << QStringList{"test",      "run",    "UNIT",       "--plan", "",
                                                   "--station", "TEST-1", "--operator", "OP1"}
                                    << 2 << "--plan needs a plan";
        QTest::newRow("unknown plan file")
            << QStringList{"test",      "run",    "UNIT",       "--plan", "/nonexistent/plan.json",
                           "--station", "TEST-1", "--operator", "OP1"}
            << 2 << "plan";
        QTest::newRow("not a test subcommand") << QStringList{"test", "walk", "UNIT"} << 2 << "test run";
        QTest::newRow("unit not due its test")
            << QStringList{"test",      "run",    "MOUNTED",    "--plan", "default",
                           "--station", "TEST-1", "--operator", "OP1"}
            << 1 << "not waiting for its test";
        QTest::newRow("a plan that requires no run")
            << QStringList{"test",      "run",    "INSPECTED",  "--plan", "default",
                           "--station", "TEST-1", "--operator", "OP1"}
            << 1 << "requires no rig run";
        QTest::newRow("unknown option")
            << QStringList{"test", "run", "UNIT", "--plan", "default", "--fast"} << 2 << "--fast";
    }
    void badRequestsAreRefusedBeforeAnyToolStarts()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        test::TestDatabase t;
        const QString mounted = t.mountedUnit(QStringLiteral("ZT4090P000407"), QStringLiteral("SB00000407"));
        args.replaceInStrings(QStringLiteral("MOUNTED"), mounted);
        args.replaceInStrings(
            QStringLiteral("INSPECTED"),
            test::inspectedUnit(t, QStringLiteral("ZT4090P000408"), QStringLiteral("SB00000408")));
        const QString marker = QDir(t.folder()).filePath(QStringLiteral("never.pid"));
        test::configureRig(
            t, {QStringLiteral("rig.command.nvidia-smi=") + test::fakeTool("hang", marker, marker)});
        const QString before = t.dump();
        const Run r = reworkctl(t.path(), args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2((r.out + r.err).contains(says), qPrintable(r.out + r.err));
        QVERIFY(!QFileInfo::exists(marker));
        QCOMPARE(test::dumpFile(t.path()), before);
    }
};

QTEST_MAIN(TestTestRunCli)
#include "TestTestRunCli.moc"
