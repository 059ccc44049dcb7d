#pragma once

#include "RigRun.h"
#include "TestPlan.h"

#include <QCoreApplication>

namespace rework {

/// Turns a run into a verdict by a test plan, never by the tool's own word: the plan's limits are
/// set on the measurements, and the run fails for any measurement out of them, and for what the
/// facts show: a log that stops before the tool's final lines, a worker that died, no device, no
/// work done (0 Gflop/s, nothing processed), a test skipped or failed, a DCGM level too low, an
/// error the tool printed, a lost device, and the warnings the plan says fail. A tool that says
/// FAULTY or FAIL fails the run too; one that says OK or Pass proves nothing by itself.
class RigEvaluator
{
    Q_DECLARE_TR_FUNCTIONS(RigEvaluator)

public:
    static EvaluatedRun evaluate(const RigRun& run, const TestPlan& plan);
    /// A measurement's name for people ("gflops" -> "Gflop/s", "peak_c" -> "peak temperature").
    static QString label(const QString& measurement);
};

} // namespace rework
