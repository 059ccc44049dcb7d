#pragma once

#include "importers/RecordedReflow.h"

#include <QChartView>

namespace rework {

/// A recorded reflow curve as the oven's own software draws it: each thermocouple over time, the
/// liquidus, and the peak window the record was held to; its title gives the figures against
/// their window and the verdict.
class ReflowCurveView : public QChartView
{
    Q_OBJECT

public:
    explicit ReflowCurveView(QWidget* parent = nullptr);
    void showReflow(const RecordedReflow& reflow);
};

} // namespace rework
