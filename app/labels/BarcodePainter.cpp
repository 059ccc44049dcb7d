#include "BarcodePainter.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace rework {

QRectF BarcodePainter::draw(QPainter& painter, const BarcodeSymbol& symbol, const QRectF& area,
                            int quietModules)
{
    if (quietModules < 0)
        quietModules = symbol.quietModules();
    const int totalColumns = symbol.columns() + 2 * quietModules;
    const int totalRows = symbol.isLinear() ? 1 : symbol.rows() + 2 * quietModules;
    int dots = static_cast<int>(std::floor(area.width() / totalColumns));
    if (!symbol.isLinear())
        dots = std::min(dots, static_cast<int>(std::floor(area.height() / totalRows)));
    if (symbol.type() == BarcodeSymbol::Type::QrCode) // no larger than the printer's ^BQ can make it
        dots = std::min(dots, BarcodeSymbol::kMaxQrDotsPerModule);
    if (dots < 1)
        return {};
    const double left = std::round(area.left()) + quietModules * dots;
    const double top = std::round(area.top()) + (symbol.isLinear() ? 0 : quietModules * dots);
    const double barHeight = symbol.isLinear() ? std::round(area.height()) : dots;
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    for (int r = 0; r < symbol.rows(); ++r) {
        for (int c = 0; c < symbol.columns(); ++c) {
            if (!symbol.isDark(r, c))
                continue;
            // Runs of dark modules become one rectangle.
            int run = 1;
            while (c + run < symbol.columns() && symbol.isDark(r, c + run))
                ++run;
            const double y = symbol.isLinear() ? top : top + r * dots;
            painter.drawRect(QRectF(left + c * dots, y, run * dots, barHeight));
            c += run - 1;
        }
        if (symbol.isLinear())
            break;
    }
    painter.restore();
    return QRectF(std::round(area.left()), std::round(area.top()), totalColumns * dots,
                  symbol.isLinear() ? barHeight : totalRows * dots);
}

} // namespace rework
