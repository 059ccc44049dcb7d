#include "GpuBurnImporter.h"

#include "RigText.h"

#include <QMap>
#include <QRegularExpression>

#include <algorithm>

namespace rework {
namespace {

const QString kField = QStringLiteral("burnin");

/// What one GPU's worker reported over the run.
struct Worker
{
    int lastProcessed = 0;
    std::optional<double> lastGflops;
    double maxGflops = 0;
    qint64 errors = 0;         // added up over the summary intervals
    qint64 intervalErrors = 0; // the highest count since the last summary
    bool died = false;
    bool warned = false;
    std::optional<double> maxTemp, maxPower;
    bool reported = false;
};

/// One progress update: "\r40.0%  proc'd: 858 (3403 Gflop/s) - 0 (0 Gflop/s)   errors: 0 - 0
/// temps: 40 C - 39 C" (and "  power: 250 W" on new builds). Workers are told apart by position.
struct Progress
{
    double percent = -1;
    QList<std::pair<int, std::optional<double>>> processed; // count, Gflop/s (not printed by 2013 builds)
    QList<std::pair<qint64, QString>> errors;               // count, "DIED!" / "WARNING!" / ""
    QList<std::optional<double>> temps, powers;
};

/// The figures of one "name: ..." section, in order; `--` holds a place with no value.
QList<std::optional<double>> unitValues(QStringView section, QChar unit)
{
    static const QRegularExpression valueC(QStringLiteral("(-?\\d+(?:\\.\\d+)?)\\s*C\\b|--"));
    static const QRegularExpression valueW(QStringLiteral("(-?\\d+(?:\\.\\d+)?)\\s*W\\b|--"));
    QList<std::optional<double>> out;
    auto it = (unit == u'C' ? valueC : valueW).globalMatch(section);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedView(1).isEmpty())
            out.append(std::nullopt);
        else
            out.append(m.capturedView(1).toDouble());
    }
    return out;
}

