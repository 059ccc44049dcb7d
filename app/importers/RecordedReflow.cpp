#include "RecordedReflow.h"

#include "RigText.h"
#include "domain/ContentHash.h"
#include "domain/EventPayload.h"
#include "storage/EvidenceStore.h"

#include <QFileInfo>
#include <QJsonArray>

namespace rework {
namespace {

Error unreadable(const QString& file, const Message& why)
{
    return makeError(
        ErrorCode::InvalidValue, QStringLiteral("profile_log"),
        Message(&RecordedReflow::tr, QT_TRANSLATE_NOOP("RecordedReflow", "reflow log %1: %2"), {file, why}));
}

std::optional<double> bound(const QJsonValue& v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}

/// The curve of `run` (a profile_log run's detail, as rig_runs keeps it) from the evidence copy
/// at `path`: the figures and window the run gives, the curve only if its hash is the run's.
Result<std::optional<RecordedReflow>> readRun(const QJsonObject& run, const QString& path)
{
    const QString reference = run.value(QStringLiteral("evidence")).toString();
    const QString name = reference.section(QLatin1Char(':'), 2);
    if (!QFileInfo::exists(path))
        return unreadable(name,
                          Message(&RecordedReflow::tr,
                                  QT_TRANSLATE_NOOP("RecordedReflow", "missing from the evidence store")));
    // As every rig log is read: a regular file of bounded size, nothing else.
    Result<QByteArray> read = RigText::readFile(path, QStringLiteral("profile_log"));
    if (!read)
        return read.error();
    const QByteArray& data = read.value();
    // The curve drawn is the one the run was read from, or none: a file changed since is not
    // shown as it.
    const QString hash = QString::fromLatin1(sha256Hex(data));
    if (hash != reference.section(QLatin1Char(':'), 1, 1))
        return unreadable(
            name,
            Message(&RecordedReflow::tr,
                    QT_TRANSLATE_NOOP("RecordedReflow", "its content no longer matches the recorded hash")));
    // Read as the run was: with the oven's import profile where the station had one.
    ProfileImportSettings settings;
    if (const QJsonValue profile = run.value(QStringLiteral("import_profile")); profile.isObject()) {
        Result<ProfileImportSettings> stored = ProfileImportSettings::fromJson(profile.toObject());
        if (!stored)
            return stored.error();
        settings = stored.value();
    }
    Result<ReflowLog> log = ReflowProfileImporter::read(data, settings);
    if (!log)
        return log.error();
    RecordedReflow r;
    r.log = log.value();
    r.channel = run.value(QStringLiteral("channel")).toString();
    r.alloy = run.value(QStringLiteral("alloy")).toString();
    r.liquidusC = run.value(QStringLiteral("liquidus_c")).toDouble(217);
    r.peakC = run.value(QStringLiteral("peak_c")).toDouble();
    r.timeAboveLiquidusS = run.value(QStringLiteral("time_above_liquidus_s")).toDouble();
    r.pass = run.value(QStringLiteral("verdict")).toString() != QLatin1StringView("fail");
    for (const auto& m : run.value(QStringLiteral("measurements")).toArray()) {
        const QJsonObject o = m.toObject();
        const QString measured = o.value(QStringLiteral("name")).toString();
        if (measured == QLatin1StringView("peak_c")) {
            r.peakLowC = bound(o.value(QStringLiteral("low")));
            r.peakHighC = bound(o.value(QStringLiteral("high")));
        } else if (measured == QLatin1StringView("time_above_liquidus_s")) {
            r.talLowS = bound(o.value(QStringLiteral("low")));
            r.talHighS = bound(o.value(QStringLiteral("high")));
        }
    }
    return std::optional<RecordedReflow>(r);
}

} // namespace

Result<std::optional<RecordedReflow>> RecordedReflow::of(const EventRecord& e, const QString& dataFolder)
{
    const QJsonObject run =
        e.payload.value(payload::RigRuns).toObject().value(payload::ProfileLog).toObject();
    const QString reference = run.value(QStringLiteral("evidence")).toString();
    if (reference.isEmpty())
        return std::optional<RecordedReflow>();
    return readRun(run, EvidenceStore(dataFolder).storedPathFor(reference));
}

Result<std::optional<RecordedReflow>> RecordedReflow::ofImported(const ImportedRun& run,
                                                                 const QString& dataFolder)
{
    if (run.field != payload::ProfileLog || run.evidence.isEmpty())
        return std::optional<RecordedReflow>();
    // Staged until the record commits; pathFor finds the copy wherever it is now.
    return readRun(run.detail, EvidenceStore(dataFolder).pathFor(run.evidence));
}

} // namespace rework
