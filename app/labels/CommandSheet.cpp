#include "CommandSheet.h"

#include "BarcodePainter.h"
#include "BarcodeSymbol.h"

#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

namespace rework {

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

    QPdfWriter pdf(path);
    pdf.setResolution(300); // printer dots: modules are drawn on whole dots at this resolution
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
    const int cellHeight = 300 * 30 / 25; // 30 mm per row at 300 dpi
    const int titleHeight = 150;
    QFont titleFont(QStringLiteral("Sans"));
    titleFont.setPixelSize(52);
    QFont captionFont(QStringLiteral("Sans"));
    captionFont.setPixelSize(40);

    int index = 0;
    int y = titleHeight;
    auto newPage = [&](bool first) {
        if (!first)
            pdf.newPage();
        painter.setFont(titleFont);
        painter.drawText(QRect(0, 0, page.width(), titleHeight),
                         Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                         tr("ReworkTrack command barcodes: scan to act on the open form"));
        y = titleHeight;
    };
    newPage(true);
    for (const CommandCode& command : commands) {
        Result<BarcodeSymbol> symbol = BarcodeSymbol::encode(BarcodeSymbol::Type::Code128, command.text());
        if (!symbol)
            return symbol.error();
        const int column = index % columns;
        if (column == 0 && index > 0)
            y += cellHeight;
        if (y + cellHeight > page.height()) {
            newPage(false);
        }
        const QRectF bars(column * cellWidth + 40, y + 20, cellWidth - 80, cellHeight * 0.55);
        if (BarcodePainter::draw(painter, symbol.value(), bars, 10).isEmpty())
            return makeError(ErrorCode::InvalidValue, QStringLiteral("barcode"),
                             Message(tr, QT_TR_NOOP("a barcode does not fit the sheet")));
        painter.setFont(captionFont);
        painter.drawText(
            QRectF(column * cellWidth + 40, bars.bottom() + 10, cellWidth - 80, cellHeight * 0.3),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere,
            caption(command) + QLatin1Char('\n') + command.text());
        ++index;
    }
    painter.end();
    return {};
}

} // namespace rework
