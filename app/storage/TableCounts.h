#pragma once

#include "domain/Result.h"

#include <QList>
#include <QSqlDatabase>

#include <utility>

namespace rework {

/// Rows in the main tables, for status bars and summaries.
class TableCounts
{
public:
    explicit TableCounts(const QSqlDatabase& db) : m_db(db) {}

    Result<QList<std::pair<QString, qint64>>> counts() const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
