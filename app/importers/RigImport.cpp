#include "RigImport.h"

#include "CudaMemtestImporter.h"
#include "DcgmDiagImporter.h"
#include "GpuBurnImporter.h"
#include "MemtestVulkanImporter.h"
#include "NvidiaSmiImporter.h"
#include "ReflowProfileImporter.h"
#include "RigText.h"
#include "SmiQueryCsvImporter.h"

namespace rework {
namespace {

/// An nvidia-smi -q or -q -x report, which NvidiaSmiImporter reads.
bool isSmiReport(QStringView text)
{
    const QStringView head = text.first(std::min<qsizetype>(text.size(), 4096));
    // A capture file may hold other sections before the -q log: its title anywhere says it.
    return head.contains(QLatin1StringView("<nvidia_smi_log")) ||
           text.contains(QLatin1StringView("==============NVSMI LOG==============")) ||
           (head.trimmed().startsWith(u'<') && text.contains(QLatin1StringView("<nvidia_smi_log")));
}

Result<RigRun> parseSmi(const QByteArray& data, QStringView text)
{
    if (!isSmiReport(text))
        return SmiQueryCsvImporter::parse(data);
    Result<NvidiaSmiReport> report = NvidiaSmiImporter::parse(data);
    if (!report)
        return report.error();
    return SmiQueryCsvImporter::fromReport(report.value());
}

Result<RigRun> parseMemtest(const QByteArray& data, QStringView text)
{
    if (CudaMemtestImporter::likeness(text) > MemtestVulkanImporter::likeness(text))
        return CudaMemtestImporter::parse(data);
    return MemtestVulkanImporter::parse(data);
}

} // namespace

std::optional<RigKind> RigImport::detect(const QByteArray& data)
{
    Result<QString> decoded = RigText::decode(data, QStringLiteral("file"));
    if (!decoded)
        return std::nullopt;
    const QString& text = decoded.value();
    if (isSmiReport(text))
        return RigKind::NvidiaSmi;
    // Each importer says how much of its tool it sees; the most wins, in this order on a tie.
    const std::pair<RigKind, int> scores[] = {
        {RigKind::Dcgm, DcgmDiagImporter::likeness(text)},
        {RigKind::GpuBurn, GpuBurnImporter::likeness(text)},
        {RigKind::Memtest,
         std::max(MemtestVulkanImporter::likeness(text), CudaMemtestImporter::likeness(text))},
        {RigKind::NvidiaSmi, SmiQueryCsvImporter::likeness(text)},
        {RigKind::Profile, ReflowProfileImporter::likeness(text)},
    };
    std::optional<RigKind> best;
    int bestScore = 0;
    for (const auto& [kind, score] : scores) {
        if (score > bestScore) {
            best = kind;
            bestScore = score;
        }
    }
    return best;
}

Result<RigRun> RigImport::parse(const QByteArray& data, const RigImportOptions& options)
{
    std::optional<RigKind> kind = options.kind;
    if (!kind) {
        Result<QString> decoded = RigText::decode(data, QStringLiteral("file"));
        if (!decoded)
            return decoded.error();
        kind = detect(data);
        if (!kind) {
            return makeError(ErrorCode::InvalidValue, QStringLiteral("file"),
                             Message(tr,
                                     QT_TR_NOOP("cannot tell which tool wrote this file; give its kind (%1)"),
                                     {rigKindNames().join(QStringLiteral(", "))}));
        }
    }
    switch (*kind) {
    case RigKind::GpuBurn:
        return GpuBurnImporter::parse(data);
    case RigKind::Dcgm:
        return DcgmDiagImporter::parse(data);
    case RigKind::Profile:
        return ReflowProfileImporter::parse(data, options.profile, options.liquidusC, options.alloy);
    case RigKind::Memtest:
    case RigKind::NvidiaSmi: {
        Result<QString> decoded = RigText::decode(data, fieldOf(*kind));
        if (!decoded)
            return decoded.error();
        return *kind == RigKind::Memtest ? parseMemtest(data, decoded.value())
                                         : parseSmi(data, decoded.value());
    }
    }
    return makeError(ErrorCode::InvalidValue, QStringLiteral("file"), QStringLiteral("unknown kind"));
}

Result<RigRun> RigImport::parseFile(const QString& path, const RigImportOptions& options)
{
    Result<QByteArray> data =
        RigText::readFile(path, options.kind ? fieldOf(*options.kind) : QStringLiteral("file"));
    if (!data)
        return data.error();
    return parse(data.value(), options);
}

QString RigImport::fieldOf(RigKind kind)
{
    switch (kind) {
    case RigKind::GpuBurn:
        return QStringLiteral("burnin");
    case RigKind::Dcgm:
        return QStringLiteral("dcgm");
    case RigKind::Memtest:
        return QStringLiteral("vram");
    case RigKind::Profile:
        return QStringLiteral("profile_log");
    case RigKind::NvidiaSmi:
        return QStringLiteral("smi");
    }
    return QStringLiteral("file");
}

} // namespace rework
