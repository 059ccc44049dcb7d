#pragma once

#include "Trace.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace rework {

/// Finds any serial (card, die, board, unit, batch, or a GPU UUID) and builds its trace.
class TraceQuery
{
    Q_DECLARE_TR_FUNCTIONS(TraceQuery)

public:
    explicit TraceQuery(const QSqlDatabase& db) : m_db(db) {}
    Result<Trace> find(const QString& serial) const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
