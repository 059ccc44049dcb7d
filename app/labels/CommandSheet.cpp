#include "CommandSheet.h"
#include "storage/OutputFile.h"

#include "BarcodePainter.h"
#include "BarcodeSymbol.h"

#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <cmath>

namespace rework {
namespace {

/// The sheet's own resolution: modules are whole dots of it.
constexpr int kSheetDpi = 300;
/// The coarsest printer a sheet is printed on (a 203 dpi label printer): its minimum module holds.
constexpr int kCoarsestPrinterDpi = 203;

} // namespace

QString CommandSheet::caption(const CommandCode& command)
{
    switch (command.kind) {
    case CommandCode::Kind::Save:
        return tr("Save");
    case CommandCode::Kind::Clear:
        return tr("Clear form");
    case CommandCode::Kind::Pass:
        return tr("Result: pass");
    case CommandCode::Kind::Fail:
        return tr("Result: fail");
    case CommandCode::Kind::PrintLabel:
        return tr("Print label");
    case CommandCode::Kind::CloseBatch:
        return tr("Close batch (pack)");
    case CommandCode::Kind::Defect:
        return tr("Defect %1").arg(command.argument);
    }
    return {};
}

Status CommandSheet::writePdf(const QString& path, const QHash<QString, QString>& defects)
{
    QList<CommandCode> commands = CommandCode::fixedCommands();
    QStringList codes = defects.keys();
    codes.sort();
    for (const QString& code : codes)
        commands.append(CommandCode{CommandCode::Kind::Defect, code});

    if (Status st = OutputFile::check(path, {QByteArrayLiteral("%PDF-")}, QStringLiteral("pdf")); !st)
        return st;
    QPdfWriter pdf(path);
    pdf.setResolution(kSheetDpi); // modules are drawn on whole dots at this resolution
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    pdf.setTitle(tr("ReworkTrack command barcodes"));
    pdf.setCreator(QStringLiteral("ReworkTrack"));
    QPainter painter;
    if (!painter.begin(&pdf)) {
        return makeError(
            ErrorCode::Storage, QStringLiteral("pdf"),
            Message(tr, QT_TR_NOOP("cannot write %1; choose a folder you can write to"), {path}));
    }
    const QRect page = painter.viewport();
    const int columns = 2;
    const int cellWidth = page.width() / columns;
    const int padding = 40;
    const int cellHeight = kSheetDpi * 30 / 25; // 30 mm per row
    const int titleHeight = 150;
    QFont titleFont(QStringLiteral("Sans"));
    titleFont.setPixelSize(52);
    QFont captionFont(QStringLiteral("Sans"));
    captionFont.setPixelSize(40);

    int column = 0; // the next free column of the row at y
    int y = titleHeight;
    auto newPage = [&](bool first) {
        if (!first)
            pdf.newPage();
        painter.setFont(titleFont);
        painter.drawText(QRect(0, 0, page.width(), titleHeight),
                         Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                         tr("ReworkTrack command barcodes: scan to act on the open form"));
        y = titleHeight;
        column = 0;
    };
    newPage(true);
    for (const CommandCode& command : commands) {
        Result<BarcodeSymbol> symbol = BarcodeSymbol::encode(BarcodeSymbol::Type::Code128, command.text());
        if (!symbol)
            return symbol.error();
        // The sheet may be printed on any office or label printer: every module is at least the
        // narrowest one the coarsest of them prints readably, in this sheet's whole dots.
        const double minimumMm = symbol->minimumModuleMm(kCoarsestPrinterDpi);
        const int minimum = static_cast<int>(std::ceil(minimumMm * kSheetDpi / 25.4 - 1e-9));
        // Half the page's width where it fits at that module, else the whole width.
        const int span = symbol->dotsPerModule(cellWidth - 2 * padding, cellHeight) >= minimum ? 1 : columns;
        if (column + span > columns) {
            column = 0;
            y += cellHeight;
        }
        if (y + cellHeight > page.height())
            newPage(false);
        const int width = span * cellWidth - 2 * padding;
        const QRectF bars(column * cellWidth + padding, y + 20, width, cellHeight * 0.55);
        if (symbol->dotsPerModule(width, cellHeight) < minimum ||
            BarcodePainter::draw(painter, symbol.value(), bars).isEmpty())
            return makeError(ErrorCode::InvalidValue, QStringLiteral("barcode"),
                             Message(tr,
                                     QT_TR_NOOP("the barcode of %1 does not fit the sheet with modules of "
                                                "%2 mm or more; give the defect a shorter code"),
                                     {command.text(), std::round(minimumMm * 100) / 100}));
        painter.setFont(captionFont);
        painter.drawText(QRectF(column * cellWidth + padding, bars.bottom() + 10, width, cellHeight * 0.3),
                         Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere,
                         caption(command) + QLatin1Char('\n') + command.text());
        column += span;
    }
    painter.end();
    return {};
}

} // namespace rework
