#include "ThroughputCharts.h"

#include "common/BarChart.h"
#include "reports/KpiTitles.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <iterator>
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

/// A station's colour, the same in both charts, on every refresh and whatever the filter: by its
/// place among the registered stations (in name order; one from elsewhere after them), from a
/// palette without the target's red. Past its ten colours they come round darker, then lighter:
/// thirty stations each have a colour of their own, also in the legend's squares.
QColor stationColour(const KpiReport& r, const QString& station)
{
    static const QColor palette[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b),
                                     QColor(0x59, 0xa1, 0x4f), QColor(0xb0, 0x7a, 0xa1),
                                     QColor(0x76, 0xb7, 0xb2), QColor(0xed, 0xc9, 0x48),
                                     QColor(0x9c, 0x75, 0x5f), QColor(0xff, 0x9d, 0xa7),
                                     QColor(0x6a, 0x3d, 0x9a), QColor(0x7f, 0x7f, 0x7f)};
    constexpr qsizetype kColours = std::size(palette);
    qsizetype place = r.registeredStations.indexOf(station);
    if (place < 0)
        place = r.registeredStations.size() +
                std::max<qsizetype>(0, r.throughputByStation.keys().indexOf(station));
    const QColor& base = palette[place % kColours];
    switch ((place / kColours) % 3) {
    case 1:
        return base.darker(170);
    case 2:
        return base.lighter(135);
    default:
        return base;
    }
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
        const QColor colour = stationColour(r, it.key());
        set->setColor(colour);
        set->setBorderColor(colour.darker(130));
        for (const QString& shift : shifts) {
            *set << it.value().value(shift);
            top = std::max<double>(top, it.value().value(shift));
        }
        bars->append(set);
    }
    chart->addSeries(bars);
    const int target = r.targetPerShift(station);
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
    // The hours are the factory's clock hours ("2026-11-27T06"). They are counted as if UTC, a
    // clock without daylight saving, and drawn where this PC's clock reads the same, since the
    // axis shows this PC's local time.
    auto hourStart = [](const QString& hour) {
        return QDateTime::fromString(hour + QStringLiteral(":00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
    };
    auto drawnAt = [](qint64 clockMs) {
        const QDateTime clock = QDateTime::fromMSecsSinceEpoch(clockMs, Qt::UTC);
        return static_cast<qreal>(QDateTime(clock.date(), clock.time(), Qt::LocalTime).toMSecsSinceEpoch());
    };
    // Every hour of the window, so that an hour without work shows as zero.
    const qint64 first = hourStart(hours.first());
    const qint64 last = hourStart(hours.last());
    QList<QAbstractSeries*> series;
    double top = 0;
    for (auto it = r.throughputByStationHour.constBegin(); it != r.throughputByStationHour.constEnd(); ++it) {
        auto* line = new QLineSeries;
        line->setName(it.key());
        QPen pen(stationColour(r, it.key()));
        pen.setWidth(2);
        line->setPen(pen);
        for (qint64 t = first; t <= last; t += 3600LL * 1000) {
            const QString key =
                QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH"));
            const int n = it.value().value(key);
            line->append(drawnAt(t), n);
            top = std::max<double>(top, n);
        }
        chart->addSeries(line);
        series << line;
    }
    const double target = r.targetPerShift(station) / 12.0;
    if (target > 0) {
        QLineSeries* line = targetLine(target, 0);
        line->clear();
        line->append(drawnAt(first), target);
        line->append(drawnAt(last), target);
        addTarget(chart, line);
        series << line;
        top = std::max(top, target);
    }
    auto* x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("dd HH'h'"));
    x->setTickCount(4);
    x->setRange(
        QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(drawnAt(first))),
        QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(drawnAt(std::max(last, first + 3600LL * 1000)))));
    axes(chart, x, top, series);
    return {hours.size(), total};
}

} // namespace rework
