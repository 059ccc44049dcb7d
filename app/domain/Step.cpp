#include "Step.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace rework {
namespace {

constexpr std::array<std::pair<Step, const char*>, 12> kSteps{{
    {Step::Intake, "intake"},
    {Step::Strip, "strip"},
    {Step::Reball, "reball"},
    {Step::Mount, "mount"},
    {Step::Inspect, "inspect"},
    {Step::Test, "test"},
    {Step::Pack, "pack"},
    {Step::Close, "close"},
    {Step::Ship, "ship"},
    {Step::Scrap, "scrap"},
    {Step::Void, "void"},
    {Step::Bake, "bake"},
}};

} // namespace

QString stepName(Step step)
{
    for (const auto& [s, name] : kSteps) {
        if (s == step)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<Step> stepFromName(const QString& name)
{
    for (const auto& [s, n] : kSteps) {
        if (name == QLatin1StringView(n))
            return s;
    }
    return std::nullopt;
}

bool isStationStep(Step step)
{
    return step <= Step::Pack;
}

QStringList stationStepNames()
{
    QStringList names;
    for (const auto& [s, n] : kSteps) {
        if (isStationStep(s))
            names << QString::fromLatin1(n);
    }
    return names;
}

QString stepTitle(const QString& name)
{
    const std::optional<Step> step = stepFromName(name);
    return step ? stepTitle(*step) : name;
}

QString stepTitle(Step step)
{
    switch (step) {
    case Step::Intake:
        return QCoreApplication::translate("Step", "Intake");
    case Step::Strip:
        return QCoreApplication::translate("Step", "Strip");
    case Step::Reball:
        return QCoreApplication::translate("Step", "Reball");
    case Step::Mount:
        return QCoreApplication::translate("Step", "Mount");
    case Step::Inspect:
        return QCoreApplication::translate("Step", "Inspect");
    case Step::Test:
        return QCoreApplication::translate("Step", "Test");
    case Step::Pack:
        return QCoreApplication::translate("Step", "Pack");
    case Step::Close:
        return QCoreApplication::translate("Step", "Close batch");
    case Step::Ship:
        return QCoreApplication::translate("Step", "Ship");
    case Step::Scrap:
        return QCoreApplication::translate("Step", "Scrap");
    case Step::Void:
        return QCoreApplication::translate("Step", "Void");
    case Step::Bake:
        return QCoreApplication::translate("Step", "Bake");
    }
    return {};
}

} // namespace rework
