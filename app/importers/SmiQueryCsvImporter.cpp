#include "SmiQueryCsvImporter.h"

#include "RigText.h"

#include <QHash>
#include <QRegularExpression>

namespace rework {
namespace {

const QString kField = QStringLiteral("smi");

struct Mapped
{
    const char* query;
    const char* name;
    const char* unit;
};

/// The query fields kept as measurements, named as the -q readings are.
constexpr Mapped kMapped[] = {
    {"temperature.gpu", "temperature_c", "°C"},
    {"temperature.memory", "memory_temperature_c", "°C"},
    {"power.draw", "power_w", "W"},
    {"power.draw.instant", "power_w", "W"},
    {"power.limit", "power_limit_w", "W"},
    {"ecc.errors.uncorrected.volatile.total", "ecc_uncorrected", ""},
    {"ecc.errors.corrected.volatile.total", "ecc_corrected", ""},
    {"ecc.errors.uncorrected.aggregate.total", "ecc_uncorrected_aggregate", ""},
    {"remapped_rows.uncorrectable", "remapped_rows_uncorrectable", ""},
    {"remapped_rows.failure", "remapped_rows_failure", ""},
    {"retired_pages.double_bit.count", "retired_pages_double_bit", ""},
    {"pcie.link.gen.current", "pcie_gen_current", ""},
    {"pcie.link.gen.max", "pcie_gen_max", ""},
    {"pcie.link.gen.gpumax", "pcie_gen_device_max", ""},
    {"pcie.link.gen.hostmax", "pcie_gen_host_max", ""},
    {"pcie.link.width.current", "pcie_width_current", ""},
    {"pcie.link.width.max", "pcie_width_max", ""},
    {"memory.total", "mem_mib", "MiB"},
    {"utilization.gpu", "util_gpu_pct", "%"},
    {"clocks.sm", "clock_sm_mhz", "MHz"},
    {"clocks.mem", "clock_mem_mhz", "MHz"},
    {"fan.speed", "fan_pct", "%"},
};

/// Slowdowns that say something is wrong (a power cap at idle says nothing).
constexpr const char* kBadReasons[] = {"hw_slowdown", "hw_thermal_slowdown", "hw_power_brake_slowdown",
                                       "sw_thermal_slowdown"};

bool absent(const QString& v)
{
    return v.isEmpty() || v.startsWith(QLatin1Char('[')) ||
           v.compare(QLatin1StringView("N/A"), Qt::CaseInsensitive) == 0;
}

std::optional<double> leadingNumber(const QString& v)
{
    static const QRegularExpression number(QStringLiteral("^-?\\d+(?:\\.\\d+)?"));
    if (v.startsWith(QLatin1StringView("0x")))
        return std::nullopt;
    const auto m = number.match(v);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(0).toDouble();
}

/// "power.draw [W]" -> "power.draw".
QString fieldName(const QString& header)
{
    const qsizetype bracket = header.indexOf(QLatin1Char('['));
    return (bracket < 0 ? header : header.left(bracket)).trimmed().toLower();
}

} // namespace

int SmiQueryCsvImporter::likeness(QStringView text)
{
    const qsizetype end = text.indexOf(u'\n');
    const QString head =
        text.first(end < 0 ? std::min<qsizetype>(text.size(), 8192) : std::min<qsizetype>(end, 8192))
            .toString();
    int score = 0;
    for (const QString& h : head.split(QLatin1Char(','))) {
        const QString f = fieldName(h);
        if (f == QLatin1StringView("index") || f == QLatin1StringView("uuid") ||
            f == QLatin1StringView("pci.bus_id") || f == QLatin1StringView("driver_version") ||
            f.startsWith(QLatin1StringView("temperature.")) || f.startsWith(QLatin1StringView("power.")) ||
            f.startsWith(QLatin1StringView("clocks")) || f.startsWith(QLatin1StringView("pcie.")) ||
            f.startsWith(QLatin1StringView("ecc.")) || f.startsWith(QLatin1StringView("memory.")) ||
            f.startsWith(QLatin1StringView("utilization.")))
            ++score;
    }
    return score >= 2 ? score + 2 : 0;
}

Result<RigRun> SmiQueryCsvImporter::parse(const QByteArray& data)
{
    Result<RigText::Read> read = RigText::read(data, kField);
    if (!read)
        return read.error();
    const QString& text = read->text;
    const QList<RigLine>& lines = read->lines;
    QList<std::pair<int, QStringList>> rows;
    for (const RigLine& l : lines) {
        if (l.text.trimmed().isEmpty())
            continue;
        QStringList cells = l.text.toString().split(QLatin1Char(','));
        for (QString& c : cells)
            c = c.trimmed();
        rows.append({l.number, cells});
    }
    if (rows.size() < 2 || likeness(text) == 0) {
        return makeError(
            ErrorCode::InvalidValue, kField,
            Message(tr, QT_TR_NOOP("this is not nvidia-smi --query-gpu CSV output: it needs a header "
                                   "of query fields and a row per GPU (--format=csv)")));
    }
    QStringList fields;
    for (const QString& h : rows.first().second)
        fields << fieldName(h);
    RigRun run;
    run.kind = RigKind::NvidiaSmi;
    run.format = QStringLiteral("nvidia-smi-csv");
    run.facts.tool = QStringLiteral("nvidia-smi");
    run.facts.started = true;
    run.facts.finished = true;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const auto& [number, cells] = rows.at(r);
        if (cells.size() != fields.size()) {
            return makeError(
                ErrorCode::InvalidValue, kField,
                Message(tr, QT_TR_NOOP("line %1 has %2 values for %3 fields; the file is cut or edited"),
                        {number, static_cast<int>(cells.size()), static_cast<int>(fields.size())}));
        }
        QHash<QString, QString> row;
        for (qsizetype i = 0; i < fields.size(); ++i)
            row.insert(fields.at(i), cells.at(i));
        bool ok = false;
        int gpu = row.value(QStringLiteral("index")).toInt(&ok);
        if (!ok)
            gpu = static_cast<int>(r - 1);
        RigGpu g;
        g.index = gpu;
        g.model = absent(row.value(QStringLiteral("name"))) ? QString() : row.value(QStringLiteral("name"));
        const QString uuid = row.value(QStringLiteral("uuid"));
        g.uuid = absent(uuid) ? QString() : uuid;
        run.facts.gpus.append(g);
        for (const Mapped& m : kMapped) {
            const QString value = row.value(QLatin1StringView(m.query));
            if (absent(value) || run.find(QLatin1StringView(m.name), gpu))
                continue;
            if (const auto n = leadingNumber(value))
                run.add(QLatin1StringView(m.name), *n, QString::fromUtf8(m.unit), gpu);
        }
        for (const char* reason : kBadReasons) {
            for (const char* prefix : {"clocks_event_reasons.", "clocks_throttle_reasons."}) {
                const QString key = QLatin1StringView(prefix) + QLatin1StringView(reason);
                if (row.value(key).compare(QLatin1StringView("Active"), Qt::CaseInsensitive) == 0)
                    run.facts.warnings.append(
                        QStringLiteral("GPU %1: %2 active").arg(gpu).arg(QLatin1StringView(reason)));
            }
        }
    }
    return run;
}

