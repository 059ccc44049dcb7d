#pragma once

#include "domain/Result.h"

#include <QSqlDatabase>
#include <QString>

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

    /// A carton holds this many units unless the setting says otherwise.
    static constexpr int kDefaultCapacity = 10;

    explicit CartonQuery(const QSqlDatabase& db) : m_db(db) {}
    Result<Carton> of(const QString& batch) const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
