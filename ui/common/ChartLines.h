#pragma once

#include <QColor>
#include <QString>

class QChart;
class QLineSeries;

namespace rework {

/// The reference lines the process charts draw over their data (centre, control and
/// specification limits, a liquidus, a peak window), and a legend that names each kind once.
namespace ChartLines {

/// A horizontal line at `y` from x = 0 to `right`; an empty name keeps it out of the legend.
QLineSeries* level(const QString& name, double y, double right, const QColor& colour, Qt::PenStyle style);
/// Hides the legend entries of unnamed series (a second bound shares its first's entry).
void hideUnnamedLegendEntries(QChart* chart);

} // namespace ChartLines
} // namespace rework
