#pragma once

#include "EventRecord.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace rework {

/// Applies reference-data events (ReferenceChange) to the reference tables, on a station's SQLite
/// or on the central PostgreSQL alike. Each column keeps the version of the change that set it
/// (`reference_versions`: its time, then its event id), and a change sets only the columns whose
/// version is older. So every database that holds the same changes holds the same reference data,
/// whatever order they arrived in: the newest change wins and a late, older one never undoes it.
class ReferenceProjector
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceProjector)

public:
    explicit ReferenceProjector(const QSqlDatabase& db) : m_db(db) {}

    /// Runs inside the caller's transaction, like every projection.
    Status apply(const EventRecord& event);
    /// Where a change stands in the order of changes: its time (UTC, ms), then its id.
    static QString version(const EventRecord& event);
    /// For `check`: every column whose value or version is not what the newest change of it says,
    /// one line each.
    Result<QStringList> verify() const;

private:
    /// Operators and stations that no reference change records (`changedColumns`: the ids of
    /// verify()'s newest changes, "table\x1erow\x1ecolumn").
    Result<QStringList> rowsWithoutChanges(const QStringList& changedColumns) const;

    QSqlDatabase m_db;
};

} // namespace rework
