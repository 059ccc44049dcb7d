#include "SmiFixtureReader.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStringEncoder>
#include <QXmlStreamReader>

namespace smitest {
namespace {

/// The test's own idea of "no value": what nvidia-smi prints for unknown or hidden fields.
bool absent(const QString& v)
{
    static const QRegularExpression zeros(QStringLiteral("^(GPU-)?[0\\-.]+$"));
    return v.isEmpty() || v == "N/A" || v == "REDACTED" || v.startsWith("[") || zeros.match(v).hasMatch();
}

bool realUuid(const QString& v)
{
    static const QRegularExpression uuid(
        QStringLiteral("^GPU-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return !absent(v) && uuid.match(v).hasMatch();
}

/// "24564 MiB" -> "24564", "16x" -> "16", "0 %" -> "0"; empty for N/A.
QString leadingNumber(const QString& v)
{
    static const QRegularExpression n(QStringLiteral("^([0-9]+(\\.[0-9]+)?)"));
    return n.match(v.trimmed()).captured(1);
}

void put(Readings& r, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        r.insert(key, value);
}

/// Readings from a GPU's values keyed by fixed paths below <gpu> (in the XML's own names).
Readings fromXmlGpu(const QMap<QString, QString>& v, const QString& busId, int index)
{
    const QString link = "pci/pci_gpu_link_info/";
    Readings r;
    put(r, "gpu_index", QString::number(index));
    put(r, "bus_id", busId);
    put(r, "product", v.value("product_name"));
    if (realUuid(v.value("uuid")))
        put(r, "gpu_uuid", v.value("uuid").toLower().replace("gpu-", "GPU-"));
    if (!absent(v.value("serial")))
        put(r, "board_serial", v.value("serial"));
    put(r, "vbios", v.value("vbios_version"));
    put(r, "pci_device_id", "0x" + v.value("pci/pci_device_id").toUpper());
    put(r, "mem_mib", leadingNumber(v.value("fb_memory_usage/total")));
    put(r, "pcie_gen", v.value(link + "pcie_gen/max_link_gen"));
    put(r, "pcie_gen_max", v.value(link + "pcie_gen/max_link_gen"));
    put(r, "pcie_gen_current", v.value(link + "pcie_gen/current_link_gen"));
    put(r, "pcie_gen_device_current", v.value(link + "pcie_gen/device_current_link_gen"));
    put(r, "pcie_gen_device_max", v.value(link + "pcie_gen/max_device_link_gen"));
    put(r, "pcie_gen_host_max", v.value(link + "pcie_gen/max_host_link_gen"));
    put(r, "pcie_width", leadingNumber(v.value(link + "link_widths/current_link_width")));
    put(r, "pcie_width_current", leadingNumber(v.value(link + "link_widths/current_link_width")));
    put(r, "pcie_width_max", leadingNumber(v.value(link + "link_widths/max_link_width")));
    put(r, "pstate", v.value("performance_state"));
    put(r, "util_gpu_pct", leadingNumber(v.value("utilization/gpu_util")));
    put(r, "temp_max_c", leadingNumber(v.value("temperature/gpu_temp")));
    return r;
}

Expected fromXml(const QByteArray& report)
{
    Expected e;
    QXmlStreamReader xml(report);
    QStringList path;
    QMap<QString, QString> gpu;
    QString busId;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            path << xml.name().toString();
            if (path.size() == 2 && path.last() == "gpu") {
                gpu.clear();
                busId = xml.attributes().value("id").toString();
            }
        } else if (xml.isCharacters() && !xml.isWhitespace()) {
            if (path.size() == 2 && path.last() == "driver_version")
                e.driver = xml.text().toString().trimmed();
            else if (path.size() > 2 && path.at(1) == "gpu")
                gpu.insert(path.mid(2).join('/'), xml.text().toString().trimmed());
        } else if (xml.isEndElement()) {
            if (path.size() == 2 && path.last() == "gpu")
                e.gpus << fromXmlGpu(gpu, busId, static_cast<int>(e.gpus.size()));
            path.removeLast();
        }
    }
    return e;
}

QString match(const QString& text, const char* pattern, int group = 1)
{
    const QRegularExpression re(QString::fromLatin1(pattern), QRegularExpression::MultilineOption);
    return re.match(text).captured(group).trimmed();
}

/// One GPU block of `nvidia-smi -q`, fields at their fixed indentation.
Readings fromTextGpu(const QString& block, int index)
{
    Readings r;
    put(r, "gpu_index", QString::number(index));
    put(r, "bus_id", match(block, "^GPU (\\S+)"));
    put(r, "product", match(block, "^    Product Name +: (.+)$"));
    const QString uuid = match(block, "^    GPU UUID +: (.*)$");
    if (realUuid(uuid))
        put(r, "gpu_uuid", uuid.toLower().replace("gpu-", "GPU-"));
    const QString serial = match(block, "^    Serial Number +: (.*)$");
    if (!absent(serial))
        put(r, "board_serial", serial);
    put(r, "vbios", match(block, "^    VBIOS Version +: (.+)$"));
    const QString device = match(block, "^        Device Id +: 0x([0-9A-Fa-f]{8})$");
    put(r, "pci_device_id", device.isEmpty() ? QString() : "0x" + device.toUpper());
    put(r, "mem_mib", match(block, "^    FB Memory Usage\\n +Total +: ([0-9]+) MiB"));
    const char* gen =
        "^ +PCIe Generation\\n +Max +: ([0-9]+)\\n +Current +: ([0-9]+)\\n"
        "(?: +Device Current +: ([0-9]+)\\n +Device Max +: ([0-9]+)\\n +Host Max +: ([0-9]+)\\n)?";
    put(r, "pcie_gen", match(block, gen, 1));
    put(r, "pcie_gen_max", match(block, gen, 1));
    put(r, "pcie_gen_current", match(block, gen, 2));
    put(r, "pcie_gen_device_current", match(block, gen, 3));
    put(r, "pcie_gen_device_max", match(block, gen, 4));
    put(r, "pcie_gen_host_max", match(block, gen, 5));
    const char* width = "^ +Link Width\\n +Max +: ([0-9]+)x\\n +Current +: ([0-9]+)x";
    put(r, "pcie_width", match(block, width, 2));
    put(r, "pcie_width_current", match(block, width, 2));
    put(r, "pcie_width_max", match(block, width, 1));
    put(r, "pstate", match(block, "^    Performance State +: (P[0-9]+)$"));
    put(r, "util_gpu_pct", match(block, "^    Utilization\\n +GPU +: ([0-9]+) %"));
    put(r, "temp_max_c", match(block, "^        GPU Current Temp +: ([0-9]+) C"));
    return r;
}

Expected fromText(const QByteArray& report)
{
    // Only the first log counts; a capture file's next section starts with '#'.
    QString text = QString::fromUtf8(report);
    text = text.mid(text.indexOf("==============NVSMI LOG=============="));
    const qsizetype end = text.indexOf(QRegularExpression(QStringLiteral("\\n#")));
    text = text.left(end < 0 ? text.size() : end + 1);
    Expected e;
    e.driver = match(text, "^Driver Version +: ([0-9.]+)");
    const QStringList blocks = text.split(QRegularExpression(QStringLiteral("\\n(?=GPU )")));
    for (qsizetype i = 1; i < blocks.size(); ++i)
        e.gpus << fromTextGpu(blocks.at(i), static_cast<int>(i - 1));
    return e;
}

} // namespace

QStringList fixtureFiles()
{
    const QDir dir(QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi"));
    QStringList files;
    for (const QString& f : dir.entryList({"*.xml", "*.txt"}, QDir::Files))
        files << dir.filePath(f);
    return files;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Expected expectedFrom(const QByteArray& report)
{
    return report.trimmed().startsWith('<') ? fromXml(report) : fromText(report);
}

QByteArray saved(const QByteArray& report, Saved how)
{
    QByteArray crlf = report;
    crlf.replace("\r\n", "\n").replace("\n", "\r\n");
    auto utf16 = [](const QByteArray& utf8, QStringConverter::Encoding e) {
        QStringEncoder encoder(e, QStringConverter::Flag::WriteBom);
        return QByteArray(encoder.encode(QString::fromUtf8(utf8)));
    };
    switch (how) {
    case Saved::Plain:
        return report;
    case Saved::Utf8Bom:
        return "\xEF\xBB\xBF" + report;
    case Saved::Utf16LeBom:
        return utf16(report, QStringConverter::Utf16LE);
    case Saved::Utf16BeBom:
        return utf16(report, QStringConverter::Utf16BE);
    case Saved::Crlf:
        return crlf;
    case Saved::Utf16LeCrlf:
        return utf16(crlf, QStringConverter::Utf16LE);
    }
    return report;
}

QString savedName(Saved how)
{
    switch (how) {
    case Saved::Plain:
        return "plain";
    case Saved::Utf8Bom:
        return "utf8-bom";
    case Saved::Utf16LeBom:
        return "utf16le";
    case Saved::Utf16BeBom:
        return "utf16be";
    case Saved::Crlf:
        return "crlf";
    case Saved::Utf16LeCrlf:
        return "utf16le-crlf";
    }
    return {};
}

} // namespace smitest
