// Test rig outputs recorded with their step on a real SQLite file: burnin=, dcgm=, vram= at test and
// profile_log= at mount, read from the real fixtures, judged by the test plan, kept as evidence, their
// figures and measurements in the payload; a test whose run fails the plan cannot pass.
#include "RigLogs.h"
#include "TestDatabase.h"
#include "domain/EventPayload.h"
#include "importers/RigImport.h"
#include "importers/RigRunReader.h"
#include "importers/TestPlan.h"
#include "importers/TestPlanStore.h"
#include "storage/EvidenceStore.h"
#include "storage/LimitStore.h"
#include "workflow/StepSchema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace rework;

namespace {

QString fixture(const char* prefix)
{
    const QDir dir(QStringLiteral(REWORK_FIXTURES_DIR "/test-rigs"));
    const QStringList names = dir.entryList({QString::fromLatin1(prefix) + QLatin1Char('*')}, QDir::Files);
    if (names.size() != 1)
        qFatal("fixture prefix %s matches %lld files", prefix, static_cast<long long>(names.size()));
    return dir.filePath(names.first());
}

/// An inspected unit, ready for its test.
QString inspectedUnit(test::TestDatabase& t, const QString& card, const QString& board)
{
    const QString unit = t.mountedUnit(card, board);
    if (!t.record(Step::Inspect, {QStringLiteral("unit=") + unit, QStringLiteral("result=pass")}))
        qFatal("inspect failed");
    return unit;
}

/// The action `reworkctl record STEP key=value...` hands the recorder, run files read.
Result<Action> action(test::TestDatabase& t, Step step, const QStringList& keyValues,
                      const TestPlan& plan = TestPlan::defaultPlan())
{
    Result<RigRunReader::Arguments> runs = RigRunReader::takeArguments(step, keyValues, t.folder(), plan);
    if (!runs)
        return runs.error();
    Result<QJsonObject> fields = StepSchema::parse(step, runs->rest);
    if (!fields)
        return fields.error();
    Action a{step, QString(), QStringLiteral("OP1"), fields.value()};
    a.runs = runs->runs;
    return a;
}

} // namespace

