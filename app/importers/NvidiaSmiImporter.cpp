#include "NvidiaSmiImporter.h"

#include "domain/SerialRules.h"
#include "workflow/StepSchema.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace rework {
namespace {

/// Raw values of one GPU keyed by their path below the GPU ("pci/pci_device_id", or for the
/// text format "PCI/Device Id"). Lookups match on the path's tail, which is what stays the same
/// across DTD versions where parents were renamed.
using RawGpu = QList<std::pair<QString, QString>>;

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
    if (!d)
        return std::nullopt;
    return static_cast<int>(*d);
}

GpuReading interpretXml(const QString& busId, const RawGpu& raw)
{
    GpuReading g;
    g.busId = busId;
    g.productName = text(raw, {"product_name"});
    g.uuid = text(raw, {"uuid"});
    g.boardSerial = text(raw, {"serial"});
    g.vbios = text(raw, {"vbios_version"});
    g.gpuPartNumber = text(raw, {"gpu_part_number"});
    const QString device = text(raw, {"pci/pci_device_id"});
    const QString subsystem = text(raw, {"pci/pci_sub_system_id"});
    g.pciDeviceId = device.left(4).toLower();
    g.pciSubsystemVendor = subsystem.size() == 8 ? subsystem.right(4).toLower() : QString();
    g.memoryTotalMib = integer(raw, {"fb_memory_usage/total"});
    g.pcieGenMax = integer(raw, {"pcie_gen/max_link_gen"});
    g.pcieGenCurrent = integer(raw, {"pcie_gen/current_link_gen"});
    g.linkWidthMax = integer(raw, {"link_widths/max_link_width"});
    g.linkWidthCurrent = integer(raw, {"link_widths/current_link_width"});
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
    g.uuid = text(raw, {"GPU UUID"});
    g.boardSerial = text(raw, {"Serial Number"});
    g.vbios = text(raw, {"VBIOS Version"});
    g.gpuPartNumber = text(raw, {"GPU Part Number"});
    const QString device = text(raw, {"PCI/Device Id"});
    const QString subsystem = text(raw, {"PCI/Sub System Id"});
    // "0x270410DE" in the text format
    const QString deviceHex =
        device.startsWith(QLatin1StringView("0x"), Qt::CaseInsensitive) ? device.mid(2) : device;
    const QString subHex =
        subsystem.startsWith(QLatin1StringView("0x"), Qt::CaseInsensitive) ? subsystem.mid(2) : subsystem;
    g.pciDeviceId = deviceHex.left(4).toLower();
    g.pciSubsystemVendor = subHex.size() == 8 ? subHex.right(4).toLower() : QString();
    g.memoryTotalMib = integer(raw, {"FB Memory Usage/Total"});
    g.pcieGenMax = integer(raw, {"PCIe Generation/Max"});
    g.pcieGenCurrent = integer(raw, {"PCIe Generation/Current"});
    g.linkWidthMax = integer(raw, {"Link Width/Max"});
    g.linkWidthCurrent = integer(raw, {"Link Width/Current"});
    g.temperatureC = number(raw, {"Temperature/GPU Current Temp"});
    g.powerDrawW = number(raw, {"GPU Power Readings/Power Draw",
                                "GPU Power Readings/Instantaneous Power Draw", "Power Readings/Power Draw"});
    return g;
}

Error refusedReport(const Message& why)
{
    return makeError(ErrorCode::InvalidValue, QStringLiteral("smi"), why);
}

