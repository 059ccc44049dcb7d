#pragma once

#include "domain/Action.h"
#include "domain/Result.h"

#include <QWidget>

namespace rework {

class ReflowCurveView;

/// The curve of a thermocouple log imported at reball or mount, drawn on the form with its
/// window and verdict while the log waits there for the record (staged evidence): the operator
/// sees the curve before saving, as the trace shows it after. Hidden while the form holds none.
/// The core reads the curve back (RecordedReflow); the panel only draws it, and never takes the
/// cursor away from the scan fields.
class ReflowPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReflowPanel(QWidget* parent = nullptr);

    /// Draws the curve of the profile log among `runs`, or hides when they hold none. An error
    /// (and hidden) when its staged file cannot be read back as the run read it.
    Status showRuns(const QList<ImportedRun>& runs, const QString& dataFolder);
    ReflowCurveView* curve() const { return m_curve; }

private:
    ReflowCurveView* m_curve = nullptr;
};

} // namespace rework
