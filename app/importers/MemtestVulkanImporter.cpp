#include "MemtestVulkanImporter.h"

#include "RigText.h"

#include <QRegularExpression>

namespace rework {
namespace {

const QString kField = QStringLiteral("vram");

/// Seconds of a Rust Duration as memtest_vulkan prints it: "271.3561ms", "1.0910091s", "950µs".
double seconds(double value, QStringView unit)
{
    if (unit == QLatin1StringView("ms"))
        return value / 1e3;
    if (unit == QLatin1StringView("us") || unit == u"µs" || unit == u"μs")
        return value / 1e6;
    if (unit == QLatin1StringView("ns"))
        return value / 1e9;
    return value;
}

struct Device
{
    int number = 0;
    QString name;
    double memoryGb = 0;
};

} // namespace

int MemtestVulkanImporter::likeness(QStringView text)
{
    int score = 0;
    for (const char* mark : {"memtest_vulkan", "iteration. Since last report", "iteration. Passed",
                             "Standard 5-minute test", "Error found. Mode", "DevId=0x"}) {
        if (text.contains(QLatin1StringView(mark)))
            score += 2;
    }
    return score;
}

Result<RigRun> MemtestVulkanImporter::parse(const QByteArray& data)
{
    static const QRegularExpression version(QStringLiteral("memtest_vulkan v(\\S+)"));
    static const QRegularExpression deviceLine(QStringLiteral(
        "^(?:Testing |Standard \\S+ test of |Extended \\S+ test of |Long \\S+ test of )?(\\d+): "
        "Bus=0x[0-9A-Fa-f:.]+\\s+DevId=0x[0-9A-Fa-f]+\\s+(\\d+(?:\\.\\d+)?)\\s*GB\\s+(.*)$"));
    static const QRegularExpression testing(
        QStringLiteral("^(?:Testing|Standard .* test of|.* test of) (\\d+): "));
    static const QRegularExpression iteration(QStringLiteral("^(\\d+) iteration\\."));
    static const QRegularExpression passedOld(
        QStringLiteral("passed\\s+(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|μs|ms|s)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression passedNew(QStringLiteral("Passed\\s+(\\d+(?:\\.\\d+)?)\\s*seconds"));
    static const QRegularExpression speed(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*GB/sec"));
    static const QRegularExpression errorsHex(QStringLiteral("total errors 0x([0-9A-Fa-f]+)"));
    static const QRegularExpression errorsDec(QStringLiteral("total errors (\\d+)"));

    Result<RigText::Read> read = RigText::read(data, kField);
    if (!read)
        return read.error();
    const QList<RigLine>& lines = read->lines;
    RigRun run;
    run.kind = RigKind::Memtest;
    run.format = QStringLiteral("memtest_vulkan");
    RigFacts& f = run.facts;
    f.tool = QStringLiteral("memtest_vulkan");
    QList<Device> devices;
    int tested = -1;
    int marks = 0;
    qint64 iterations = 0;
    double testedS = 0;
    double speedSum = 0;
    int speedCount = 0;
    qint64 errors = 0;
    bool deviceLost = false;
    for (const RigLine& line : lines) {
        const QStringView t = line.text.trimmed();
        if (t.isEmpty())
            continue;
        if (const auto m = version.match(t); m.hasMatch()) {
            f.toolVersion = m.captured(1);
            ++marks;
        }
        if (const auto m = deviceLine.match(t); m.hasMatch()) {
            ++marks;
            const int number = m.capturedView(1).toInt();
            if (const auto s = testing.match(t); s.hasMatch())
                tested = number;
            bool known = false;
            for (const Device& d : devices)
                known = known || d.number == number;
            if (!known)
                devices.append({number, m.captured(3).trimmed(), m.capturedView(2).toDouble()});
            continue;
        }
        if (const auto m = iteration.match(t); m.hasMatch()) {
            ++marks;
            f.started = true;
            iterations = std::max(iterations, m.capturedView(1).toLongLong());
            const auto passedSeconds = passedNew.match(t);
            const auto passedDuration = passedOld.match(t);
            if (passedSeconds.hasMatch())
                testedS += passedSeconds.capturedView(1).toDouble();
            else if (passedDuration.hasMatch())
                testedS += seconds(passedDuration.capturedView(1).toDouble(), passedDuration.capturedView(2));
            // The last speed of a line: the whole speed (v0.3) or the checking speed (v0.4).
            auto it = speed.globalMatch(t);
            double last = -1;
            while (it.hasNext())
                last = it.next().capturedView(1).toDouble();
            if (last >= 0) {
                speedSum += last;
                ++speedCount;
            }
            continue;
        }
        if (t.startsWith(QLatin1StringView("Error found"))) {
            ++marks;
            const auto hex = errorsHex.match(t);
            const auto dec = errorsDec.match(t);
            if (hex.hasMatch())
                errors += hex.capturedView(1).toLongLong(nullptr, 16);
            else if (dec.hasMatch())
                errors += dec.capturedView(1).toLongLong();
            else
                errors += 1; // old builds print the addresses only: at least one error
            continue;
        }
        if (t.startsWith(QLatin1StringView("Runtime error:"))) {
            ++marks;
            const QString what = t.sliced(14).trimmed().toString();
            if (!f.failures.contains(what))
                f.failures.append(what);
            if (what.contains(QLatin1StringView("DEVICE_LOST"), Qt::CaseInsensitive))
                deviceLost = true;
            continue;
        }
        if (t.startsWith(QLatin1StringView("Standard 5-minute test PASSed"))) {
            f.notes.append(t.toString());
            continue;
        }
        if (t.contains(QLatin1StringView("Ctrl-C pressed")) || t == QLatin1StringView("^C")) {
            f.notes.append(QStringLiteral("stopped with Ctrl+C"));
            continue;
        }
        if (!t.startsWith(QLatin1StringView("memtest_vulkan:")))
            continue;
        ++marks;
        f.finished = true;
        const QString verdict = t.sliced(15).trimmed().toString();
        const QString lower = verdict.toLower();
        if (lower.contains(QLatin1StringView("no any errors"))) {
            f.toolVerdict = QStringLiteral("PASS");
        } else {
            f.toolVerdict = QStringLiteral("FAIL");
            if (!lower.contains(QLatin1StringView("errors found")))
                f.failures.append(verdict); // could not test at all
        }
    }
    if (marks == 0) {
        return makeError(
            ErrorCode::InvalidValue, kField,
            Message(tr, QT_TR_NOOP("this is not memtest_vulkan output: it has no device line, no "
                                   "\"N iteration.\" line and no \"memtest_vulkan:\" verdict")));
    }
    for (const Device& d : devices) {
        if (tested < 0 || d.number == tested)
            f.gpus.append(RigGpu{d.number, d.name, {}, {}});
    }
    if (deviceLost)
        f.notes.append(QStringLiteral("device lost"));
    run.add(QStringLiteral("errors"), static_cast<double>(errors), QString());
    run.add(QStringLiteral("iterations"), static_cast<double>(iterations), QString());
    run.add(QStringLiteral("duration_min"), testedS / 60.0, QStringLiteral("min"));
    if (speedCount > 0)
        run.add(QStringLiteral("speed_gbps"), speedSum / speedCount, QStringLiteral("GB/s"));
    for (const Device& d : devices) {
        if (d.number == tested || devices.size() == 1)
            run.add(QStringLiteral("memory_gb"), d.memoryGb, QStringLiteral("GB"));
    }
    return run;
}

} // namespace rework
