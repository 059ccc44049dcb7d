#include "PrintedPages.h"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPalette>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <algorithm>

namespace rework {
namespace {

/// What must share a heading's page: the next block that is not a heading itself (a section's
/// title goes with its first sub-section's), or for a table its first row below the header rows
/// (which the layout repeats on each page of the table).
QTextBlock firstContentAfter(const QTextBlock& heading)
{
    QTextBlock next = heading.next();
    while (next.isValid() && next.blockFormat().headingLevel() > 0)
        next = next.next();
    if (QTextTable* table = next.isValid() ? QTextCursor(next).currentTable() : nullptr) {
        const int header = std::max(1, table->format().headerRowCount());
        if (table->rows() > header)
            next = table->cellAt(header, 0).firstCursorPosition().block();
    }
    return next;
}

/// Qt's HTML has no "page-break-after: avoid"; a break before the heading does the same. Each
/// break moves what comes after it, so the pages are read again after each.
void keepHeadingsWithWhatFollows(QTextDocument& document)
{
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    const qreal pageHeight = document.pageSize().height();
    // By the block's first line: a paragraph (or a picture) whose first line does not fit keeps
    // its place on the page and has the line moved to the next one.
    auto pageOf = [&](const QTextBlock& block) {
        const QTextLayout* lines = block.layout();
        const qreal first = lines && lines->lineCount() > 0 ? lines->lineAt(0).y() : 0;
        return static_cast<int>((layout->blockBoundingRect(block).top() + first) / pageHeight);
    };
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().headingLevel() == 0)
            continue;
        const QTextBlock next = firstContentAfter(block);
        if (!next.isValid() || pageOf(next) == pageOf(block))
            continue;
        QTextBlockFormat format;
        format.setPageBreakPolicy(block.blockFormat().pageBreakPolicy() |
                                  QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(block).mergeBlockFormat(format);
    }
}

} // namespace

void printPages(QTextDocument& document, QPagedPaintDevice& device)
{
    QPainter painter(&device);
    // No ligatures: "94ff" in a GPU UUID must print as four characters, or a UUID copied or
    // searched from a shipping document is not the GPU's. Latin text needs no other shaping.
    QFont font = document.defaultFont();
    font.setStyleStrategy(QFont::PreferNoShaping);
    document.setDefaultFont(font);
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    layout->setPaintDevice(&device);
    // The page number's line at the foot, the text above it.
    const QFontMetricsF metrics(document.defaultFont(), &device);
    const qreal footer = metrics.height() * 2;
    const QSizeF body(device.width(), device.height() - footer);
    document.setPageSize(body);
    keepHeadingsWithWhatFollows(document);
    const int pages = document.pageCount();
    painter.setFont(document.defaultFont());
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            device.newPage();
        const QRectF view(0, page * body.height(), body.width(), body.height());
        painter.save();
        painter.translate(0, -view.top());
        painter.setClipRect(view);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = view;
        context.palette.setColor(QPalette::Text, Qt::black); // not the desktop theme's text colour
        layout->draw(&painter, context);
        painter.restore();
        painter.drawText(QRectF(0, body.height(), body.width(), footer), Qt::AlignRight | Qt::AlignBottom,
                         QStringLiteral("%1 / %2").arg(page + 1).arg(pages));
    }
}

} // namespace rework
