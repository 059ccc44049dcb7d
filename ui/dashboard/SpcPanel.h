#pragma once

#include "reports/SpcQuery.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QLabel;

namespace rework {

/// One measurement's individuals / moving-range control chart as a supervisor reads it: the
/// values in the order they were made, the centre line and the ±3σ limits, the specification
/// limits where the line has them, and each value that breaks a Western Electric rule in red;
/// under it the moving range between consecutive values with its centre and upper limit; beside
/// them n, mean, σ and Cpk (or why there is none). Each product at each station is its own chart,
/// as in the alarm list: a picker lists those with values, the core's choice first; a chart of
/// values pooled from several says so in its title. The dashboard runs the query; the panel only
/// draws.
class SpcPanel : public QWidget
{
    Q_OBJECT

public:
    /// Values drawn at most: the newest ones (the limits still come from all).
    static constexpr int kMaxPoints = 200;

    explicit SpcPanel(QWidget* parent = nullptr);

    /// The measurement chosen (its payload key).
    QString measurement() const;
    /// Draws `chart`; one with processes (SpcQuery::panel's) draws the process picked, which stays
    /// picked over refreshes while it has values, else the first, the core's choice.
    void showChart(const SpcQuery::Chart& chart);
    /// No chart: says why (no values in the range, or the query's error).
    void showMessage(const QString& text);

    QChart* chart() const { return m_chart; }
    QChart* movingRangeChart() const { return m_mrChart; }
    QChartView* movingRangeView() const { return m_mrView; }
    QLabel* figuresLabel() const { return m_figures; }
    QComboBox* measurementPicker() const { return m_measurement; }
    /// The product and station whose chart is drawn (data: a key of model, station and alloy).
    QComboBox* processPicker() const { return m_process; }

signals:
    void measurementChanged(const QString& name);

private:
    void clearCharts();
    void draw(const SpcQuery::Chart& c);
    void drawMovingRange(const SpcQuery::Chart& c, qsizetype first);
    /// "RTX4090 at INSPECT-1", or what a pooled chart pools.
    static QString scopeText(const SpcQuery::Chart& c);
    static QString processKey(const SpcQuery::Chart& c);

    QComboBox* m_measurement = nullptr;
    QLabel* m_processLabel = nullptr;
    QComboBox* m_process = nullptr;
    QLabel* m_figures = nullptr;
    QChart* m_chart = nullptr;
    QChart* m_mrChart = nullptr;
    QChartView* m_mrView = nullptr;
    SpcQuery::Chart m_shown; // the chart given last, with its processes
    QString m_pickedProcess; // the process the supervisor picked; empty: the core's choice
};

} // namespace rework
