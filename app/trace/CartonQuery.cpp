#include "CartonQuery.h"

#include "domain/ItemStates.h"
#include "storage/ConfigStore.h"
#include "storage/SnapshotLoader.h"
#include "storage/Sql.h"

namespace rework {

Result<CartonQuery::Carton> CartonQuery::of(const QString& batch) const
{
    Carton c;
    c.batch = batch.trimmed().toUpper();
    Result<int> capacity =
        ConfigStore(m_db).configNumber(QStringLiteral("pack.carton_capacity"), kDefaultCapacity);
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

} // namespace rework
