#pragma once

#include "domain/Snapshot.h"
#include "storage/EventRecord.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace rework {

/// A serial's genealogy (donor card -> die -> unit on its board -> batch) and its timeline.
struct Trace
{
    QString query;     // what was asked for
    QString foundKind; // card, die, board, unit, batch
    std::optional<CardState> card;
    std::optional<DieState> die;
    std::optional<BoardState> board;
    std::optional<UnitState> unit;
    std::optional<BatchState> batch;
    QList<UnitState> batchUnits; // when a batch was asked for
    QList<EventRecord> events;   // oldest first, voided ones included and marked

    QJsonObject toJson() const;
    /// Plain-text report for a terminal: genealogy, then one line per event.
    QString toText() const;
};

} // namespace rework
