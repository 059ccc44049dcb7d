#include "BarChart.h"

#include "reports/CountScale.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>

namespace rework {

QChart* BarChart::create(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont titleFont = readableFont();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    // The plot gets the room: a dashboard tile has none to spare for wide margins.
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    return chart;
}

QBarSet* BarChart::setBars(QChart* chart, const QStringList& categories, const QList<int>& values,
                           Qt::Orientation orientation)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    // Horizontal bars are drawn from the bottom up (and Qt 6.4 ignores a reversed axis there):
    // given in reverse, the first category reads at the top, where the eye starts.
    const bool upsideDown = orientation == Qt::Horizontal;
    auto* set = new QBarSet(chart->title());
    int top = 0;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const int v = values.at(upsideDown ? values.size() - 1 - i : i);
        *set << v;
        top = std::max(top, v);
    }
    QAbstractBarSeries* series = nullptr;
    if (orientation == Qt::Horizontal)
        series = new QHorizontalBarSeries;
    else
        series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    auto* categoryAxis = new QBarCategoryAxis;
    QStringList shown = categories;
    if (upsideDown)
        std::reverse(shown.begin(), shown.end());
    categoryAxis->append(shown);
    QValueAxis* countAxisOfChart = countAxis(top);
    if (orientation == Qt::Horizontal) {
        chart->addAxis(categoryAxis, Qt::AlignLeft);
        chart->addAxis(countAxisOfChart, Qt::AlignBottom);
    } else {
        chart->addAxis(categoryAxis, Qt::AlignBottom);
        chart->addAxis(countAxisOfChart, Qt::AlignLeft);
    }
    series->attachAxis(categoryAxis);
    series->attachAxis(countAxisOfChart);
    applyReadableFonts(chart);
    return set;
}

int BarChart::categoriesThatFit(const QChart* chart, int most)
{
    // A slot holds a line of the axis font and the axis's padding above and below it (Qt Charts
    // 6.4 keeps 4 px each side of a label), with a little air.
    const qreal slot = QFontMetricsF(readableFont()).height() + 12;
    const int fit = static_cast<int>(chart->plotArea().height() / slot);
    return std::clamp(fit, 1, std::max(1, most));
}

QValueAxis* BarChart::countAxis(double top)
{
    const CountScale scale = CountScale::forMaximum(top);
    auto* y = new QValueAxis;
    y->setRange(0, scale.top);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(scale.step);
    y->setLabelFormat(QStringLiteral("%d"));
    return y;
}

QFont BarChart::readableFont()
{
    QFont font = QApplication::font();
    if (font.pointSizeF() > 0 && font.pointSizeF() < 10)
        font.setPointSizeF(10);
    return font;
}

void BarChart::applyReadableFonts(QChart* chart)
{
    const QFont font = readableFont();
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(font);
        axis->setTitleFont(font);
    }
    chart->legend()->setFont(font);
    for (QAbstractSeries* s : chart->series()) {
        if (auto* bars = qobject_cast<QAbstractBarSeries*>(s)) {
            for (QBarSet* set : bars->barSets())
                set->setLabelFont(font);
        }
    }
}

} // namespace rework
