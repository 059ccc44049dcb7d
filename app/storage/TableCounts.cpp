#include "TableCounts.h"

#include "Sql.h"

namespace rework {

Result<QList<std::pair<QString, qint64>>> TableCounts::counts() const
{
    QList<std::pair<QString, qint64>> out;
    // Runs after every save: the event log is append-only with AUTOINCREMENT, so its highest seq is
    // its row count, read from the index instead of scanning millions of rows.
    const std::pair<const char*, const char*> queries[] = {
        {"cards", "SELECT count(*) FROM cards"},
        {"dies", "SELECT count(*) FROM dies"},
        {"units", "SELECT count(*) FROM units"},
        {"batches", "SELECT count(*) FROM batches"},
        {"events", "SELECT coalesce(max(seq), 0) FROM events"},
    };
    for (const auto& [name, statement] : queries) {
        auto n = sql::scalar(m_db, QString::fromLatin1(statement));
        if (!n)
            return n.error();
        out.append({QString::fromLatin1(name), n.value().toLongLong()});
    }
    return out;
}

} // namespace rework
