// The rig importers on every file in ../shared/fixtures/test-rigs (real outputs of gpu_burn,
// dcgmi diag, memtest_vulkan, cuda_memtest, nvidia-smi --query-gpu and a thermocouple logger), with
// the values expected computed here from the files themselves by simpler means than the importers
// use (or written beside the case with where they come from), and on cases made from them at run
// time: a log cut half-way, a DIED line put in, an OK after no work, tables of other widths, CSVs
// in other units and with garbage, empty, binary, huge files. The verdicts come from TestPlan and
// RigEvaluator, never from the tools.
#include "importers/CudaMemtestImporter.h"
#include "importers/DcgmDiagImporter.h"
#include "importers/GpuBurnImporter.h"
#include "importers/MemtestVulkanImporter.h"
#include "importers/ReflowProfileImporter.h"
#include "importers/RigEvaluator.h"
#include "importers/RigImport.h"
#include "importers/RigText.h"
#include "importers/SmiQueryCsvImporter.h"
#include "importers/TestPlan.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>
#include <QTime>

#include <cmath>

using namespace rework;

namespace {

QString fixtureDir()
{
    return QStringLiteral(REWORK_FIXTURES_DIR "/test-rigs");
}

QByteArray bytesOf(const QString& name)
{
    QFile f(fixtureDir() + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    return f.readAll();
}

QString textOf(const QString& name)
{
    return QString::fromUtf8(bytesOf(name));
}

/// The fixture whose name starts with `prefix` (names are long; the prefix says which).
QString fixture(const char* prefix)
{
    const QStringList names =
        QDir(fixtureDir()).entryList({QString::fromLatin1(prefix) + QLatin1Char('*')}, QDir::Files);
    if (names.size() != 1)
        qFatal("fixture prefix %s matches %lld files", prefix, static_cast<long long>(names.size()));
    return names.first();
}

/// Every file of the folder, and the kind each one is (README.md is the folder's own notes).
const QList<std::pair<const char*, RigKind>>& expectedKinds()
{
    static const QList<std::pair<const char*, RigKind>> kinds{
        {"CKalitin_reflow-oven__stm32-uart-log-2025-09-11_21-11-52", RigKind::Profile},
        {"CKalitin_reflow-oven__stm32-uart-log-2025-09-11_21-57-22", RigKind::Profile},
        {"GpuZelenograd_memtest_vulkan__issue11", RigKind::Memtest},
        {"GpuZelenograd_memtest_vulkan__v0.3.0-linux", RigKind::Memtest},
        {"GpuZelenograd_memtest_vulkan__v0.3.0-windows", RigKind::Memtest},
        {"GpuZelenograd_memtest_vulkan__v0.4.2", RigKind::Memtest},
        {"NVIDIA_DCGM__issue124", RigKind::Dcgm},
        {"NVIDIA_DCGM__issue253", RigKind::Dcgm},
        {"chuanli11_gpu-burn__8x", RigKind::GpuBurn},
        {"chuanli11_gpu-burn__quadro", RigKind::GpuBurn},
        {"gnosia93_slurm-on-aws__dcgmi", RigKind::Dcgm},
        {"gnosia93_slurm-on-aws__nvidia-smi-query-clocks", RigKind::NvidiaSmi},
        {"gnosia93_slurm-on-aws__nvidia-smi-query-temp", RigKind::NvidiaSmi},
        {"satishdotpatel_", RigKind::GpuBurn},
        {"schoenemeyer_", RigKind::GpuBurn},
        {"stibbons1990_hex__cuda_memtest", RigKind::Memtest},
        {"stibbons1990_hex__gpu-burn", RigKind::GpuBurn},
        {"utkuozdemir_nvidia_gpu_exporter__query-gpu-csv-rtx4080super-595.71.05-idle", RigKind::NvidiaSmi},
        {"utkuozdemir_nvidia_gpu_exporter__query-gpu-csv-rtx4080super-595.71.05-load", RigKind::NvidiaSmi},
        {"wilicc_gpu-burn__issue124", RigKind::GpuBurn},
        {"wilicc_gpu-burn__issue127", RigKind::GpuBurn},
        {"wilicc_gpu-burn__issue15", RigKind::GpuBurn},
        {"wilicc_gpu-burn__issue69", RigKind::GpuBurn},
        {"wilicc_gpu-burn__issue7-", RigKind::GpuBurn},
    };
    return kinds;
}

Result<RigRun> read(const QByteArray& data, std::optional<RigKind> kind = std::nullopt,
                    const ProfileImportSettings& settings = {}, double liquidus = 217)
{
    RigImportOptions o;
    o.kind = kind;
    o.profile = settings;
    o.liquidusC = liquidus;
    return RigImport::parse(data, o);
}

RigRun run(const QByteArray& data, std::optional<RigKind> kind = std::nullopt)
{
    Result<RigRun> r = read(data, kind);
    if (!r)
        qFatal("not read: %s", qPrintable(r.error().oneLine()));
    return r.value();
}

RigRun runOf(const char* prefix)
{
    return run(bytesOf(fixture(prefix)));
}

EvaluatedRun judged(const RigRun& r, const TestPlan& plan = TestPlan::defaultPlan())
{
    return RigEvaluator::evaluate(r, plan);
}

bool mentions(const EvaluatedRun& e, const QString& fragment)
{
    for (const QString& reason : e.verdict.reasonTexts()) {
        if (reason.contains(fragment, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QString reasons(const EvaluatedRun& e)
{
    return e.verdict.reasonTexts().join(QStringLiteral(" | "));
}

double valueOf(const RigRun& r, const char* name, int gpu = -1)
{
    const Measurement* m = r.find(QString::fromLatin1(name), gpu);
    if (!m)
        qFatal("no measurement %s of GPU %d", name, gpu);
    return m->value;
}

bool near(double a, double b, double tolerance)
{
    return std::abs(a - b) <= tolerance;
}

#define QVERIFY_NEAR(actual, expected, tolerance)                                                            \
    QVERIFY2(                                                                                                \
        near((actual), (expected), (tolerance)),                                                             \
        qPrintable(                                                                                          \
            QStringLiteral("%1 is %2, expected %3").arg(QStringLiteral(#actual)).arg(actual).arg(expected)))

// --- expectations computed from the files, by other means than the importers ---

/// gpu_burn's GPU list: the `nvidia-smi -L` lines it prints first.
struct ListedGpu
{
    int index;
    QString model, uuid;
};

QList<ListedGpu> listedGpus(const QString& text)
{
    static const QRegularExpression line(QStringLiteral("^GPU (\\d+): (.+) \\(UUID: (GPU-[0-9a-f-]+)\\)"),
                                         QRegularExpression::MultilineOption);
    QList<ListedGpu> out;
    auto it = line.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out.append({m.captured(1).toInt(), m.captured(2).trimmed(), m.captured(3)});
    }
    return out;
}

/// The Gflop/s of each GPU in the last whole progress update of a gpu_burn log.
QList<double> lastGflops(const QString& text)
{
    static const QRegularExpression gflops(QStringLiteral("\\((\\d+) Gflop/s\\)"));
    QString last;
    for (const QString& piece : text.split(QRegularExpression(QStringLiteral("[\\r\\n]")))) {
        if (piece.contains(QLatin1StringView("Gflop/s")) && piece.contains(QLatin1StringView("temps:")))
            last = piece;
    }
    QList<double> out;
    auto it = gflops.globalMatch(last);
    while (it.hasNext())
        out << it.next().captured(1).toDouble();
    return out;
}

/// "\tGPU 3: OK" lines after "Tested N GPUs:".
QMap<int, QString> finalVerdicts(const QString& text)
{
    QMap<int, QString> out;
    const qsizetype tested = text.indexOf(QLatin1StringView("Tested "));
    if (tested < 0)
        return out;
    static const QRegularExpression verdict(QStringLiteral("GPU (\\d+): (OK|FAULTY)"));
    auto it = verdict.globalMatch(text.mid(tested));
    while (it.hasNext()) {
        const auto m = it.next();
        out.insert(m.captured(1).toInt(), m.captured(2));
    }
    return out;
}

/// A CSV column as numbers, by header name.
QList<double> column(const QString& csv, const QString& name)
{
    const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const int index = static_cast<int>(lines.first().trimmed().split(QLatin1Char(',')).indexOf(name));
    QList<double> out;
    for (qsizetype i = 1; i < lines.size(); ++i)
        out << lines.at(i).trimmed().split(QLatin1Char(',')).at(index).trimmed().toDouble();
    return out;
}

/// Seconds at or above `level`, by the trapezoid's crossing points, written out plainly.
double secondsAbove(const QList<double>& t, const QList<double>& c, double level)
{
    double total = 0;
    for (qsizetype i = 1; i < t.size(); ++i) {
        const double a = c[i - 1], b = c[i], dt = t[i] - t[i - 1];
        if (a >= level && b >= level)
            total += dt;
        else if (a < level && b >= level)
            total += dt * (b - level) / (b - a);
        else if (a >= level && b < level)
            total += dt * (a - level) / (a - b);
    }
    return total;
}

/// A made-up reflow curve: 25 °C rising at `ramp` °C/s to `peak`, then falling at `cool` °C/s to
/// 50 °C, sampled every `step` seconds.
QList<std::pair<double, double>> triangle(double ramp, double peak, double cool, double step)
{
    QList<std::pair<double, double>> out;
    const double up = (peak - 25) / ramp, down = (peak - 50) / cool;
    for (double t = 0; t <= up + down + 1e-9; t += step)
        out.append({t, t <= up ? 25 + ramp * t : peak - cool * (t - up)});
    return out;
}

QByteArray csvOf(const QList<std::pair<double, double>>& curve, const QByteArray& header,
                 double timeScale = 1, double tempScale = 1, char delimiter = ',')
{
    QByteArray out = header + '\n';
    for (const auto& [t, c] : curve) {
        out += QByteArray::number(t * timeScale, 'f', 3) + delimiter +
               QByteArray::number(c * tempScale, 'f', 3) + delimiter +
               QByteArray::number((c - 5) * tempScale, 'f', 3) + '\n';
    }
    return out;
}

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(name));
    return f.fileName();
}

} // namespace

class TestRigImporters : public QObject
{
    Q_OBJECT

private slots:
    // --- every file ---

    void everyFileOfTheFolderIsCovered()
    {
        const QStringList files = QDir(fixtureDir()).entryList(QDir::Files);
        QVERIFY(files.size() >= 25);
        for (const QString& f : files) {
            if (f == QLatin1StringView("README.md"))
                continue;
            int matches = 0;
            for (const auto& [prefix, kind] : expectedKinds())
                matches += f.startsWith(QLatin1StringView(prefix)) ? 1 : 0;
            QVERIFY2(matches == 1, qPrintable(f + QStringLiteral(" is not covered by this test")));
        }
    }

    void everyFileIsRecognisedAndRead_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        for (const auto& [prefix, kind] : expectedKinds())
            QTest::newRow(prefix) << fixture(prefix) << static_cast<int>(kind);
    }
    void everyFileIsRecognisedAndRead()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        const QByteArray data = bytesOf(file);
        QCOMPARE(static_cast<int>(RigImport::detect(data).value_or(RigKind::NvidiaSmi)), kind);
        Result<RigRun> detected = read(data);
        QVERIFY2(detected.ok(), detected.ok() ? "" : qPrintable(detected.error().oneLine()));
        Result<RigRun> told = read(data, static_cast<RigKind>(kind));
        QVERIFY(told.ok());
        QCOMPARE(told.value().format, detected.value().format);
        QCOMPARE(static_cast<int>(told.value().kind), kind);
        // The JSON reworkctl parse --json prints: the keys rig scripts rely on.
        const QJsonObject o = judged(told.value()).toJson();
        for (const char* key : {"kind", "verdict", "reasons", "measurements"})
            QVERIFY2(o.contains(QLatin1StringView(key)), key);
        QVERIFY(o.value(QStringLiteral("verdict")).toString() == QLatin1StringView("pass") ||
                o.value(QStringLiteral("verdict")).toString() == QLatin1StringView("fail"));
        for (const QJsonValue& m : o.value(QStringLiteral("measurements")).toArray()) {
            const QJsonObject mo = m.toObject();
            QCOMPARE(mo.keys(), (QStringList{"gpu", "high", "low", "name", "pass", "unit", "value"}));
        }
        // A failed verdict always says why; a pass has nothing to say.
        const EvaluatedRun e = judged(told.value());
        QCOMPARE(e.verdict.pass, e.verdict.reasons.isEmpty());
    }

    void theReadmeIsNotARun()
    {
        Result<RigRun> r = read(bytesOf(QStringLiteral("README.md")));
        QVERIFY(!r.ok());
    }

    // --- gpu_burn ---

    void gpuBurnPassesAreRead_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* prefix : {"chuanli11_gpu-burn__8x", "chuanli11_gpu-burn__quadro", "satishdotpatel_",
                                   "schoenemeyer_", "stibbons1990_hex__gpu-burn"})
            QTest::newRow(prefix) << fixture(prefix);
    }
    void gpuBurnPassesAreRead()
    {
        QFETCH(QString, file);
        const QString text = textOf(file);
        const RigRun r = run(bytesOf(file), RigKind::GpuBurn);
        QVERIFY(r.facts.finished);
        QCOMPARE(r.facts.toolVerdict, QStringLiteral("OK"));
        const QList<ListedGpu> listed = listedGpus(text);
        QVERIFY(!listed.isEmpty());
        QCOMPARE(r.facts.gpus.size(), listed.size());
        const QMap<int, QString> verdicts = finalVerdicts(text);
        QCOMPARE(verdicts.size(), listed.size());
        const QList<double> gflops = lastGflops(text);
        QCOMPARE(gflops.size(), listed.size());
        for (qsizetype i = 0; i < listed.size(); ++i) {
            const RigGpu& g = r.facts.gpus.at(i);
            QCOMPARE(g.index, listed.at(i).index);
            QCOMPARE(g.model, listed.at(i).model);
            QCOMPARE(g.uuid, listed.at(i).uuid);
            QCOMPARE(g.toolVerdict, verdicts.value(g.index));
            QCOMPARE(valueOf(r, "gflops", g.index), gflops.at(i));
            QCOMPARE(valueOf(r, "errors", g.index), 0.0);
            QVERIFY(valueOf(r, "gflops_max", g.index) >= gflops.at(i));
            QVERIFY(valueOf(r, "iterations", g.index) > 0);
        }
        QCOMPARE(valueOf(r, "progress_pct"), 100.0);
        const EvaluatedRun e = judged(r);
        QVERIFY2(e.verdict.pass, qPrintable(reasons(e)));
        // A plan that wants 30 minutes of burn-in fails every one of these short runs.
        const EvaluatedRun strict = judged(r, *TestPlan::builtIn(QStringLiteral("strict")));
        QVERIFY(!strict.verdict.pass);
        QVERIFY2(mentions(strict, QStringLiteral("time tested")) ||
                     mentions(strict, QStringLiteral("how long")),
                 qPrintable(reasons(strict)));
        // And one that wants more Gflop/s than any of these cards gives.
        TestPlan fast;
        fast.burnIn.minGflops = 100000;
        const EvaluatedRun slow = judged(r, fast);
        QVERIFY(!slow.verdict.pass);
        QVERIFY(mentions(slow, QStringLiteral("Gflop/s")));
        QVERIFY(!slow.run.find(QStringLiteral("gflops"), 0)->pass);
        QCOMPARE(slow.run.find(QStringLiteral("gflops"), 0)->low.value_or(0), 100000.0);
    }

    void gpuBurnRunLengths()
    {
        // "Burning for 120 seconds." (the command line was ./gpu_burn 120)
        QCOMPARE(valueOf(runOf("stibbons1990_hex__gpu-burn"), "duration_min"), 2.0);
        // No "Burning for" line: the summary stamps pace it. ./gpu_burn 60 (README), stamped 15:43:19
        // at 11.7 % and 15:44:12 at 100 %: 53 s for 88.3 %.
        QVERIFY_NEAR(valueOf(runOf("satishdotpatel_"), "duration_min"), 53.0 / 88.3 * 100 / 60, 1e-3);
        // ./gpu_burn 10: 12:20:06 at 60 %, 12:20:09 at 90 %.
        QVERIFY_NEAR(valueOf(runOf("schoenemeyer_"), "duration_min"), 10.0 / 60, 1e-3);
        // The hottest reading of the V100S run: "temps: 65 C" at the end.
        QCOMPARE(valueOf(runOf("satishdotpatel_"), "temp_max_c", 0), 65.0);
    }

    void aGpuThatStartsLateIsNoFailure()
    {
        // GPU 0 of the Quadro + TITAN pair shows 0 proc'd (0 Gflop/s) for the first quarter.
        const QString text = textOf(fixture("chuanli11_gpu-burn__quadro"));
        QVERIFY(text.contains(QLatin1StringView("proc'd: 0 (0 Gflop/s) - 1306")));
        const RigRun r = runOf("chuanli11_gpu-burn__quadro");
        QVERIFY(valueOf(r, "gflops_max", 0) > 0);
        QCOMPARE(r.facts.gpus.at(0).model, QStringLiteral("Quadro RTX 8000"));
        QCOMPARE(r.facts.gpus.at(1).model, QStringLiteral("TITAN RTX"));
        QVERIFY(judged(r).verdict.pass);
    }

    void aGpuBurnLogWithoutItsFinalLinesFails()
    {
        const RigRun r = runOf("wilicc_gpu-burn__issue124");
        QVERIFY(!r.facts.finished);
        QVERIFY(r.facts.toolVerdict.isEmpty());
        QCOMPARE(r.facts.durationRequestedS.value_or(0), 10.0); // "Burning for 10 seconds."
        QCOMPARE(valueOf(r, "progress_pct"), 100.0);
        QCOMPARE(valueOf(r, "gflops", 0), 3519.0); // the last update: "100.0%  proc'd: 30 (3519 Gflop/s)"
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY2(mentions(e, QStringLiteral("did not finish")), qPrintable(reasons(e)));
    }

    void gpuBurnWithoutCudaDevicesFails()
    {
        const RigRun r = runOf("wilicc_gpu-burn__issue127");
        QVERIFY(r.facts.noDevices);
        QVERIFY(!r.facts.started);
        QCOMPARE(r.facts.gpus.size(), listedGpus(textOf(fixture("wilicc_gpu-burn__issue127"))).size());
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY(mentions(e, QStringLiteral("no CUDA device")));
        QVERIFY(mentions(e, QStringLiteral("system not yet initialized")));
    }

    void gpuBurnWorkersThatDiedFail_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("died");
        QTest::addColumn<QString>("failure");
        QTest::newRow("GTX 1650, SGEMM failure")
            << fixture("wilicc_gpu-burn__issue15") << 1 << QStringLiteral("CUBLAS_STATUS_EXECUTION_FAILED");
        QTest::newRow("8 GPUs, garbage counts") << fixture("wilicc_gpu-burn__issue69") << 8 << QString();
        QTest::newRow("2x K80, load module")
            << fixture("wilicc_gpu-burn__issue7-") << 2 << QStringLiteral("load module");
    }
    void gpuBurnWorkersThatDiedFail()
    {
        QFETCH(QString, file);
        QFETCH(int, died);
        QFETCH(QString, failure);
        const QString text = textOf(file);
        // Every "(DIED!)" of the last update is a dead worker.
        QCOMPARE(text.count(QLatin1StringView("(DIED!)")), died);
        const RigRun r = run(bytesOf(file));
        QCOMPARE(r.facts.died.size(), died);
        QCOMPARE(r.facts.toolVerdict, QStringLiteral("DIED"));
        QVERIFY(!r.facts.finished);
        for (int gpu = 0; gpu < died; ++gpu) {
            QVERIFY(r.facts.died.contains(gpu));
            // A dead worker's garbage counts (-533715488) are no errors found.
            QCOMPARE(valueOf(r, "errors", gpu), 0.0);
        }
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY(mentions(e, QStringLiteral("died")));
        QVERIFY(mentions(e, QStringLiteral("aborted")));
        if (!failure.isEmpty())
            QVERIFY2(mentions(e, failure), qPrintable(reasons(e)));
    }

    void aGpuBurnLogCutHalfWayFails()
    {
        const QByteArray whole = bytesOf(fixture("chuanli11_gpu-burn__8x"));
        const RigRun r = run(whole.left(whole.size() / 2), RigKind::GpuBurn);
        QVERIFY(!r.facts.finished);
        QCOMPARE(r.facts.gpus.size(), 8);
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY(mentions(e, QStringLiteral("did not finish")));
    }

    void aDiedLineFailsARunTheToolCallsOk()
    {
        QByteArray data = bytesOf(fixture("satishdotpatel_"));
        const qsizetype killing = data.indexOf("Killing processes");
        QVERIFY(killing > 0);
        data.insert(killing, "\r95.0%  proc'd: -1 (0 Gflop/s)   errors: -1  (DIED!)  temps: 64 C \n");
        const RigRun r = run(data);
        QCOMPARE(r.facts.gpus.value(0).toolVerdict, QStringLiteral("OK")); // what gpu_burn printed last
        QCOMPARE(r.facts.died, QList<int>{0});
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY(mentions(e, QStringLiteral("GPU 0: its worker died")));
    }

    void anOkAfterNoWorkFails()
    {
        const QByteArray log =
            "Burning for 60 seconds.\n"
            "GPU 0: NVIDIA GeForce RTX 4090 (UUID: GPU-11111111-2222-3333-4444-555555555555)\n"
            "\r50.0%  proc'd: 0 (0 Gflop/s)   errors: 0   temps: 35 C \n"
            "\tSummary at:   Mon Jan  6 10:00:30 UTC 2025\n\n"
            "\r100.0%  proc'd: 0 (0 Gflop/s)   errors: 0   temps: 35 C \n"
            "Killing processes.. done\n\nTested 1 GPUs:\n\tGPU 0: OK\n";
        const RigRun r = run(log);
        QCOMPARE(r.facts.toolVerdict, QStringLiteral("OK"));
        QVERIFY(r.facts.finished);
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY2(mentions(e, QStringLiteral("did no work")), qPrintable(reasons(e)));
        QCOMPARE(valueOf(r, "duration_min"), 1.0);
    }

    void errorsAddUpOverSummariesAndFaultyFails()
    {
        // gpu_burn zeroes its counts at each summary: 3 in the first interval, 2 in the second.
        const QByteArray log =
            "GPU 0: A (UUID: GPU-aaaaaaaa-2222-3333-4444-555555555555)\n"
            "GPU 1: B (UUID: GPU-bbbbbbbb-2222-3333-4444-555555555555)\n"
            "\r10.0%  proc'd: 100 (9000 Gflop/s) - 100 (9100 Gflop/s)   errors: 1  (WARNING!)- 0   "
            "temps: 60 C - 61 C \r20.0%  proc'd: 200 (9000 Gflop/s) - 200 (9100 Gflop/s)   errors: 3 "
            " (WARNING!)- 0   temps: 62 C - 61 C \n"
            "\tSummary at:   Mon Jan  6 10:00:10 UTC 2025\n\n"
            "\r60.0%  proc'd: 300 (9000 Gflop/s) - 300 (9100 Gflop/s)   errors: 2  (WARNING!)- 0   "
            "temps: 70 C - 61 C \n"
            "\tSummary at:   Mon Jan  6 10:00:50 UTC 2025\n\n"
            "\r100.0%  proc'd: 400 (9000 Gflop/s) - 400 (9100 Gflop/s)   errors: 0 - 0   temps: 66 "
            "C - 61 C \nKilling processes.. done\n\nTested 2 GPUs:\n\tGPU 0: FAULTY\n\tGPU 1: OK\n";
        const RigRun r = run(log);
        QCOMPARE(valueOf(r, "errors", 0), 5.0);
        QCOMPARE(valueOf(r, "errors", 1), 0.0);
        QCOMPARE(valueOf(r, "temp_max_c", 0), 70.0);
        QCOMPARE(r.facts.toolVerdict, QStringLiteral("FAULTY"));
        // Stamped at 20 % (the update before the first summary) and at 60 %, 40 s apart: a 100 s run.
        QVERIFY_NEAR(valueOf(r, "duration_min"), 100.0 / 60, 1e-6);
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY(mentions(e, QStringLiteral("GPU 0: errors found is 5")));
        QVERIFY(mentions(e, QStringLiteral("FAULTY")));
        QVERIFY(!e.run.find(QStringLiteral("errors"), 0)->pass);
        QVERIFY(e.run.find(QStringLiteral("errors"), 1)->pass);
        // A plan that tolerates some errors still fails on the tool's FAULTY.
        TestPlan lenient;
        lenient.burnIn.maxErrors = 10;
        QVERIFY(!judged(r, lenient).verdict.pass);
    }

    void newerGpuBurnLinesWithPowerAndUnknownTemperatures()
    {
        const QByteArray log =
            "Using compare file: compare.ptx\nBurning for 30 seconds.\n"
            "GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-aaaaaaaa-2222-3333-4444-555555555555)\n"
            "GPU 1: NVIDIA H100 80GB HBM3 (UUID: GPU-bbbbbbbb-2222-3333-4444-555555555555)\n"
            "\r100.0%  proc'd: 16384 (48123.5 Gflop/s) - 16000 (47000.25 Gflop/s)   errors: 0 - 0   "
            "temps: -- - 61 C   power: 650 W - 640 W \n"
            "Killing processes with SIGTERM (soft kill)\ndone\n\nTested 2 GPUs:\n"
            "\tGPU 0: OK\n\tGPU 1: OK\n";
        const RigRun r = run(log);
        QCOMPARE(valueOf(r, "gflops", 0), 48123.5);
        QCOMPARE(valueOf(r, "gflops", 1), 47000.25);
        QVERIFY(!r.find(QStringLiteral("temp_max_c"), 0));
        QCOMPARE(valueOf(r, "temp_max_c", 1), 61.0);
        QCOMPARE(valueOf(r, "power_max_w", 0), 650.0);
        QCOMPARE(valueOf(r, "duration_min"), 0.5);
        QVERIFY(judged(r).verdict.pass);
    }

    void olderAndForkedProgressLines()
    {
        // 2013 builds: counts alone, '/' between GPUs; no Gflop/s to judge, the work still counts.
        const QByteArray first = "\r100.0%  proc'd: 1234 / 5678   errors: 0 / 0   temps: 70 C / 71 C \n"
                                 "Killing processes.. done\n\nTested 2 GPUs:\n\tGPU 0: OK\n\tGPU 1: OK\n";
        const RigRun old = run(first);
        QCOMPARE(valueOf(old, "iterations", 1), 5678.0);
        QVERIFY(!old.find(QStringLiteral("gflops"), 0));
        QCOMPARE(valueOf(old, "temp_max_c", 1), 71.0);
        QVERIFY(judged(old).verdict.pass);
        // A fork that names the kernel, and one that counts in Tflop/s.
        const QByteArray gemm =
            "\r100.0%  proc'd: 900 (41234 Gflop/s GEMM) - 880 (40000 Gflop/s GEMM)   errors: 0 - 0"
            "   temps: 60 C - 61 C \nTested 2 GPUs:\n\tGPU 0: OK\n\tGPU 1: OK\n";
        QCOMPARE(valueOf(run(gemm), "gflops", 1), 40000.0);
        const QByteArray tflops = "\r50.0%  proc'd: 900 (48.5 Tflop/s)   errors: 0   temps: 60 C \n"
                                  "\r100.0%  proc'd: 1800 (48.25 Tflop/s)   errors: 0   temps: 62 C \n"
                                  "Tested 1 GPUs:\n\tGPU 0: OK\n";
        QCOMPARE(valueOf(run(tflops), "gflops", 0), 48250.0);
        QCOMPARE(valueOf(run(tflops), "gflops_max", 0), 48500.0);
    }

    void aGpuBurnLogSavedOnWindowsReadsTheSame()
    {
        const QByteArray unix = bytesOf(fixture("stibbons1990_hex__gpu-burn"));
        QByteArray crlf = unix;
        crlf.replace("\n", "\r\n");
        const QString text = QString::fromUtf8(unix);
        QByteArray utf16("\xFF\xFE", 2);
        utf16 += QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
        const QJsonObject expected = judged(run(unix)).toJson();
        QCOMPARE(judged(run(crlf)).toJson(), expected);
        QCOMPARE(judged(run(utf16)).toJson(), expected);
    }

    // --- DCGM ---

    void dcgmWithEveryRealTestSkippedFails()
    {
        const QString file = fixture("gnosia93_slurm-on-aws__dcgmi");
        const QString text = textOf(file);
        const RigRun r = run(bytesOf(file));
        QCOMPARE(r.format, QStringLiteral("dcgm-3x-text"));
        QCOMPARE(r.facts.toolVersion, QStringLiteral("3.3.9"));
        QCOMPARE(r.facts.gpus.size(), 2); // "2bb5,2bb5"
        // The table is printed twice: each test once, as the file names it.
        static const QRegularExpression row(
            QStringLiteral("^\\| (\\S[^|]*?)\\s+\\| (Pass|Skip - All)\\s+\\|$"),
            QRegularExpression::MultilineOption);
        QSet<QString> names, skipped;
        auto it = row.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            names.insert(m.captured(1));
            if (m.captured(2).startsWith(QLatin1StringView("Skip")))
                skipped.insert(m.captured(1));
        }
        QCOMPARE(skipped.size(), 6);
        int tests = 0;
        for (const RigTest& t : r.facts.tests)
            tests += t.gpu < 0 ? 1 : 0;
        QCOMPARE(tests, names.size());
        QCOMPARE(QSet<QString>(r.facts.skipped.cbegin(), r.facts.skipped.cend()), skipped);
        QCOMPARE(r.facts.level.value_or(-1), 1);               // only the deployment tests ran
        QCOMPARE(r.facts.toolVerdict, QStringLiteral("PASS")); // dcgmi itself fails nothing
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        for (const QString& s : skipped)
            QVERIFY2(mentions(e, QStringLiteral("test %1 was skipped").arg(s)), qPrintable(s));
        QVERIFY(mentions(e, QStringLiteral("level 1")));
        // Even a plan that allows skips and wants level 1 only finds nothing else wrong.
        TestPlan lenient;
        lenient.dcgm.allowSkipped = true;
        lenient.dcgm.minLevel = 1;
        QVERIFY2(judged(r, lenient).verdict.pass, qPrintable(reasons(judged(r, lenient))));
    }

