#pragma once

#include "domain/GpuReport.h"
#include "domain/Step.h"
#include "domain/WorkflowConfig.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace rework {

/// One reading of a GPU's report beside the limit it is judged on, as a form shows it.
struct ReadingCheck
{
    enum class Mark
    {
        Within,   // inside its limit (green)
        Outside,  // outside it: the test fails or the gate refuses (red)
        Unproven, // outside, but read at idle, where it proves nothing (the gate wants a load)
        NoLimit   // a fact without a limit (VBIOS, driver)
    };
    QString key;   // payload key: mem_mib, pcie_gen, ...
    QString value; // as the report gives it; empty where the report has none
    QString limit; // translated: "24000 to 24600", "at least 4", "at most 85"; empty without one
    Mark mark = Mark::NoLimit;
    QString note; // translated, where the mark needs a reason: "read at idle", "cannot pass a unit"
};

/// Whether each reading of an imported report is within the limit the rules judge it on: the
/// process limits (test.mem_mib, test.pcie_gen, test.pcie_width, test.temp_max_c) of the item's
/// model, the PCIe link against what card and slot support, and a GPU UUID to prove identity.
/// The same limits as WorkflowRules' test finding and TestGate, so the panel never says green
/// where the record would fail.
class ReadingLimits
{
    Q_DECLARE_TR_FUNCTIONS(ReadingLimits)

public:
    /// True for the fields a report fills that a form shows as readings (not the partner).
    static bool isReading(const QString& key);
    /// The limit a reading is judged on (test.mem_mib ...); empty for a reading without one.
    static QString limitName(const QString& key);
    /// The readings `report` gives the fields of `step`, in the schema's order, each judged
    /// against the limits of `model`. Without a model, the product whose PCI device the report
    /// names (if the line has it).
    static QList<ReadingCheck> check(Step step, const GpuReport& report, const QString& model,
                                     const WorkflowConfig& config);
    /// "24000 to 24600", "at least 4", "at most 85"; empty when neither bound is set.
    static QString limitText(const Limit& limit);
};

} // namespace rework
