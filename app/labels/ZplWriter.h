#pragma once

#include "FilledLabel.h"

#include <QByteArray>

namespace rework {

/// ZPL II for Zebra printers. Barcodes use the printer's own commands (^BC, ^BX, ^BQ) so that
/// the printer renders them at its own dots; module sizes follow the same whole-dot rule as the
/// PDF. Field data goes through ^FH hex escapes, so no scanned text can inject commands.
class ZplWriter
{
public:
    /// The label as ZPL, `copies` of it (^PQ).
    static QByteArray write(const FilledLabel& label, int copies = 1);
};

} // namespace rework
