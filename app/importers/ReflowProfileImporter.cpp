#include "ReflowProfileImporter.h"

#include "RigText.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace rework {
namespace {

const QString kField = QStringLiteral("profile_log");

/// Readings beyond these are an open thermocouple or a logger's error code, not a temperature.
constexpr double kColdestC = -60;
constexpr double kHottestC = 500;
/// A degrees-Celsius log never goes this high; milli-degrees always do.
constexpr double kMilliThreshold = 1000;
constexpr double kHighestPlausibleC = 350;
constexpr int kMinSamples = 10;

struct CsvLine
{
    int number = 0;
    QStringList fields;
};

/// The words of a header: "Temp_TC1 (°C)" -> temp, tc, 1, c.
QStringList tokens(const QString& header)
{
    static const QRegularExpression word(QStringLiteral("[a-z]+|\\d+"));
    QStringList out;
    auto it = word.globalMatch(header.toLower());
    while (it.hasNext())
        out << it.next().captured(0);
    return out;
}

bool anyOf(const QStringList& words, std::initializer_list<const char*> wanted)
{
    for (const char* w : wanted) {
        if (words.contains(QLatin1StringView(w)))
            return true;
    }
    return false;
}

bool isTimeHeader(const QString& header)
{
    const QStringList w = tokens(header);
    if (header.trimmed().compare(QLatin1StringView("t"), Qt::CaseInsensitive) == 0)
        return true;
    return anyOf(w, {"time", "zeit", "elapsed", "timestamp", "seconds", "sec", "secs", "ms", "millis",
                     "tijd"}) &&
           !anyOf(w, {"temp", "temperature", "tc"});
}

bool isTemperatureHeader(const QString& header)
{
    const QStringList w = tokens(header);
    if (anyOf(w, {"target", "set",   "setpoint", "sp",    "goal",  "state", "adc", "voltage",
                  "volt",   "volts", "heater",   "duty",  "power", "pwm",   "fan", "ambient",
                  "room",   "cjc",   "cold",     "index", "on",    "mode",  "step"}))
        return false;
    return anyOf(w, {"temp", "temperature", "tc", "thermocouple", "thermo", "probe", "sensor", "ch",
                     "channel", "board", "pcb", "bga", "joint", "solder", "degc", "celsius", "mc"}) ||
           (w.size() == 2 && w.first() == QLatin1StringView("t") && w.last().at(0).isDigit());
}

QString timeUnitHint(const QString& header)
{
    const QStringList w = tokens(header);
    if (anyOf(w, {"ms", "msec", "millis", "milliseconds", "millisecond"}))
        return QStringLiteral("ms");
    if (anyOf(w, {"min", "mins", "minutes", "minute"}))
        return QStringLiteral("min");
    if (anyOf(w, {"s", "sec", "secs", "seconds", "second"}))
        return QStringLiteral("s");
    return {};
}

QString tempUnitHint(const QString& header)
{
    const QStringList w = tokens(header);
    if (anyOf(w, {"mc", "millic", "mdegc", "millidegc", "millidegrees", "millicelsius"}))
        return QStringLiteral("mC");
    if (anyOf(w, {"f", "degf", "fahrenheit"}))
        return QStringLiteral("F");
    if (anyOf(w, {"c", "degc", "celsius"}))
        return QStringLiteral("C");
    return {};
}

/// A cell as a number: "230.5", "230,5" where commas are decimal points, or a clock time
/// ("12:03:15.250", "2025-09-11 21:57:22") as seconds.
std::optional<double> valueOf(QString cell, bool decimalComma, bool* clock = nullptr)
{
    cell = cell.trimmed();
    if (cell.size() >= 2 && (cell.startsWith(QLatin1Char('"')) || cell.startsWith(QLatin1Char('\''))))
        cell = cell.mid(1, cell.size() - 2).trimmed();
    if (cell.isEmpty())
        return std::nullopt;
    if (decimalComma)
        cell.replace(QLatin1Char(','), QLatin1Char('.'));
    bool ok = false;
    const double d = cell.toDouble(&ok);
    if (ok && std::isfinite(d))
        return d;
    static const QRegularExpression hms(
        QStringLiteral("^(?:(\\d{4}-\\d{2}-\\d{2})[ T])?(\\d{1,2}):(\\d{2}):(\\d{2}(?:\\.\\d+)?)$"));
    const auto m = hms.match(cell);
    if (!m.hasMatch())
        return std::nullopt;
    double s =
        m.capturedView(2).toInt() * 3600.0 + m.capturedView(3).toInt() * 60.0 + m.capturedView(4).toDouble();
    if (!m.captured(1).isEmpty()) {
        const QDate day = QDate::fromString(m.captured(1), Qt::ISODate);
        if (day.isValid())
            s += static_cast<double>(day.toJulianDay()) * 86400.0;
    }
    if (clock)
        *clock = true;
    return s;
}

/// The delimiter most lines hold: comma, semicolon or tab; null for cells apart by spaces.
QChar delimiterOf(const QList<QString>& texts)
{
    int best = 0;
    QChar chosen;
    for (QChar d : {QChar(u','), QChar(u';'), QChar(u'\t')}) {
        int lines = 0;
        for (const QString& t : texts)
            lines += t.contains(d) ? 1 : 0;
        if (lines > best) {
            best = lines;
            chosen = d;
        }
    }
    return chosen; // null: separated by spaces
}

QStringList split(const QString& text, QChar delimiter)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QStringList fields = delimiter.isNull() ? text.trimmed().split(spaces) : text.split(delimiter);
    for (QString& f : fields) {
        f = f.trimmed();
        if (f.size() >= 2 && f.startsWith(QLatin1Char('"')) && f.endsWith(QLatin1Char('"')))
            f = f.mid(1, f.size() - 2).trimmed();
    }
    // A trailing delimiter (Excel's) adds an empty last field.
    while (fields.size() > 1 && fields.last().isEmpty())
        fields.removeLast();
    return fields;
}

