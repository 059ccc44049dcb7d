#include "ScanIdentity.h"

#include "IdentityRegistry.h"
#include "NextStep.h"
#include "domain/EventPayload.h"

#include <initializer_list>
#include <utility>

namespace rework {
namespace {

/// The serial fields of the steps and the kind each asks for. Scrap's item may be a card, a die or
/// a unit: it is checked as a unit (boards resolve) and lets cards and dies through.
constexpr std::pair<payload::Key, IdentityKind> kSerialFields[] = {
    {payload::Card, IdentityKind::Card},   {payload::Die, IdentityKind::Die},
    {payload::Board, IdentityKind::Board}, {payload::Unit, IdentityKind::Unit},
    {payload::Batch, IdentityKind::Batch}, {payload::Item, IdentityKind::Unit},
};

bool accepted(payload::Key field, IdentityKind expected, IdentityKind found)
{
    if (found == expected)
        return true;
    return field == payload::Item && (found == IdentityKind::Card || found == IdentityKind::Die);
}

} // namespace

Result<Action> ScanIdentity::check(Action action) const
{
    const IdentityRegistry registry(m_db);
    for (const auto& [field, expected] : kSerialFields) {
        const QString scanned = action.fields.value(field).toString();
        if (scanned.isEmpty())
            continue;
        Result<std::optional<Identity>> found = registry.find(scanned);
        if (!found)
            return found.error();
        const std::optional<Identity>& id = found.value();
        if (!id) {
            if ((expected == IdentityKind::Card || expected == IdentityKind::Board) &&
                IdentityRegistry::isIssuedShape(scanned)) {
                return makeError(
                    ErrorCode::WrongKind, QString(field),
                    Message(
                        tr,
                        QT_TR_NOOP(
                            "%1 is a die or unit id of this system, not the kind asked for here (%2); %3"),
                        {scanned, IdentityRegistry::kindTitle(expected),
                         IdentityRegistry::labelToScan(expected)}));
            }
            continue;
        }
        if (accepted(field, expected, id->kind))
            continue;
        if (expected == IdentityKind::Unit && id->kind == IdentityKind::Board && !id->unitSerial.isEmpty()) {
            action.fields.insert(field, id->unitSerial);
            action.fields.insert(payload::Scanned, scanned);
            continue;
        }
        Result<NextStep> where = NextStepResolver(m_db, m_clock).resolve(*id);
        if (!where)
            return where.error();
        return makeError(
            ErrorCode::WrongKind, QString(field),
            Message(tr, QT_TR_NOOP("%1; %2"),
                    {Message::untranslated(where->where), IdentityRegistry::labelToScan(expected)}));
    }
    return action;
}

} // namespace rework
