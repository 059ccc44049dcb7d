#include "EventPayload.h"

#include <QHash>

#include <variant>

namespace rework {
namespace {

using TextMember = QString EventPayload::*;
using NumberMember = std::optional<double> EventPayload::*;
using FlagMember = bool EventPayload::*;
using Member = std::variant<TextMember, NumberMember, FlagMember>;

/// Each key to the member it fills; read() walks the payload once instead of looking up every key.
const QHash<QString, Member>& members()
{
    using namespace payload;
    static const QHash<QString, Member> table{
        {Card, &EventPayload::card},
        {Die, &EventPayload::die},
        {Board, &EventPayload::board},
        {Unit, &EventPayload::unit},
        {Batch, &EventPayload::batch},
        {Item, &EventPayload::item},
        {ItemKind, &EventPayload::itemKind},
        {Event, &EventPayload::event},
        {GpuUuid, &EventPayload::gpuUuid},
        {Model, &EventPayload::model},
        {Lot, &EventPayload::lot},
        {Partner, &EventPayload::partner},
        {PcbRev, &EventPayload::pcbRev},
        {Marking, &EventPayload::marking},
        {DateCode, &EventPayload::dateCode},
        {Msl, &EventPayload::msl},
        {DryStorageLeftAt, &EventPayload::dryStorageLeftAt},
        {Alloy, &EventPayload::alloy},
        {Profile, &EventPayload::profile},
        {End, &EventPayload::end},
        {payload::Result, &EventPayload::result},
        {Defect, &EventPayload::defect},
        {Burnin, &EventPayload::burnin},
        {Vram, &EventPayload::vram},
        {Reason, &EventPayload::reason},
        {TargetStep, &EventPayload::targetStep},
        {Outcome, &EventPayload::outcome},
        {OverrideReason, &EventPayload::overrideReason},
        {BallMm, &EventPayload::ballMm},
        {PeakC, &EventPayload::peakC},
        {TalS, &EventPayload::talS},
        {Hours, &EventPayload::hours},
        {TempC, &EventPayload::tempC},
        {VoidPct, &EventPayload::voidPct},
        {Bridges, &EventPayload::bridges},
        {MissingBalls, &EventPayload::missingBalls},
        {Hip, &EventPayload::hip},
        {MemMib, &EventPayload::memMib},
        {PcieGen, &EventPayload::pcieGen},
        {PcieWidth, &EventPayload::pcieWidth},
        {TempMaxC, &EventPayload::tempMaxC},
        {VramErrors, &EventPayload::vramErrors},
        {UnitCount, &EventPayload::unitCount},
        {Misaligned, &EventPayload::misaligned},
        {RailShort, &EventPayload::railShort},
    };
    return table;
}

struct Assign
{
    EventPayload& p;
    const QJsonValue& v;
    void operator()(TextMember m) const
    {
        if (v.isString())
            p.*m = v.toString();
    }
    void operator()(NumberMember m) const
    {
        if (v.isDouble())
            p.*m = v.toDouble();
    }
    void operator()(FlagMember m) const { p.*m = v.toBool(); }
};

} // namespace

EventPayload EventPayload::read(const QJsonObject& o)
{
    EventPayload p;
    const QHash<QString, Member>& table = members();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const auto member = table.constFind(it.key());
        if (member != table.constEnd())
            std::visit(Assign{p, it.value()}, *member);
    }
    return p;
}

} // namespace rework
