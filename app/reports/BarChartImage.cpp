#include "BarChartImage.h"

#include "CountScale.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace rework {

QImage BarChartImage::paint(const QString& title, const QStringList& categories, const QList<int>& values,
                            const QSize& size, const QList<int>& targets, const QString& targetName)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);

    QFont titleFont = p.font();
    titleFont.setPixelSize(18);
    titleFont.setBold(true);
    QFont labelFont = p.font();
    labelFont.setPixelSize(13);
    const QFontMetrics labels(labelFont);

    p.setFont(titleFont);
    const QRect titleBox(0, 4, size.width(), 28);
    p.drawText(titleBox, Qt::AlignCenter, title);

    int maximum = 0;
    for (int v : values + targets)
        maximum = std::max(maximum, v);
    const CountScale scale = CountScale::forMaximum(maximum);

    // Plot area: room for the axis numbers on the left, the category names below.
    const int left = labels.horizontalAdvance(QString::number(static_cast<long long>(scale.top))) + 16;
    const QRect plot(left, titleBox.bottom() + 12, size.width() - left - 12,
                     size.height() - titleBox.bottom() - 12 - labels.height() * 2 - 8);

    p.setFont(labelFont);
    const int ticks = static_cast<int>(std::lround(scale.top / scale.step));
    for (int i = 0; i <= ticks; ++i) {
        const double tick = i * scale.step;
        const int y = plot.bottom() - static_cast<int>(plot.height() * tick / scale.top);
        p.setPen(QColor(220, 220, 220));
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(Qt::black);
        p.drawText(QRect(0, y - labels.height() / 2, left - 6, labels.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(static_cast<long long>(tick)));
    }
    p.drawLine(plot.bottomLeft(), plot.bottomRight());

    const int n = static_cast<int>(std::min(categories.size(), values.size()));
    if (n == 0)
        return image;
    const double slot = static_cast<double>(plot.width()) / n;
    for (int i = 0; i < n; ++i) {
        const int h = static_cast<int>(plot.height() * values.at(i) / scale.top);
        const QRectF bar(plot.left() + slot * i + slot * 0.15, plot.bottom() - h, slot * 0.7, h);
        p.fillRect(bar, QColor(32, 159, 223));
        p.setPen(Qt::black);
        p.drawText(QRectF(bar.left(), bar.top() - labels.height() - 2, bar.width(), labels.height()),
                   Qt::AlignCenter, QString::number(values.at(i)));
        // Category names wrap onto two lines rather than run into their neighbours.
        p.drawText(QRectF(plot.left() + slot * i, plot.bottom() + 4, slot, labels.height() * 2 + 4),
                   Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, categories.at(i));
    }
    QPen targetPen(QColor(220, 30, 30));
    targetPen.setStyle(Qt::DashLine);
    targetPen.setWidth(2);
    bool anyTarget = false;
    for (int i = 0; i < std::min<int>(n, static_cast<int>(targets.size())); ++i) {
        if (targets.at(i) <= 0)
            continue;
        anyTarget = true;
        const double y = plot.bottom() - plot.height() * targets.at(i) / scale.top;
        p.setPen(targetPen);
        p.drawLine(QPointF(plot.left() + slot * i + slot * 0.05, y),
                   QPointF(plot.left() + slot * (i + 1) - slot * 0.05, y));
    }
    if (anyTarget && !targetName.isEmpty()) {
        // The legend in the title row's right corner, clear of the bars.
        const int width = labels.horizontalAdvance(targetName);
        const int y = titleBox.center().y();
        p.setPen(targetPen);
        p.drawLine(size.width() - width - 44, y, size.width() - width - 18, y);
        p.setPen(Qt::black);
        p.setFont(labelFont);
        p.drawText(QRect(size.width() - width - 14, y - labels.height() / 2, width + 8, labels.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, targetName);
    }
    return image;
}

} // namespace rework
