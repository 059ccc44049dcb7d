#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

namespace rework {

/// A numeric measurement statistical process control charts: its payload key, the steps that
/// record it, its unit and the limit that holds its specification ("%1" stands for the die's
/// alloy). The one table of what SPC charts: the rollups keep each value (spc_values) and the
/// SPC query reads them.
struct SpcMeasurement
{
    QLatin1StringView name;
    QStringList steps;
    QString unit;
    QString limit;
    /// Counts of events per item (VRAM errors): charted as Poisson counts, not individuals.
    bool counts = false;
    /// It cannot be negative (a percentage, a duration, a count, a rate): its lower control
    /// limit stops at 0.
    bool nonNegative = false;

    /// Every measurement SPC knows, in the order they are listed.
    static const QList<SpcMeasurement>& all();
    /// Its specification depends on the alloy of the die.
    bool perAlloy() const { return limit.contains(QLatin1StringView("%1")); }
};

} // namespace rework
