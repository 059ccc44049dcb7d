#include "RigCommands.h"

#include "storage/InputFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>
#include <cmath>

namespace rework {
namespace {

constexpr qint64 kMaxFileBytes = 64LL * 1024;
constexpr QLatin1StringView kImportProfile{"rig.import-profile"};

/// The kinds a station runs: every kind but the reflow profile, which comes from the oven.
bool runsAtStation(RigKind kind)
{
    return kind != RigKind::Profile;
}

QString defaultCommand(RigKind kind)
{
    switch (kind) {
    case RigKind::NvidiaSmi:
        return QStringLiteral("nvidia-smi -q -x");
    case RigKind::GpuBurn:
        return QStringLiteral("gpu_burn {seconds}");
    case RigKind::Dcgm:
        return QStringLiteral("dcgmi diag -r {level}");
    case RigKind::Memtest:
        return QStringLiteral("memtest_vulkan");
    case RigKind::Profile:
        break;
    }
    return {};
}

Error badSetting(const QString& key, const Message::Arg& why)
{
    return makeError(ErrorCode::InvalidValue, key,
                     Message(&RigCommands::tr, QT_TRANSLATE_NOOP("RigCommands", "%1, %2: %3"),
                             {QString(RigCommands::kFileName), key, why}));
}

} // namespace

QString RigCommands::commandKey(RigKind kind)
{
    return QStringLiteral("rig.command.") + rigKindName(kind);
}

Result<RigCommands> RigCommands::load(const QString& dataFolder)
{
    const QString path = QDir(dataFolder).filePath(kFileName);
    if (!QFileInfo::exists(path))
        return RigCommands{};
    Result<QByteArray> text = InputFile::read(path, kMaxFileBytes, QString(kFileName));
    if (!text)
        return text.error();
    return fromText(text.value());
}

Result<RigCommands> RigCommands::fromText(const QByteArray& text)
{
    QStringList known;
    for (const QString& kind : rigKindNames()) {
        if (runsAtStation(*rigKindFromName(kind)))
            known << QStringLiteral("rig.command.") + kind << QStringLiteral("rig.timeout.") + kind
                  << QStringLiteral("rig.stop-after.") + kind;
    }
    known << QStringLiteral("rig.report-after") << QStringLiteral("rig.plan") << QString(kImportProfile);
    RigCommands c;
    for (const QString& raw : QString::fromUtf8(text).split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const QString key = line.left(eq).trimmed().toLower();
        // A misspelt key would quietly leave a default in place: refused, as in a test plan.
        if (eq < 0 || !known.contains(key))
            return badSetting(key.left(60), Message(tr, QT_TR_NOOP("not a setting; use %1"),
                                                    {known.join(QStringLiteral(", "))}));
        const QString value = line.mid(eq + 1).trimmed();
        if (!key.startsWith(QLatin1StringView("rig.command.")) && key != QLatin1StringView("rig.plan") &&
            key != kImportProfile) {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds < 0 || seconds > 7 * 24 * 3600)
                return badSetting(key, Message(tr, QT_TR_NOOP("must be a number of seconds")));
        }
        c.m_values.insert(key, value);
    }
    return c;
}

QList<RigKind> RigCommands::runsOf(const TestPlan& plan)
{
    QList<RigKind> runs;
    for (RigKind kind : plan.required) {
        if (runsAtStation(kind) && kind != RigKind::NvidiaSmi && !runs.contains(kind))
            runs << kind;
    }
    const qsizetype burn = runs.indexOf(RigKind::GpuBurn);
    runs.insert(burn < 0 ? 0 : burn + 1, RigKind::NvidiaSmi);
    return runs;
}

int RigCommands::reportAfterS() const
{
    constexpr int kDefaultS = 60; // gpu_burn has loaded every GPU by then
    return m_values.contains(QStringLiteral("rig.report-after"))
               ? m_values.value(QStringLiteral("rig.report-after")).toInt()
               : kDefaultS;
}

