#pragma once

#include "domain/Result.h"
#include "domain/WorkflowConfig.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace rework {

/// The carton a pack station fills: the batch, whether it is open, how many units it holds and
/// how many it takes (setting `pack.carton_capacity`).
class CartonQuery
{
public:
    struct Carton
    {
        QString batch;
        bool exists = false; // false: a new batch id, opened by its first unit
        bool open = true;
        QString state;
        int units = 0;
        int capacity = 0; // 0: no capacity set
        bool full() const { return capacity > 0 && units >= capacity; }
    };

    /// `config`: the capacity and serial formats the pack rule holds a carton to.
    CartonQuery(const QSqlDatabase& db, const WorkflowConfig& config) : m_db(db), m_config(config) {}
    Result<Carton> of(const QString& batch) const;
    /// The batch a scan into a pack station's unit field names, if it names one: a batch on
    /// record, or a new id in a batch's format that is no unit's. The station takes it as the
    /// carton to fill, never as a unit to pack.
    Result<std::optional<QString>> batchNamedBy(const QString& scanned) const;

private:
    QSqlDatabase m_db;
    const WorkflowConfig& m_config;
};

} // namespace rework