std::optional<Progress> parseProgress(QStringView line)
{
    static const QRegularExpression percentBefore(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*%\\s*$"));
    // "858 (3403 Gflop/s)", a fork's "858 (3403 Gflop/s GEMM)", "12 (48.1 Tflop/s)".
    static const QRegularExpression processed(
        QStringLiteral("(-?\\d+)\\s*\\(\\s*(-?\\d+(?:\\.\\d+)?)\\s*([GT])flop/s[^)]*\\)"),
        QRegularExpression::CaseInsensitiveOption);
    // The first builds printed the counts alone: "proc'd: 1234 / 5678".
    static const QRegularExpression count(QStringLiteral("-?\\d+"));
    static const QRegularExpression errorValue(
        QStringLiteral("(-?\\d+)\\s*(?:\\(\\s*(DIED!|WARNING!)\\s*\\))?"));
    const qsizetype procd = line.indexOf(QLatin1StringView("proc'd:"));
    if (procd < 0)
        return std::nullopt;
    const qsizetype errorsAt = line.indexOf(QLatin1StringView("errors:"), procd);
    if (errorsAt < 0)
        return std::nullopt; // cut off before the errors: an update only half written
    Progress p;
    const auto pm = percentBefore.match(line.first(procd));
    if (pm.hasMatch())
        p.percent = pm.capturedView(1).toDouble();
    const QStringView counts = line.sliced(procd + 7, errorsAt - procd - 7);
    if (counts.contains(QLatin1StringView("flop/s"), Qt::CaseInsensitive)) {
        auto it = processed.globalMatch(counts);
        while (it.hasNext()) {
            const auto m = it.next();
            const double scale =
                m.capturedView(3).compare(QLatin1StringView("T"), Qt::CaseInsensitive) == 0 ? 1000 : 1;
            p.processed.append({m.capturedView(1).toInt(), m.capturedView(2).toDouble() * scale});
        }
    } else {
        auto it = count.globalMatch(counts);
        while (it.hasNext())
            p.processed.append({it.next().capturedView(0).toInt(), std::nullopt});
    }
    const qsizetype tempsAt = line.indexOf(QLatin1StringView("temps:"), errorsAt);
    const qsizetype powerAt = line.indexOf(QLatin1StringView("power:"), errorsAt);
    qsizetype errorsEnd = line.size();
    if (tempsAt >= 0)
        errorsEnd = tempsAt;
    else if (powerAt >= 0)
        errorsEnd = powerAt;
    const QStringView errorsSection = line.sliced(errorsAt + 7, errorsEnd - errorsAt - 7);
    auto eit = errorValue.globalMatch(errorsSection);
    while (eit.hasNext() && p.errors.size() < p.processed.size()) {
        const auto m = eit.next();
        p.errors.append({m.capturedView(1).toLongLong(), m.captured(2)});
    }
    if (tempsAt >= 0) {
        const qsizetype end = powerAt > tempsAt ? powerAt : line.size();
        p.temps = unitValues(line.sliced(tempsAt + 6, end - tempsAt - 6), u'C');
    }
    if (powerAt >= 0)
        p.powers = unitValues(line.sliced(powerAt + 6), u'W');
    if (p.processed.isEmpty() || p.errors.size() != p.processed.size())
        return std::nullopt;
    return p;
}

/// Seconds since midnight of a `date` stamp ("Tue Aug 25 21:58:15 PDT 2020", "Mon Sep 19 05:38:21
/// PM CEST 2022"); the date itself is printed in too many ways to be worth reading.
std::optional<double> timeOfDay(QStringView stamp)
{
    static const QRegularExpression time(
        QStringLiteral("\\b(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\s*([AaPp][Mm])\\b)?"));
    const auto m = time.match(stamp);
    if (!m.hasMatch())
        return std::nullopt;
    int hour = m.capturedView(1).toInt();
    const QString ampm = m.captured(4).toUpper();
    if (ampm == QLatin1StringView("PM") && hour < 12)
        hour += 12;
    else if (ampm == QLatin1StringView("AM") && hour == 12)
        hour = 0;
    return hour * 3600.0 + m.capturedView(2).toInt() * 60.0 + m.capturedView(3).toInt();
}

struct BurnLog
{
    RigRun run;
    QMap<int, Worker> workers;
    QMap<int, RigGpu> gpus;
    QMap<int, QString> finalVerdicts;
    std::optional<int> testedCount;
    bool inTested = false;
    bool aborted = false;
    double lastPercent = -1;
    QList<std::pair<double, double>> summaries; // percent, seconds of the day
    int marks = 0;                              // lines only gpu_burn prints
};

void takeProgress(BurnLog& log, const Progress& p)
{
    ++log.marks;
    log.run.facts.started = true;
    if (p.percent >= 0)
        log.lastPercent = p.percent;
    for (qsizetype i = 0; i < p.processed.size(); ++i) {
        Worker& w = log.workers[static_cast<int>(i)];
        w.reported = true;
        const auto [count, gflops] = p.processed.at(i);
        const auto& [errors, note] = p.errors.at(i);
        if (count < 0 || note == QLatin1StringView("DIED!")) {
            w.died = true; // its counts are -1 or garbage from here on
            continue;
        }
        w.lastProcessed = count;
        if (gflops) {
            w.lastGflops = *gflops;
            w.maxGflops = std::max(w.maxGflops, *gflops);
        }
        if (errors > 0)
            w.intervalErrors = std::max(w.intervalErrors, errors);
        if (note == QLatin1StringView("WARNING!"))
            w.warned = true;
        if (i < p.temps.size() && p.temps.at(i))
            w.maxTemp = std::max(w.maxTemp.value_or(*p.temps.at(i)), *p.temps.at(i));
        if (i < p.powers.size() && p.powers.at(i))
            w.maxPower = std::max(w.maxPower.value_or(*p.powers.at(i)), *p.powers.at(i));
    }
}

/// gpu_burn zeroes its error counts after each summary: what an interval found is added.
void closeInterval(BurnLog& log)
{
    for (Worker& w : log.workers) {
        w.errors += w.intervalErrors;
        w.intervalErrors = 0;
    }
}

void readLine(BurnLog& log, QStringView line)
{
    static const QRegularExpression burning(QStringLiteral("Burning for (\\d+) seconds"));
    static const QRegularExpression gpuLine(
        QStringLiteral("^GPU (\\d+):\\s*(.*?)\\s*\\(UUID:\\s*([^)\\s]*)\\s*\\)"));
    static const QRegularExpression tested(QStringLiteral("^Tested (\\d+) GPUs?:"));
    static const QRegularExpression verdict(QStringLiteral("^GPU (\\d+):\\s*(OK|FAULTY)\\b"));
    static const QRegularExpression initialized(
        QStringLiteral("Initialized device (\\d+) with (\\d+) MB of memory .*using (FLOATS|DOUBLES)"));
    const QStringView t = line.trimmed();
    if (t.isEmpty())
        return;
    if (log.inTested) {
        const auto v = verdict.match(t);
        if (v.hasMatch()) {
            log.finalVerdicts.insert(v.capturedView(1).toInt(), v.captured(2));
            return;
        }
    }
    if (const auto m = tested.match(t); m.hasMatch()) {
        ++log.marks;
        log.testedCount = m.capturedView(1).toInt();
        log.inTested = true;
        return;
    }
    if (const auto m = gpuLine.match(t); m.hasMatch()) {
        ++log.marks;
        RigGpu g;
        g.index = m.capturedView(1).toInt();
        g.model = m.captured(2);
        g.uuid = m.captured(3);
        log.gpus.insert(g.index, g);
        return;
    }
    if (const auto m = burning.match(t); m.hasMatch()) {
        ++log.marks;
        log.run.facts.durationRequestedS = m.capturedView(1).toDouble();
        return;
    }
    if (t.contains(QLatin1StringView("proc'd:"))) {
        if (const auto p = parseProgress(t))
            takeProgress(log, *p);
        return;
    }
    if (t.startsWith(QLatin1StringView("Summary at:"))) {
        ++log.marks;
        closeInterval(log);
        if (const auto when = timeOfDay(t.sliced(11)); when && log.lastPercent >= 0)
            log.summaries.append({log.lastPercent, *when});
        return;
    }
    if (const auto m = initialized.match(t); m.hasMatch()) {
        ++log.marks;
        const QString note = t.sliced(m.capturedStart(0)).toString();
        if (!log.run.facts.notes.contains(note))
            log.run.facts.notes.append(note);
    }
    if (t.startsWith(QLatin1StringView("No clients are alive"))) {
        ++log.marks;
        log.aborted = true;
        log.run.facts.failures.append(t.toString());
        return;
    }
    if (t.startsWith(QLatin1StringView("No CUDA devices"))) {
        ++log.marks;
        log.run.facts.noDevices = true;
        log.run.facts.failures.append(t.toString());
        return;
    }
    for (const char* failure :
         {"Failure during compute", "Couldn't init", "Couldn't allocate", "CUDA error", "Error in \""}) {
        if (t.startsWith(QLatin1StringView(failure))) {
            ++log.marks;
            if (!log.run.facts.failures.contains(t.toString()))
                log.run.facts.failures.append(t.toString());
            return;
        }
    }
}

/// Minutes burned: the requested length times the share done; without a requested length, from
/// the summary stamps (their percentages pace the run), if they allow it.
std::optional<double> minutesBurned(const BurnLog& log)
{
    const double percent = std::clamp(log.lastPercent, 0.0, 100.0);
    if (log.run.facts.durationRequestedS)
        return *log.run.facts.durationRequestedS * percent / 100.0 / 60.0;
    if (log.summaries.size() < 2)
        return std::nullopt;
    const auto [p0, t0] = log.summaries.first();
    const auto [p1, t1raw] = log.summaries.last();
    double t1 = t1raw;
    if (t1 < t0)
        t1 += 24 * 3600.0; // past midnight
    if (p1 <= p0 || t1 <= t0)
        return std::nullopt;
    const double totalS = (t1 - t0) / (p1 - p0) * 100.0;
    if (totalS > 7 * 24 * 3600.0)
        return std::nullopt;
    return totalS * percent / 100.0 / 60.0;
}

} // namespace