Error refused(const Message& why)
{
    return makeError(ErrorCode::InvalidValue, kField, why);
}

/// The column `wanted` names: a header (any case) or a number from 1; -1 when none.
int columnNamed(const QString& wanted, const QStringList& names)
{
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names.at(i).compare(wanted, Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    }
    bool ok = false;
    const int n = wanted.toInt(&ok);
    return ok && n >= 1 && n <= names.size() ? n - 1 : -1;
}

} // namespace

int ReflowProfileImporter::likeness(QStringView text)
{
    // The first line that holds letters: a CSV header with a time and a temperature.
    qsizetype end = text.indexOf(u'\n');
    const QString head =
        text.first(end < 0 ? std::min<qsizetype>(text.size(), 4096) : std::min<qsizetype>(end, 4096))
            .toString();
    const QChar delimiter = delimiterOf({head});
    const QStringList fields = split(head, delimiter);
    if (fields.size() < 2)
        return 0;
    bool time = false, temp = false, numeric = true;
    for (const QString& f : fields) {
        time = time || isTimeHeader(f);
        temp = temp || isTemperatureHeader(f);
        numeric = numeric && valueOf(f, delimiter == u';').has_value();
    }
    if (numeric)
        return 1; // numbers only: a profile, if nothing else claims it
    return (time ? 2 : 0) + (temp ? 2 : 0);
}

