#pragma once

#include "BarcodeSymbol.h"

#include <QRectF>

class QPainter;

namespace rework {

/// Draws a BarcodeSymbol so that each module is a whole number of device dots wide: a module
/// split across dots blurs bar widths and scanners misread them.
class BarcodePainter
{
public:
    /// Draws into `area` (device units), as large as fits, with a quiet zone of `quietModules`
    /// (-1: the symbology's own). Returns the rectangle actually covered, quiet zone included;
    /// empty if it cannot fit.
    static QRectF draw(QPainter& painter, const BarcodeSymbol& symbol, const QRectF& area,
                       int quietModules = -1);
};

} // namespace rework
