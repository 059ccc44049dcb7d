#pragma once

#include <QImage>
#include <QList>
#include <QStringList>

namespace rework {

/// A titled bar chart painted with QPainter into an image, for printed documents: one labelled
/// bar per category on a whole-number axis. QtGui only, so the CLI can print reports without
/// widgets.
class BarChartImage
{
public:
    /// With `targets` (one per category, 0 for none), each bar's target is a dashed red line
    /// across its slot, named `targetName` in a legend: stations' targets differ.
    static QImage paint(const QString& title, const QStringList& categories, const QList<int>& values,
                        const QSize& size = QSize(800, 340), const QList<int>& targets = {},
                        const QString& targetName = {});
};

} // namespace rework
