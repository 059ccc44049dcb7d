#include "SpcPanel.h"

#include "common/BarChart.h"
#include "common/ChartLines.h"
#include "reports/KpiTitles.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace rework {
namespace {

QString number(double v)
{
    return QString::number(v, 'f', std::abs(v) >= 100 ? 1 : 2);
}

} // namespace

SpcPanel::SpcPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("spcPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_measurement = new QComboBox(this);
    m_measurement->setObjectName(QStringLiteral("spcMeasurement"));
    for (const SpcQuery::Measurement& m : SpcQuery::measurements())
        m_measurement->addItem(KpiTitles::measurement(QString(m.name)), QString(m.name));
    top->addWidget(new QLabel(tr("Measurement"), this));
    top->addWidget(m_measurement);
    m_figures = new QLabel(this);
    m_figures->setObjectName(QStringLiteral("spcFigures"));
    m_figures->setWordWrap(true);
    top->addWidget(m_figures, 1);
    layout->addLayout(top);
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignRight); // the height is the chart's
    auto* view = new QChartView(m_chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    layout->addWidget(view, 1);
    connect(m_measurement, &QComboBox::currentIndexChanged, this,
            [this] { emit measurementChanged(measurement()); });
}

QString SpcPanel::measurement() const
{
    return m_measurement->currentData().toString();
}

void SpcPanel::showMessage(const QString& text)
{
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes())
        m_chart->removeAxis(axis);
    m_chart->setTitle(QString());
    m_figures->setText(text);
}

void SpcPanel::showChart(const SpcQuery::Chart& c)
{
    const ControlChart& cc = c.chart;
    if (c.points.size() < 2 || !cc.hasLimits()) {
        showMessage(tr("Too few values of %1 in this range for a control chart (%2).")
                        .arg(KpiTitles::measurement(QString(c.measurement.name)))
                        .arg(c.points.size()));
        return;
    }
    showMessage(QString());
    const qsizetype first = std::max<qsizetype>(0, c.points.size() - kMaxPoints);
    const double right = static_cast<double>(c.points.size() - first - 1);
    auto* values = new QLineSeries;
    values->setName(tr("values"));
    auto* breaks = new QScatterSeries;
    breaks->setName(tr("rule broken"));
    breaks->setColor(Qt::red);
    breaks->setMarkerSize(11);
    double low = cc.lcl(), high = cc.ucl();
    for (qsizetype i = first; i < c.points.size(); ++i) {
        const SpcQuery::Point& p = c.points.at(i);
        const auto x = static_cast<double>(i - first);
        values->append(x, p.value);
        if (!p.rules.isEmpty())
            breaks->append(x, p.value);
        low = std::min(low, p.value);
        high = std::max(high, p.value);
    }
    QList<QAbstractSeries*> series{
        values, ChartLines::level(tr("centre"), cc.mean(), right, Qt::darkGreen, Qt::SolidLine),
        ChartLines::level(tr("±3σ"), cc.ucl(), right, QColor(200, 120, 0), Qt::DashLine),
        ChartLines::level(QString(), cc.lcl(), right, QColor(200, 120, 0), Qt::DashLine)};
    // One legend entry for the specification, whichever of its limits the line has.
    bool specNamed = false;
    for (const std::optional<double>& bound : {cc.spec().lsl, cc.spec().usl}) {
        if (!bound)
            continue;
        series << ChartLines::level(specNamed ? QString() : tr("specification"), *bound, right, Qt::darkRed,
                                    Qt::DotLine);
        specNamed = true;
        low = std::min(low, *bound);
        high = std::max(high, *bound);
    }
    series << breaks;
    auto* x = new QValueAxis;
    x->setRange(0, std::max(1.0, right));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTickCount(std::min(11, static_cast<int>(right) + 1));
    auto* y = new QValueAxis;
    const double margin = std::max(1e-9, (high - low) * 0.08);
    y->setRange(low - margin, high + margin);
    y->setTitleText(c.measurement.unit);
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : series) {
        m_chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    // The unnamed second bounds share the legend entry of their first.
    ChartLines::hideUnnamedLegendEntries(m_chart);
    m_chart->setTitle(KpiTitles::measurement(QString(c.measurement.name)));
    BarChart::applyReadableFonts(m_chart);

    int broken = 0;
    for (const SpcQuery::Point& p : c.points)
        broken += p.rules.isEmpty() ? 0 : 1;
    const QString cpk = cc.cpk() ? number(*cc.cpk()) : c.cpkReason;
    m_figures->setText(
        tr("n %1 · mean %2 · σ %3 · limits %4 – %5 · Cpk %6 · values breaking a rule: %7")
            .arg(cc.n())
            .arg(number(cc.mean()), number(cc.sigma()), number(cc.lcl()), number(cc.ucl()), cpk)
            .arg(broken));
}

} // namespace rework
