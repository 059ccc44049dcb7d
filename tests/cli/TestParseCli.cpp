// `reworkctl parse` as a rig script runs it: the real executable on the real fixture files, its
// JSON shape, its exit codes (0 pass, 1 fail, 2 usage, 4 unreadable) and that it opens no database.
#include "FakeRig.h"
#include "Reworkctl.h"
#include "RigLogs.h"
#include "TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using rework::test::reworkctl;
using rework::test::Run;

namespace {

QString fixture(const char* prefix)
{
    const QDir dir(QStringLiteral(REWORK_FIXTURES_DIR "/test-rigs"));
    const QStringList names = dir.entryList({QString::fromLatin1(prefix) + QLatin1Char('*')}, QDir::Files);
    if (names.size() != 1)
        qFatal("fixture prefix %s matches %lld files", prefix, static_cast<long long>(names.size()));
    return dir.filePath(names.first());
}

QJsonObject jsonOf(const Run& r)
{
    // One object on one line: what a script reads.
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    if (lines.size() != 1)
        qWarning("parse printed %lld lines: %s", static_cast<long long>(lines.size()), qPrintable(r.out));
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

/// The payload of event `id` in the database at `path`, read on a connection of its own (empty if
/// there is no such event).
QJsonObject payloadOf(const QString& path, const QString& id)
{
    QJsonObject payload;
    {
        QSqlDatabase events =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("payloadOf"));
        events.setDatabaseName(path);
        if (events.open()) {
            QSqlQuery q(events);
            q.prepare(QStringLiteral("SELECT payload FROM events WHERE id = ?"));
            q.addBindValue(id);
            if (q.exec() && q.next())
                payload = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("payloadOf"));
    return payload;
}

} // namespace

class TestParseCli : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    /// A database path whose folder does not exist: parse must never need it.
    QString db;

    Run parse(const QStringList& args)
    {
        return reworkctl(db, QStringList{QStringLiteral("parse")} + args, QString());
    }

    QString write(const QString& name, const QByteArray& content)
    {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(name));
        return f.fileName();
    }