class TestRigRecording : public QObject
{
    Q_OBJECT

private slots:
    void aTestKeepsItsRunsFiguresAndFiles()
    {
        test::TestDatabase t;
        const QString unit = inspectedUnit(t, QStringLiteral("ZT4090P000101"), QStringLiteral("SB00000101"));
        const QString gpu101 = test::TestDatabase::gpuUuid(101);
        Result<Action> a = action(
            t, Step::Test,
            {QStringLiteral("unit=") + unit, QStringLiteral("result=pass"),
             QStringLiteral("burnin=") +
                 test::onGpu(t.folder(), fixture("stibbons1990_hex__gpu-burn"), gpu101),
             QStringLiteral("vram=") +
                 test::onGpu(t.folder(), fixture("GpuZelenograd_memtest_vulkan__v0.3.0-windows"), gpu101),
             QStringLiteral("dcgm=") + test::onGpu(t.folder(), fixture("NVIDIA_DCGM__issue124"), gpu101)});
        QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().oneLine()));
        QCOMPARE(a.value().runs.size(), 3);
        a.value().report = t.report(test::TestDatabase::gpuUuid(101));
        Result<Recorded> r = t.record(a.value());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().oneLine()));
        const QJsonObject p = r.value().event.payload;
        QCOMPARE(p.value(payload::Outcome).toString(), QString(outcome::Pass));
        // Flat figures, for dashboards: "Burning for 120 seconds.", 13090 Gflop/s at the end.
        QCOMPARE(p.value(payload::Burnin).toString(), QStringLiteral("pass"));
        QCOMPARE(p.value(payload::BurninMin).toInt(), 2);
        QCOMPARE(p.value(payload::BurninGflops).toDouble(), 13090.0);
        QCOMPARE(p.value(payload::BurninErrors).toDouble(), 0.0);
        QCOMPARE(p.value(payload::Vram).toString(), QStringLiteral("pass"));
        QCOMPARE(p.value(payload::VramErrors).toDouble(), 0.0);
        QVERIFY(p.value(payload::VramMin).toDouble() > 6);
        QCOMPARE(p.value(payload::Dcgm).toString(), QStringLiteral("pass"));
        QCOMPARE(p.value(payload::DcgmLevel).toInt(), 2);
        // Each run whole, its measurements with their limits.
        const QJsonObject runs = p.value(payload::RigRuns).toObject();
        QCOMPARE(runs.keys(), (QStringList{"burnin", "dcgm", "vram"}));
        const QJsonObject burnin = runs.value(QStringLiteral("burnin")).toObject();
        QCOMPARE(burnin.value(QStringLiteral("verdict")).toString(), QStringLiteral("pass"));
        QCOMPARE(burnin.value(QStringLiteral("kind")).toString(), QStringLiteral("gpu-burn"));
        QVERIFY(!burnin.value(QStringLiteral("measurements")).toArray().isEmpty());
        // The files themselves, hashed into the store.
        const QStringList refs = p.value(payload::Evidence).toString().split(QLatin1Char(';'));
        QCOMPARE(refs.size(), 4); // the nvidia-smi report and the three logs
        const EvidenceStore store(t.folder());
        for (const QJsonValue& run : runs) {
            const QString ref = run.toObject().value(QStringLiteral("evidence")).toString();
            QVERIFY(refs.contains(ref));
            QVERIFY2(QFileInfo::exists(store.storedPathFor(ref)), qPrintable(ref));
        }
    }

    void aRunThatFailsThePlanRefusesAPass_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("why");
        QTest::newRow("burn-in without its final lines")
            << "burnin" << fixture("wilicc_gpu-burn__issue124") << QStringLiteral("did not finish");
        QTest::newRow("burn-in died")
            << "burnin" << fixture("wilicc_gpu-burn__issue15") << QStringLiteral("died");
        QTest::newRow("DCGM skipped everything")
            << "dcgm" << fixture("gnosia93_slurm-on-aws__dcgmi") << QStringLiteral("skipped");
        QTest::newRow("VRAM errors") << "vram" << fixture("GpuZelenograd_memtest_vulkan__v0.3.0-linux")
                                     << QStringLiteral("errors found");
    }
    void aRunThatFailsThePlanRefusesAPass()
    {
        QFETCH(QString, field);
        QFETCH(QString, file);
        QFETCH(QString, why);
        test::TestDatabase t;
        const QString unit = inspectedUnit(t, QStringLiteral("ZT4090P000102"), QStringLiteral("SB00000102"));
        file = test::onGpu(t.folder(), file, test::TestDatabase::gpuUuid(102));
        const QString before = t.dump();
        Result<Action> a = action(
            t, Step::Test,
            {QStringLiteral("unit=") + unit, QStringLiteral("result=pass"), field + QLatin1Char('=') + file});
        QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().oneLine()));
        a.value().report = t.report(test::TestDatabase::gpuUuid(102));
        Result<Recorded> refused = t.record(a.value());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::ReportContradiction);
        QCOMPARE(refused.error().field, field);
        QVERIFY2(refused.error().message.contains(why, Qt::CaseInsensitive),
                 qPrintable(refused.error().message));
        QCOMPARE(t.dump(), before);
        // A supervisor's override of the report does not pass a failed run either.
        Action overridden = a.value();
        overridden.operatorId = QStringLiteral("SUP1");
        overridden.fields.insert(payload::OverrideReason, QStringLiteral("rig is fine, trust me"));
        QVERIFY(!t.record(overridden).ok());
        // Recorded as the fail it is, it sends the unit back to repair with the run kept.
        Action failed = a.value();
        failed.fields.insert(payload::Result, QStringLiteral("fail"));
        if (field == QLatin1StringView("dcgm")) // no defect follows from a diagnostic: the engineer names it
            failed.fields.insert(payload::Defect, QStringLiteral("NOT_DETECTED"));
        Result<Recorded> r = t.record(failed);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().oneLine()));
        const QJsonObject run =
            r.value().event.payload.value(payload::RigRuns).toObject().value(field).toObject();
        QCOMPARE(run.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
        QVERIFY(!run.value(QStringLiteral("reasons")).toArray().isEmpty());
        QCOMPARE(r.value().event.payload.value(field).toString(), QStringLiteral("fail"));
    }

    /// A log of another card proves nothing about this unit: another GPU's UUID, another model,
    /// another PCI device are refused, pass or fail, and a supervisor's override changes nothing.
    void aLogOfAnotherGpuIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("operatorId");
        QTest::newRow("burn-in of an RTX 3070 Ti")
            << "burnin" << fixture("stibbons1990_hex__gpu-burn") << "pass"
            << "OP1";
        QTest::newRow("burn-in of a GTX 1650, as a fail")
            << "burnin" << fixture("wilicc_gpu-burn__issue15") << "fail"
            << "OP1";
        QTest::newRow("DCGM of an A10 (PCI 2237), overridden")
            << "dcgm" << fixture("NVIDIA_DCGM__issue124") << "pass"
            << "SUP1";
        QTest::newRow("VRAM test of a Raspberry Pi")
            << "vram" << fixture("GpuZelenograd_memtest_vulkan__v0.4.2") << "pass"
            << "OP1";
    }
    void aLogOfAnotherGpuIsRefused()
    {
        QFETCH(QString, field);
        QFETCH(QString, file);
        QFETCH(QString, result);
        QFETCH(QString, operatorId);
        test::TestDatabase t;
        const QString unit = inspectedUnit(t, QStringLiteral("ZT4090P000104"), QStringLiteral("SB00000104"));
        const QString before = t.dump();
        QStringList fields{QStringLiteral("unit=") + unit, QStringLiteral("result=") + result,
                           field + QLatin1Char('=') + file};
        if (result == QLatin1StringView("fail"))
            fields << QStringLiteral("defect=NO_POST");
        if (operatorId == QLatin1StringView("SUP1"))
            fields << QStringLiteral("override_reason=rig down");
        Result<Action> a = action(t, Step::Test, fields);
        QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().oneLine()));
        a.value().operatorId = operatorId;
        a.value().report = t.report(test::TestDatabase::gpuUuid(104));
        Result<Recorded> refused = t.record(a.value());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::WrongProduct);
        QCOMPARE(refused.error().field, field);
        QCOMPARE(t.dump(), before);
    }

    void aTypedValueTheLogContradictsIsRefused()
    {
        test::TestDatabase t;
        const QString unit = inspectedUnit(t, QStringLiteral("ZT4090P000103"), QStringLiteral("SB00000103"));
        const QString before = t.dump();
        Result<Action> a = action(
            t, Step::Test,
            {QStringLiteral("unit=") + unit, QStringLiteral("result=pass"), QStringLiteral("burnin_min=30"),
             QStringLiteral("burnin=") + test::onGpu(t.folder(), fixture("stibbons1990_hex__gpu-burn"),
                                                     test::TestDatabase::gpuUuid(103))});
        QVERIFY(a.ok());
        a.value().report = t.report(test::TestDatabase::gpuUuid(103));
        Result<Recorded> r = t.record(a.value());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("burnin_min"));
        QCOMPARE(t.dump(), before);
        // burnin=pass stays the typed result it always was.
        Result<Action> typed = action(
            t, Step::Test,
            {QStringLiteral("unit=") + unit, QStringLiteral("result=pass"), QStringLiteral("burnin=pass")});
        QVERIFY(typed.ok());
        QVERIFY(typed.value().runs.isEmpty());
        QCOMPARE(typed.value().fields.value(payload::Burnin).toString(), QStringLiteral("pass"));
        // A file that is no log of its kind is refused before anything is kept.
        Result<Action> wrong = action(t, Step::Test,
                                      {QStringLiteral("unit=") + unit, QStringLiteral("result=pass"),
                                       QStringLiteral("dcgm=") + fixture("stibbons1990_hex__gpu-burn")});
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().field, QStringLiteral("dcgm"));
        // A stricter plan fails what the default passes.
        Result<Action> strict =
            action(t, Step::Test,
                   {QStringLiteral("unit=") + unit, QStringLiteral("result=pass"),
                    QStringLiteral("burnin=") + test::onGpu(t.folder(), fixture("stibbons1990_hex__gpu-burn"),
                                                            test::TestDatabase::gpuUuid(103))},
                   *TestPlan::builtIn(QStringLiteral("strict")));
        QVERIFY(strict.ok());
        QVERIFY(!strict.value().runs.first().pass);
    }

    void aMountKeepsItsReflowProfile()
    {
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {"card=ZT4090P000104", "model=RTX4090", "lot=LOT-1"}).ok());
        const QString die = t.record(Step::Strip, {"card=ZT4090P000104"}).value().createdId();
        QVERIFY(t.record(Step::Reball, {"die=" + die}).ok());
        // 0.5 °C/s to 240 °C, 0.8 °C/s down: 74.75 s above 217 °C, inside the line's 60..90 s.
        QFile csv(QDir(t.folder()).filePath(QStringLiteral("oven.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(test::profileCsv(0.5, 240, 0.8));
        csv.close();
        Result<Action> a = action(t, Step::Mount,
                                  {QStringLiteral("die=") + die, QStringLiteral("board=SB00000104"),
                                   QStringLiteral("profile_log=") + csv.fileName()});
        QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().oneLine()));
        Result<Recorded> r = t.record(a.value());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().oneLine()));
        const QJsonObject p = r.value().event.payload;
        QCOMPARE(p.value(payload::PeakC).toDouble(), 240.0);
        QCOMPARE(p.value(payload::TalS).toDouble(), 74.75);
        QCOMPARE(p.value(payload::RampCPerS).toDouble(), 0.5);
        QCOMPARE(p.value(payload::CoolingCPerS).toDouble(), 0.8);
        QCOMPARE(p.value(payload::ProfileLog).toString(), QStringLiteral("pass"));
        QCOMPARE(p.value(payload::RigRuns)
                     .toObject()
                     .value(QStringLiteral("profile_log"))
                     .toObject()
                     .value(QStringLiteral("peak_c"))
                     .toDouble(),
                 240.0);
        // The real oven's log holds 90.6 s above the liquidus: beyond the line's mount.tal_s limit,
        // refused as a typed 90.6 would be.
        QVERIFY(t.record(Step::Intake, {"card=ZT4090P000105", "model=RTX4090", "lot=LOT-1"}).ok());
        const QString die2 = t.record(Step::Strip, {"card=ZT4090P000105"}).value().createdId();
        QVERIFY(t.record(Step::Reball, {"die=" + die2}).ok());
        Result<Action> hot =
            action(t, Step::Mount,
                   {QStringLiteral("die=") + die2, QStringLiteral("board=SB00000105"),
                    QStringLiteral("profile_log=") +
                        fixture("CKalitin_reflow-oven__stm32-uart-log-2025-09-11_21-57-22")});
        QVERIFY(hot.ok());
        Result<Recorded> refused = t.record(hot.value());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("tal_s"));
    }

    /// The window a reflow log is judged by is the one the mount rule holds its figures to: the
    /// line's limits for the die's product and alloy, not a plan's own (30..120 s for SAC305).
    void aReflowLogIsJudgedByTheLinesLimits()
    {
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {"card=ZT4090P000106", "model=RTX4090", "lot=LOT-1"}).ok());
        const QString die = t.record(Step::Strip, {"card=ZT4090P000106"}).value().createdId();
        QVERIFY(t.record(Step::Reball, {"die=" + die}).ok());
        const TestPlanStore plans(t.db().connection());
        const QString hotLog = fixture("CKalitin_reflow-oven__stm32-uart-log-2025-09-11_21-57-22");
        // The high bound the run's TAL measurement was judged against.
        const auto talHigh = [](const ImportedRun& run) {
            for (const auto& m : run.detail.value(QStringLiteral("measurements")).toArray()) {
                if (m.toObject().value(QStringLiteral("name")).toString() ==
                    QLatin1StringView("time_above_liquidus_s"))
                    return m.toObject().value(QStringLiteral("high")).toDouble();
            }
            return -1.0;
        };
        Result<TestPlan> plan = plans.forReflow(Step::Mount, die, QString(), TestPlan::defaultPlan().name);
        QVERIFY(plan.ok());
        QCOMPARE(plan->profile.talMinS, std::optional<double>(60));
        QCOMPARE(plan->profile.talMaxS, std::optional<double>(90));
        QCOMPARE(plan->profile.peakMinC, std::optional<double>(230));
        Result<Action> hot = action(t, Step::Mount,
                                    {QStringLiteral("die=") + die, QStringLiteral("board=SB00000106"),
                                     QStringLiteral("profile_log=") + hotLog},
                                    plan.value());
        QVERIFY(hot.ok());
        QCOMPARE(talHigh(hot.value().runs.first()), 90.0);
        // 0.35 °C/s to 240 °C, 0.8 °C/s down: 94.5 s above 217 °C. A plan's own window passed it
        // while the rule refused it; now the importer says what the rule says.
        QFile csv(QDir(t.folder()).filePath(QStringLiteral("slow.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(test::profileCsv(0.35, 240, 0.8));
        csv.close();
        const QStringList slow{QStringLiteral("die=") + die, QStringLiteral("board=SB00000106"),
                               QStringLiteral("profile_log=") + csv.fileName()};
        QVERIFY(action(t, Step::Mount, slow).value().runs.first().pass); // the default plan: 30..120 s
        Result<Action> judged = action(t, Step::Mount, slow, plan.value());
        QVERIFY(judged.ok());
        QVERIFY(!judged.value().runs.first().pass);
        QVERIFY(judged.value().runs.first().reasons.join(QString()).contains(QStringLiteral("90")));
        Result<Recorded> refused = t.record(judged.value());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("tal_s"));

        // The product's own limit is the window as well.
        QVERIFY(LimitStore(t.db().connection(), t.clock())
                    .setLimit(QStringLiteral("mount.tal_s"), QStringLiteral("RTX4090"), 60.0, 95.0, t.admin())
                    .ok());
        QVERIFY(t.recorder().reloadConfig().ok());
        plan = plans.forReflow(Step::Mount, die, QString(), TestPlan::defaultPlan().name);
        QCOMPARE(plan->profile.talMaxS, std::optional<double>(95));
        Result<Action> within = action(t, Step::Mount, slow, plan.value());
        QVERIFY(within.ok());
        QVERIFY(within.value().runs.first().pass);
        Result<Recorded> mounted = t.record(within.value());
        QVERIFY2(mounted.ok(), mounted.ok() ? "" : qPrintable(mounted.error().oneLine()));

        // A leaded die: its alloy's liquidus and the line's peak limit for that alloy.
        QVERIFY(t.record(Step::Intake, {"card=ZT4090P000107", "model=RTX4090", "lot=LOT-1"}).ok());
        const QString leaded = t.record(Step::Strip, {"card=ZT4090P000107"}).value().createdId();
        plan =
            plans.forReflow(Step::Reball, leaded, QStringLiteral("Sn63Pb37"), TestPlan::defaultPlan().name);
        QCOMPARE(plan->profile.liquidusC, 183.0);
        QCOMPARE(plan->profile.peakMinC, std::optional<double>(205));
        QCOMPARE(plan->profile.peakMaxC, std::optional<double>(225));
        // The die as scanned or typed (lower case, spaces), the plan's own ramp limit kept.
        const QString planFile = QDir(t.folder()).filePath(QStringLiteral("gentle.json"));
        QFile gentle(planFile);
        QVERIFY(gentle.open(QIODevice::WriteOnly));
        gentle.write(R"({"name": "gentle", "profile": {"max_ramp_c_per_s": 0.4}})");
        gentle.close();
        plan = plans.forReflow(Step::Mount, QStringLiteral(" ") + die.toLower(), QString(), planFile);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().oneLine()));
        QCOMPARE(plan->profile.maxRampCPerS, std::optional<double>(0.4));
        QCOMPARE(plan->profile.talMaxS, std::optional<double>(95));
        // A die the line does not have, an alloy the core knows no window for: refused.
        QCOMPARE(
            plans.forReflow(Step::Mount, QStringLiteral("DZZZZZZZZZZZZ"), QString(), planFile).error().code,
            ErrorCode::UnknownSerial);
        QCOMPARE(plans.forReflow(Step::Reball, leaded, QStringLiteral("unobtainium"), planFile).error().code,
                 ErrorCode::InvalidValue);
    }
};

QTEST_GUILESS_MAIN(TestRigRecording)
#include "TestRigRecording.moc"
