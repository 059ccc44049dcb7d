#pragma once

#include <QList>
#include <QStringList>
#include <QtGlobal>

class QBarSet;
class QChart;
class QFont;
class QValueAxis;

namespace rework {

/// The one bar chart the dashboard draws: titled, no legend, no animation, one labelled bar per
/// category on a whole-number axis, in type a supervisor reads from arm's length.
class BarChart
{
public:
    static QChart* create(const QString& title);
    /// Replaces the chart's data; returns the bar set (for clicks: see barIndex). Horizontal bars
    /// run down from the first category at the top, with room for long names (a Pareto).
    static QBarSet* setBars(QChart* chart, const QStringList& categories, const QList<int>& values,
                            Qt::Orientation orientation = Qt::Vertical);
    /// The category of a clicked bar's index in the set setBars returned (bottom-up when horizontal).
    static qsizetype categoryOf(qsizetype barIndex, qsizetype count, Qt::Orientation orientation)
    {
        return orientation == Qt::Horizontal ? count - 1 - barIndex : barIndex;
    }
    /// How many categories of horizontal bars fit the chart's plot area with each name whole:
    /// Qt Charts cuts a category's label to "..." once its slot is shorter than a line of text.
    /// At least 1, at most `most`.
    static int categoriesThatFit(const QChart* chart, int most);
    /// A count axis from 0 with room above `top` and ticks on whole numbers only (1, 2, 5, 10, ...).
    static QValueAxis* countAxis(double top);
    /// The type of axis labels, legends and bar labels: the application's, never below 10 pt
    /// (Qt Charts' own default is a size smaller).
    static QFont readableFont();
    /// Gives every axis, the legend and the bar labels of `chart` the readable type; call after
    /// its series and axes are set.
    static void applyReadableFonts(QChart* chart);
};

} // namespace rework
