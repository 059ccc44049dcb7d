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
    /// Only the test plans part (product plans and the runs each plan requires), for a question
    /// about one unit that needs no more of the reference data.
    Status loadTestPlans(WorkflowConfig& c) const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