    void dcgm4AllPassIsAPass()
    {
        const RigRun r = runOf("NVIDIA_DCGM__issue124");
        QCOMPARE(r.format, QStringLiteral("dcgm-4x-text"));
        QCOMPARE(r.facts.toolVersion, QStringLiteral("4.4.2"));
        QCOMPARE(r.facts.level.value_or(-1), 2);
        QStringList names;
        for (const RigTest& t : r.facts.tests) {
            QCOMPARE(t.result, QStringLiteral("pass"));
            if (t.gpu < 0)
                names << t.name;
            else
                QCOMPARE(t.gpu, 0);
        }
        QCOMPARE(names, (QStringList{"software", "memory", "pcie"}));
        QVERIFY(judged(r).verdict.pass);
        // A plan that wants the stress tests of level 3 does not take it.
        TestPlan level3;
        level3.dcgm.minLevel = 3;
        QVERIFY(!judged(r, level3).verdict.pass);
    }

    void dcgm4FailWithWarningsWhileEveryGpuSaysPass()
    {
        const RigRun r = runOf("NVIDIA_DCGM__issue253");
        QCOMPARE(r.format, QStringLiteral("dcgm-4x-text"));
        QCOMPARE(r.facts.gpus.size(), 4);
        QVERIFY(r.facts.finished); // "Successfully ran", though the paste lost the closing border
        int gpuRows = 0;
        for (const RigTest& t : r.facts.tests) {
            if (t.name == QLatin1StringView("pcie") && t.gpu < 0)
                QCOMPARE(t.result, QStringLiteral("fail"));
            if (t.name == QLatin1StringView("pcie") && t.gpu >= 0) {
                QCOMPARE(t.result, QStringLiteral("pass"));
                ++gpuRows;
            }
        }
        QCOMPARE(gpuRows, 4);
        QCOMPARE(r.facts.warnings.size(), 4);
        // The 45-character rows joined back into DCGM's sentence (read off the file).
        QCOMPARE(r.facts.warnings.first(),
                 QStringLiteral(
                     "pcie: There was an internal error during the test: 'A child process (152) exited "
                     "with non-zero status 1' Check DCGM and system logs for errors. Reset GPU. Restart "
                     "DCGM. Rerun diagnostics."));
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY(mentions(e, QStringLiteral("DCGM test pcie failed")));
        QVERIFY(mentions(e, QStringLiteral("A child process (153)")));
        TestPlan quiet;
        quiet.dcgm.failOnWarnings = false;
        QVERIFY(!judged(r, quiet).verdict.pass); // the test failed all the same
    }

