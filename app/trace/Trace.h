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
    /// Dies mounted on the board before the one it carries now (voided mounts, swaps).
    QStringList boardOtherDies;

    /// An event's key figures in words ("peak temperature in °C: 245; ..."), translated, in the
    /// order of its step's schema; empty when the step records none.
    static QString figures(const EventRecord& e);
    /// The evidence references an event holds (photos, X-rays), for the store to resolve.
    static QStringList evidence(const EventRecord& e);

    QJsonObject toJson() const;
    /// Plain-text report for a terminal: genealogy, then one line per event.
    QString toText() const;
};

} // namespace rework
