#include "BarChart.h"

#include "reports/CountScale.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QValueAxis>

#include <algorithm>

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
    const CountScale scale = CountScale::forMaximum(top);
    auto* y = new QValueAxis;
    y->setRange(0, scale.top);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(scale.step);
    y->setLabelFormat(QStringLiteral("%d"));
    return y;
}

} // namespace rework
