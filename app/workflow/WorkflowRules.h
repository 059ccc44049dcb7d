#pragma once

#include "domain/Action.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"
#include "domain/WorkflowConfig.h"

#include <QCoreApplication>

namespace rework {

/// The workflow engine: given an action and the current state of what it touches, decides the
/// event to record or the specific rule it breaks. Pure: no storage, no clock, no randomness.
class WorkflowRules
{
    Q_DECLARE_TR_FUNCTIONS(WorkflowRules)

public:
    static Result<Decision> decide(const Action& action, const Snapshot& snapshot,
                                   const WorkflowConfig& config);

    /// Human-facing description of where a unit is and what it needs next.
    static QString whereUnitIs(const UnitState& unit);
};

} // namespace rework