int GpuBurnImporter::likeness(QStringView text)
{
    int score = 0;
    for (const char* mark : {"proc'd:", "Gflop/s", "Burning for", "gpu_burn", "gpu-burn",
                             "No clients are alive", "Summary at:", "(DIED!)", "Initialized device"}) {
        if (text.contains(QLatin1StringView(mark)))
            ++score;
    }
    static const QRegularExpression tested(QStringLiteral("(^|\\n)Tested \\d+ GPUs?:"));
    if (tested.match(text).hasMatch())
        score += 2;
    return score;
}

Result<RigRun> GpuBurnImporter::parse(const QByteArray& data)
{
    Result<RigText::Read> read = RigText::read(data, kField);
    if (!read)
        return read.error();
    const QList<RigLine>& lines = read->lines;
    BurnLog log;
    log.run.kind = RigKind::GpuBurn;
    log.run.format = QStringLiteral("gpu-burn");
    log.run.facts.tool = QStringLiteral("gpu_burn");
    for (const RigLine& line : lines)
        readLine(log, line.text);
    closeInterval(log);
    if (log.marks == 0) {
        return makeError(
            ErrorCode::InvalidValue, kField,
            Message(tr, QT_TR_NOOP("this is not a gpu_burn log: it has no GPU list, no \"proc'd\" progress "
                                   "line and no \"Tested N GPUs\" block")));
    }
    RigFacts& f = log.run.facts;
    // Every GPU named anywhere: in the list, in the progress or in the final block.
    for (auto it = log.workers.cbegin(); it != log.workers.cend(); ++it) {
        if (!log.gpus.contains(it.key()))
            log.gpus.insert(it.key(), RigGpu{it.key(), {}, {}, {}});
    }
    for (auto it = log.finalVerdicts.cbegin(); it != log.finalVerdicts.cend(); ++it) {
        if (!log.gpus.contains(it.key()))
            log.gpus.insert(it.key(), RigGpu{it.key(), {}, {}, {}});
        log.gpus[it.key()].toolVerdict = it.value();
    }
    for (auto it = log.workers.cbegin(); it != log.workers.cend(); ++it) {
        if (it->died) {
            f.died.append(it.key());
            if (log.gpus[it.key()].toolVerdict.isEmpty())
                log.gpus[it.key()].toolVerdict = QStringLiteral("DIED");
        }
    }
    f.gpus = log.gpus.values();
    f.finished = log.testedCount.has_value() && !log.finalVerdicts.isEmpty() && !log.aborted;
    if (!f.died.isEmpty() || log.aborted)
        f.toolVerdict = QStringLiteral("DIED");
    else if (!log.finalVerdicts.isEmpty())
        f.toolVerdict = log.finalVerdicts.values().contains(QStringLiteral("FAULTY"))
                            ? QStringLiteral("FAULTY")
                            : QStringLiteral("OK");
    if (log.testedCount && *log.testedCount != log.finalVerdicts.size())
        f.notes.append(QStringLiteral("Tested %1 GPUs, %2 verdicts printed")
                           .arg(*log.testedCount)
                           .arg(log.finalVerdicts.size()));
    for (auto it = log.workers.cbegin(); it != log.workers.cend(); ++it) {
        const int gpu = it.key();
        const Worker& w = it.value();
        log.run.add(QStringLiteral("iterations"), w.lastProcessed, QString(), gpu);
        if (w.lastGflops) {
            log.run.add(QStringLiteral("gflops"), *w.lastGflops, QStringLiteral("Gflop/s"), gpu);
            log.run.add(QStringLiteral("gflops_max"), w.maxGflops, QStringLiteral("Gflop/s"), gpu);
        }
        log.run.add(QStringLiteral("errors"), static_cast<double>(w.errors), QString(), gpu);
        if (w.maxTemp)
            log.run.add(QStringLiteral("temp_max_c"), *w.maxTemp, QStringLiteral("°C"), gpu);
        if (w.maxPower)
            log.run.add(QStringLiteral("power_max_w"), *w.maxPower, QStringLiteral("W"), gpu);
        if (w.warned && w.errors == 0)
            f.warnings.append(QStringLiteral("GPU %1: WARNING!").arg(gpu));
    }
    if (log.lastPercent >= 0)
        log.run.add(QStringLiteral("progress_pct"), log.lastPercent, QStringLiteral("%"));
    if (const auto minutes = minutesBurned(log))
        log.run.add(QStringLiteral("duration_min"), *minutes, QStringLiteral("min"));
    return log.run;
}

Result<RigRun> GpuBurnImporter::parseFile(const QString& path)
{
    Result<QByteArray> data = RigText::readFile(path, kField);
    if (!data)
        return data.error();
    return parse(data.value());
}

} // namespace rework
