#pragma once

#include "domain/GpuReport.h"
#include "domain/Step.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace rework {

/// A test rig's output imported for an action (burnin=, dcgm=, vram= at test, profile_log= at
/// reball and mount), already judged by the test plan where it was read (importers/RigRunReader):
/// its figures go into the payload as if typed, the run itself beside them, its file as evidence,
/// and a test cannot pass while one of its runs fails.
struct ImportedRun
{
    QString field;       // burnin, dcgm, vram, profile_log
    QString evidence;    // stored-file reference of the log (EvidenceStore)
    bool pass = true;    // the plan's verdict, never the tool's
    QStringList reasons; // why it fails, for people
    QJsonObject figures; // flat payload values: burnin=fail, burnin_min, burnin_gflops, peak_c, tal_s...
    QJsonObject detail;  // the run: kind, format, plan, verdict, reasons, measurements
};

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
    /// Test rig outputs imported with the action (burn-in, DCGM, VRAM, reflow profile).
    QList<ImportedRun> runs = {};
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
