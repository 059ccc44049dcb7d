#include "ReadingLimits.h"

#include "StepSchema.h"
#include "TestGate.h"
#include "domain/EventPayload.h"

#include <QStringList>

namespace rework {
namespace {

/// The product whose GPU reports `deviceId`, when exactly one model of the line has it.
QString modelOfDevice(const QString& deviceId, const WorkflowConfig& config)
{
    QStringList models;
    for (const Product& p : config.products) {
        if (!deviceId.isEmpty() && p.deviceId == deviceId)
            models << p.model;
    }
    return models.size() == 1 ? models.first() : QString();
}

} // namespace

bool ReadingLimits::isReading(const QString& key)
{
    static const QStringList keys{payload::GpuUuid, payload::Vbios,     payload::Driver,  payload::MemMib,
                                  payload::PcieGen, payload::PcieWidth, payload::TempMaxC};
    return keys.contains(key);
}

QString ReadingLimits::limitName(const QString& key)
{
    // The limits WorkflowRules' test finding and TestGate judge the readings on.
    if (key == payload::MemMib || key == payload::PcieGen || key == payload::PcieWidth ||
        key == payload::TempMaxC)
        return QStringLiteral("test.") + key;
    return {};
}

QString ReadingLimits::limitText(const Limit& limit)
{
    const bool low = !std::isnan(limit.min);
    const bool high = !std::isnan(limit.max);
    if (low && high)
        return tr("%1 to %2").arg(QString::number(limit.min), QString::number(limit.max));
    if (low)
        return tr("at least %1").arg(QString::number(limit.min));
    if (high)
        return tr("at most %1").arg(QString::number(limit.max));
    return {};
}

QList<ReadingCheck> ReadingLimits::check(Step step, const GpuReport& report, const QString& model,
                                         const WorkflowConfig& config)
{
    const QString judgedModel = model.isEmpty() ? modelOfDevice(report.deviceId, config) : model;
    const PcieLinkCheck link = PcieLinkCheck::assess(report.pcie);
    const QList<std::pair<QString, QString>> readings = TestGate::readings(step, report);
    QList<ReadingCheck> out;
    for (const FieldSpec& spec : StepSchema::fields(step)) {
        if (!isReading(spec.key))
            continue;
        ReadingCheck c;
        c.key = spec.key;
        for (const auto& [key, value] : readings) {
            if (key == spec.key)
                c.value = value;
        }
        if (spec.key == payload::GpuUuid) {
            // The gate passes no unit on a report without its GPU's identity (TestGate::checkPass).
            c.limit = tr("needed to pass");
            c.mark = c.value.isEmpty() ? ReadingCheck::Mark::Outside : ReadingCheck::Mark::Within;
            if (c.value.isEmpty())
                c.note = tr("the report shows none: it cannot pass a unit");
            out.append(c);
            continue;
        }
        if (c.value.isEmpty())
            continue; // the report does not say: the operator may type it
        const QString name = limitName(spec.key);
        if (name.isEmpty()) {
            out.append(c);
            continue;
        }
        const Limit limit = config.limit(name, judgedModel);
        c.limit = limitText(limit);
        bool within = limit.contains(c.value.toDouble());
        if (c.limit.isEmpty())
            c.mark = ReadingCheck::Mark::NoLimit;
        else
            c.mark = within ? ReadingCheck::Mark::Within : ReadingCheck::Mark::Outside;
        // The link also runs below what card and slot support (a finding however wide the limit).
        if (link.state == PcieLinkState::Degraded &&
            ((spec.key == payload::PcieGen && link.genBelow()) ||
             (spec.key == payload::PcieWidth && link.widthBelow()))) {
            within = false;
            c.mark = ReadingCheck::Mark::Outside;
            c.note = spec.key == payload::PcieGen
                         ? tr("below Gen %1 that card and slot support").arg(link.genExpected)
                         : tr("below x%1 that card and slot support").arg(link.widthExpected);
        }
        // A link read at idle slows down on purpose: it proves nothing either way.
        if (!within && !link.underLoad && (spec.key == payload::PcieGen || spec.key == payload::PcieWidth)) {
            c.mark = ReadingCheck::Mark::Unproven;
            c.note = tr("read at idle: take the report under load");
        }
        out.append(c);
    }
    return out;
}

} // namespace rework
