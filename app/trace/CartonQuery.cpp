#include "CartonQuery.h"

#include "domain/ItemStates.h"
#include "storage/SnapshotLoader.h"
#include "workflow/IdentityRegistry.h"

namespace rework {

Result<CartonQuery::Carton> CartonQuery::of(const QString& batch) const
{
    Carton c;
    c.batch = batch.trimmed().toUpper();
    c.capacity = m_config.cartonCapacity;
    if (c.batch.isEmpty())
        return c;
    auto state = SnapshotLoader(m_db).batch(c.batch);
    if (!state)
        return state.error();
    if (!state.value())
        return c;
    c.exists = true;
    c.state = state.value()->state;
    c.open = c.state == states::Open;
    // Counted from the units themselves (a voided pack has taken its unit out again), as the
    // pack rule counts them.
    c.units = state.value()->unitCount;
    return c;
}

Result<std::optional<QString>> CartonQuery::batchNamedBy(const QString& scanned) const
{
    // A scanner may send lower case: the id is looked up as a batch's id is written.
    const QString id = SerialRules::normalise(SerialKind::Batch, scanned);
    if (id.isEmpty())
        return std::optional<QString>();
    Result<std::optional<Identity>> known = IdentityRegistry(m_db).find(id);
    if (!known)
        return known.error();
    if (known.value())
        return known.value()->kind == IdentityKind::Batch ? std::optional<QString>(known.value()->serial)
                                                          : std::optional<QString>();
    if (m_config.serials.isValid(SerialKind::Batch, id) && !m_config.serials.isValid(SerialKind::Unit, id))
        return std::optional<QString>(id);
    return std::optional<QString>();
}

} // namespace rework
