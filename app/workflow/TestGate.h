#pragma once

#include "domain/Action.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"
#include "domain/WorkflowConfig.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace rework {

/// The test gate believes the GPU's own report. At intake and test the report must be of the
/// item's product; its readings are what is stored, and a typed value that differs is refused
/// unless a supervisor overrides it with a reason (then both values and the reason are kept). A
/// pass needs a report with a GPU UUID and a link proven under load, or that override.
class TestGate
{
    Q_DECLARE_TR_FUNCTIONS(TestGate)

public:
    /// Checks the action's report (if any) against `model` and the typed fields, and writes its
    /// readings into `fields`, which holds the action's fields on entry.
    static Status takeReport(const Action& a, const Snapshot& s, const WorkflowConfig& c,
                             const QString& model, QJsonObject& fields);
    /// Test: refuses a pass the report cannot support (no report, no GPU UUID, a link only read
    /// at idle) unless a supervisor overrode it.
    static Status checkPass(const Action& a, const Snapshot& s, const WorkflowConfig& c);
    /// Test: every imported rig log (burn-in, DCGM, VRAM) must be of this unit's GPU. A GPU UUID
    /// a log names must be the unit's (from the report, else as read before); a model or PCI
    /// device it names must be the unit's product. A log of another card proves nothing about
    /// this one, pass or fail, override or not.
    static Status checkRunsAreOfThisGpu(const Action& a, const Snapshot& s, const WorkflowConfig& c,
                                        const QString& model);
    /// Test: a unit whose product has a test plan is judged by that plan alone (a log judged by
    /// another plan is refused, pass or fail), and passes only with every run the plan requires.
    /// No override: a typed burnin=pass or a supervisor's reason is no run.
    static Status checkTestPlan(const Action& a, const WorkflowConfig& c, const QString& model);
    /// Pack: the unit's passing test had every run its product's plan requires now (a plan
    /// assigned or tightened after the test, or not yet synced to the test station, holds it back).
    /// `unit.testedRuns`: the kinds of the runs its last passing test imported.
    static Status checkPackable(const UnitState& unit, const WorkflowConfig& c);
    /// What the report's link shows under load: "PCIE_DEGRADED" when it runs below the
    /// generation or width both sides support, else empty.
    static QString linkFinding(const std::optional<GpuReport>& report);
    /// True when the link ran below what both sides support, but at idle, where that proves nothing.
    static bool linkUnproven(const std::optional<GpuReport>& report);
    /// The readings a report gives the fields of `step`, as text: what a form shows locked.
    static QList<std::pair<QString, QString>> readings(Step step, const GpuReport& report);

private:
    static bool overridden(const Action& a, const Snapshot& s, const WorkflowConfig& c);
};

} // namespace rework