private slots:
    void initTestCase() { db = dir.filePath(QStringLiteral("never/made.sqlite")); }

    void cleanupTestCase()
    {
        QVERIFY2(!QDir(dir.filePath(QStringLiteral("never"))).exists(), "parse made a database");
    }

    void aPassingRunExitsZeroWithTheJsonScriptsRelyOn()
    {
        const Run r = parse({fixture("satishdotpatel_"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("gpu-burn"));
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("pass"));
        QVERIFY(o.value(QStringLiteral("reasons")).isArray());
        QVERIFY(o.value(QStringLiteral("reasons")).toArray().isEmpty());
        const QJsonArray measurements = o.value(QStringLiteral("measurements")).toArray();
        QVERIFY(!measurements.isEmpty());
        bool sawGflops = false;
        for (const QJsonValue& v : measurements) {
            const QJsonObject m = v.toObject();
            QCOMPARE(m.keys(), (QStringList{"gpu", "high", "low", "name", "pass", "unit", "value"}));
            QVERIFY(m.value(QStringLiteral("value")).isDouble());
            QVERIFY(m.value(QStringLiteral("pass")).isBool());
            QVERIFY(m.value(QStringLiteral("gpu")).isDouble() || m.value(QStringLiteral("gpu")).isNull());
            if (m.value(QStringLiteral("name")).toString() == QLatin1StringView("gflops")) {
                sawGflops = true;
                QCOMPARE(m.value(QStringLiteral("gpu")).toInt(), 0);
                QCOMPARE(m.value(QStringLiteral("value")).toDouble(),
                         12259.0); // "100.0%  proc'd: 41515 (12259 Gflop/s)"
                QCOMPARE(m.value(QStringLiteral("unit")).toString(), QStringLiteral("Gflop/s"));
            }
        }
        QVERIFY(sawGflops);
        QCOMPARE(o.value(QStringLiteral("facts")).toObject().value(QStringLiteral("tool_verdict")).toString(),
                 QStringLiteral("OK"));
    }

    void aFailingRunExitsOneAndSaysWhy_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("why");
        QTest::newRow("gpu_burn without its final lines")
            << fixture("wilicc_gpu-burn__issue124") << QStringLiteral("gpu-burn")
            << QStringLiteral("did not finish");
        QTest::newRow("gpu_burn died")
            << fixture("wilicc_gpu-burn__issue15") << QStringLiteral("gpu-burn") << QStringLiteral("died");
        QTest::newRow("DCGM skipped everything")
            << fixture("gnosia93_slurm-on-aws__dcgmi") << QStringLiteral("dcgm") << QStringLiteral("skipped");
        QTest::newRow("DCGM pcie fail")
            << fixture("NVIDIA_DCGM__issue253") << QStringLiteral("dcgm") << QStringLiteral("pcie failed");
        QTest::newRow("VRAM errors") << fixture("GpuZelenograd_memtest_vulkan__v0.3.0-linux")
                                     << QStringLiteral("memtest") << QStringLiteral("errors found");
        QTest::newRow("cuda_memtest unfinished")
            << fixture("stibbons1990_hex__cuda_memtest") << QStringLiteral("memtest")
            << QStringLiteral("did not finish");
    }
    void aFailingRunExitsOneAndSaysWhy()
    {
        QFETCH(QString, file);
        QFETCH(QString, kind);
        QFETCH(QString, why);
        const Run r = parse({QStringLiteral("--json"), file});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), kind);
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
        const QStringList reasons = o.value(QStringLiteral("reasons")).toVariant().toStringList();
        QVERIFY(!reasons.isEmpty());
        QVERIFY2(reasons.join(QLatin1Char('\n')).contains(why, Qt::CaseInsensitive),
                 qPrintable(reasons.join('\n')));
        // The same for people: the verdict and the reasons, a line each.
        const Run text = parse({file});
        QCOMPARE(text.exitCode, 1);
        QVERIFY(text.out.contains(QStringLiteral("FAIL")));
        QVERIFY(text.out.contains(QStringLiteral("fails because: ")));
    }

    void aProfileGivesItsFigures()
    {
        const QString file = fixture("CKalitin_reflow-oven__stm32-uart-log-2025-09-11_21-57-22");
        const Run r = parse({file, QStringLiteral("--json")});
        QVERIFY(r.exitCode == 0 || r.exitCode == 1);
        const QJsonObject o = jsonOf(r);
        QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("profile"));
        for (const char* key :
             {"peak_c", "time_above_liquidus_s", "ramp_up_c_per_s", "cooling_c_per_s", "time_to_peak_s"})
            QVERIFY2(o.value(QLatin1StringView(key)).isDouble(), key);
        // The highest reading of the file: 243682 milli-°C (README: peak ≈ 243.7 °C).
        QCOMPARE(o.value(QStringLiteral("peak_c")).toDouble(), 243.682);
        QCOMPARE(o.value(QStringLiteral("liquidus_c")).toDouble(), 217.0);
        QCOMPARE(r.exitCode,
                 o.value(QStringLiteral("verdict")).toString() == QLatin1StringView("pass") ? 0 : 1);
        const QJsonObject leaded = jsonOf(
            parse({file, QStringLiteral("--json"), QStringLiteral("--alloy"), QStringLiteral("Sn63Pb37")}));
        QCOMPARE(leaded.value(QStringLiteral("liquidus_c")).toDouble(), 183.0);
        QCOMPARE(leaded.value(QStringLiteral("alloy")).toString(), QStringLiteral("Sn63Pb37"));
        QVERIFY(leaded.value(QStringLiteral("time_above_liquidus_s")).toDouble() >
                o.value(QStringLiteral("time_above_liquidus_s")).toDouble());
        const QJsonObject own =
            jsonOf(parse({file, QStringLiteral("--json"), QStringLiteral("--liquidus=221")}));
        QCOMPARE(own.value(QStringLiteral("liquidus_c")).toDouble(), 221.0);
        // The set point column instead, in °C, as an oven's import profile would say.
        const QJsonObject target = jsonOf(parse(
            {file, QStringLiteral("--json"), QStringLiteral("--temp-column"),
             QStringLiteral("Target_Temperature"), QStringLiteral("--temp-unit"), QStringLiteral("C")}));
        QCOMPARE(target.value(QStringLiteral("channel")).toString(), QStringLiteral("Target_Temperature"));
        const QString profile = write(
            QStringLiteral("oven.json"),
            R"({"time_column": "Time", "time_unit": "ms", "temp_columns": ["Target_Temperature"], "temp_unit": "C"})");
        const QJsonObject viaFile =
            jsonOf(parse({file, QStringLiteral("--json"), QStringLiteral("--import-profile"), profile}));
        QCOMPARE(viaFile.value(QStringLiteral("peak_c")), target.value(QStringLiteral("peak_c")));
    }

    void plansByNameAndByFile()
    {
        const QString log = fixture("stibbons1990_hex__gpu-burn");
        QCOMPARE(parse({log}).exitCode, 0);
        const Run strict =
            parse({log, QStringLiteral("--plan"), QStringLiteral("strict"), QStringLiteral("--json")});
        QCOMPARE(strict.exitCode, 1);
        QCOMPARE(jsonOf(strict).value(QStringLiteral("plan")).toString(), QStringLiteral("strict"));
        const QString plan = write(QStringLiteral("plan.json"),
                                   R"({"name": "rtx3070ti", "gpu-burn": {"min_gflops": 10000},
                                       "models": {"RTX3070TI": {"gpu-burn": {"min_gflops": 20000}}}})");
        QCOMPARE(parse({log, QStringLiteral("--plan"), plan}).exitCode, 0); // 13090 Gflop/s at the end
        const Run model = parse({log, QStringLiteral("--plan"), plan, QStringLiteral("--model"),
                                 QStringLiteral("RTX3070TI"), QStringLiteral("--json")});
        QCOMPARE(model.exitCode, 1);
        QVERIFY(jsonOf(model)
                    .value(QStringLiteral("reasons"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QStringLiteral("below the plan's minimum of 20000")));
        const QString broken = write(QStringLiteral("broken.json"), R"({"gpu-burn": {"min_minute": 30}})");
        const Run refused = parse({log, QStringLiteral("--plan"), broken});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.err.contains(QStringLiteral("min_minute")));
        QCOMPARE(parse({log, QStringLiteral("--plan"), dir.filePath(QStringLiteral("none.json"))}).exitCode,
                 2);
    }

    void theKindIsToldOrGiven()
    {
        const QString log = fixture("schoenemeyer_");
        QCOMPARE(jsonOf(parse({log, QStringLiteral("--json"), QStringLiteral("--kind"),
                               QStringLiteral("gpu-burn")}))
                     .value(QStringLiteral("verdict"))
                     .toString(),
                 QStringLiteral("pass"));
        // Given the wrong kind, the file is not of it: unreadable as such, exit 4.
        const Run wrong = parse({log, QStringLiteral("--json"), QStringLiteral("--kind=dcgm")});
        QCOMPARE(wrong.exitCode, 4);
        const QJsonObject o = jsonOf(wrong);
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY(o.value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("not dcgmi diag output")));
        QCOMPARE(
            jsonOf(parse({fixture("gnosia93_slurm-on-aws__nvidia-smi-query-temp"), QStringLiteral("--json")}))
                .value(QStringLiteral("kind"))
                .toString(),
            QStringLiteral("nvidia-smi"));
        const Run xml =
            parse({QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/netdata_rtx-4090-driver-535.xml"),
                   QStringLiteral("--json")});
        QCOMPARE(xml.exitCode, 0);
        QCOMPARE(jsonOf(xml).value(QStringLiteral("format")).toString(), QStringLiteral("nvidia-smi-xml"));
    }

    void unreadableFilesExitFour()
    {
        const QString empty = write(QStringLiteral("empty.log"), QByteArray());
        QByteArray binary(2048, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = static_cast<char>(i * 7);
        const QString bin = write(QStringLiteral("core.bin"), binary);
        const QString notes = write(QStringLiteral("notes.txt"), "bought 3 cards\nfrom the market\n");
        for (const QString& file :
             {empty, bin, notes, dir.filePath(QStringLiteral("missing.log")), dir.path()}) {
            const Run r = parse({file, QStringLiteral("--json")});
            QVERIFY2(r.exitCode == 4, qPrintable(file + QStringLiteral(": ") + QString::number(r.exitCode)));
            QCOMPARE(jsonOf(r).value(QStringLiteral("ok")).toBool(true), false);
            QVERIFY(!r.err.isEmpty());
        }
    }

    /// `record test ... burnin=FILE vram=FILE`: the runs judged, a failing one refusing result=pass.
    void recordTakesRigOutputsAsFields()
    {
        const QString recordDb = dir.filePath(QStringLiteral("record.sqlite"));
        const auto ok = [&](const QStringList& args) {
            const Run r = reworkctl(recordDb, args);
            if (r.exitCode != 0)
                qFatal("reworkctl %s: %s", qPrintable(args.join(' ')), qPrintable(r.err));
            return r.lastLine();
        };
        ok({"init"});
        ok({"operator", "add", "ADM1", "--name", "Zhao Min", "--role", "admin", "--pin", "1234"});
        for (const char* step : {"intake", "strip", "reball", "mount", "inspect", "test"}) {
            const QString s = QString::fromLatin1(step);
            ok({"station", "add", s.toUpper() + "-1", "--step", s, "--operator", "ADM1"});
        }
        ok({"operator", "add", "OP1", "--name", "Li Wei", "--role", "operator", "--pin", "1234", "--operator",
            "ADM1"});
        const auto step = [&](const QString& s, const QStringList& fields) {
            return ok(QStringList{"record", s, "--station", s.toUpper() + "-1", "--operator", "OP1"} +
                      fields);
        };
        step("intake", {"card=CARD00000009", "model=RTX4090", "lot=LOT-1"});
        const QString die = step("strip", {"card=CARD00000009"});
        step("reball", {"die=" + die});
        const QString unit = step("mount", {"die=" + die, "board=SB00000009"});
        step("inspect", {"unit=" + unit, "result=pass"});
        const QString smi =
            write(QStringLiteral("rig.xml"), rework::test::TestDatabase::rigReport(
                                                 QStringLiteral("GPU-99999999-2222-3333-4444-555555555555")));
        // The rig logs as if run on this unit's GPU (a log of another card is refused).
        const auto onUnit = [&](const QString& path) {
            return rework::test::onGpu(dir.path(), path,
                                       QStringLiteral("GPU-99999999-2222-3333-4444-555555555555"));
        };
        const QStringList test{"record", "test",         "--station",   "TEST-1",    "--operator",
                               "OP1",    "unit=" + unit, "result=pass", "smi=" + smi};
        // A burn-in log that stops before its verdict: refused, and nothing of it kept.
        const Run refused =
            reworkctl(recordDb, test + QStringList{"burnin=" + onUnit(fixture("wilicc_gpu-burn__issue124"))});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("did not finish")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QStringLiteral("report_contradiction")), qPrintable(refused.err));
        QVERIFY(QDir(dir.filePath(QStringLiteral("evidence-staging"))).entryList(QDir::Files).isEmpty());
        // Whole runs: recorded, their figures in the payload.
        const Run passed = reworkctl(
            recordDb,
            test + QStringList{"burnin=" + onUnit(fixture("stibbons1990_hex__gpu-burn")),
                               "vram=" + onUnit(fixture("GpuZelenograd_memtest_vulkan__v0.4.2")), "--json"});
        QVERIFY2(passed.exitCode == 0, qPrintable(passed.err));
        const QString event = jsonOf(passed).value(QStringLiteral("event")).toString();
        const QJsonObject payload = payloadOf(recordDb, event);
        QVERIFY(!payload.isEmpty());
        QCOMPARE(payload.value(QStringLiteral("burnin")).toString(), QStringLiteral("pass"));
        QCOMPARE(payload.value(QStringLiteral("burnin_min")).toInt(), 2);
        QCOMPARE(payload.value(QStringLiteral("vram")).toString(), QStringLiteral("pass"));
        QCOMPARE(payload.value(QStringLiteral("vram_errors")).toDouble(), 0.0);
        QCOMPARE(payload.value(QStringLiteral("rig_runs")).toObject().keys(),
                 (QStringList{"burnin", "vram"}));
        QCOMPARE(payload.value(QStringLiteral("evidence")).toString().split(QLatin1Char(';')).size(), 3);
        const Run help = reworkctl(recordDb, {"record", "test", "--help"});
        QVERIFY(help.out.contains(QStringLiteral("gpu_burn log")));
    }

    /// `record mount ... profile_log=FILE` at a station whose oven logs in °F: the log cannot be
    /// told apart from °C or milli-°C, so it is refused (nothing recorded) until rig.conf names the
    /// oven's import profile (rig.import-profile); then it is read in °F and recorded, and the run
    /// keeps the profile it was read with. A profile that cannot be read is refused, not guessed.
    void recordReadsAReflowLogAsTheStationsOvenWritesIt()
    {
        // A line of its own, all recorded by reworkctl (one clock), rig.conf beside its database.
        QTemporaryDir line;
        const QString ovenDb = line.filePath(QStringLiteral("oven.sqlite"));
        const auto ok = [&](const QStringList& args) {
            const Run r = reworkctl(ovenDb, args);
            if (r.exitCode != 0)
                qFatal("reworkctl %s: %s", qPrintable(args.join(' ')), qPrintable(r.err));
            return r.lastLine();
        };
        ok({"init"});
        ok({"operator", "add", "ADM1", "--name", "Zhao Min", "--role", "admin", "--pin", "1234"});
        for (const char* step : {"intake", "strip", "reball", "mount"}) {
            const QString s = QString::fromLatin1(step);
            ok({"station", "add", s.toUpper() + "-1", "--step", s, "--operator", "ADM1"});
        }
        const auto step = [&](const QString& s, const QStringList& fields) {
            return QStringList{"record", s, "--station", s.toUpper() + "-1", "--operator", "ADM1"} + fields;
        };
        ok(step("intake", {"card=CARD00000120", "model=RTX4090", "lot=LOT-1"}));
        const QString die = ok(step("strip", {"card=CARD00000120"}));
        ok(step("reball", {"die=" + die}));
        // 25 °C up at 0.5 °C/s to 240 °C, down at 0.8 °C/s: 74.75 s above 217 °C, written in °F.
        const QString log = line.filePath(QStringLiteral("oven-fahrenheit.csv"));
        rework::test::writeFile(log, rework::test::inFahrenheit(rework::test::profileCsv(0.5, 240, 0.8)));
        const QStringList mount = step("mount", {"die=" + die, "board=SB00000120", "profile_log=" + log});
        const QString before = rework::test::dumpFile(ovenDb);
        const Run guessed = reworkctl(ovenDb, mount);
        QCOMPARE(guessed.exitCode, 1);
        QVERIFY2(guessed.err.contains(QStringLiteral("temp_unit")), qPrintable(guessed.err));
        QCOMPARE(rework::test::dumpFile(ovenDb), before);
        // rig.conf names a profile that is not there: refused, naming the setting.
        rework::test::writeFile(line.filePath(QStringLiteral("rig.conf")),
                                "rig.import-profile=ovens/reflow-a.json\n");
        const Run missing = reworkctl(ovenDb, mount);
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("rig.import-profile")), qPrintable(missing.err));
        QCOMPARE(rework::test::dumpFile(ovenDb), before);
        // The oven's profile, beside rig.conf: read in °F, judged and recorded.
        QVERIFY(QDir(line.path()).mkpath(QStringLiteral("ovens")));
        rework::test::writeFile(line.filePath(QStringLiteral("ovens/reflow-a.json")),
                                R"({"time_unit": "s", "temp_unit": "F"})");
        const Run recorded = reworkctl(ovenDb, mount + QStringList{"--json"});
        QVERIFY2(recorded.exitCode == 0, qPrintable(recorded.err));
        const QString event = jsonOf(recorded).value(QStringLiteral("event")).toString();
        const QJsonObject payload = payloadOf(ovenDb, event);
        QVERIFY(!payload.isEmpty());
        const double peak = payload.value(QStringLiteral("peak_c")).toDouble();
        const double tal = payload.value(QStringLiteral("tal_s")).toDouble();
        QVERIFY2(std::abs(peak - 240) < 0.01, qPrintable(QString::number(peak)));
        QVERIFY2(std::abs(tal - 74.75) < 0.05, qPrintable(QString::number(tal)));
        QCOMPARE(payload.value(QStringLiteral("profile_log")).toString(), QStringLiteral("pass"));
        const QJsonObject run = payload.value(QStringLiteral("rig_runs"))
                                    .toObject()
                                    .value(QStringLiteral("profile_log"))
                                    .toObject();
        QCOMPARE(run.value(QStringLiteral("import_profile")).toObject().value(QStringLiteral("temp_unit")),
                 QJsonValue(QStringLiteral("F")));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(parse({}).exitCode, 2);
        const QString log = fixture("schoenemeyer_");
        QCOMPARE(parse({log, QStringLiteral("--kind"), QStringLiteral("bogus")}).exitCode, 2);
        QCOMPARE(parse({log, log}).exitCode, 2);
        QCOMPARE(parse({log, QStringLiteral("--frobnicate")}).exitCode, 2);
        QCOMPARE(parse({log, QStringLiteral("--alloy"), QStringLiteral("gold")}).exitCode, 2);
        QCOMPARE(parse({log, QStringLiteral("--liquidus"), QStringLiteral("hot")}).exitCode, 2);
        QCOMPARE(parse({log, QStringLiteral("--time-unit"), QStringLiteral("hours")}).exitCode, 2);
        const Run help = parse({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("Exit codes: 0 the run passes, 1 it fails")));
        QVERIFY(
            reworkctl(db, {QStringLiteral("--help")}, QString()).out.contains(QStringLiteral("parse FILE")));
    }
};

QTEST_GUILESS_MAIN(TestParseCli)
#include "TestParseCli.moc"
