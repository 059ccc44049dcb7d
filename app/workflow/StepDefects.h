#pragma once

#include "domain/Step.h"
#include "domain/WorkflowConfig.h"

#include <QList>
#include <QString>

#include <utility>

namespace rework {

/// What a command-sheet defect code (#DEFECT:CODE) means at a station. At inspect and test it is
/// the failed verdict's defect; at intake, strip and reball, steps without a verdict, the item in
/// hand is scrapped with it; anywhere else it belongs to another station.
class StepDefects
{
public:
    enum class Meaning
    {
        Verdict,  // the form's defect field takes it, the result is fail
        Scrap,    // the item in the form's first field is scrapped with it
        Elsewhere // a code of another step (or unknown): refused here
    };

    static Meaning meaning(Step step, const QString& code, const WorkflowConfig& config);
    /// The fields of the scrap that records `item` found with `code` at `step` (for StepSchema).
    static QList<std::pair<QString, QString>> scrapFields(const QString& item, const QString& code,
                                                          Step step);
};

} // namespace rework
