#pragma once

#include "domain/Result.h"
#include "domain/WorkflowConfig.h"

#include <QSqlDatabase>

namespace rework {

/// Reads everything the rules need besides the items: products, limits, permissions, defect
/// codes, serial formats and the repair/reflow policy.
class WorkflowConfigLoader
{
public:
    explicit WorkflowConfigLoader(const QSqlDatabase& db) : m_db(db) {}

    Result<WorkflowConfig> loadConfig() const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