Result<ReflowLog> ReflowProfileImporter::read(const QByteArray& data, const ProfileImportSettings& settings)
{
    if (Status st = settings.validate(); !st)
        return st.error();
    Result<RigText::Read> read = RigText::read(data, kField);
    if (!read)
        return read.error();
    const QList<RigLine>& lines = read->lines;
    QList<std::pair<int, QString>> content;
    for (const RigLine& l : lines) {
        const QString t = l.text.trimmed().toString();
        if (t.isEmpty() || t.startsWith(QLatin1Char('#')) || t.startsWith(QLatin1StringView("//")))
            continue;
        content.append({l.number, t});
    }
    QList<QString> sample;
    for (qsizetype i = 0; i < content.size() && i < 50; ++i)
        sample << content.at(i).second;
    const QChar delimiter = delimiterOf(sample);
    // Semicolons or tabs between cells leave commas free to be decimal points (European loggers).
    bool decimalComma = false;
    if (delimiter == u';' || delimiter == u'\t') {
        for (const QString& s : std::as_const(sample))
            decimalComma = decimalComma || QRegularExpression(QStringLiteral("\\d,\\d")).match(s).hasMatch();
    }
    QList<CsvLine> rows;
    for (const auto& [number, t] : std::as_const(content))
        rows.append({number, split(t, delimiter)});
    // A row of data: two values or more, and more values than words (a date column may stand by).
    const auto numericRow = [&](const CsvLine& r) {
        int values = 0;
        for (const QString& f : r.fields)
            values += valueOf(f, decimalComma) ? 1 : 0;
        return values >= 2 && static_cast<qsizetype>(values) * 2 > r.fields.size();
    };
    // The data starts at the first row of numbers that the next row of numbers matches in width.
    qsizetype first = -1;
    for (qsizetype i = 0; i < rows.size() && first < 0; ++i) {
        if (!numericRow(rows.at(i)))
            continue;
        const bool lastOne = i + 1 >= rows.size();
        if (lastOne ||
            (numericRow(rows.at(i + 1)) && rows.at(i + 1).fields.size() == rows.at(i).fields.size()))
            first = i;
    }
    if (first < 0) {
        return refused(Message(tr, QT_TR_NOOP("this is not a thermocouple log: no line holds a time and a "
                                              "temperature as numbers")));
    }
    const qsizetype width = rows.at(first).fields.size();
    QStringList names;
    bool header = false;
    for (qsizetype i = first - 1; i >= 0; --i) {
        if (rows.at(i).fields.size() == width) {
            names = rows.at(i).fields;
            header = true;
            break;
        }
    }
    if (!header) {
        for (qsizetype i = 0; i < width; ++i)
            names << QStringLiteral("column %1").arg(i + 1);
    }
    // The time column: as set, else by its header, else the first.
    int timeColumn = -1;
    if (!settings.timeColumn.isEmpty()) {
        timeColumn = columnNamed(settings.timeColumn, names);
        if (timeColumn < 0) {
            return refused(
                Message(tr,
                        QT_TR_NOOP("the import profile names the time column \"%1\", but the "
                                   "columns are: %2"),
                        {settings.timeColumn.left(40), names.join(QStringLiteral(", ")).left(300)}));
        }
    } else {
        for (qsizetype i = 0; i < names.size() && timeColumn < 0; ++i) {
            if (header && isTimeHeader(names.at(i)))
                timeColumn = static_cast<int>(i);
        }
        if (timeColumn < 0)
            timeColumn = 0;
    }
    QList<int> tempColumns;
    if (!settings.tempColumns.isEmpty()) {
        for (const QString& wanted : settings.tempColumns) {
            const int c = columnNamed(wanted, names);
            if (c < 0) {
                return refused(Message(tr,
                                       QT_TR_NOOP("the import profile names the temperature column \"%1\", "
                                                  "but the columns are: %2"),
                                       {wanted.left(40), names.join(QStringLiteral(", ")).left(300)}));
            }
            tempColumns << c;
        }
    } else {
        for (qsizetype i = 0; i < names.size(); ++i) {
            if (i != timeColumn && (!header || isTemperatureHeader(names.at(i))))
                tempColumns << static_cast<int>(i);
        }
    }
    if (tempColumns.isEmpty()) {
        return refused(Message(tr,
                               QT_TR_NOOP("no column of this log is a temperature (%1); name it in the "
                                          "import profile (temp_columns)"),
                               {names.join(QStringLiteral(", ")).left(300)}));
    }
    // The rows, with the lines that are not rows of numbers set aside.
    ReflowLog log;
    QList<double> times;
    QList<QList<std::optional<double>>> temps(tempColumns.size());
    QList<int> rowLines;
    QList<int> garbled;
    bool clock = false;
    for (qsizetype i = first; i < rows.size(); ++i) {
        const CsvLine& r = rows.at(i);
        std::optional<double> time =
            r.fields.size() == width ? valueOf(r.fields.at(timeColumn), decimalComma, &clock) : std::nullopt;
        bool any = false;
        QList<std::optional<double>> values;
        for (int c : std::as_const(tempColumns)) {
            values << (time ? valueOf(r.fields.at(c), decimalComma) : std::nullopt);
            any = any || values.last().has_value();
        }
        if (!time || !any) {
            garbled << r.number;
            continue;
        }
        times << *time;
        rowLines << r.number;
        for (qsizetype k = 0; k < values.size(); ++k)
            temps[k] << values.at(k);
    }
    const int tolerated = std::max(3, static_cast<int>(times.size() / 100));
    if (garbled.size() > tolerated) {
        return refused(Message(tr,
                               QT_TR_NOOP("line %1 is not a row of numbers like the others; %2 of %3 rows "
                                          "could not be read"),
                               {garbled.first(), static_cast<int>(garbled.size()),
                                static_cast<int>(garbled.size() + times.size())}));
    }
    for (qsizetype k = 0; k < garbled.size() && k < 5; ++k)
        log.warnings << tr("line %1 is not a row of numbers; it was skipped").arg(garbled.at(k));
    if (garbled.size() > 5)
        log.warnings << tr("%1 more lines were skipped").arg(garbled.size() - 5);
    if (times.size() < kMinSamples) {
        return refused(Message(tr, QT_TR_NOOP("the log has %1 samples; a reflow profile needs at least %2"),
                               {static_cast<int>(times.size()), kMinSamples}));
    }
    for (qsizetype i = 1; i < times.size(); ++i) {
        if (times.at(i) < times.at(i - 1)) {
            return refused(Message(tr,
                                   QT_TR_NOOP("line %1: the time goes back (from %2 to %3); a log must "
                                              "hold one run, in order"),
                                   {rowLines.at(i), times.at(i - 1), times.at(i)}));
        }
    }
    // Time unit: as set, else by the header, else by the pace (loggers sample faster than every
    // 20 s, and no profile lasts 10 hours).
    QString timeUnit = settings.timeUnit;
    if (timeUnit.isEmpty() && clock)
        timeUnit = QStringLiteral("clock");
    if (timeUnit.isEmpty() && header)
        timeUnit = timeUnitHint(names.at(timeColumn));
    if (timeUnit.isEmpty()) {
        QList<double> steps;
        for (qsizetype i = 1; i < times.size(); ++i)
            steps << times.at(i) - times.at(i - 1);
        std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
        const double median = steps.at(steps.size() / 2);
        timeUnit =
            median >= 20 || times.last() - times.first() > 36000 ? QStringLiteral("ms") : QStringLiteral("s");
    }
    const double timeScale = timeUnit == QLatin1StringView("ms")    ? 1e-3
                             : timeUnit == QLatin1StringView("min") ? 60
                                                                    : 1;
    log.timeUnit = timeUnit;
    log.timeColumn = names.at(timeColumn);
    for (qsizetype k = 0; k < tempColumns.size(); ++k) {
        const QString& name = names.at(tempColumns.at(k));
        QString unit = settings.tempUnit;
        if (unit.isEmpty() && header)
            unit = tempUnitHint(name);
        double highest = 0;
        for (const auto& v : std::as_const(temps.at(k))) {
            if (v)
                highest = std::max(highest, std::abs(*v));
        }
        if (unit.isEmpty()) {
            if (highest >= kMilliThreshold) {
                unit = QStringLiteral("mC");
            } else if (highest > kHighestPlausibleC) {
                return refused(Message(tr,
                                       QT_TR_NOOP("column %1 reaches %2: too hot for °C, too cold for "
                                                  "milli-°C; set temp_unit in the import profile"),
                                       {name.left(40), highest}));
            } else {
                unit = QStringLiteral("C");
            }
        }
        if (k == 0)
            log.tempUnit = unit;
        ProfileCurve curve;
        curve.channel = name;
        int implausible = 0;
        for (qsizetype i = 0; i < times.size(); ++i) {
            const auto& v = temps.at(k).at(i);
            if (!v)
                continue;
            double c = *v;
            if (unit == QLatin1StringView("mC"))
                c /= 1000.0;
            else if (unit == QLatin1StringView("F"))
                c = (c - 32.0) * 5.0 / 9.0;
            if (c < kColdestC || c > kHottestC) {
                ++implausible;
                continue;
            }
            curve.seconds << (times.at(i) - times.first()) * timeScale;
            curve.celsius << c;
        }
        if (implausible > 0)
            log.warnings
                << tr("%1: %2 readings out of any oven's range were left out (an open thermocouple?)")
                       .arg(name)
                       .arg(implausible);
        if (curve.seconds.size() < kMinSamples) {
            if (k == 0) {
                return refused(
                    Message(tr, QT_TR_NOOP("column %1 has %2 readings; a reflow profile needs at least %3"),
                            {name.left(40), static_cast<int>(curve.seconds.size()), kMinSamples}));
            }
            log.warnings << tr("%1 has too few readings; it was left out").arg(name);
            continue;
        }
        log.channels << curve;
    }
    log.rows = static_cast<int>(times.size());
    return log;
}

