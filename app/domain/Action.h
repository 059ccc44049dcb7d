#pragma once

#include "domain/GpuReport.h"
#include "domain/Step.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace rework {

/// One operator action as entered: who, where, which step, and the parsed field values.
struct Action
{
    Step step = Step::Intake;
    QString stationId;
    QString operatorId;
    QJsonObject fields;
    /// The GPU's own report (test and intake), read by an importer; the rules believe it over any
    /// typed value.
    std::optional<GpuReport> report = std::nullopt;
};

/// A serial an event is about, with its kind ("card", "die", "board", "unit", "batch").
struct Subject
{
    QString kind;
    QString serial;
    bool operator==(const Subject&) const = default;
};

/// What the rules decided an action records: the event's payload (inputs with defaults
/// filled in, plus the outcome) and every serial of the item's genealogy it concerns.
struct Decision
{
    Step step = Step::Intake;
    QString primarySerial;
    QJsonObject payload;
    QList<Subject> subjects;
    /// Id created by this action (a die id at strip, a unit serial at mount); empty otherwise.
    QString createdId;
};

} // namespace rework
