#include "DailyRollups.h"

#include "Sql.h"

namespace rework {
namespace {

// Each rollup and the count of its source it must equal; the triggers of migration 0025 keep
// them so, and these are the same counts that filled them there. A row stands while its source
// has rows, whatever their sum.
constexpr struct
{
    const char* table;
    const char* source;
} kRollups[] = {
    {"kpi_first_daily",
     "SELECT 'inspect', substr(first_inspect_at, 1, 10), coalesce(first_inspect_station, ''), model, "
     "mount_operator, count(*), coalesce(sum(first_inspect_pass), 0), 0 FROM main.kpi_units "
     "WHERE first_inspect_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5 UNION ALL "
     "SELECT 'test', substr(first_test_at, 1, 10), coalesce(first_test_station, ''), model, mount_operator, "
     "count(*), coalesce(sum(first_test_pass), 0), coalesce(sum(tests > 1), 0) FROM main.kpi_units "
     "WHERE first_test_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5"},
    {"kpi_units_daily",
     "SELECT substr(created_at, 1, 10), model, repair_count, count(*), "
     "coalesce(sum(state IN ('tested', 'packed', 'shipped')), 0), coalesce(sum(state = 'scrapped'), 0) "
     "FROM main.units GROUP BY 1, 2, 3"},
    {"kpi_operator_daily",
     "SELECT substr(hour, 1, 10), station_id, operator_id, step, model, sum(events) FROM main.kpi_hourly "
     "GROUP BY 1, 2, 3, 4, 5"},
};

} // namespace

Result<QList<DailyRollups::Difference>> DailyRollups::differences(const QSqlDatabase& db)
{
    QList<Difference> found;
    for (const auto& rollup : kRollups) {
        const QString table = QStringLiteral("main.") + QLatin1StringView(rollup.table);
        const QString source =
            QStringLiteral("SELECT * FROM (") + QLatin1StringView(rollup.source) + QLatin1Char(')');
        Result<QStringList> keys = sql::primaryKey(db, QString::fromLatin1(rollup.table));
        if (!keys)
            return keys.error();
        auto d = sql::differing(db, QStringLiteral("SELECT * FROM ") + table, source, keys.value());
        if (!d)
            return d.error();
        if (d->rows > 0)
            found.append({QString::fromLatin1(rollup.table), d.value()});
    }
    return found;
}

Status DailyRollups::refill(const QSqlDatabase& db)
{
    for (const auto& rollup : kRollups) {
        const QString table = QStringLiteral("main.") + QLatin1StringView(rollup.table);
        if (Status st = sql::exec(db, QStringLiteral("DELETE FROM ") + table); !st)
            return st;
        if (Status st =
                sql::exec(db, QStringLiteral("INSERT INTO ") + table + QStringLiteral(" SELECT * FROM (") +
                                  QLatin1StringView(rollup.source) + QLatin1Char(')'));
            !st)
            return st;
    }
    return {};
}

} // namespace rework
