#include "ThroughputCharts.h"

#include "common/BarChart.h"
#include "reports/KpiTitles.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <set>

namespace rework {
namespace {

void clear(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    // One entry per station: down the right side, each name whole (a row below cuts them).
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignRight);
}

int targetFor(const KpiReport& r, const QString& station)
{
    return station.isEmpty() ? r.shiftTarget : r.shiftTargets.value(station, r.shiftTarget);
}

/// The latest `count` keys that occur for any station, in order, and how many there are in all.
std::pair<QStringList, qsizetype> latestKeys(const QMap<QString, QMap<QString, int>>& byStation, int count)
{
    std::set<QString> keys;
    for (const auto& perKey : byStation) {
        for (auto it = perKey.constBegin(); it != perKey.constEnd(); ++it)
            keys.insert(it.key());
    }
    QStringList all(keys.begin(), keys.end());
    return {all.mid(std::max<qsizetype>(0, all.size() - count)), all.size()};
}

QLineSeries* targetLine(double target, int points)
{
    auto* line = new QLineSeries;
    line->setName(QCoreApplication::translate("ThroughputCharts", "target %1").arg(target, 0, 'g', 2));
    QPen pen(Qt::red);
    pen.setStyle(Qt::DashLine);
    pen.setWidth(2);
    line->setPen(pen);
    // Across the whole axis: from before the first category to after the last.
    line->append(-0.5, target);
    line->append(std::max(0, points - 1) + 0.5, target);
    return line;
}

/// Adds the target line. The title says "against the target" and the line is dashed red: it has
/// no legend entry, which would push a station's name out of the legend's room.
void addTarget(QChart* chart, QLineSeries* line)
{
    chart->addSeries(line);
    for (QLegendMarker* marker : chart->legend()->markers(line))
        marker->setVisible(false);
}

/// `x` below, a count axis up to `top` on the left, both attached to every series.
void axes(QChart* chart, QAbstractAxis* x, double top, const QList<QAbstractSeries*>& series)
{
    QValueAxis* y = BarChart::countAxis(top);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : series) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    BarChart::applyReadableFonts(chart);
}

} // namespace

ThroughputCharts::Shown ThroughputCharts::setPerShift(QChart* chart, const KpiReport& r,
                                                      const QString& station, int maxShifts)
{
    clear(chart);
    const auto [shifts, total] = latestKeys(r.throughputByStationShift, maxShifts);
    auto* bars = new QBarSeries;
    double top = 0;
    for (auto it = r.throughputByStationShift.constBegin(); it != r.throughputByStationShift.constEnd();
         ++it) {
        auto* set = new QBarSet(it.key());
        for (const QString& shift : shifts) {
            *set << it.value().value(shift);
            top = std::max<double>(top, it.value().value(shift));
        }
        bars->append(set);
    }
    chart->addSeries(bars);
    const int target = targetFor(r, station);
    QList<QAbstractSeries*> series{bars};
    if (target > 0) {
        QLineSeries* line = targetLine(target, static_cast<int>(shifts.size()));
        addTarget(chart, line);
        series << line;
        top = std::max<double>(top, target);
    }
    QStringList labels;
    for (const QString& key : shifts) // "2026-11-02 D" -> "02 day", translated
        labels << KpiTitles::shift(key);
    auto* x = new QBarCategoryAxis;
    x->append(labels);
    axes(chart, x, top, series);
    return {shifts.size(), total};
}

ThroughputCharts::Shown ThroughputCharts::setPerHour(QChart* chart, const KpiReport& r,
                                                     const QString& station, int maxHours)
{
    clear(chart);
    const auto [hours, total] = latestKeys(r.throughputByStationHour, maxHours);
    if (hours.isEmpty())
        return {};
    auto hourStart = [](const QString& hour) {
        return QDateTime::fromString(hour + QStringLiteral(":00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    };
    // Every hour of the window, so that an hour without work shows as zero.
    const qint64 first = hourStart(hours.first());
    const qint64 last = hourStart(hours.last());
    QList<QAbstractSeries*> series;
    double top = 0;
    for (auto it = r.throughputByStationHour.constBegin(); it != r.throughputByStationHour.constEnd(); ++it) {
        auto* line = new QLineSeries;
        line->setName(it.key());
        for (qint64 t = first; t <= last; t += 3600LL * 1000) {
            const QString key =
                QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH"));
            const int n = it.value().value(key);
            line->append(static_cast<qreal>(t), n);
            top = std::max<double>(top, n);
        }
        chart->addSeries(line);
        series << line;
    }
    const double target = targetFor(r, station) / 12.0;
    if (target > 0) {
        QLineSeries* line = targetLine(target, 0);
        line->clear();
        line->append(static_cast<qreal>(first), target);
        line->append(static_cast<qreal>(last), target);
        addTarget(chart, line);
        series << line;
        top = std::max(top, target);
    }
    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("dd HH'h'"));
    x->setTickCount(4);
    x->setRange(QDateTime::fromMSecsSinceEpoch(first),
                QDateTime::fromMSecsSinceEpoch(std::max(last, first + 3600LL * 1000)));
    axes(chart, x, top, series);
    return {hours.size(), total};
}

} // namespace rework
