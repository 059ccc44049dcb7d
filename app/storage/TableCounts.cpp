#include "TableCounts.h"

#include "ReadSnapshot.h"
#include "Sql.h"

namespace rework {
namespace {

// Fixed names, in the order of TableCounts::Table.
constexpr const char* kTables[] = {"cards", "dies", "units", "batches"};

} // namespace

Result<qint64> TableCounts::events() const
{
    auto n = sql::scalar(m_db, QStringLiteral("SELECT coalesce(max(seq), 0) FROM events"));
    if (!n)
        return n.error();
    return n.value().toLongLong();
}

Result<TableCounts::Counts> TableCounts::full() const
{
    // Counts and marks from one snapshot, so that since() neither misses nor repeats a row.
    ReadSnapshot snapshot(m_db);
    if (Status st = snapshot.begin(); !st)
        return st.error();
    Counts c;
    for (int t = 0; t < TableCount; ++t) {
        auto row = sql::row(m_db, QStringLiteral("SELECT count(*), coalesce(max(rowid), 0) FROM ") +
                                      QLatin1StringView(kTables[t]));
        if (!row)
            return row.error();
        c.rows[t] = row.value()->at(0).toLongLong();
        c.rowMarks[t] = row.value()->at(1).toLongLong();
    }
    Result<qint64> n = events();
    if (!n)
        return n.error();
    c.events = c.eventMark = n.value();
    return c;
}

Result<std::optional<TableCounts::Counts>> TableCounts::since(const Counts& base) const
{
    ReadSnapshot snapshot(m_db);
    if (Status st = snapshot.begin(); !st)
        return st.error();
    // Rows are deleted only by a void's replay (or a full rebuild, which the next start counts).
    // `+step` keeps the planner on the seq range instead of every void ever made (events_step_time).
    auto voids =
        sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM events WHERE seq > ? AND +step = 'void'"),
                    {base.eventMark});
    if (!voids)
        return voids.error();
    if (voids.value().toLongLong() > 0)
        return std::optional<Counts>();
    // The result is a new base: its marks move to where these counts end, so that counting again
    // from it adds only what came after (a base whose marks stayed behind would add rows twice).
    Counts c = base;
    for (int t = 0; t < TableCount; ++t) {
        auto n = sql::row(m_db,
                          QStringLiteral("SELECT count(*), coalesce(max(rowid), ?) FROM ") +
                              QLatin1StringView(kTables[t]) + QStringLiteral(" WHERE rowid > ?"),
                          {base.rowMarks[t], base.rowMarks[t]});
        if (!n)
            return n.error();
        c.rows[t] = base.rows[t] + n.value()->at(0).toLongLong();
        c.rowMarks[t] = n.value()->at(1).toLongLong();
    }
    Result<qint64> n = events();
    if (!n)
        return n.error();
    c.events = c.eventMark = n.value();
    return std::optional<Counts>(c);
}

} // namespace rework
