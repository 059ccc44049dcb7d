#pragma once

#include <QString>

namespace rework {

/// Every identifier the floor scans or types. Each has one format rule in SerialRules.
enum class SerialKind
{
    Card,
    Die,
    Board,
    Unit,
    Batch,
    Lot,
    Marking,
    DateCode,
    GpuUuid,
    Operator,
    Station
};

QString serialKindName(SerialKind kind);
/// Translated, human-facing name ("donor card serial").
QString serialKindTitle(SerialKind kind);

} // namespace rework