RigRun SmiQueryCsvImporter::fromReport(const NvidiaSmiReport& report)
{
    RigRun run;
    run.kind = RigKind::NvidiaSmi;
    run.format = QStringLiteral("nvidia-smi-") + report.format;
    run.facts.tool = QStringLiteral("nvidia-smi");
    run.facts.toolVersion = report.driverVersion;
    run.facts.started = true;
    run.facts.finished = true;
    for (qsizetype i = 0; i < report.gpus.size(); ++i) {
        const GpuReading& g = report.gpus.at(i);
        const int gpu = static_cast<int>(i);
        run.facts.gpus.append(RigGpu{gpu, g.productName, g.uuid, {}});
        const auto add = [&](const char* name, const auto& value, const char* unit) {
            if (value)
                run.add(QLatin1StringView(name), static_cast<double>(*value), QString::fromUtf8(unit), gpu);
        };
        add("temperature_c", g.temperatureC, "°C");
        add("power_w", g.powerDrawW, "W");
        add("pcie_gen_current", g.pcieGenCurrent, "");
        add("pcie_gen_max", g.pcieGenMax, "");
        add("pcie_width_current", g.linkWidthCurrent, "");
        add("pcie_width_max", g.linkWidthMax, "");
        add("mem_mib", g.memoryTotalMib, "MiB");
        add("util_gpu_pct", g.utilizationGpuPct, "%");
    }
    return run;
}

} // namespace rework
