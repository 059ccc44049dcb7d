#pragma once

#include "domain/CommandCode.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QHash>

namespace rework {

/// A printable PDF of command barcodes (save, clear, pass, fail, print label, and each defect
/// code) for the bench, so that a form can be finished without touching the keyboard. Every module
/// is at least what a 203 dpi printer prints readably (BarcodeSymbol::minimumModuleMm, 0.25 mm); a
/// code too long for half the page's width at that size takes the whole width.
class CommandSheet
{
    Q_DECLARE_TR_FUNCTIONS(CommandSheet)

public:
    /// `defects`: defect code -> step it belongs to.
    static Status writePdf(const QString& path, const QHash<QString, QString>& defects);
    /// Translated caption printed under a command's barcode.
    static QString caption(const CommandCode& command);
};

} // namespace rework