QString RigCommands::planName() const
{
    const QString plan = m_values.value(QStringLiteral("rig.plan")).trimmed();
    return plan.isEmpty() ? QStringLiteral("strict") : plan;
}

Result<ProfileImportSettings> RigCommands::importProfile(const QString& dataFolder) const
{
    const QString file = m_values.value(kImportProfile).trimmed();
    if (file.isEmpty())
        return ProfileImportSettings{};
    Result<QByteArray> json = InputFile::read(QDir(dataFolder).filePath(file), kMaxFileBytes, kImportProfile);
    if (!json)
        return badSetting(kImportProfile, json.error().asArg());
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.value(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return badSetting(kImportProfile, Message(tr,
                                                  QT_TR_NOOP("%1 is not a JSON object (an oven's import "
                                                             "profile: time_column, temp_columns, "
                                                             "time_unit, temp_unit)"),
                                                  {file.left(200)}));
    Result<ProfileImportSettings> profile = ProfileImportSettings::fromJson(doc.object());
    if (!profile)
        return badSetting(kImportProfile, profile.error().asArg());
    return profile;
}

Result<RigCommand> RigCommands::commandFor(RigKind kind, const TestPlan& plan) const
{
    const QString name = rigKindName(kind);
    RigCommand c;
    c.kind = kind;
    c.key = commandKey(kind);
    const int burnS =
        plan.burnIn.minMinutes > 0 ? static_cast<int>(std::ceil(plan.burnIn.minMinutes * 60)) : 300;
    const int vramMin = std::max(5, static_cast<int>(std::ceil(plan.vram.minMinutes)));
    const int level = std::max(1, plan.dcgm.minLevel);
    switch (kind) {
    case RigKind::NvidiaSmi:
        c.expectedS = 5;
        c.timeoutS = 120;
        break;
    case RigKind::GpuBurn:
        c.expectedS = burnS + 10;
        c.timeoutS = burnS + std::max(300, burnS / 10);
        break;
    case RigKind::Dcgm: {
        // What dcgmi diag takes per level on one GPU, rounded up.
        constexpr int kLevelS[] = {120, 120, 600, 2700, 10800};
        c.expectedS = kLevelS[std::min(level, 4)];
        c.timeoutS = 2 * c.expectedS + 300;
        break;
    }
    case RigKind::Memtest:
        // memtest_vulkan tests until it is stopped with Ctrl-C, then prints its verdict.
        c.expectedS = vramMin * 60 + 30;
        c.stopAfterS = c.expectedS;
        c.timeoutS = c.expectedS + 300;
        break;
    case RigKind::Profile:
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("plan"),
            Message(tr, QT_TR_NOOP("a reflow profile comes from the oven, not from a test run")));
    }
    const auto seconds = [&](const QString& key, int fallback) {
        return m_values.contains(key) ? m_values.value(key).toInt() : fallback;
    };
    c.timeoutS = seconds(QStringLiteral("rig.timeout.") + name, c.timeoutS);
    c.stopAfterS = seconds(QStringLiteral("rig.stop-after.") + name, c.stopAfterS);
    if (c.stopAfterS > 0)
        c.expectedS = std::min(c.expectedS, c.stopAfterS);
    c.expectedS = std::max(1, std::min(c.expectedS, c.timeoutS));
    QStringList words = QProcess::splitCommand(m_values.value(c.key, defaultCommand(kind)));
    if (words.isEmpty())
        return makeError(ErrorCode::InvalidValue, c.key,
                         Message(tr,
                                 QT_TR_NOOP("%1 is empty; give the command line of %2 or leave the key out"),
                                 {c.key, name}));
    for (QString& w : words) {
        w.replace(QLatin1StringView("{seconds}"), QString::number(burnS));
        w.replace(QLatin1StringView("{minutes}"), QString::number(vramMin));
        w.replace(QLatin1StringView("{level}"), QString::number(level));
    }
    c.program = words.takeFirst();
    c.arguments = words;
    return c;
}

} // namespace rework