Result<RigRun> ReflowProfileImporter::parse(const QByteArray& data, const ProfileImportSettings& settings,
                                            double liquidusC, const QString& alloy)
{
    Result<ReflowLog> log = read(data, settings);
    if (!log)
        return log.error();
    RigRun run;
    run.kind = RigKind::Profile;
    run.format = QStringLiteral("profile-csv");
    run.facts.tool = QStringLiteral("thermocouple");
    run.facts.started = true;
    run.facts.finished = true;
    run.facts.warnings = log->warnings;
    run.facts.notes << QStringLiteral("time column %1 in %2; temperatures in %3")
                           .arg(log->timeColumn, log->timeUnit, log->tempUnit);
    for (qsizetype k = 0; k < log->channels.size(); ++k) {
        ProfileFigures fig = ReflowProfile::figures(log->channels.at(k), liquidusC, settings.rateWindowS);
        fig.alloy = alloy;
        // The first channel is the profile; the others are checked against the same window.
        const QString suffix = k == 0 ? QString() : QLatin1Char('.') + fig.channel;
        run.add(QStringLiteral("peak_c") + suffix, fig.peakC, QStringLiteral("°C"));
        run.add(QStringLiteral("time_above_liquidus_s") + suffix, fig.timeAboveLiquidusS,
                QStringLiteral("s"));
        run.add(QStringLiteral("ramp_up_c_per_s") + suffix, fig.rampUpCPerS, QStringLiteral("°C/s"));
        run.add(QStringLiteral("cooling_c_per_s") + suffix, fig.coolingCPerS, QStringLiteral("°C/s"));
        run.add(QStringLiteral("time_to_peak_s") + suffix, fig.timeToPeakS, QStringLiteral("s"));
        run.add(QStringLiteral("soak_s") + suffix, fig.soakS, QStringLiteral("s"));
        if (k == 0)
            run.profile = fig;
    }
    return run;
}

} // namespace rework
