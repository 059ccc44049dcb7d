#include "NextStep.h"

#include "IdentityRegistry.h"
#include "TestGate.h"
#include "WorkflowRules.h"
#include "domain/ItemStates.h"
#include "domain/MoistureSensitivity.h"
#include "domain/SerialRules.h"
#include "storage/SnapshotLoader.h"
#include "storage/StationRegistry.h"
#include "storage/WorkflowConfigLoader.h"

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
    if (serial.isEmpty() || serial.size() > SerialRules::kMaxLength)
        return makeError(ErrorCode::MalformedSerial, QStringLiteral("serial"),
                         Message(tr, QT_TR_NOOP("scan a card, die, board, unit or batch label")));
    Result<std::optional<Identity>> found = IdentityRegistry(m_db).find(serial);
    if (!found)
        return found.error();
    if (const std::optional<Identity>& id = found.value()) {
        Result<NextStep> next = resolve(*id);
        if (next)
            next.value().scannedKind = IdentityRegistry::kindName(id->kind);
        return next;
    }

    SerialRules rules;
    // Our own die and unit ids are never donor cards, even though the card format would allow them.
    if (IdentityRegistry::isIssuedShape(serial)) {
        return makeError(ErrorCode::UnknownSerial, QStringLiteral("serial"),
                         Message(tr,
                                 QT_TR_NOOP("%1 is a die or unit id issued at another station; sync this "
                                            "station, then scan it again"),
                                 {serial}));
    }
    if (rules.isValid(SerialKind::Card, serial))
        return make(serial, "", Step::Intake, "card", tr("%1 is new here; receive it at intake").arg(serial));
    return makeError(ErrorCode::UnknownSerial, QStringLiteral("serial"),
                     Message(tr,
                             QT_TR_NOOP("%1 is not a known card, die, board, unit or batch; check the label"),
                             {serial.left(64)}));
}

Result<NextStep> NextStepResolver::resolve(const Identity& id) const
{
    SnapshotLoader loader(m_db);
    switch (id.kind) {
    case IdentityKind::Unit:
        return unitNext(id.serial, {});
    case IdentityKind::Board:
        return unitNext(id.unitSerial, tr("%1 is the server board of unit %2").arg(id.serial, id.unitSerial));
    case IdentityKind::Gpu:
        if (!id.unitSerial.isEmpty())
            return unitNext(id.unitSerial, tr("GPU %1 is in unit %2").arg(id.serial, id.unitSerial));
        return cardNext(id.cardSerial);
    case IdentityKind::Die:
        return dieNext(id.serial);
    case IdentityKind::Card:
        return cardNext(id.serial);
    case IdentityKind::Batch: {
        auto batch = loader.batch(id.serial);
        if (!batch)
            return batch.error();
        const BatchState b = batch.value().value_or(BatchState{id.serial, {}, {}, 0});
        return make(b.id, "batch", std::nullopt, "",
                    tr("batch %1 is %2 with %3 units").arg(b.id, b.state).arg(b.unitCount));
    }
    }
    return makeError(ErrorCode::UnknownSerial, QStringLiteral("serial"), Message::untranslated(id.serial));
}

Result<NextStep> NextStepResolver::unitNext(const QString& serial, const QString& prefix) const
{
    auto unit = SnapshotLoader(m_db).unit(serial);
    if (!unit)
        return unit.error();
    if (!unit.value())
        return makeError(ErrorCode::UnknownSerial, QStringLiteral("unit"), Message::untranslated(serial));
    const UnitState& u = *unit.value();
    const QString where = prefix.isEmpty() ? WorkflowRules::whereUnitIs(u)
                                           : prefix + QStringLiteral(": ") + WorkflowRules::whereUnitIs(u);
    if (u.state == states::Mounted)
        return make(u.serial, "unit", Step::Inspect, "unit", where);
    if (u.state == states::Inspected)
        return make(u.serial, "unit", Step::Test, "unit", where);
    if (u.state == states::Tested) {
        // What pack would refuse is not pack next: a test without its product's plan's runs.
        UnitState tested = u;
        if (Status st = SnapshotLoader(m_db).loadTestedRuns(tested); !st)
            return st.error();
        WorkflowConfig plans;
        if (Status st = WorkflowConfigLoader(m_db).loadTestPlans(plans); !st)
            return st.error();
        if (Status st = TestGate::checkPackable(tested, plans); !st)
            return make(u.serial, "unit", std::nullopt, "", st.error().message);
        return make(u.serial, "unit", Step::Pack, "unit", where);
    }
    if (u.state == states::Repair)
        return make(u.dieId, "die", Step::Reball, "die", where);
    return make(u.serial, "unit", std::nullopt, "", where);
}

Result<NextStep> NextStepResolver::dieNext(const QString& id) const
{
    auto die = SnapshotLoader(m_db).die(id);
    if (!die)
        return die.error();
    if (!die.value())
        return makeError(ErrorCode::UnknownSerial, QStringLiteral("die"), Message::untranslated(id));
    const DieState& d = *die.value();
    const bool loose =
        d.state == states::Stripped || d.state == states::Repair || d.state == states::Reballed;
    if (loose && MoistureSensitivity::hoursOver(d.msl, d.exposedAt, m_clock.now())) {
        return make(d.id, "die", Step::Bake, "die",
                    tr("die %1 is past its moisture floor life; bake it before any reflow").arg(d.id));
    }
    if (d.state == states::Stripped || d.state == states::Repair)
        return make(d.id, "die", Step::Reball, "die", tr("die %1 needs reball next").arg(d.id));
    if (d.state == states::Reballed)
        return make(d.id, "die", Step::Mount, "die", tr("die %1 is reballed; it needs mount next").arg(d.id));
    if (!d.unitSerial.isEmpty())
        return unitNext(d.unitSerial, tr("die %1 is in unit %2").arg(d.id, d.unitSerial));
    return make(d.id, "die", std::nullopt, "", tr("die %1 is %2").arg(d.id, d.state));
}

Result<NextStep> NextStepResolver::cardNext(const QString& serial) const
{
    auto card = SnapshotLoader(m_db).card(serial);
    if (!card)
        return card.error();
    if (!card.value())
        return makeError(ErrorCode::UnknownSerial, QStringLiteral("card"), Message::untranslated(serial));
    const CardState& c = *card.value();
    if (c.state == states::Received)
        return make(c.serial, "card", Step::Strip, "card",
                    tr("card %1 was received; it needs strip next").arg(c.serial));
    if (c.state == states::Scrapped)
        return make(c.serial, "card", std::nullopt, "", tr("card %1 was scrapped").arg(c.serial));
    return dieNext(c.dieId);
}

Result<Route> NextStepResolver::route(const NextStep& next, const StationInfo& here,
                                      bool boundToStation) const
{
    Route r;
    if (!next.step)
        return r;
    if (!isStationStep(*next.step) || stepName(*next.step) == here.step) {
        r.opens = true;
        return r;
    }
    if (!boundToStation) {
        auto stations = StationRegistry(m_db).stations();
        if (!stations)
            return stations.error();
        for (const StationInfo& s : stations.value()) {
            if (s.step == stepName(*next.step)) {
                r.opens = true;
                r.moveTo = s;
                return r;
            }
        }
    }
    // The step's name after "step:", never after an article: it reads right in every language.
    r.takeItTo = tr("%1. Take it to a station of step: %2.").arg(next.where, stepTitle(*next.step));
    return r;
}

} // namespace rework
