#include "CartonQuery.h"

#include "domain/ItemStates.h"
#include "domain/WorkflowConfig.h"
#include "storage/ConfigStore.h"
#include "storage/SnapshotLoader.h"
#include "storage/Sql.h"
#include "workflow/IdentityRegistry.h"

namespace rework {

Result<CartonQuery::Carton> CartonQuery::of(const QString& batch) const
{
    Carton c;
    c.batch = batch.trimmed().toUpper();
    Result<int> capacity = ConfigStore(m_db).configNumber(QStringLiteral("pack.carton_capacity"),
                                                          WorkflowConfig::kDefaultCartonCapacity);
    if (!capacity)
        return capacity.error();
    c.capacity = capacity.value();
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
    // Counted from the units themselves: a voided pack has taken its unit out again.
    auto units =
        sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM units WHERE batch_id = ?"), {c.batch});
    if (!units)
        return units.error();
    c.units = units.value().toInt();
    return c;
}

Result<std::optional<QString>> CartonQuery::batchNamedBy(const QString& scanned,
                                                         const SerialRules& rules) const
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
    if (rules.isValid(SerialKind::Batch, id) && !rules.isValid(SerialKind::Unit, id))
        return std::optional<QString>(id);
    return std::optional<QString>();
}

} // namespace rework
