#include "NvidiaSmiImporter.h"

#include "RigText.h"
#include "domain/SerialRules.h"
#include "storage/InputFile.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringTokenizer>
#include <QXmlStreamReader>

#include <limits>

namespace rework {
namespace {

/// Raw values of one GPU keyed by their path below the GPU ("pci/pci_device_id", or for the
/// text format "PCI/Device Id"). Lookups match on the path's tail, which is what stays the same
/// across DTD versions where parents were renamed.
using RawGpu = QList<std::pair<QString, QString>>;

/// More raw values than any real GPU has (about 400): the rest is padding or an attack.
constexpr qsizetype kMaxRawValues = 100000;
/// Real reports nest 5 levels deep; far deeper is an attack on the path strings.
constexpr qsizetype kMaxDepth = 64;

QString lookup(const RawGpu& raw, std::initializer_list<const char*> suffixes)
{
    // The GPU's own value first: MIG slices nest the same tags deeper ("mig_device/fb_memory_usage").
    for (const char* suffix : suffixes) {
        for (const auto& [path, value] : raw) {
            if (path == QLatin1StringView(suffix))
                return value;
        }
    }
    for (const char* suffix : suffixes) {
        const QString s = QString::fromLatin1(suffix);
        for (const auto& [path, value] : raw) {
            if (path == s || path.endsWith(QLatin1Char('/') + s))
                return value;
        }
    }
    return {};
}

QString text(const RawGpu& raw, std::initializer_list<const char*> suffixes)
{
    const QString v = lookup(raw, suffixes).trimmed();
    return SerialRules::isAbsentValue(v) ? QString() : v;
}

/// Leading number of "24564 MiB", "16x", "40 C", "25.93 W".
std::optional<double> number(const RawGpu& raw, std::initializer_list<const char*> suffixes)
{
    static const QRegularExpression leading(QStringLiteral("^\\s*([0-9]+(\\.[0-9]+)?)"));
    const QString v = lookup(raw, suffixes);
    if (v.trimmed().toUpper().startsWith(QLatin1StringView("N/A")))
        return std::nullopt;
    const auto m = leading.match(v);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toDouble();
}

std::optional<int> integer(const RawGpu& raw, std::initializer_list<const char*> suffixes)
{
    const auto d = number(raw, suffixes);
    // Out of int's range the cast would be undefined; no real figure is that large.
    if (!d || *d > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(*d);
}

/// A GPU UUID only when it is one: masked ("GPU-xxxxxxxx-…"), all-zero, N/A or cut-off values
/// are no identity, and a die-swap check must never compare them.
QString gpuUuid(const QString& value)
{
    static const QRegularExpression shape(SerialRules::defaultPattern(SerialKind::GpuUuid));
    if (SerialRules::isAbsentValue(value))
        return {};
    const QString uuid = SerialRules::normalise(SerialKind::GpuUuid, value);
    return shape.match(uuid).hasMatch() ? uuid : QString();
}

/// "0x268410DE" from "268410DE" (XML) or "0x270210DE" (text); empty unless 8 hex digits.
QString pciId(const QString& value)
{
    static const QRegularExpression hex(QStringLiteral("^(0[xX])?([0-9A-Fa-f]{8})$"));
    const auto m = hex.match(value.trimmed());
    return m.hasMatch() ? QStringLiteral("0x") + m.captured(2).toUpper() : QString();
}

QString performanceState(const QString& value)
{
    static const QRegularExpression pstate(QStringLiteral("^P([0-9]|1[0-5])$"));
    const QString p = value.trimmed().toUpper();
    return pstate.match(p).hasMatch() ? p : QString();
}

/// The device id and board partner, both read from PCI ids.
void setPciIds(GpuReading& g, const QString& device, const QString& subsystem)
{
    g.pciId = pciId(device);
    g.pciDeviceId = g.pciId.mid(2, 4).toLower();
    const QString sub = pciId(subsystem);
    g.pciSubsystemVendor = sub.isEmpty() ? QString() : sub.right(4).toLower();
}

GpuReading interpretXml(const QString& busId, const RawGpu& raw)
{
    GpuReading g;
    g.busId = busId;
    g.productName = text(raw, {"product_name"});
    g.uuid = gpuUuid(lookup(raw, {"uuid"}));
    g.boardSerial = text(raw, {"serial"});
    g.vbios = text(raw, {"vbios_version"});
    g.gpuPartNumber = text(raw, {"gpu_part_number"});
    setPciIds(g, text(raw, {"pci/pci_device_id"}), text(raw, {"pci/pci_sub_system_id"}));
    g.performanceState = performanceState(lookup(raw, {"performance_state"}));
    g.memoryTotalMib = integer(raw, {"fb_memory_usage/total"});
    g.pcieGenMax = integer(raw, {"pcie_gen/max_link_gen"});
    g.pcieGenCurrent = integer(raw, {"pcie_gen/current_link_gen"});
    g.pcieGenDeviceCurrent = integer(raw, {"pcie_gen/device_current_link_gen"});
    g.pcieGenDeviceMax = integer(raw, {"pcie_gen/max_device_link_gen"});
    g.pcieGenHostMax = integer(raw, {"pcie_gen/max_host_link_gen"});
    g.linkWidthMax = integer(raw, {"link_widths/max_link_width"});
    g.linkWidthCurrent = integer(raw, {"link_widths/current_link_width"});
    g.utilizationGpuPct = integer(raw, {"utilization/gpu_util"});
    g.temperatureC = number(raw, {"temperature/gpu_temp"});
    // v11/v12 "power_readings", v13 "gpu_power_readings" (with "instant_power_draw" on new drivers)
    g.powerDrawW = number(raw, {"gpu_power_readings/power_draw", "gpu_power_readings/instant_power_draw",
                                "power_readings/power_draw"});
    return g;
}

GpuReading interpretText(const QString& busId, const RawGpu& raw)
{
    GpuReading g;
    g.busId = busId;
    g.productName = text(raw, {"Product Name"});
    g.uuid = gpuUuid(lookup(raw, {"GPU UUID"}));
    g.boardSerial = text(raw, {"Serial Number"});
    g.vbios = text(raw, {"VBIOS Version"});
    g.gpuPartNumber = text(raw, {"GPU Part Number"});
    setPciIds(g, text(raw, {"PCI/Device Id"}), text(raw, {"PCI/Sub System Id"}));
    g.performanceState = performanceState(lookup(raw, {"Performance State"}));
    g.memoryTotalMib = integer(raw, {"FB Memory Usage/Total"});
    g.pcieGenMax = integer(raw, {"PCIe Generation/Max"});
    g.pcieGenCurrent = integer(raw, {"PCIe Generation/Current"});
    g.pcieGenDeviceCurrent = integer(raw, {"PCIe Generation/Device Current"});
    g.pcieGenDeviceMax = integer(raw, {"PCIe Generation/Device Max"});
    g.pcieGenHostMax = integer(raw, {"PCIe Generation/Host Max"});
    g.linkWidthMax = integer(raw, {"Link Width/Max"});
    g.linkWidthCurrent = integer(raw, {"Link Width/Current"});
    g.utilizationGpuPct = integer(raw, {"Utilization/GPU"});
    g.temperatureC = number(raw, {"Temperature/GPU Current Temp"});
    g.powerDrawW = number(raw, {"GPU Power Readings/Power Draw",
                                "GPU Power Readings/Instantaneous Power Draw", "Power Readings/Power Draw"});
    return g;
}

Error refusedReport(const Message& why)
{
    return makeError(ErrorCode::InvalidValue, QStringLiteral("smi"), why);
}

Error tooLarge()
{
    return refusedReport(
        Message(&NvidiaSmiImporter::tr, QT_TRANSLATE_NOOP("NvidiaSmiImporter", "the report is too large")));
}

Error tooDeep()
{
    return refusedReport(Message(&NvidiaSmiImporter::tr,
                                 QT_TRANSLATE_NOOP("NvidiaSmiImporter", "the report is nested too deeply")));
}

Error tooManyGpus()
{
    return refusedReport(Message(
        &NvidiaSmiImporter::tr,
        QT_TRANSLATE_NOOP("NvidiaSmiImporter", "the report lists more than %1 GPUs; it is not a real report"),
        {NvidiaSmiImporter::kMaxGpus}));
}

/// The leading version number: "610.47" of "610.47 [Deprecated; … Use KMD Version instead]";
/// nothing for "N/A" or a note without a number.
QString releaseVersion(const QString& value)
{
    static const QRegularExpression version(QStringLiteral("^\\s*([0-9]{1,6}(\\.[0-9]{1,6}){0,4})"));
    return version.match(value).captured(1);
}

/// The report's own lines above the GPUs, by their XML tag names (the text format's labels map to
/// them). Drivers 610+ print "Driver Version : 610.47 [Deprecated; …]" beside "KMD Version :
/// 610.47", and "CUDA UMD Version" beside "CUDA Version": the new lines win.
struct ReportHeader
{
    QString driver, kmd, cuda, cudaUmd, timestamp;

    void take(const QString& tag, const QString& value)
    {
        static const QHash<QString, QString ReportHeader::*> fields{
            {QStringLiteral("driver_version"), &ReportHeader::driver},
            {QStringLiteral("kmd_version"), &ReportHeader::kmd},
            {QStringLiteral("cuda_version"), &ReportHeader::cuda},
            {QStringLiteral("cuda_umd_version"), &ReportHeader::cudaUmd},
            {QStringLiteral("timestamp"), &ReportHeader::timestamp},
        };
        if (auto field = fields.value(tag))
            this->*field = value.trimmed();
    }

    void applyTo(NvidiaSmiReport& report) const
    {
        report.driverVersion = releaseVersion(kmd);
        if (report.driverVersion.isEmpty())
            report.driverVersion = releaseVersion(driver);
        report.cudaVersion = releaseVersion(cudaUmd);
        if (report.cudaVersion.isEmpty())
            report.cudaVersion = releaseVersion(cuda);
        report.timestamp = timestamp;
    }
};

/// Walks an `nvidia-smi -q -x` document element by element: the report's own fields at depth 2,
/// each <gpu> collected as path/value pairs and interpreted when it closes.
class XmlReportReader
{
public:
    // From a QString, the reader ignores the document's encoding declaration: the bytes were
    // already decoded, whatever the declaration says (PowerShell keeps "UTF-8" in UTF-16 files).
    explicit XmlReportReader(const QString& text) : m_xml(text)
    {
        // Entity bombs: cap what entity references may expand to (Qt's default is already small).
        m_xml.setEntityExpansionLimit(1024);
        m_report.format = QStringLiteral("xml");
    }

    Result<NvidiaSmiReport> read()
    {
        while (!m_xml.atEnd()) {
            m_xml.readNext();
            Status st;
            if (m_xml.isDTD())
                st = onDtd();
            else if (m_xml.isEntityReference())
                st = refusedReport(
                    Message(&NvidiaSmiImporter::tr,
                            QT_TRANSLATE_NOOP("NvidiaSmiImporter",
                                              "the report uses an unknown XML entity; it was refused")));
            else if (m_xml.isStartElement())
                st = onStart();
            else if (m_xml.isCharacters() && !m_xml.isWhitespace() && !m_stack.isEmpty())
                st = onText();
            else if (m_xml.isEndElement())
                st = onEnd();
            if (!st)
                return st.error();
        }
        if (m_xml.hasError()) {
            return refusedReport(
                Message(&NvidiaSmiImporter::tr,
                        QT_TRANSLATE_NOOP("NvidiaSmiImporter",
                                          "the report is not valid XML (line %1: %2); save it again"),
                        {m_xml.lineNumber(), m_xml.errorString()}));
        }
        if (!m_sawRoot)
            return refusedReport(Message(&NvidiaSmiImporter::tr,
                                         QT_TRANSLATE_NOOP("NvidiaSmiImporter", "the report is empty")));
        m_header.applyTo(m_report);
        return m_report;
    }

private:
    Status onDtd()
    {
        // nvidia-smi names its DTD and declares nothing; declared entities only serve attacks.
        if (!m_xml.entityDeclarations().isEmpty() || m_xml.text().contains(QLatin1StringView("<!ENTITY"))) {
            return refusedReport(
                Message(&NvidiaSmiImporter::tr,
                        QT_TRANSLATE_NOOP("NvidiaSmiImporter",
                                          "the report declares XML entities, which nvidia-smi never "
                                          "does; it was refused")));
        }
        static const QRegularExpression dtdName(QStringLiteral("SYSTEM\\s+\"([^\"]+)\""));
        m_report.dtd = dtdName.match(m_xml.text().toString()).captured(1);
        return {};
    }

    Status onStart()
    {
        const QString name = m_xml.name().toString();
        if (m_stack.isEmpty()) {
            if (name != QLatin1StringView("nvidia_smi_log")) {
                return refusedReport(
                    Message(&NvidiaSmiImporter::tr,
                            QT_TRANSLATE_NOOP("NvidiaSmiImporter",
                                              "this XML is not an nvidia-smi report (root <%1>); "
                                              "save the output of nvidia-smi -q -x"),
                            {name.left(40)}));
            }
            m_sawRoot = true;
        }
        m_stack.push_back(name);
        if (m_stack.size() > kMaxDepth)
            return tooDeep();
        if (name == QLatin1StringView("gpu") && m_stack.size() == 2) {
            m_gpuDepth = static_cast<int>(m_stack.size());
            m_gpu.clear();
            m_busId = m_xml.attributes().value(QLatin1StringView("id")).toString();
        }
        return {};
    }

    Status onText()
    {
        if (m_gpuDepth > 0 && m_stack.size() > m_gpuDepth) {
            m_gpu.append({m_stack.mid(m_gpuDepth).join(QLatin1Char('/')), m_xml.text().toString()});
            if (m_gpu.size() > kMaxRawValues)
                return tooLarge();
        } else if (m_stack.size() == 2) {
            m_header.take(m_stack.last(), m_xml.text().toString());
        }
        return {};
    }

    Status onEnd()
    {
        if (m_gpuDepth > 0 && static_cast<int>(m_stack.size()) == m_gpuDepth) {
            if (m_report.gpus.size() >= NvidiaSmiImporter::kMaxGpus)
                return tooManyGpus();
            m_report.gpus.append(interpretXml(m_busId, m_gpu));
            m_gpuDepth = -1;
        }
        if (!m_stack.isEmpty())
            m_stack.pop_back();
        return {};
    }

    QXmlStreamReader m_xml;
    NvidiaSmiReport m_report;
    ReportHeader m_header;
    QStringList m_stack;
    RawGpu m_gpu;
    QString m_busId;
    int m_gpuDepth = -1;
    bool m_sawRoot = false;
};

/// Reads the first log of `nvidia-smi -q` text line by line: capture files may hold several
/// (idle, under load) and only the first counts. Each "key : value" line is filed under the
/// section titles above it ("PCI/GPU Link Info/PCIe Generation/Max"), found by indentation.
class TextReportReader
{
public:
    static constexpr QLatin1StringView kLogTitle{"==============NVSMI LOG=============="};

    Result<NvidiaSmiReport> read(QStringView all)
    {
        m_report.format = QStringLiteral("text");
        bool first = true;
        for (QStringView line : qTokenize(all.mid(all.indexOf(kLogTitle)), u'\n')) {
            if (first) { // the title itself
                first = false;
                continue;
            }
            if (line.startsWith(u'#') || line.contains(QLatin1StringView("NVSMI LOG")))
                break; // the next log or the capture tool's own lines
            if (Status st = onLine(line); !st)
                return st.error();
        }
        if (Status st = closeGpu(); !st)
            return st.error();
        m_header.applyTo(m_report);
        return m_report;
    }

private:
    Status onLine(QStringView line)
    {
        if (line.trimmed().isEmpty())
            return {};
        if (line.startsWith(QLatin1StringView("GPU "))) {
            if (Status st = closeGpu(); !st)
                return st;
            m_parents.clear(); // sections above the first GPU are not its own
            m_inGpu = true;
            m_busId = line.mid(4).trimmed().toString();
            return {};
        }
        qsizetype indent = 0;
        while (indent < line.size() && line.at(indent) == u' ')
            ++indent;
        while (!m_parents.isEmpty() && m_parents.last().first >= indent)
            m_parents.removeLast();
        // Split at the first colon by hand: values hold colons too (bus ids, times), and a regular
        // expression over a hostile megabyte-long line could backtrack for minutes.
        const qsizetype colon = line.indexOf(u':', indent);
        const QString label = line.mid(indent, colon < 0 ? -1 : colon - indent).trimmed().toString();
        if (colon < 0) {
            m_parents.append({indent, label});
            return m_parents.size() > kMaxDepth ? Status(tooDeep()) : Status();
        }
        const QString value = line.mid(colon + 1).trimmed().toString();
        if (!m_inGpu) {
            m_header.take(label.toLower().replace(QLatin1Char(' '), QLatin1Char('_')), value);
            return {};
        }
        QStringList path;
        for (const auto& p : std::as_const(m_parents))
            path << p.second;
        path << label;
        m_gpu.append({path.join(QLatin1Char('/')), value});
        return m_gpu.size() > kMaxRawValues ? Status(tooLarge()) : Status();
    }

    Status closeGpu()
    {
        if (!m_inGpu)
            return {};
        if (m_report.gpus.size() >= NvidiaSmiImporter::kMaxGpus)
            return tooManyGpus();
        m_report.gpus.append(interpretText(m_busId, m_gpu));
        m_gpu.clear();
        m_parents.clear();
        m_inGpu = false;
        return {};
    }

    NvidiaSmiReport m_report;
    ReportHeader m_header;
    QList<std::pair<qsizetype, QString>> m_parents; // indentation, section title
    RawGpu m_gpu;
    QString m_busId;
    bool m_inGpu = false;
};

/// Reports saved on Windows come as UTF-16 (PowerShell's `>`, Notepad) or as UTF-8 with a BOM, with
/// CRLF line ends. Everything becomes one string with '\n' line ends before either reader sees it.
QString decodeReport(const QByteArray& data)
{
    QString text = RigText::decodeSaved(data);
    text.replace(QLatin1StringView("\r\n"), QLatin1StringView("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

Result<NvidiaSmiReport> parseText(const QString& all)
{
    if (!all.contains(TextReportReader::kLogTitle)) {
        return refusedReport(
            Message(&NvidiaSmiImporter::tr,
                    QT_TRANSLATE_NOOP("NvidiaSmiImporter",
                                      "this file is not an nvidia-smi report; save the output of "
                                      "nvidia-smi -q -x")));
    }
    return TextReportReader().read(all);
}

/// The GPU `gpuIndex` names, or the error that says which to name.
Result<const GpuReading*> pickGpu(const NvidiaSmiReport& report, int gpuIndex)
{
    if (gpuIndex < 0 && report.gpus.size() > 1) {
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("smi_gpu"),
            Message(&NvidiaSmiImporter::tr,
                    QT_TRANSLATE_NOOP("NvidiaSmiImporter",
                                      "the report lists %1 GPUs; say which one with smi_gpu=0..%2"),
                    {report.gpus.size(), report.gpus.size() - 1}));
    }
    const int index = gpuIndex < 0 ? 0 : gpuIndex;
    if (index >= report.gpus.size()) {
        return makeError(ErrorCode::OutOfRange, QStringLiteral("smi_gpu"),
                         Message(&NvidiaSmiImporter::tr,
                                 QT_TRANSLATE_NOOP("NvidiaSmiImporter", "the report has no GPU number %1"),
                                 {index}));
    }
    return &report.gpus.at(index);
}

} // namespace

QString NvidiaSmiImporter::partnerForVendor(const QString& vendorHex)
{
    static const QHash<QString, QString> partners{
        {QStringLiteral("1458"), QStringLiteral("gigabyte")},
        {QStringLiteral("1043"), QStringLiteral("asus")},
        {QStringLiteral("1462"), QStringLiteral("msi")},
        {QStringLiteral("19da"), QStringLiteral("zotac")},
        {QStringLiteral("3842"), QStringLiteral("evga")},
        {QStringLiteral("1569"), QStringLiteral("palit")},
        {QStringLiteral("196e"), QStringLiteral("pny")},
        {QStringLiteral("1b4c"), QStringLiteral("galax")},
        {QStringLiteral("7377"), QStringLiteral("colorful")},
        {QStringLiteral("10de"), QStringLiteral("nvidia")},
    };
    return partners.value(vendorHex.toLower());
}

Result<NvidiaSmiReport> NvidiaSmiImporter::parse(const QByteArray& data)
{
    if (data.size() > kMaxReportBytes) {
        return makeError(ErrorCode::InvalidValue, QStringLiteral("smi"),
                         Message(tr, QT_TR_NOOP("the report is larger than %1 MiB; is it the right file?"),
                                 {kMaxReportBytes >> 20}));
    }
    const QString decoded = decodeReport(data);
    const QString trimmed = decoded.trimmed();
    if (trimmed.isEmpty())
        return makeError(ErrorCode::InvalidValue, QStringLiteral("smi"),
                         Message(tr, QT_TR_NOOP("the report is empty")));
    Result<NvidiaSmiReport> report =
        trimmed.startsWith(QLatin1Char('<')) ? XmlReportReader(decoded).read() : parseText(decoded);
    if (!report)
        return report;
    for (GpuReading& g : report.value().gpus)
        g.boardPartner = partnerForVendor(g.pciSubsystemVendor);
    if (report->gpus.isEmpty()) {
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("smi"),
            Message(tr, QT_TR_NOOP("the report lists no GPU; is the card detected (nvidia-smi -L)?")));
    }
    return report;
}

Result<NvidiaSmiReport> NvidiaSmiImporter::parseFile(const QString& path)
{
    Result<QByteArray> data = InputFile::read(path, kMaxReportBytes, QStringLiteral("smi"));
    if (!data)
        return data.error();
    return parse(data.value());
}

QList<GpuListEntry> NvidiaSmiImporter::gpuList(const NvidiaSmiReport& report)
{
    QList<GpuListEntry> list;
    for (qsizetype i = 0; i < report.gpus.size(); ++i) {
        const GpuReading& g = report.gpus.at(i);
        list.append({static_cast<int>(i), g.busId, g.uuid, g.productName});
    }
    return list;
}

Result<NvidiaSmiImporter::Readings> NvidiaSmiImporter::readings(const NvidiaSmiReport& report, int gpuIndex)
{
    Result<const GpuReading*> picked = pickGpu(report, gpuIndex);
    if (!picked)
        return picked.error();
    const GpuReading& g = *picked.value();
    Readings r;
    auto add = [&r](const char* key, const QString& value) {
        if (!value.isEmpty())
            r.append({QString::fromLatin1(key), value});
    };
    auto addNumber = [&add](const char* key, const auto& value) {
        if (value)
            add(key, QStringLiteral("%1").arg(*value));
    };
    // The keys steps take, in the order they always had.
    add("gpu_uuid", g.uuid);
    add("vbios", g.vbios);
    addNumber("mem_mib", g.memoryTotalMib);
    // The link drops to Gen1 at idle to save power: its maximum is what the card negotiated.
    addNumber("pcie_gen", g.pcieGenMax);
    addNumber("pcie_width", g.linkWidthCurrent);
    addNumber("temp_max_c", g.temperatureC);
    add("driver", report.driverVersion);
    add("partner", g.boardPartner);
    // Everything else the report says about this GPU, named for what it is.
    add("gpu_index", QString::number(picked.value() - report.gpus.constData()));
    add("bus_id", g.busId);
    add("product", g.productName);
    add("board_serial", g.boardSerial);
    add("pci_device_id", g.pciId);
    addNumber("pcie_gen_current", g.pcieGenCurrent);
    addNumber("pcie_gen_max", g.pcieGenMax);
    addNumber("pcie_gen_device_current", g.pcieGenDeviceCurrent);
    addNumber("pcie_gen_device_max", g.pcieGenDeviceMax);
    addNumber("pcie_gen_host_max", g.pcieGenHostMax);
    addNumber("pcie_width_current", g.linkWidthCurrent);
    addNumber("pcie_width_max", g.linkWidthMax);
    add("pstate", g.performanceState);
    addNumber("util_gpu_pct", g.utilizationGpuPct);
    return r;
}

Result<QStringList> NvidiaSmiImporter::fieldsFor(const NvidiaSmiReport& report, int gpuIndex)
{
    Result<Readings> r = readings(report, gpuIndex);
    if (!r)
        return r.error();
    QStringList fields;
    for (const auto& [key, value] : r.value())
        fields << key + QLatin1Char('=') + value;
    return fields;
}

} // namespace rework
