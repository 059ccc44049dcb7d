#include "NextStep.h"

#include "WorkflowRules.h"
#include "domain/ItemStates.h"
#include "domain/MoistureSensitivity.h"
#include "domain/SerialRules.h"
#include "storage/SnapshotLoader.h"

namespace rework {
namespace {

NextStep make(const QString& serial, const char* kind, std::optional<Step> step, const char* field,
              QString where)
{
    return NextStep{serial, QString::fromLatin1(kind), step, QString::fromLatin1(field), std::move(where)};
}

} // namespace

Result<NextStep> NextStepResolver::resolve(const QString& scanned) const
{
    const QString serial = scanned.trimmed().toUpper();
    SerialRules rules;
    if (serial.isEmpty() || serial.size() > SerialRules::kMaxLength)
        return makeError(ErrorCode::MalformedSerial, QStringLiteral("serial"),
                         Message(tr, QT_TR_NOOP("scan a card, die, unit or batch label")));
    SnapshotLoader loader(m_db);

    auto unit = loader.unit(serial);
    if (!unit)
        return unit.error();
    auto unitNext = [&](const UnitState& u) -> NextStep {
        const QString where = WorkflowRules::whereUnitIs(u);
        if (u.state == states::Mounted)
            return make(u.serial, "unit", Step::Inspect, "unit", where);
        if (u.state == states::Inspected)
            return make(u.serial, "unit", Step::Test, "unit", where);
        if (u.state == states::Tested)
            return make(u.serial, "unit", Step::Pack, "unit", where);
        if (u.state == states::Repair)
            return make(u.dieId, "die", Step::Reball, "die", where);
        return make(u.serial, "unit", std::nullopt, "", where);
    };
    if (unit.value())
        return unitNext(*unit.value());

    auto die = loader.die(serial);
    if (!die)
        return die.error();
    if (const auto& d = die.value()) {
        const bool loose =
            d->state == states::Stripped || d->state == states::Repair || d->state == states::Reballed;
        if (loose && MoistureSensitivity::hoursOver(d->msl, d->exposedAt, m_clock.now())) {
            return make(d->id, "die", Step::Bake, "die",
                        tr("die %1 is past its moisture floor life; bake it before any reflow").arg(d->id));
        }
        if (d->state == states::Stripped || d->state == states::Repair)
            return make(d->id, "die", Step::Reball, "die", tr("die %1 needs reball next").arg(d->id));
        if (d->state == states::Reballed)
            return make(d->id, "die", Step::Mount, "die",
                        tr("die %1 is reballed; it needs mount next").arg(d->id));
        if (!d->unitSerial.isEmpty()) {
            auto u = loader.unit(d->unitSerial);
            if (u && u.value())
                return unitNext(*u.value());
        }
        return make(d->id, "die", std::nullopt, "", tr("die %1 is %2").arg(d->id, d->state));
    }

    auto card = loader.card(serial);
    if (!card)
        return card.error();
    if (const auto& c = card.value()) {
        if (c->state == states::Received)
            return make(c->serial, "card", Step::Strip, "card",
                        tr("card %1 was received; it needs strip next").arg(c->serial));
        if (c->state == states::Scrapped)
            return make(c->serial, "card", std::nullopt, "", tr("card %1 was scrapped").arg(c->serial));
        return resolve(c->dieId);
    }

    auto batch = loader.batch(serial);
    if (!batch)
        return batch.error();
    if (const auto& b = batch.value()) {
        return make(b->id, "batch", std::nullopt, "",
                    tr("batch %1 is %2 with %3 units").arg(b->id, b->state).arg(b->unitCount));
    }
    // Our own die and unit ids are never donor cards, even though the card format would allow them.
    const bool ownId = rules.isValid(SerialKind::Die, serial) || rules.isValid(SerialKind::Unit, serial);
    if (!ownId && rules.isValid(SerialKind::Card, serial))
        return make(serial, "", Step::Intake, "card", tr("%1 is new here; receive it at intake").arg(serial));
    return makeError(
        ErrorCode::UnknownSerial, QStringLiteral("serial"),
        Message(tr, QT_TR_NOOP("%1 is not a known card, die, unit or batch; check the label"), {serial}));
}

} // namespace rework