    void dcgm3TablesOfOtherWidthsWithAGpuFailing()
    {
        const QByteArray table =
            "Successfully ran diagnostic for group.\n"
            "+-------------------------------+----------------------------------------------------+\n"
            "| Diagnostic                    | Result                                             |\n"
            "+===============================+====================================================+\n"
            "|-----  Metadata  --------------+----------------------------------------------------|\n"
            "| DCGM Version                  | 3.1.7                                              |\n"
            "| GPU Device IDs Detected       | 2684,2684,2684                                     |\n"
            "|-----  Deployment  ------------+----------------------------------------------------|\n"
            "| Denylist                      | Pass                                               |\n"
            "+-----  Integration  -----------+----------------------------------------------------+\n"
            "| PCIe                          | Pass - GPUs: 0, 2                                  |\n"
            "|                               | Fail - GPU: 1                                      |\n"
            "| Warning                       | GPU 1 PCIe replay rate 12 exceeds the limit of 8   |\n"
            "+-----  Hardware  --------------+----------------------------------------------------+\n"
            "| GPU Memory                    | Pass - All                                         |\n"
            "+-----  Stress  ----------------+----------------------------------------------------+\n"
            "| Targeted Stress               | Pass - All                                         |\n"
            "+-------------------------------+----------------------------------------------------+\n";
        const RigRun r = run(table);
        QCOMPARE(r.format, QStringLiteral("dcgm-3x-text"));
        QCOMPARE(r.facts.gpus.size(), 3);
        QCOMPARE(r.facts.level.value_or(-1), 3);
        QCOMPARE(r.facts.toolVerdict, QStringLiteral("FAIL"));
        QCOMPARE(valueOf(r, "test:pcie", 1), 0.0);
        QCOMPARE(valueOf(r, "test:pcie", 2), 1.0);
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY2(mentions(e, QStringLiteral("DCGM test PCIe failed on GPU 1")), qPrintable(reasons(e)));
        QVERIFY(mentions(e, QStringLiteral("replay rate 12")));
        // The same table, every GPU passing and no warning: a pass at level 3.
        QByteArray good = table;
        good.replace("| Pass - GPUs: 0, 2                                  |",
                     "| Pass - All                                         |");
        good.replace(
            "|                               | Fail - GPU: 1                                      |\n", "");
        good.replace(
            "| Warning                       | GPU 1 PCIe replay rate 12 exceeds the limit of 8   |\n", "");
        const EvaluatedRun g = judged(run(good));
        QVERIFY2(g.verdict.pass, qPrintable(reasons(g)));
        // Cut before its last border and without "Successfully ran": not a whole output.
        QByteArray cut = good;
        cut.replace("Successfully ran diagnostic for group.\n", "");
        cut.chop(cut.size() - cut.lastIndexOf("| Targeted Stress"));
        QVERIFY(!run(cut).facts.finished);
        QVERIFY(mentions(judged(run(cut)), QStringLiteral("cut short")));
    }

