#pragma once

#include "reports/SpcQuery.h"

#include <QWidget>

class QChart;
class QComboBox;
class QLabel;

namespace rework {

/// One measurement's individuals control chart as a supervisor reads it: the values in the
/// order they were made, the centre line and the ±3σ limits, the specification limits where the
/// line has them, and each value that breaks a Western Electric rule in red; beside it n, mean,
/// σ and Cpk (or why there is none). The dashboard runs the query; the panel only draws.
class SpcPanel : public QWidget
{
    Q_OBJECT

public:
    /// Values drawn at most: the newest ones (the limits still come from all).
    static constexpr int kMaxPoints = 200;

    explicit SpcPanel(QWidget* parent = nullptr);

    /// The measurement chosen (its payload key).
    QString measurement() const;
    void showChart(const SpcQuery::Chart& chart);
    /// No chart: says why (no values in the range, or the query's error).
    void showMessage(const QString& text);

    QChart* chart() const { return m_chart; }
    QLabel* figuresLabel() const { return m_figures; }
    QComboBox* measurementPicker() const { return m_measurement; }

signals:
    void measurementChanged(const QString& name);

private:
    QComboBox* m_measurement = nullptr;
    QLabel* m_figures = nullptr;
    QChart* m_chart = nullptr;
};

} // namespace rework
