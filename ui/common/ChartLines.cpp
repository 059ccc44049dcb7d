#include "ChartLines.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>

namespace rework::ChartLines {

QLineSeries* level(const QString& name, double y, double right, const QColor& colour, Qt::PenStyle style)
{
    auto* line = new QLineSeries;
    line->setName(name);
    line->append(0, y);
    line->append(right, y);
    QPen pen(colour);
    pen.setWidth(2);
    pen.setStyle(style);
    line->setPen(pen);
    return line;
}

void hideUnnamedLegendEntries(QChart* chart)
{
    for (QLegendMarker* marker : chart->legend()->markers()) {
        if (marker->label().isEmpty())
            marker->setVisible(false);
    }
}

} // namespace rework::ChartLines
