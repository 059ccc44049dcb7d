#include "ReflowCurveView.h"

#include "common/BarChart.h"
#include "common/ChartLines.h"

#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace rework {
namespace {

QString windowText(const std::optional<double>& low, const std::optional<double>& high)
{
    if (low && high)
        return QStringLiteral("%1–%2").arg(*low).arg(*high);
    if (low)
        return QStringLiteral("≥ %1").arg(*low);
    if (high)
        return QStringLiteral("≤ %1").arg(*high);
    return QStringLiteral("—");
}

} // namespace

ReflowCurveView::ReflowCurveView(QWidget* parent) : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("reflowCurve"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(640, 400);
    chart()->legend()->setAlignment(Qt::AlignRight);
    m_titleBrush = chart()->titleBrush();
}

void ReflowCurveView::showReflow(const RecordedReflow& r)
{
    QChart* c = chart();
    c->removeAllSeries();
    for (QAbstractAxis* axis : c->axes())
        c->removeAxis(axis);
    double end = 1, low = 25, high = r.liquidusC;
    QList<QLineSeries*> series;
    for (const ProfileCurve& channel : r.log.channels) {
        auto* line = new QLineSeries;
        line->setName(channel.channel == r.channel ? tr("%1 (figures)").arg(channel.channel)
                                                   : channel.channel);
        for (qsizetype i = 0; i < channel.seconds.size() && i < channel.celsius.size(); ++i) {
            line->append(channel.seconds.at(i), channel.celsius.at(i));
            low = std::min(low, channel.celsius.at(i));
            high = std::max(high, channel.celsius.at(i));
        }
        if (!channel.seconds.isEmpty())
            end = std::max(end, channel.seconds.last());
        if (channel.channel == r.channel) {
            QPen pen = line->pen();
            pen.setWidth(3);
            line->setPen(pen);
        }
        series << line;
    }
    const auto level = [&](const QString& name, double y, const QColor& colour, Qt::PenStyle style) {
        series << ChartLines::level(name, y, end, colour, style);
        high = std::max(high, y);
    };
    level(r.alloy.isEmpty() ? tr("liquidus %1 °C").arg(r.liquidusC)
                            : tr("liquidus %1 °C (%2)").arg(r.liquidusC).arg(r.alloy),
          r.liquidusC, QColor(30, 120, 200), Qt::DashLine);
    bool named = false;
    for (const std::optional<double>& bound : {r.peakLowC, r.peakHighC}) {
        if (!bound)
            continue;
        level(named ? QString() : tr("peak window"), *bound, Qt::darkRed, Qt::DotLine);
        named = true;
    }
    auto* x = new QValueAxis;
    x->setRange(0, end);
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("seconds"));
    auto* y = new QValueAxis;
    y->setRange(std::floor(low / 10) * 10, std::ceil((high + 5) / 10) * 10);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(QStringLiteral("°C"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* s : series) {
        c->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    ChartLines::hideUnnamedLegendEntries(c);
    c->setTitle(tr("Peak %1 °C (window %2) · time above liquidus %3 s (window %4) · %5")
                    .arg(r.peakC, 0, 'f', 1)
                    .arg(windowText(r.peakLowC, r.peakHighC))
                    .arg(r.timeAboveLiquidusS, 0, 'f', 1)
                    .arg(windowText(r.talLowS, r.talHighS))
                    .arg(r.pass ? tr("profile passed") : tr("profile failed")));
    BarChart::applyReadableFonts(c);
    // A failed profile reads red at a glance, as the banner says it.
    c->setTitleBrush(r.pass ? m_titleBrush : QBrush(QColor(0xc6, 0x28, 0x28)));
}

} // namespace rework
