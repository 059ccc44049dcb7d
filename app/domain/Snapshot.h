#pragma once

#include "Action.h"

#include <QDateTime>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <optional>

namespace rework {

// Current state of the items an action touches, read from the derived state tables inside the
// action's transaction. The rules decide from this alone, which keeps them pure and testable.

struct CardState
{
    QString serial, model, lot, state, gpuUuid, dieId;
    QDateTime receivedAt;
};

struct DieState
{
    QString id, cardSerial, model, state, unitSerial, alloy;
    int reflowCount = 0;
    int reballCount = 0;
    QString msl;         // moisture sensitivity level
    QDateTime exposedAt; // left dry storage, or the end of its last bake
};

struct BoardState
{
    QString serial, state, unitSerial;
    int reflowCount = 0;
};

struct UnitState
{
    QString serial, dieId, boardSerial, cardSerial, model, state, batchId, gpuUuid;
    int repairCount = 0;
    /// Loaded for pack: the kinds of rig runs ("gpu-burn", "dcgm", ...) its last passing test imported.
    QStringList testedRuns;
};

struct BatchState
{
    QString id, model, state;
    int unitCount = 0;
};

struct OperatorInfo
{
    QString id, name, role;
    bool active = true;
};

/// The operator id of the shell (reworkctl, whoever owns the database file), which acts without a login.
inline const QString kShellOperator = QStringLiteral("(shell)");

/// The operator id a station token acts under: TOKEN:<id> (no badge has a colon).
inline constexpr QLatin1StringView kTokenOperatorPrefix{"TOKEN:"};

/// What a station token may do: record these steps (names) at this station, nothing else.
struct TokenScope
{
    QString station;
    QStringList steps;
};

struct StationInfo
{
    QString id, step;
};

/// A recorded event, as far as voiding needs to know it.
struct EventInfo
{
    QString id, step;
    bool voided = false;
    QString blockedBy;       // id of a later event on the same items, if any
    QString blockedByStep;   // its step
    QList<Subject> subjects; // the serials it concerns; a void concerns the same ones
};

struct Snapshot
{
    QDateTime now;
    std::optional<OperatorInfo> operatorInfo;
    /// Set when the operator is a station token (operatorInfo then describes the token).
    std::optional<TokenScope> token;
    std::optional<StationInfo> station;
    std::optional<CardState> card;
    std::optional<DieState> die;
    std::optional<BoardState> board;
    std::optional<UnitState> unit;
    std::optional<BatchState> batch;
    /// Card or unit that already carries the GPU UUID given in the action.
    QString gpuUuidOwner;
    /// For scrap: which kind the `item` serial turned out to be ("card", "die", "unit").
    QString itemKind;
    std::optional<EventInfo> target; // for void
    /// Fresh ids the action will use if it creates a die or a unit.
    QString newDieId, newUnitId;
};

} // namespace rework