    void dcgmJsonOfEveryShape()
    {
        // DCGM 2.x/3.x: gpu_ids, upper-case statuses, warnings as strings, noise before the JSON.
        const QByteArray old = R"(WARNING: noise before the document
{ "DCGM GPU Diagnostic" : { "test_categories" : [
  { "category" : "Deployment", "tests" : [ { "name" : "Denylist", "results" : [ { "gpu_ids" : "0,1", "status" : "PASS" } ] }, null ] },
  { "category" : "Integration", "tests" : [ { "name" : "PCIe", "results" : [
      { "gpu_ids" : "0", "status" : "PASS" },
      { "gpu_ids" : "1", "status" : "FAIL", "warnings" : [ "GPU 1 has 3 PCIe replays" ] } ] } ] },
  { "category" : "Hardware", "tests" : [ { "name" : "GPU Memory", "results" : [
      { "gpu_ids" : "0", "status" : "SKIPPED" }, { "gpu_ids" : "1", "status" : "SKIPPED" } ] } ] } ],
  "version" : "2.4.7" } })";
        const RigRun o = run(old);
        QCOMPARE(o.format, QStringLiteral("dcgm-json"));
        QCOMPARE(o.facts.toolVersion, QStringLiteral("2.4.7"));
        QCOMPARE(valueOf(o, "test:pcie", 1), 0.0);
        QCOMPARE(o.facts.level.value_or(-1), 2);
        QVERIFY(o.facts.skipped.contains(QStringLiteral("GPU Memory")));
        QVERIFY(o.facts.warnings.contains(QStringLiteral("PCIe: GPU 1 has 3 PCIe replays")));
        const EvaluatedRun oe = judged(o);
        QVERIFY(mentions(oe, QStringLiteral("PCIe failed on GPU 1")));
        QVERIFY(mentions(oe, QStringLiteral("GPU Memory was skipped")));
        // DCGM 4.x: entity ids, test summaries, warnings as objects.
        const QByteArray now = R"({"DCGM Diagnostic": {"test_categories": [
  {"category": "Deployment", "tests": [{"name": "software", "results": [{"entity_group": "GPU", "entity_group_id": 1, "entity_id": 0, "status": "Pass"}], "test_summary": {"status": "Pass"}}]},
  {"category": "Hardware", "tests": [{"name": "memory", "results": [{"entity_group": "GPU", "entity_group_id": 1, "entity_id": 0, "status": "Pass"}], "test_summary": {"status": "Pass"}}]},
  {"category": "Stress", "tests": [{"name": "targeted_stress", "results": [{"entity_group": "GPU", "entity_group_id": 1, "entity_id": 0, "status": "Pass",
      "warnings": [{"error_category": 2, "error_id": 66, "error_severity": 1, "warning": "Clocks are being throttled"}]}], "test_summary": {"status": "Pass"}}]}]},
  "metadata": {"version": "4.1.1", "Driver Version Detected": "570.86.15"}})";
        const RigRun n = run(now);
        QCOMPARE(n.facts.toolVersion, QStringLiteral("4.1.1"));
        QCOMPARE(n.facts.level.value_or(-1), 3);
        QCOMPARE(n.facts.warnings,
                 QStringList{QStringLiteral("targeted_stress: Clocks are being throttled")});
        QVERIFY(!judged(n).verdict.pass); // the default plan fails on DCGM's warnings
        TestPlan quiet;
        quiet.dcgm.failOnWarnings = false;
        QVERIFY(judged(n, quiet).verdict.pass);
        // A diagnostic that could not run at all.
        const EvaluatedRun failed =
            judged(run(R"({"DCGM Diagnostic": {"runtime_error": "Error: DCGM is paused"}})"));
        QVERIFY(!failed.verdict.pass);
        QVERIFY(mentions(failed, QStringLiteral("DCGM is paused")));
        // Broken JSON is refused in plain words.
        Result<RigRun> broken = read(R"({"DCGM GPU Diagnostic": {"test_categories": [)", RigKind::Dcgm);
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message.contains(QStringLiteral("not valid JSON")));
    }

    void dcgmThatCouldNotRunFails()
    {
        const RigRun r =
            run("Error: Unable to complete diagnostic for group 2. Return: (-21) Host engine connection "
                "invalid/disconnected.\n",
                RigKind::Dcgm);
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY(mentions(e, QStringLiteral("Host engine connection")));
    }

    // --- VRAM ---

    void memtestVulkanThatCouldNotStartFails()
    {
        const RigRun r = runOf("GpuZelenograd_memtest_vulkan__issue11");
        QCOMPARE(r.format, QStringLiteral("memtest_vulkan"));
        QCOMPARE(r.facts.toolVerdict, QStringLiteral("FAIL"));
        QVERIFY(!r.facts.started);
        QCOMPARE(r.facts.gpus.value(0).model, QStringLiteral("NVIDIA GeForce RTX 3080"));
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY(mentions(e, QStringLiteral("Failed determining memory budget")));
        QVERIFY(mentions(e, QStringLiteral("nothing was tested")));
    }

    void memtestVulkanErrorsAndALostDeviceFail()
    {
        const QString file = fixture("GpuZelenograd_memtest_vulkan__v0.3.0-linux");
        const QString text = textOf(file);
        static const QRegularExpression total(QStringLiteral("total errors 0x([0-9A-F]+)"));
        qint64 errors = 0;
        auto it = total.globalMatch(text);
        while (it.hasNext())
            errors += it.next().captured(1).toLongLong(nullptr, 16);
        QVERIFY(errors > 0);
        const RigRun r = run(bytesOf(file));
        QCOMPARE(r.facts.toolVersion, QStringLiteral("0.3.0"));
        QCOMPARE(valueOf(r, "errors"), static_cast<double>(errors));
        QCOMPARE(valueOf(r, "iterations"), 2125.0); // the last "N iteration." line
        QVERIFY(!r.facts.finished);
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY(mentions(e, QStringLiteral("lost")));
        QVERIFY(mentions(e, QStringLiteral("errors found")));
        QVERIFY(mentions(e, QStringLiteral("did not finish")));
    }

    void memtestVulkanPassesOfBothLineFormats_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("device");
        QTest::newRow("v0.3.0 Iris Xe")
            << fixture("GpuZelenograd_memtest_vulkan__v0.3.0-windows") << QStringLiteral("0.3.0")
            << QStringLiteral("Intel(R) Iris(R) Xe Graphics");
        QTest::newRow("v0.4.2 V3D") << fixture("GpuZelenograd_memtest_vulkan__v0.4.2")
                                    << QStringLiteral("0.4.2") << QStringLiteral("V3D 4.2");
    }
    void memtestVulkanPassesOfBothLineFormats()
    {
        QFETCH(QString, file);
        QFETCH(QString, version);
        QFETCH(QString, device);
        const QString text = textOf(file);
        // Time tested and iterations as the lines say: "passed 271.3561ms" / "Passed 30.6776 seconds".
        static const QRegularExpression duration(QStringLiteral(
            "(\\d+) iteration\\. (?:Since last report passed|Passed)\\s+([\\d.]+)\\s*(ms|s|seconds)"));
        double seconds = 0;
        int iterations = 0;
        auto it = duration.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            iterations = m.captured(1).toInt();
            seconds += m.captured(2).toDouble() / (m.captured(3) == QLatin1StringView("ms") ? 1000 : 1);
        }
        const RigRun r = run(bytesOf(file));
        QCOMPARE(r.facts.toolVersion, version);
        QCOMPARE(r.facts.toolVerdict, QStringLiteral("PASS"));
        QCOMPARE(r.facts.gpus.size(), 1); // the device tested, not the others listed
        QCOMPARE(r.facts.gpus.first().model, device);
        QCOMPARE(valueOf(r, "iterations"), static_cast<double>(iterations));
        QVERIFY_NEAR(valueOf(r, "duration_min"), seconds / 60, 1e-6);
        QCOMPARE(valueOf(r, "errors"), 0.0);
        QVERIFY(judged(r).verdict.pass);
        TestPlan longer;
        longer.vram.minMinutes = 30;
        QVERIFY(mentions(judged(r, longer), QStringLiteral("time tested")));
    }

    void memtestVulkanVerdictLines()
    {
        const QByteArray found =
            "memtest_vulkan v0.5.0 by GpuZelenograd\n"
            "Standard 5-minute test of 1: Bus=0x01:00 DevId=0x2684   24GB NVIDIA GeForce RTX 4090\n"
            "      1 iteration. Passed  0.5000 seconds  written:   20.0GB 800.0GB/sec        "
            "checked:   40.0GB 700.0GB/sec\n"
            "Error found. Mode INITIAL_READ, total errors 0x10 out of 0x40000000 (0.00000149%)\n"
            "Errors address range: 0x1000..=0x2000  iteration:1\n"
            "memtest_vulkan: memory/gpu ERRORS FOUND, testing finished.\n";
        const RigRun r = run(found);
        QCOMPARE(valueOf(r, "errors"), 16.0);
        QCOMPARE(r.facts.toolVerdict, QStringLiteral("FAIL"));
        QVERIFY(mentions(judged(r), QStringLiteral("errors found is 16")));
        // Older builds print the addresses only: at least one error.
        const QByteArray old =
            "memtest_vulkan v0.2.0 by GpuZelenograd\n"
            "Testing 1: Bus=0x01:00 DevId=0x1B87   8GB NVIDIA P104-100\n"
            "      1 iteration. Since last report passed 52.2ms      written     3.8GB, read:     "
            "7.5GB    215.5GB/sec\n"
            "Error found. Mode NEXT_RE_READ, addresses: 0x9D66148C..=0xDCD3036B\n"
            "memtest_vulkan: memory/GPU errors found, testing finished.\n";
        QCOMPARE(valueOf(run(old), "errors"), 1.0);
        QVERIFY(!judged(run(old)).verdict.pass);
    }

    void cudaMemtestThatIsStillRunningFails()
    {
        const QString file = fixture("stibbons1990_hex__cuda_memtest");
        const QString text = textOf(file);
        const RigRun r = run(bytesOf(file));
        QCOMPARE(r.format, QStringLiteral("cuda_memtest"));
        QCOMPARE(r.facts.toolVersion, QStringLiteral("1.2.3"));
        QCOMPARE(r.facts.gpus.value(0).model, QStringLiteral("NVIDIA GeForce RTX 3070 Ti"));
        QCOMPARE(valueOf(r, "tests_completed", 0),
                 static_cast<double>(text.count(QLatin1StringView("finished in"))));
        QCOMPARE(valueOf(r, "passes", 0), 2.0); // --stress runs Test10 only: each finish is a pass
        QVERIFY_NEAR(valueOf(r, "duration_min", 0), (14.9 + 14.9) / 60, 1e-9);
        QCOMPARE(valueOf(r, "errors", 0), 0.0);
        QVERIFY(!r.facts.finished);
        QCOMPARE(r.facts.warnings.size(), 1);
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY(mentions(e, QStringLiteral("--num_passes")));
        TestPlan strict;
        strict.vram.failOnWarnings = true;
        QVERIFY(mentions(judged(r, strict), QStringLiteral("largest possible allocation")));
    }

    void cudaMemtestWholeRunsPassAndErrorsFail()
    {
        QByteArray log;
        const auto line = [&log](const char* text) {
            log += QByteArray("[01/06/2025 10:00:00][rig][0]:") + text + '\n';
        };
        line("Running cuda memtest, version 1.2.3");
        line("num_gpus=1");
        line("Device name=NVIDIA GeForce RTX 4090, global memory size=25386352640, serial=unknown");
        line("Attached to device 0 successfully.");
        for (int pass = 0; pass < 2; ++pass) {
            line("Test0 [Walking 1 bit]");
            line("Test0 finished in 1.5 seconds");
            line("Test1 [Own address test]");
            line("Test1 finished in 2.5 seconds");
        }
        log += "main thread: Program exits\n";
        const RigRun r = run(log);
        QVERIFY(r.facts.finished);
        QCOMPARE(valueOf(r, "passes", 0), 2.0);
        QCOMPARE(valueOf(r, "tests_completed", 0), 4.0);
        QVERIFY(judged(r).verdict.pass);
        QByteArray bad = log;
        bad.insert(
            bad.indexOf("main thread"),
            "[01/06/2025 10:00:09][rig][0]:ERROR: (test1[Own address test]) 7 errors found in block 12\n");
        const RigRun b = run(bad);
        QCOMPARE(valueOf(b, "errors", 0), 7.0);
        QVERIFY(mentions(judged(b), QStringLiteral("GPU 0: errors found is 7")));
        TestPlan more;
        more.vram.minPasses = 3;
        QVERIFY(mentions(judged(r, more), QStringLiteral("passes")));
    }

    // --- nvidia-smi --query-gpu ---

    void smiQueryCsv_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("measurement");
        QTest::newRow("temperature") << fixture("gnosia93_slurm-on-aws__nvidia-smi-query-temp")
                                     << QStringLiteral("temperature.gpu") << QStringLiteral("temperature_c");
        QTest::newRow("power") << fixture("gnosia93_slurm-on-aws__nvidia-smi-query-temp")
                               << QStringLiteral("power.draw [W]") << QStringLiteral("power_w");
        QTest::newRow("idle link")
            << fixture("utkuozdemir_nvidia_gpu_exporter__query-gpu-csv-rtx4080super-595.71.05-idle")
            << QStringLiteral("pcie.link.gen.current") << QStringLiteral("pcie_gen_current");
        QTest::newRow("load link")
            << fixture("utkuozdemir_nvidia_gpu_exporter__query-gpu-csv-rtx4080super-595.71.05-load")
            << QStringLiteral("pcie.link.gen.current") << QStringLiteral("pcie_gen_current");
    }
    void smiQueryCsv()
    {
        QFETCH(QString, file);
        QFETCH(QString, field);
        QFETCH(QString, measurement);
        const QStringList lines = textOf(file).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QStringList header = lines.first().split(QLatin1Char(','));
        for (QString& h : header)
            h = h.trimmed();
        const qsizetype at = header.indexOf(field);
        QVERIFY(at >= 0);
        const RigRun r = run(bytesOf(file));
        QCOMPARE(r.facts.gpus.size(), lines.size() - 1);
        for (qsizetype row = 1; row < lines.size(); ++row) {
            const double expected = lines.at(row)
                                        .split(QLatin1Char(','))
                                        .at(at)
                                        .trimmed()
                                        .split(QLatin1Char(' '))
                                        .first()
                                        .toDouble();
            QCOMPARE(valueOf(r, qPrintable(measurement), static_cast<int>(row - 1)), expected);
        }
        // The exporter's captures mask the GPU UUID: such a report proves nothing about a card;
        // the same values with a real UUID pass the default plan.
        const QByteArray kMasked = "GPU-00000000-0000-0000-0000-000000000000";
        const QByteArray bytes = bytesOf(file);
        if (!bytes.contains(kMasked)) {
            QVERIFY(judged(r).verdict.pass);
            return;
        }
        const EvaluatedRun masked = judged(r);
        QVERIFY(!masked.verdict.pass);
        QVERIFY2(masked.verdict.englishReasons().join(QLatin1Char(' ')).contains(QStringLiteral("masked")),
                 qPrintable(masked.verdict.englishReasons().join(QLatin1Char(' '))));
        QByteArray unmasked = bytes;
        unmasked.replace(kMasked, "GPU-5a1e0c1d-7b2f-4e3a-9c4d-0f1e2d3c4b5a");
        QVERIFY(judged(run(unmasked)).verdict.pass);
    }

    void smiSlowdownsAreWarnings()
    {
        const QByteArray idle = bytesOf(fixture("gnosia93_slurm-on-aws__nvidia-smi-query-clocks"));
        const RigRun r = run(idle);
        QCOMPARE(r.facts.gpus.size(), 2);
        QVERIFY(r.facts.warnings.isEmpty()); // a power cap at idle is nothing
        QByteArray hot = idle;
        // The thermal slowdown column of GPU 1 (the fourth of "Not Active, Not Active, Not Active, Active").
        const qsizetype second = hot.lastIndexOf("Not Active, Not Active, Not Active, Active");
        hot.replace(second, 42, "Not Active, Active, Not Active, Active");
        const RigRun h = run(hot);
        QCOMPARE(h.facts.warnings, QStringList{QStringLiteral("GPU 1: hw_thermal_slowdown active")});
        // The default plan takes a slowdown as a warning, not a failure (this capture still fails:
        // it measures nothing); a plan that fails on warnings names it.
        const auto reasons = [](const EvaluatedRun& e) {
            return e.verdict.englishReasons().join(QLatin1Char(' '));
        };
        QVERIFY2(!reasons(judged(h)).contains(QStringLiteral("slowdown")), qPrintable(reasons(judged(h))));
        QVERIFY2(reasons(judged(h)).contains(QStringLiteral("no measurement")),
                 qPrintable(reasons(judged(h))));
        TestPlan strict;
        strict.smi.failOnWarnings = true;
        QVERIFY(!judged(h, strict).verdict.pass);
        QVERIFY2(reasons(judged(h, strict)).contains(QStringLiteral("slowdown")),
                 qPrintable(reasons(judged(h, strict))));
    }

    void smiReportsAreRunsToo()
    {
        QFile xml(QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/netdata_rtx-4090-driver-535.xml"));
        QVERIFY(xml.open(QIODevice::ReadOnly));
        const QByteArray data = xml.readAll();
        QVERIFY(RigImport::detect(data) == std::optional<RigKind>(RigKind::NvidiaSmi));
        const RigRun r = run(data);
        QCOMPARE(r.format, QStringLiteral("nvidia-smi-xml"));
        QCOMPARE(r.facts.gpus.size(), 1);
        QVERIFY(r.find(QStringLiteral("temperature_c"), 0));
        // A capture whose -q text log comes after sections of its own.
        QFile capture(QStringLiteral(
            REWORK_FIXTURES_DIR
            "/nvidia-smi/utkuozdemir_linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05.txt"));
        QVERIFY(capture.open(QIODevice::ReadOnly));
        const QByteArray captured = capture.readAll();
        QVERIFY(captured.indexOf("NVSMI LOG") > 4096);
        QVERIFY(RigImport::detect(captured) == std::optional<RigKind>(RigKind::NvidiaSmi));
        QCOMPARE(run(captured).format, QStringLiteral("nvidia-smi-text"));
        TestPlan cool;
        cool.smi.maxTempC = 1;
        QVERIFY(mentions(judged(r, cool), QStringLiteral("temperature")));
    }

    // --- reflow profiles ---

    void reflowProfilesOfTheStm32Oven_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("old format") << fixture("CKalitin_reflow-oven__stm32-uart-log-2025-09-11_21-11-52");
        QTest::newRow("full profile") << fixture("CKalitin_reflow-oven__stm32-uart-log-2025-09-11_21-57-22");
    }
    void reflowProfilesOfTheStm32Oven()
    {
        QFETCH(QString, file);
        const QString csv = textOf(file);
        // Temperature in milli-°C, Time in ms since boot (README).
        QList<double> t = column(csv, QStringLiteral("Time")), c = column(csv, QStringLiteral("Temperature"));
        for (double& x : t)
            x = x / 1000.0;
        for (double& x : c)
            x = x / 1000.0;
        const double t0 = t.first();
        for (double& x : t)
            x -= t0;
        const qsizetype peakAt = std::max_element(c.cbegin(), c.cend()) - c.cbegin();
        const RigRun r = run(bytesOf(file));
        QVERIFY(r.profile);
        const ProfileFigures& p = *r.profile;
        QCOMPARE(p.channel, QStringLiteral("Temperature")); // never Target_Temperature, never ADC_Value
        QCOMPARE(p.samples, static_cast<int>(t.size()));
        QVERIFY_NEAR(p.peakC, c.at(peakAt), 1e-9);
        QVERIFY_NEAR(p.timeToPeakS, t.at(peakAt), 1e-9);
        QVERIFY_NEAR(p.timeAboveLiquidusS, secondsAbove(t, c, 217), 1e-6);
        QVERIFY_NEAR(p.durationS, t.last(), 1e-9);
        QVERIFY(p.rampUpCPerS > 0.3 && p.rampUpCPerS < 3);
        QVERIFY(p.coolingCPerS > 1 && p.coolingCPerS < 10);
        QCOMPARE(r.measurements.size(), 6); // one channel: the profile's figures
        // The default SAC305 window (peak 230..250 °C, 30..120 s above 217 °C, <= 3 °C/s up, <= 6 down).
        const bool inWindow = p.peakC >= 230 && p.peakC <= 250 && p.timeAboveLiquidusS >= 30 &&
                              p.timeAboveLiquidusS <= 120 && p.rampUpCPerS <= 3 && p.coolingCPerS <= 6;
        const EvaluatedRun e = judged(r);
        QCOMPARE(e.verdict.pass, inWindow);
        const QJsonObject o = e.toJson();
        for (const char* key :
             {"peak_c", "time_above_liquidus_s", "ramp_up_c_per_s", "cooling_c_per_s", "time_to_peak_s"})
            QVERIFY2(o.value(QLatin1StringView(key)).isDouble(), key);
        // Against Sn63Pb37's liquidus, 183 °C.
        Result<RigRun> leaded = read(bytesOf(file), RigKind::Profile, {}, 183);
        QVERIFY(leaded.ok());
        QVERIFY_NEAR(leaded.value().profile->timeAboveLiquidusS, secondsAbove(t, c, 183), 1e-6);
        // An import profile that takes the set point (°C) instead.
        if (csv.startsWith(QLatin1StringView("Temperature,Target_Temperature"))) {
            ProfileImportSettings target;
            target.tempColumns = {QStringLiteral("Target_Temperature")};
            target.tempUnit = QStringLiteral("C");
            Result<RigRun> set = read(bytesOf(file), RigKind::Profile, target);
            QVERIFY(set.ok());
            const QList<double> targets = column(csv, QStringLiteral("Target_Temperature"));
            QCOMPARE(set.value().profile->peakC, *std::max_element(targets.cbegin(), targets.cend()));
        }
    }

    void aProfileInDegreesAndSecondsWithTwoThermocouples()
    {
        // 2 °C/s up to 245 °C (at 110 s), 3 °C/s down: 217 °C is crossed 14 s before and 9.33 s
        // after the peak; TC2 runs 5 °C colder all along.
        const auto curve = triangle(2, 245, 3, 0.5);
        const RigRun r = run(csvOf(curve, "time_s,TC1,TC2"));
        QVERIFY(r.profile);
        QCOMPARE(r.profile->channel, QStringLiteral("TC1"));
        QVERIFY_NEAR(r.profile->peakC, 245, 1e-9);
        QVERIFY_NEAR(r.profile->timeToPeakS, (245 - 25) / 2.0, 1e-9);
        QVERIFY_NEAR(r.profile->timeAboveLiquidusS, (245 - 217) / 2.0 + (245 - 217) / 3.0, 1e-6);
        QVERIFY_NEAR(r.profile->rampUpCPerS, 2, 1e-6);
        QVERIFY_NEAR(r.profile->coolingCPerS, 3, 1e-6);
        QVERIFY_NEAR(valueOf(r, "peak_c.TC2"), 240, 1e-9);
        QVERIFY_NEAR(valueOf(r, "time_above_liquidus_s.TC2"), (240 - 217) / 2.0 + (240 - 217) / 3.0, 1e-6);
        // 23.3 s above the liquidus at TC1, 19.2 s at TC2: the window's 30 s fails both.
        const EvaluatedRun e = judged(r);
        QVERIFY(!e.verdict.pass);
        QVERIFY2(mentions(e, QStringLiteral("time above liquidus is 23.333 s")), qPrintable(reasons(e)));
        QVERIFY(mentions(e, QStringLiteral("time above liquidus of TC2")));
        // The same curve in milliseconds and milli-degrees, by the values alone.
        const RigRun milli = run(csvOf(curve, "t,ch1,ch2", 1000, 1000));
        QVERIFY_NEAR(milli.profile->peakC, 245, 1e-6);
        QVERIFY_NEAR(milli.profile->timeAboveLiquidusS, r.profile->timeAboveLiquidusS, 1e-6);
        // Semicolons and decimal commas.
        QByteArray european = csvOf(curve, "Zeit [s];Temp1 [C];Temp2 [C]", 1, 1, ';');
        european.replace('.', ',');
        const RigRun eu = run(european);
        QVERIFY_NEAR(eu.profile->timeAboveLiquidusS, r.profile->timeAboveLiquidusS, 1e-6);
        // Fahrenheit, said by the header.
        QByteArray fahrenheit = "time (s),Board (°F)\n";
        for (const auto& [t, c] : curve)
            fahrenheit += QByteArray::number(t) + ',' + QByteArray::number(c * 9 / 5 + 32, 'f', 4) + '\n';
        const RigRun f = run(fahrenheit, RigKind::Profile);
        QVERIFY_NEAR(f.profile->peakC, 245, 1e-3);
        // No header at all: time first, then the thermocouples.
        QByteArray bare;
        for (const auto& [t, c] : curve)
            bare += QByteArray::number(t) + ',' + QByteArray::number(c) + '\n';
        QVERIFY_NEAR(run(bare, RigKind::Profile).profile->peakC, 245, 1e-9);
        // A logger's date and clock columns, after a preamble of its own.
        QByteArray clock = "Oven,Line 2 IR-6\nOperator,unknown\nDate,Time,Sample,TC1\n";
        for (qsizetype i = 0; i < curve.size(); i += 2) {
            const int s = static_cast<int>(curve.at(i).first);
            clock += "2025-09-11," + QTime(10, 0).addSecs(s).toString(QStringLiteral("HH:mm:ss")).toLatin1() +
                     ',' + QByteArray::number(i) + ',' + QByteArray::number(curve.at(i).second) + '\n';
        }
        const RigRun clocked = run(clock, RigKind::Profile);
        QCOMPARE(clocked.profile->channel, QStringLiteral("TC1"));
        QVERIFY_NEAR(clocked.profile->timeToPeakS, 110, 1e-9);
        QVERIFY_NEAR(clocked.profile->peakC, 245, 1e-9);
        // A longer window smooths less: a shorter one sees the same straight lines.
        ProfileImportSettings window;
        window.rateWindowS = 2;
        QVERIFY_NEAR(
            read(csvOf(curve, "time_s,TC1,TC2"), RigKind::Profile, window).value().profile->rampUpCPerS, 2,
            1e-6);
    }

    void aGarbledLineIsSkippedAndNamedManyAreRefused()
    {
        const auto curve = triangle(2, 245, 3, 0.5);
        const QByteArray clean = csvOf(curve, "time_s,TC1,TC2");
        QList<QByteArray> lines = clean.split('\n');
        lines.insert(100, "12.5,#ERR,\x01garbage");
        const RigRun r = run(lines.join('\n'), RigKind::Profile);
        QVERIFY_NEAR(r.profile->peakC, 245, 1e-9);
        QVERIFY2(r.facts.warnings.first().contains(QStringLiteral("line 101")),
                 qPrintable(r.facts.warnings.first()));
        // Most lines garbled: refused, the first one named.
        QList<QByteArray> bad = clean.split('\n');
        for (qsizetype i = 20; i < bad.size() - 1; i += 2)
            bad[i] = "noise";
        Result<RigRun> refused = read(bad.join('\n'), RigKind::Profile);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("line 21")),
                 qPrintable(refused.error().message));
        // Time running backwards: two runs in one file.
        QList<QByteArray> twice = clean.split('\n');
        twice.insert(50, "0.000,25.000,20.000");
        Result<RigRun> back = read(twice.join('\n'), RigKind::Profile);
        QVERIFY(!back.ok());
        QVERIFY2(back.error().message.contains(QStringLiteral("line 51")), qPrintable(back.error().message));
        // 500 in a °C column with no unit: too hot for °C, too cold for milli-°C.
        QByteArray odd = "time,temp\n";
        for (int i = 0; i < 20; ++i)
            odd += QByteArray::number(i) + ',' + QByteArray::number(300 + i * 10) + '\n';
        Result<RigRun> ambiguous = read(odd, RigKind::Profile);
        QVERIFY(!ambiguous.ok());
        QVERIFY(ambiguous.error().message.contains(QStringLiteral("temp_unit")));
        ProfileImportSettings fahrenheit;
        fahrenheit.tempUnit = QStringLiteral("F");
        QVERIFY(read(odd, RigKind::Profile, fahrenheit).ok());
        // Too few samples, and no temperature column.
        QVERIFY(!read("time,temp\n0,25\n1,26\n", RigKind::Profile).ok());
        Result<RigRun> noTemp = read("time,voltage,heater_on\n0,3.2,1\n1,3.2,1\n2,3.2,1\n", RigKind::Profile);
        QVERIFY(!noTemp.ok());
        QVERIFY(noTemp.error().message.contains(QStringLiteral("temp_columns")));
        ProfileImportSettings wrong;
        wrong.timeColumn = QStringLiteral("Zeit");
        Result<RigRun> missing = read(clean, RigKind::Profile, wrong);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("time_s")));
    }

    // --- files no importer takes ---

    void emptyBinaryHugeAndAlienFilesAreRefused_data()
    {
        QTest::addColumn<int>("kind");
        for (RigKind k :
             {RigKind::GpuBurn, RigKind::Dcgm, RigKind::Memtest, RigKind::Profile, RigKind::NvidiaSmi})
            QTest::newRow(qPrintable(rigKindName(k))) << static_cast<int>(k);
    }
    void emptyBinaryHugeAndAlienFilesAreRefused()
    {
        QFETCH(int, kind);
        const RigKind k = static_cast<RigKind>(kind);
        const auto refusal = [k](const QByteArray& data) {
            Result<RigRun> r = read(data, k);
            return r.ok() ? QString() : r.error().message;
        };
        QVERIFY(refusal("").contains(QStringLiteral("empty")));
        QVERIFY(refusal(" \n\r\n\t\n").contains(QStringLiteral("empty")));
        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i)
            binary[i] = static_cast<char>((i * 37) % 256);
        QVERIFY2(!refusal(binary).isEmpty(), qPrintable(rigKindName(k)));
        if (k != RigKind::NvidiaSmi) // the smi reader has refusals of its own
            QVERIFY2(refusal(binary).contains(QStringLiteral("binary")), qPrintable(refusal(binary)));
        const QByteArray huge = "first line\n" + QByteArray(RigText::kMaxLineChars + 10, 'x') + "\n";
        if (k != RigKind::NvidiaSmi)
            QVERIFY2(refusal(huge).contains(QStringLiteral("line 2 is longer")), qPrintable(refusal(huge)));
        else
            QVERIFY(!refusal(huge).isEmpty());
        QVERIFY(!refusal("Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit.\n").isEmpty());
        // And the other kinds' real files, each refused by the importers of the others.
        for (const auto& [prefix, other] : expectedKinds()) {
            if (other == k || other == RigKind::NvidiaSmi || k == RigKind::NvidiaSmi || k == RigKind::Profile)
                continue;
            QVERIFY2(!refusal(bytesOf(fixture(prefix))).isEmpty(), prefix);
        }
    }

    void aFileTooLargeIsRefusedBeforeItIsRead()
    {
        QTemporaryDir dir;
        QFile big(dir.filePath(QStringLiteral("big.log")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(RigText::kMaxBytes + 1)); // sparse: nothing is written
        big.close();
        Result<RigRun> r = RigImport::parseFile(big.fileName(), {});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("larger than")), qPrintable(r.error().message));
        Result<RigRun> none = RigImport::parseFile(dir.filePath(QStringLiteral("none.log")), {});
        QVERIFY(!none.ok());
        QVERIFY(none.error().message.contains(QStringLiteral("does not exist")));
        const QString path = write(dir, QStringLiteral("copy.log"), bytesOf(fixture("schoenemeyer_")));
        QVERIFY(RigImport::parseFile(path, {}).ok());
    }

    void anUnknownTextIsNotGuessed()
    {
        QVERIFY(!RigImport::detect("just some notes\nabout a card\n"));
        Result<RigRun> r = read("just some notes\nabout a card\n");
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("give its kind")));
    }

    // --- test plans ---

    void testPlansAsJson()
    {
        const TestPlan d = TestPlan::defaultPlan();
        Result<TestPlan> again = TestPlan::fromJson(d.toJson());
        QVERIFY(again.ok());
        QCOMPARE(again.value().toJson(), d.toJson());
        const TestPlan strict = *TestPlan::builtIn(QStringLiteral("strict"));
        QCOMPARE(TestPlan::fromJson(strict.toJson()).value().toJson(), strict.toJson());
        QVERIFY(strict.needs(RigKind::GpuBurn));
        QVERIFY(!d.needs(RigKind::GpuBurn));
        // A misspelt limit is never silently no limit.
        Result<TestPlan> typo = TestPlan::fromJsonText(R"({"gpu-burn": {"min_minute": 30}})");
        QVERIFY(!typo.ok());
        QVERIFY(typo.error().message.contains(QStringLiteral("gpu-burn.min_minute")));
        QVERIFY(!TestPlan::fromJsonText(R"({"required": ["burn"]})").ok());
        QVERIFY(!TestPlan::fromJsonText(R"({"dcgm": {"min_level": "two"}})").ok());
        QVERIFY(!TestPlan::fromJsonText("not json").ok());
        QVERIFY(!TestPlan::fromJsonText(R"({"profile": {"alloy": "unobtainium"}})").ok());
        // A model's part over the plan's.
        const QByteArray json = R"({"name": "line-2", "required": ["burnin", "dcgm"],
            "gpu-burn": {"min_minutes": 30, "min_gflops": 50000},
            "profile": {"alloy": "Sn63Pb37", "tal_max_s": 90},
            "models": {"RTX 4090": {"gpu-burn": {"min_gflops": 70000}}, "RTX3090": {"dcgm": {"min_level": 3}}}})";
        const TestPlan base = TestPlan::fromJsonText(json).value();
        QCOMPARE(base.name, QStringLiteral("line-2"));
        QVERIFY(base.required == (QList<RigKind>{RigKind::GpuBurn, RigKind::Dcgm}));
        QCOMPARE(base.burnIn.minGflops, 50000.0);
        QCOMPARE(base.burnIn.minMinutes, 30.0);
        QCOMPARE(base.profile.liquidusC, 183.0);
        QCOMPARE(base.profile.peakMaxC.value_or(0), 230.0);
        QCOMPARE(base.profile.talMaxS.value_or(0), 90.0);
        const TestPlan rtx4090 = TestPlan::fromJsonText(json, QStringLiteral("RTX4090")).value();
        QCOMPARE(rtx4090.burnIn.minGflops, 70000.0);
        QCOMPARE(rtx4090.burnIn.minMinutes, 30.0);
        QCOMPARE(rtx4090.dcgm.minLevel, 2);
        QCOMPARE(TestPlan::fromJsonText(json, QStringLiteral("RTX3090")).value().dcgm.minLevel, 3);
        // Limits set to null are no limits.
        const TestPlan open = TestPlan::fromJsonText(R"({"profile": {"peak_max_c": null}})").value();
        QVERIFY(!open.profile.peakMaxC);
        QVERIFY(open.profile.peakMinC);
        TestPlan leaded;
        QVERIFY(leaded.useAlloy(QStringLiteral("sn63pb37")));
        QCOMPARE(leaded.profile.alloy, QStringLiteral("Sn63Pb37"));
        QVERIFY(!leaded.useAlloy(QStringLiteral("gold")));
    }
};

QTEST_GUILESS_MAIN(TestRigImporters)
#include "TestRigImporters.moc"
