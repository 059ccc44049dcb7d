#pragma once

#include <QList>
#include <QStringList>

class QBarSet;
class QChart;
class QValueAxis;

namespace rework {

/// The one bar chart the dashboard and the printed reports both draw: titled, no legend, no
/// animation, one labelled bar per category on a whole-number axis.
class BarChart
{
public:
    static QChart* create(const QString& title);
    /// Replaces the chart's data; returns the bar set (for clicks).
    static QBarSet* setBars(QChart* chart, const QStringList& categories, const QList<int>& values);
    /// A count axis from 0 with room above `top` and ticks on whole numbers only (1, 2, 5, 10, ...).
    static QValueAxis* countAxis(double top);
};

} // namespace rework
