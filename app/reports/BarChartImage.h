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
    static QImage paint(const QString& title, const QStringList& categories, const QList<int>& values,
                        const QSize& size = QSize(800, 340));
};

} // namespace rework
