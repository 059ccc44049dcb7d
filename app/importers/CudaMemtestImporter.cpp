#include "CudaMemtestImporter.h"

#include "RigText.h"

#include <QMap>
#include <QRegularExpression>

#include <limits>

namespace rework {
namespace {

const QString kField = QStringLiteral("vram");

struct DeviceLog
{
    QString name;
    qint64 errors = 0;
    int testsCompleted = 0;
    QMap<int, int> finishes; // test number -> times finished
    double testedS = 0;
    std::optional<double> bandwidth;
    bool attached = false;
};

} // namespace

int CudaMemtestImporter::likeness(QStringView text)
{
    int score = 0;
    for (const char* mark :
         {"Running cuda memtest", "cuda_memtest", "[Memory stress test]", "[Walking 1 bit]",
          "errors found in block", "main thread: Program exits", "Attached to device"}) {
        if (text.contains(QLatin1StringView(mark)))
            score += 2;
    }
    return score;
}

Result<RigRun> CudaMemtestImporter::parse(const QByteArray& data)
{
    // "[09/19/2022 17:58:29][rapture][0]:Test10 finished in 14.9 seconds"
    static const QRegularExpression prefixed(
        QStringLiteral("^\\[[^\\]]*\\]\\[[^\\]]*\\]\\[(\\d+)\\]:\\s?(.*)$"));
    static const QRegularExpression version(QStringLiteral("Running cuda memtest, version (\\S+)"));
    static const QRegularExpression deviceName(
        QStringLiteral("^Device name=(.*?), global memory size=(\\d+)"));
    static const QRegularExpression finished(
        QStringLiteral("^Test(\\d+) finished in (\\d+(?:\\.\\d+)?) seconds"));
    static const QRegularExpression started(QStringLiteral("^Test(\\d+) \\[(.*)\\]\\s*$"));
    static const QRegularExpression errorsFound(
        QStringLiteral("ERROR: \\((.*)\\) (\\d+) errors found in block"));
    static const QRegularExpression bandwidth(QStringLiteral("bandwidth=(\\d+(?:\\.\\d+)?)\\s*GB/s"));

    Result<RigText::Read> read = RigText::read(data, kField);
    if (!read)
        return read.error();
    const QList<RigLine>& lines = read->lines;
    RigRun run;
    run.kind = RigKind::Memtest;
    run.format = QStringLiteral("cuda_memtest");
    RigFacts& f = run.facts;
    f.tool = QStringLiteral("cuda_memtest");
    QMap<int, DeviceLog> devices;
    int marks = 0;
    for (const RigLine& line : lines) {
        const QStringView raw = line.text.trimmed();
        if (raw.isEmpty())
            continue;
        int device = -1;
        QStringView t = raw;
        if (const auto m = prefixed.match(raw); m.hasMatch()) {
            device = m.capturedView(1).toInt();
            t = m.capturedView(2);
            ++marks;
        }
        if (const auto m = version.match(t); m.hasMatch()) {
            f.toolVersion = m.captured(1);
            ++marks;
            continue;
        }
        if (t.startsWith(QLatin1StringView("main thread: Program exits"))) {
            ++marks;
            f.finished = true;
            continue;
        }
        if (const auto m = deviceName.match(t); m.hasMatch() && device >= 0) {
            devices[device].name = m.captured(1).trimmed();
            continue;
        }
        if (t.startsWith(QLatin1StringView("Attached to device")) && device >= 0) {
            devices[device].attached = true;
            continue;
        }
        if (const auto m = finished.match(t); m.hasMatch()) {
            ++marks;
            f.started = true;
            DeviceLog& d = devices[std::max(device, 0)];
            ++d.testsCompleted;
            d.finishes[m.capturedView(1).toInt()] += 1;
            d.testedS += m.capturedView(2).toDouble();
            continue;
        }
        if (const auto m = started.match(t); m.hasMatch()) {
            ++marks;
            continue;
        }
        if (const auto m = errorsFound.match(t); m.hasMatch()) {
            ++marks;
            devices[std::max(device, 0)].errors += m.capturedView(2).toLongLong();
            continue;
        }
        if (const auto m = bandwidth.match(t); m.hasMatch()) {
            devices[std::max(device, 0)].bandwidth = m.capturedView(1).toDouble();
            continue;
        }
        if (t.startsWith(QLatin1StringView("WARNING:"))) {
            f.warnings.append(t.sliced(8).trimmed().toString());
            continue;
        }
        // Errors cuda_memtest prints beside the error counts: what failed, not what was found.
        const bool errorDetail = t.startsWith(QLatin1StringView("ERROR: the last")) ||
                                 t.contains(QLatin1StringView("th error, expected value")) ||
                                 t.startsWith(QLatin1StringView("ERROR: NVRM")) ||
                                 t.startsWith(QLatin1StringView("ERROR: The unit serial number")) ||
                                 t.contains(QLatin1StringView("this error is not email reported"));
        if (errorDetail)
            continue;
        if (t.startsWith(QLatin1StringView("ERROR")) || t.contains(QLatin1StringView("CUDA error")) ||
            t.contains(QLatin1StringView("CUDA Runtime API error")) ||
            t.contains(QLatin1StringView("cudaError"))) {
            ++marks;
            if (!f.failures.contains(t.toString()))
                f.failures.append(t.toString());
        }
    }
    if (marks == 0 || (devices.isEmpty() && f.toolVersion.isEmpty() && f.failures.isEmpty())) {
        return makeError(
            ErrorCode::InvalidValue, kField,
            Message(tr, QT_TR_NOOP("this is not a cuda_memtest log: it has no \"[time][host][device]:\" "
                                   "lines and no \"TestN finished\" line")));
    }
    f.toolVerdict =
        f.finished ? (f.failures.isEmpty() ? QStringLiteral("PASS") : QStringLiteral("FAIL")) : QString();
    for (auto it = devices.cbegin(); it != devices.cend(); ++it) {
        const DeviceLog& d = it.value();
        const int gpu = it.key();
        f.gpus.append(RigGpu{gpu, d.name, {}, {}});
        if (d.errors > 0)
            f.toolVerdict = QStringLiteral("FAIL");
        // A pass is a round of every test enabled: the tests finished as often as the rarest one.
        int passes = 0;
        if (!d.finishes.isEmpty()) {
            passes = std::numeric_limits<int>::max();
            for (int n : d.finishes)
                passes = std::min(passes, n);
        }
        run.add(QStringLiteral("errors"), static_cast<double>(d.errors), QString(), gpu);
        run.add(QStringLiteral("tests_completed"), d.testsCompleted, QString(), gpu);
        run.add(QStringLiteral("passes"), passes, QString(), gpu);
        run.add(QStringLiteral("duration_min"), d.testedS / 60.0, QStringLiteral("min"), gpu);
        if (d.bandwidth)
            run.add(QStringLiteral("speed_gbps"), *d.bandwidth, QStringLiteral("GB/s"), gpu);
    }
    return run;
}

} // namespace rework
