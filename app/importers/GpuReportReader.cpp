#include "GpuReportReader.h"

#include "NvidiaSmiImporter.h"
#include "storage/EvidenceStore.h"

namespace rework {
namespace {

QString valueOf(const NvidiaSmiImporter::Readings& readings, QLatin1StringView key)
{
    for (const auto& [k, v] : readings) {
        if (k == key)
            return v;
    }
    return {};
}

std::optional<double> numberOf(const NvidiaSmiImporter::Readings& readings, QLatin1StringView key)
{
    bool ok = false;
    const double n = valueOf(readings, key).toDouble(&ok);
    return ok ? std::optional<double>(n) : std::nullopt;
}

} // namespace

Result<GpuReport> GpuReportReader::read(const NvidiaSmiReport& report, int gpuIndex)
{
    Result<NvidiaSmiImporter::Readings> readings = NvidiaSmiImporter::readings(report, gpuIndex);
    if (!readings)
        return readings.error();
    const NvidiaSmiImporter::Readings& r = readings.value();
    GpuReport g;
    g.productName = valueOf(r, QLatin1StringView("product"));
    g.boardSerial = valueOf(r, QLatin1StringView("board_serial"));
    // 0x268410DE: device 2684 of vendor 10DE; products name the device alone.
    QString pciId = valueOf(r, QLatin1StringView("pci_device_id")).toLower();
    if (pciId.startsWith(QLatin1StringView("0x")))
        pciId = pciId.mid(2);
    g.deviceId = pciId.left(4);
    g.gpuUuid = valueOf(r, QLatin1StringView("gpu_uuid"));
    g.vbios = valueOf(r, QLatin1StringView("vbios"));
    g.driver = valueOf(r, QLatin1StringView("driver"));
    g.partner = valueOf(r, QLatin1StringView("partner"));
    g.memMib = numberOf(r, QLatin1StringView("mem_mib"));
    g.tempC = numberOf(r, QLatin1StringView("temp_max_c"));
    g.pcie = PcieLinkFigures::fromReadings(r);
    return g;
}

Result<GpuReport> GpuReportReader::readFile(const QString& path, int gpuIndex, const QString& dataFolder)
{
    Result<NvidiaSmiReport> parsed = NvidiaSmiImporter::parseFile(path);
    if (!parsed)
        return parsed.error();
    Result<GpuReport> report = read(parsed.value(), gpuIndex);
    if (!report)
        return report.error();
    Result<QString> stored = EvidenceStore(dataFolder).store(path);
    if (!stored)
        return stored.error();
    report.value().evidence = stored.value();
    return report;
}

Result<GpuReportReader::Arguments> GpuReportReader::takeArguments(const QStringList& keyValues,
                                                                  const QString& dataFolder)
{
    Arguments a;
    QString file;
    int gpu = -1;
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
            a.rest << kv;
        }
    }
    if (file.isEmpty()) {
        if (gpu >= 0)
            return makeError(ErrorCode::MissingField, QStringLiteral("smi"),
                             Message(tr, QT_TR_NOOP("smi_gpu needs a report: smi=FILE")));
        return a;
    }
    Result<GpuReport> report = readFile(file, gpu, dataFolder);
    if (!report)
        return report.error();
    a.report = report.value();
    return a;
}

} // namespace rework
