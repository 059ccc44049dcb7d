#pragma once

#include "importers/RecordedReflow.h"

#include <QChartView>

namespace rework {

/// A reflow curve as the oven's own software draws it: each thermocouple over time, the liquidus,
/// and the peak window the record was (or, on a station form, will be) held to; its title gives
/// the figures against their window and the verdict, in red for a failed profile.
class ReflowCurveView : public QChartView
{
    Q_OBJECT

public:
    explicit ReflowCurveView(QWidget* parent = nullptr);
    void showReflow(const RecordedReflow& reflow);

private:
    QBrush m_titleBrush; // the theme's, for a profile that passed
};

} // namespace rework
