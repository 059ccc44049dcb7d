#pragma once

#include "VoidPreview.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace rework {

/// Answers "what does voiding record X undo?" from the event log, the derived tables and the
/// label print log, without changing anything.
class VoidPreviewQuery
{
    Q_DECLARE_TR_FUNCTIONS(VoidPreviewQuery)

public:
    explicit VoidPreviewQuery(const QSqlDatabase& db) : m_db(db) {}
    Result<VoidPreview> of(const QString& eventId) const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
