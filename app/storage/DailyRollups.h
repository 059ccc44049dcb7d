#pragma once

#include "Sql.h"
#include "domain/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace rework {

/// The daily KPI rollups (migration 0025): first inspections and tests, units by the day they
/// were mounted, and station work per operator, each a count per UTC day of a detailed table
/// that triggers keep it in step with. `reworkctl check` proves they still agree.
class DailyRollups
{
public:
    struct Difference
    {
        QString table;
        sql::Differing differing; // the rollup as stored against a count of its source
    };

    /// Rows of each daily rollup that differ from a fresh count of its source (read in the
    /// caller's transaction); empty when all agree.
    static Result<QList<Difference>> differences(const QSqlDatabase& db);
    /// Each rollup counted afresh from its source, in the caller's transaction: after a full
    /// replay, which drains and refills them row by row, so that no drift outlives it.
    static Status refill(const QSqlDatabase& db);
};

} // namespace rework
