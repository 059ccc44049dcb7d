#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace rework {

/// A kind of recorded work. Intake..Pack are station steps; the rest are batch, scrap and
/// correction records that any authorised operator can make.
enum class Step
{
    Intake,
    Strip,
    Reball,
    Mount,
    Inspect,
    Test,
    Pack,
    Close,
    Ship,
    Scrap,
    Void,
    Bake
};

QString stepName(Step step);
std::optional<Step> stepFromName(const QString& name);
/// Steps a station can be configured for (`reworkctl station add ID --step ...`).
QStringList stationStepNames();
bool isStationStep(Step step);
/// Translated, human-facing name of a step.
QString stepTitle(Step step);
/// Translated name of a step given by its stored name; an unknown name is shown as it is.
QString stepTitle(const QString& name);

} // namespace rework
