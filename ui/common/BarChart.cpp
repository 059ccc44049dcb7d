#include "BarChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace rework {

QChart* BarChart::create(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

QBarSet* BarChart::setBars(QChart* chart, const QStringList& categories, const QList<int>& values)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    auto* set = new QBarSet(chart->title());
    int top = 0;
    for (int v : values) {
        *set << v;
        top = std::max(top, v);
    }
    auto* series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    QValueAxis* y = countAxis(top);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return set;
}

QValueAxis* BarChart::countAxis(double top)
{
    // About four steps of 1, 2 or 5 times a power of ten: no tick between two whole numbers.
    double step = 1;
    for (double magnitude = 1; step * 4 < top; magnitude *= 10) {
        for (double m : {1.0, 2.0, 5.0}) {
            step = m * magnitude;
            if (step * 4 >= top)
                break;
        }
    }
    auto* y = new QValueAxis;
    y->setRange(0, std::ceil((top * 1.1 + 0.5) / step) * step);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(step);
    y->setLabelFormat(QStringLiteral("%d"));
    return y;
}

} // namespace rework
