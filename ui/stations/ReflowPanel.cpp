#include "ReflowPanel.h"

#include "common/BarChart.h"
#include "common/ReflowCurveView.h"
#include "importers/RecordedReflow.h"

#include <QAbstractAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QVBoxLayout>

namespace rework {

ReflowPanel::ReflowPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("reflowPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_curve = new ReflowCurveView(this);
    // Far smaller than in the trace's dialog: the form shares a 1366x768 screen with the fields,
    // a banner of up to three lines and the buttons, and never scrolls; the curve takes the
    // height they leave (its legend to the right, where the form has room).
    m_curve->setMinimumSize(360, 140);
    // Every pixel to the curve: no margins around the chart nor padding inside it.
    QChart* chart = m_curve->chart();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    // The title is the verdict: as readable as the axes, and bold.
    QFont title = BarChart::readableFont();
    title.setBold(true);
    chart->setTitleFont(title);
    m_curve->setFocusPolicy(Qt::NoFocus); // the scanner keeps typing into the fields
    layout->addWidget(m_curve);
    hide();
}

Status ReflowPanel::showRuns(const QList<ImportedRun>& runs, const QString& dataFolder)
{
    for (const ImportedRun& run : runs) {
        Result<std::optional<RecordedReflow>> reflow = RecordedReflow::ofImported(run, dataFolder);
        if (!reflow) {
            hide();
            return reflow.error();
        }
        if (reflow.value()) {
            m_curve->showReflow(*reflow.value());
            // The title says °C and s: the axes need no titles of their own here.
            for (QAbstractAxis* axis : m_curve->chart()->axes())
                axis->setTitleVisible(false);
            show();
            return {};
        }
    }
    hide();
    return {};
}

} // namespace rework