/// Walks an `nvidia-smi -q -x` document element by element: the report's own fields at depth 2,
/// each <gpu> collected as path/value pairs and interpreted when it closes.
class XmlReportReader
{
public:
    explicit XmlReportReader(const QByteArray& data) : m_xml(data)
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
                onEnd();
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
        if (m_stack.size() > 64)
            return refusedReport(
                Message(&NvidiaSmiImporter::tr,
                        QT_TRANSLATE_NOOP("NvidiaSmiImporter", "the report is nested too deeply")));
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
            if (m_gpu.size() > 100000)
                return refusedReport(
                    Message(&NvidiaSmiImporter::tr,
                            QT_TRANSLATE_NOOP("NvidiaSmiImporter", "the report is too large")));
        } else if (m_stack.size() == 2) {
            const QString& key = m_stack.last();
            if (key == QLatin1StringView("driver_version"))
                m_report.driverVersion = m_xml.text().toString().trimmed();
            else if (key == QLatin1StringView("cuda_version"))
                m_report.cudaVersion = m_xml.text().toString().trimmed();
            else if (key == QLatin1StringView("timestamp"))
                m_report.timestamp = m_xml.text().toString().trimmed();
        }
        return {};
    }

    void onEnd()
    {
        if (m_gpuDepth > 0 && static_cast<int>(m_stack.size()) == m_gpuDepth) {
            m_report.gpus.append(interpretXml(m_busId, m_gpu));
            m_gpuDepth = -1;
        }
        if (!m_stack.isEmpty())
            m_stack.pop_back();
    }

    QXmlStreamReader m_xml;
    NvidiaSmiReport m_report;
    QStringList m_stack;
    RawGpu m_gpu;
    QString m_busId;
    int m_gpuDepth = -1;
    bool m_sawRoot = false;
};

Result<NvidiaSmiReport> parseXml(const QByteArray& data)
{
    return XmlReportReader(data).read();
}

Result<NvidiaSmiReport> parseText(const QByteArray& data)
{
    NvidiaSmiReport report;
    report.format = QStringLiteral("text");
    const QString all = QString::fromUtf8(data);
    const qsizetype start = all.indexOf(QLatin1StringView("==============NVSMI LOG=============="));
    if (start < 0) {
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("smi"),
            Message(&NvidiaSmiImporter::tr,
                    QT_TRANSLATE_NOOP("NvidiaSmiImporter",
                                      "this file is not an nvidia-smi report; save the output of "
                                      "nvidia-smi -q -x")));
    }
    // Only the first log: capture files may hold several (idle, under load).
    const QStringList lines = all.mid(start).split(QLatin1Char('\n'));
    static const QRegularExpression kv(QStringLiteral("^( *)([^:]+?)\\s*:\\s*(.*)$"));
    static const QRegularExpression section(QStringLiteral("^( *)(\\S.*?)\\s*$"));
    QList<std::pair<int, QString>> parents; // indentation, label
    RawGpu gpu;
    QString busId;
    bool inGpu = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString& line = lines.at(i);
        if (line.startsWith(QLatin1Char('#')) || line.contains(QLatin1StringView("NVSMI LOG")))
            break;
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(QLatin1StringView("GPU "))) {
            if (inGpu)
                report.gpus.append(interpretText(busId, gpu));
            inGpu = true;
            gpu.clear();
            parents.clear();
            busId = line.mid(4).trimmed();
            continue;
        }
        const auto m = kv.match(line);
        const auto s = section.match(line);
        const int indent = static_cast<int>((m.hasMatch() ? m.captured(1) : s.captured(1)).size());
        while (!parents.isEmpty() && parents.last().first >= indent)
            parents.removeLast();
        QStringList path;
        for (const auto& p : parents)
            path << p.second;
        if (m.hasMatch()) {
            path << m.captured(2).trimmed();
            const QString key = path.join(QLatin1Char('/'));
            if (!inGpu) {
                if (key == QLatin1StringView("Driver Version"))
                    report.driverVersion = m.captured(3).trimmed();
                else if (key == QLatin1StringView("CUDA Version"))
                    report.cudaVersion = m.captured(3).trimmed();
                else if (key == QLatin1StringView("Timestamp"))
                    report.timestamp = m.captured(3).trimmed();
            } else {
                gpu.append({key, m.captured(3)});
            }
        } else if (s.hasMatch()) {
            parents.append({indent, s.captured(2)});
        }
    }
    if (inGpu)
        report.gpus.append(interpretText(busId, gpu));
    return report;
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
    if (data.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidValue, QStringLiteral("smi"),
                         Message(tr, QT_TR_NOOP("the report is empty")));
    Result<NvidiaSmiReport> report = data.trimmed().startsWith('<') ? parseXml(data) : parseText(data);
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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::InvalidValue, QStringLiteral("smi"),
                         Message(tr, QT_TR_NOOP("cannot read %1: %2"), {path, file.errorString()}));
    }
    if (file.size() > kMaxReportBytes) {
        return makeError(ErrorCode::InvalidValue, QStringLiteral("smi"),
                         Message(tr, QT_TR_NOOP("the report is larger than %1 MiB; is it the right file?"),
                                 {kMaxReportBytes >> 20}));
    }
    return parse(file.readAll());
}

