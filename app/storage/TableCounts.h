#pragma once

#include "domain/Result.h"

#include <QSqlDatabase>

#include <array>
#include <optional>

namespace rework {

/// Rows of cards, dies, units and batches and the number of events, for the status bar, at a cost
/// that does not grow with history (issue 21): full() counts the whole tables once (on a worker
/// thread: it reads every row) and marks where each table's rowids and the event log ended;
/// since() adds what was inserted after those marks, a rowid range as long as the work done since.
class TableCounts
{
public:
    explicit TableCounts(const QSqlDatabase& db) : m_db(db) {}

    enum Table
    {
        Cards,
        Dies,
        Units,
        Batches,
        TableCount
    };
    struct Counts
    {
        std::array<qint64, TableCount> rows{};
        qint64 events = 0;
        /// The highest rowid of each table and the highest event seq when `rows` were counted.
        std::array<qint64, TableCount> rowMarks{};
        qint64 eventMark = 0;
    };

    /// Counts every row, in one snapshot. Reads whole tables: keep it off the UI thread.
    Result<Counts> full() const;
    /// `base` brought up to date by counting only rows past its marks. nullopt when a void was
    /// recorded (or synced in) since `base`: a void's replay deletes and re-inserts rows below the
    /// marks, so only full() counts them right.
    Result<std::optional<Counts>> since(const Counts& base) const;
    /// The highest event seq: the event log is append-only with AUTOINCREMENT, so this is its row
    /// count, read from the end of its index.
    Result<qint64> events() const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
