#include "IntegrityChecker.h"

#include "Sql.h"
#include "StateProjector.h"
#include "Transaction.h"

#include <QSqlQuery>

namespace rework {
namespace {

// Fixed table names: the derived state that a replay must reproduce.
constexpr const char* kDerivedTables[] = {"cards",     "dies",          "boards",     "units",
                                          "batches",   "voided_events", "kpi_hourly", "kpi_station_hourly",
                                          "kpi_cards", "kpi_defects",   "kpi_units",  "kpi_anomalies"};

// Timestamps of batch and item updates are compared too: a replay sets them from the events.
Result<qint64> differingRows(const QSqlDatabase& db, const QString& table)
{
    const QString statement = QStringLiteral("SELECT count(*) FROM (SELECT * FROM temp.before_%1 EXCEPT "
                                             "SELECT * FROM main.%1 UNION ALL SELECT * FROM main.%1 EXCEPT "
                                             "SELECT * FROM temp.before_%1)")
                                  .arg(table);
    auto n = sql::scalar(db, statement);
    if (!n)
        return n.error();
    return n.value().toLongLong();
}

} // namespace

Result<QStringList> IntegrityChecker::run() const
{
    QStringList problems;
    auto integrity = sql::run(m_db, QStringLiteral("PRAGMA integrity_check"));
    if (!integrity)
        return integrity.error();
    while (integrity.value().next()) {
        const QString line = integrity.value().value(0).toString();
        if (line != QLatin1StringView("ok"))
            problems << tr("integrity: %1").arg(line);
    }
    auto fk = sql::run(m_db, QStringLiteral("PRAGMA foreign_key_check"));
    if (!fk)
        return fk.error();
    while (fk.value().next())
        problems << tr("foreign key: row %1 of %2 points nowhere")
                        .arg(fk.value().value(1).toString(), fk.value().value(0).toString());
    if (!problems.isEmpty())
        return problems;

    // Rebuild inside a transaction that is always rolled back: the file is left as it was.
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st.error();
    for (const char* table : kDerivedTables) {
        const QString name = QString::fromLatin1(table);
        auto copy =
            sql::run(m_db, QStringLiteral("CREATE TEMP TABLE before_%1 AS SELECT * FROM main.%1").arg(name));
        if (!copy)
            return copy.error();
    }
    if (Status st = StateProjector(m_db).rebuild(); !st)
        return st.error();
    for (const char* table : kDerivedTables) {
        const QString name = QString::fromLatin1(table);
        Result<qint64> n = differingRows(m_db, name);
        if (!n)
            return n.error();
        if (n.value() > 0)
            problems << tr("derived state: %1 rows of %2 differ from a replay of the events")
                            .arg(n.value())
                            .arg(name);
    }
    tx.rollback();
    for (const char* table : kDerivedTables) {
        QSqlQuery drop(m_db);
        drop.exec(QStringLiteral("DROP TABLE IF EXISTS temp.before_") + QLatin1StringView(table));
    }
    return problems;
}

} // namespace rework