Result<QStringList> NvidiaSmiImporter::fieldsFor(const NvidiaSmiReport& report, int gpuIndex)
{
    if (gpuIndex < 0 && report.gpus.size() > 1) {
        return makeError(ErrorCode::InvalidValue, QStringLiteral("smi_gpu"),
                         Message(tr, QT_TR_NOOP("the report lists %1 GPUs; say which one with smi_gpu=0..%2"),
                                 {report.gpus.size(), report.gpus.size() - 1}));
    }
    const int index = gpuIndex < 0 ? 0 : gpuIndex;
    if (index >= report.gpus.size()) {
        return makeError(ErrorCode::OutOfRange, QStringLiteral("smi_gpu"),
                         Message(tr, QT_TR_NOOP("the report has no GPU number %1"), {index}));
    }
    const GpuReading& g = report.gpus.at(index);
    QStringList fields;
    if (!g.uuid.isEmpty())
        fields << QStringLiteral("gpu_uuid=") + g.uuid;
    if (!g.vbios.isEmpty())
        fields << QStringLiteral("vbios=") + g.vbios;
    if (g.memoryTotalMib)
        fields << QStringLiteral("mem_mib=%1").arg(*g.memoryTotalMib);
    // The link drops to Gen1 at idle to save power: its maximum is what the card negotiated.
    if (g.pcieGenMax)
        fields << QStringLiteral("pcie_gen=%1").arg(*g.pcieGenMax);
    if (g.linkWidthCurrent)
        fields << QStringLiteral("pcie_width=%1").arg(*g.linkWidthCurrent);
    if (g.temperatureC)
        fields << QStringLiteral("temp_max_c=%1").arg(*g.temperatureC);
    if (!report.driverVersion.isEmpty())
        fields << QStringLiteral("driver=") + report.driverVersion;
    if (!g.boardPartner.isEmpty())
        fields << QStringLiteral("partner=") + g.boardPartner;
    return fields;
}

Result<QStringList> NvidiaSmiImporter::expandReportArgument(Step step, const QStringList& keyValues)
{
    QString file;
    int gpu = -1;
    QStringList out;
    QStringList givenKeys;
    for (const QString& kv : keyValues) {
        const QString key = kv.section(QLatin1Char('='), 0, 0).trimmed().toLower();
        const QString value = kv.section(QLatin1Char('='), 1);
        if (key == QLatin1StringView("smi")) {
            file = value;
        } else if (key == QLatin1StringView("smi_gpu")) {
            bool ok = false;
            gpu = value.toInt(&ok);
            if (!ok || gpu < 0)
                return makeError(ErrorCode::InvalidValue, QStringLiteral("smi_gpu"),
                                 Message(tr, QT_TR_NOOP("give the GPU number, 0 or more")));
        } else {
            out << kv;
            givenKeys << key;
        }
    }
    if (file.isEmpty()) {
        if (gpu >= 0)
            return makeError(ErrorCode::MissingField, QStringLiteral("smi"),
                             Message(tr, QT_TR_NOOP("smi_gpu needs a report: smi=FILE")));
        return out;
    }
    Result<NvidiaSmiReport> report = parseFile(file);
    if (!report)
        return report.error();
    Result<QStringList> fields = fieldsFor(report.value(), gpu);
    if (!fields)
        return fields.error();
    for (const QString& f : fields.value()) {
        const QString key = f.section(QLatin1Char('='), 0, 0);
        if (!givenKeys.contains(key) && StepSchema::find(step, key))
            out << f;
    }
    return out;
}

Result<QList<std::pair<QString, QString>>> NvidiaSmiImporter::readingsFor(Step step, const QString& path,
                                                                          int gpuIndex)
{
    Result<NvidiaSmiReport> report = parseFile(path);
    if (!report)
        return report.error();
    Result<QStringList> fields = fieldsFor(report.value(), gpuIndex);
    if (!fields)
        return fields.error();
    QList<std::pair<QString, QString>> readings;
    for (const QString& f : fields.value()) {
        const QString key = f.section(QLatin1Char('='), 0, 0);
        if (StepSchema::find(step, key))
            readings.append({key, f.section(QLatin1Char('='), 1)});
    }
    return readings;
}

} // namespace rework
