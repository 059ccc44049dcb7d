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
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace rework {
namespace {

QString number(double v)
{
    return QString::number(v, 'f', std::abs(v) >= 100 ? 1 : 2);
}

QValueAxis* indexAxis(double right)
{
    auto* x = new QValueAxis;
    x->setRange(0, std::max(1.0, right));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTickCount(std::min(11, static_cast<int>(right) + 1));
    return x;
}

void addSeries(QChart* chart, const QList<QAbstractSeries*>& series, QValueAxis* x, QValueAxis* y)
{
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : series) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    // The unnamed second bounds share the legend entry of their first.
    ChartLines::hideUnnamedLegendEntries(chart);
    BarChart::applyReadableFonts(chart);
}

void clear(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle(QString());
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
    // Each product at each station is its own process, with its own limits, as in the alarm list.
    m_processLabel = new QLabel(tr("Product at station"), this);
    top->addWidget(m_processLabel);
    m_process = new QComboBox(this);
    m_process->setObjectName(QStringLiteral("spcProcess"));
    // As wide as a usual "RTX4090 D at INSPECT-01 (200 values)"; the list shows longer ones whole.
    m_process->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_process->setMinimumContentsLength(32);
    top->addWidget(m_process);
    top->addStretch();
    layout->addLayout(top);
    m_figures = new QLabel(this);
    m_figures->setObjectName(QStringLiteral("spcFigures"));
    m_figures->setWordWrap(true);
    layout->addWidget(m_figures);
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignRight); // the height is the chart's
    auto* view = new QChartView(m_chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    layout->addWidget(view, 3);
    // Under the values, on the same x: the moving range between each value and the one before.
    m_mrChart = new QChart;
    m_mrChart->legend()->hide(); // its title names its lines: the height goes to the curve
    m_mrChart->setMargins(QMargins(8, 4, 8, 4));
    m_mrView = new QChartView(m_mrChart, this);
    m_mrView->setObjectName(QStringLiteral("spcMovingRange"));
    m_mrView->setRenderHint(QPainter::Antialiasing);
    m_mrView->setMinimumHeight(140);
    layout->addWidget(m_mrView, 2);
    connect(m_measurement, &QComboBox::currentIndexChanged, this,
            [this] { emit measurementChanged(measurement()); });
    connect(m_process, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0 || static_cast<std::size_t>(index) >= m_shown.processes.size())
            return;
        m_pickedProcess = m_process->itemData(index).toString();
        draw(m_shown.processes.at(static_cast<std::size_t>(index)));
    });
    showMessage(QString());
}

QString SpcPanel::measurement() const
{
    return m_measurement->currentData().toString();
}

QString SpcPanel::processKey(const SpcQuery::Chart& c)
{
    return QStringList{c.model, c.station, c.alloy}.join(QLatin1Char('\x1f'));
}

QString SpcPanel::scopeText(const SpcQuery::Chart& c)
{
    if (!c.pooled()) {
        const QString process = tr("%1 at %2").arg(c.model, c.station);
        return c.alloy.isEmpty() ? process : tr("%1, %2").arg(process, c.alloy.toUpper());
    }
    if (!c.model.isEmpty())
        return tr("%1 at every station, pooled").arg(c.model);
    if (!c.station.isEmpty())
        return tr("every product at %1, pooled").arg(c.station);
    return tr("every product and station, pooled");
}

void SpcPanel::clearCharts()
{
    clear(m_chart);
    clear(m_mrChart);
}

void SpcPanel::showMessage(const QString& text)
{
    m_shown = {};
    {
        const QSignalBlocker quiet(m_process);
        m_process->clear();
    }
    m_process->setVisible(false);
    m_processLabel->setVisible(false);
    clearCharts();
    m_mrView->setVisible(false); // no empty frame under the message
    m_figures->setText(text);
}

void SpcPanel::showChart(const SpcQuery::Chart& c)
{
    m_shown = c;
    int current = 0;
    {
        const QSignalBlocker quiet(m_process);
        m_process->clear();
        for (const SpcQuery::Chart& p : c.processes) {
            m_process->addItem(
                tr("%1 (%n values)", nullptr, static_cast<int>(p.points.size())).arg(scopeText(p)),
                processKey(p));
            if (processKey(p) == m_pickedProcess)
                current = m_process->count() - 1;
        }
        m_process->setCurrentIndex(c.processes.empty() ? -1 : current);
    }
    m_process->setVisible(!c.processes.empty());
    m_processLabel->setVisible(!c.processes.empty());
    m_process->setEnabled(c.processes.size() > 1);
    draw(c.processes.empty() ? c : c.processes.at(static_cast<std::size_t>(current)));
}

void SpcPanel::draw(const SpcQuery::Chart& c)
{
    clearCharts();
    const ControlChart& cc = c.chart;
    const QString title = KpiTitles::measurement(QString(c.measurement.name));
    if (c.points.size() < 2 || !cc.hasLimits()) {
        m_figures->setText(tr("Too few values of %1 in this range for a control chart (%2).")
                               .arg(title)
                               .arg(c.points.size()));
        m_mrView->setVisible(false);
        return;
    }
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
    auto* y = new QValueAxis;
    const double margin = std::max(1e-9, (high - low) * 0.08);
    y->setRange(low - margin, high + margin);
    y->setTitleText(c.measurement.unit);
    addSeries(m_chart, series, indexAxis(right), y);
    // What the values are of, in the title: one product at one station, or what is pooled.
    m_chart->setTitle(tr("%1: %2").arg(title, scopeText(c)));
    drawMovingRange(c, first);

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

void SpcPanel::drawMovingRange(const SpcQuery::Chart& c, qsizetype first)
{
    const ControlChart& cc = c.chart;
    // A count's c chart takes its limits from the mean count, not from the moving range.
    m_mrView->setVisible(!c.measurement.counts);
    if (c.measurement.counts)
        return;
    const double right = static_cast<double>(c.points.size() - first - 1);
    auto* ranges = new QLineSeries;
    ranges->setName(tr("moving range"));
    auto* beyond = new QScatterSeries;
    beyond->setName(tr("beyond its limit"));
    beyond->setColor(Qt::red);
    beyond->setMarkerSize(11);
    double high = cc.mrUcl();
    // The first value drawn has its range from the one before it, when there is one.
    for (qsizetype i = std::max<qsizetype>(1, first); i < c.points.size(); ++i) {
        const double range = std::abs(c.points.at(i).value - c.points.at(i - 1).value);
        const auto x = static_cast<double>(i - first);
        ranges->append(x, range);
        if (range > cc.mrUcl())
            beyond->append(x, range);
        high = std::max(high, range);
    }
    const QList<QAbstractSeries*> series{
        ranges, ChartLines::level(tr("MR̄"), cc.mrBar(), right, Qt::darkGreen, Qt::SolidLine),
        ChartLines::level(tr("UCL"), cc.mrUcl(), right, QColor(200, 120, 0), Qt::DashLine), beyond};
    auto* y = new QValueAxis;
    y->setRange(0, std::max(1e-9, high * 1.08));
    y->setTickCount(3); // a low chart: 0, the middle and the top read whole
    y->setLabelFormat(QStringLiteral("%.1f"));
    y->setTitleText(c.measurement.unit);
    addSeries(m_mrChart, series, indexAxis(right), y);
    m_mrChart->setTitle(
        tr("Moving range between consecutive values: MR̄ %1 (green) · upper limit %2 (dashed) · beyond "
           "it in red")
            .arg(number(cc.mrBar()), number(cc.mrUcl())));
}

} // namespace rework
