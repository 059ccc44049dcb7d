#include "StepDefects.h"

#include "StepSchema.h"
#include "domain/EventPayload.h"

namespace rework {

StepDefects::Meaning StepDefects::meaning(Step step, const QString& code, const WorkflowConfig& config)
{
    if (!config.defectCodes.contains(code))
        return Meaning::Elsewhere;
    // The scrap form takes every code; other forms their own step's.
    if (step != Step::Scrap && config.defectCodes.value(code) != stepName(step))
        return Meaning::Elsewhere;
    return StepSchema::find(step, payload::Defect) ? Meaning::Verdict : Meaning::Scrap;
}

QList<std::pair<QString, QString>> StepDefects::scrapFields(const QString& item, const QString& code,
                                                            Step step)
{
    // The reason is stored as written, in English like every id-bearing text of the log.
    return {{payload::Item, item},
            {payload::Defect, code},
            {payload::Reason, QStringLiteral("defect %1 found at %2").arg(code, stepName(step))}};
}

} // namespace rework
