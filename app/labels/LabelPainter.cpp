#include "LabelPainter.h"
#include "storage/OutputFile.h"

#include "BarcodePainter.h"

#include <QFile>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

namespace rework {

void LabelPainter::setUp(QPagedPaintDevice& device, const FilledLabel& label)
{
    const QPageSize size(QSizeF(label.layout.widthMm, label.layout.heightMm), QPageSize::Millimeter,
                         label.layout.name, QPageSize::ExactMatch);
    device.setPageLayout(QPageLayout(size, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
}

int LabelPainter::textPixelSize(const LabelTemplate& t, const LabelTemplate::Element& e, const QString& text)
{
    const int size = std::max(1, static_cast<int>(std::lround(e.sizePt * t.dpi / 72.0)));
    QFont font(e.font);
    font.setPixelSize(size);
    font.setBold(e.bold);
    const QFontMetricsF metrics(font);
    const double height = t.dots(e.heightMm);
    if (height >= 2 * metrics.lineSpacing() || text.contains(QLatin1Char('\n')))
        return size; // room for more lines: it wraps instead
    const double width = metrics.horizontalAdvance(text);
    const double room = t.dots(e.widthMm);
    if (width <= room)
        return size;
    return std::max(1, static_cast<int>(std::floor(size * room / width)));
}

void LabelPainter::paint(QPainter& painter, const FilledLabel& label)
{
    const LabelTemplate& t = label.layout;
    for (qsizetype i = 0; i < t.elements.size(); ++i) {
        const LabelTemplate::Element& e = t.elements.at(i);
        const QRectF box(t.dots(e.xMm), t.dots(e.yMm), t.dots(e.widthMm), t.dots(e.heightMm));
        painter.save();
        switch (e.type) {
        case LabelTemplate::Element::Type::Text: {
            QFont font(e.font);
            font.setPixelSize(textPixelSize(t, e, label.texts.at(i)));
            font.setBold(e.bold);
            painter.setFont(font);
            painter.setPen(Qt::black);
            painter.setClipRect(box);
            painter.drawText(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, label.texts.at(i));
            break;
        }
        case LabelTemplate::Element::Type::Barcode:
            BarcodePainter::draw(painter, *label.symbols.at(i), box);
            break;
        case LabelTemplate::Element::Type::Line:
        case LabelTemplate::Element::Type::Box: {
            const int thickness = std::max(1, t.dots(e.thicknessMm));
            painter.setPen(Qt::NoPen);
            painter.setBrush(Qt::black);
            if (e.type == LabelTemplate::Element::Type::Line) {
                // Along the longer side of its box, drawn as a filled bar of whole dots.
                const bool horizontal = box.width() >= box.height();
                painter.drawRect(horizontal ? QRectF(box.left(), box.top(), box.width(), thickness)
                                            : QRectF(box.left(), box.top(), thickness, box.height()));
            } else {
                painter.drawRect(QRectF(box.left(), box.top(), box.width(), thickness));
                painter.drawRect(QRectF(box.left(), box.bottom() - thickness, box.width(), thickness));
                painter.drawRect(QRectF(box.left(), box.top(), thickness, box.height()));
                painter.drawRect(QRectF(box.right() - thickness, box.top(), thickness, box.height()));
            }
            break;
        }
        case LabelTemplate::Element::Type::Image: {
            const QImage scaled =
                label.images.at(i).scaled(box.size().toSize(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
            painter.drawImage(box.topLeft(), scaled);
            break;
        }
        }
        painter.restore();
    }
}

Status LabelPainter::writePdf(const QString& path, const QList<FilledLabel>& labels)
{
    if (labels.isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("labels"),
                         Message(tr, QT_TR_NOOP("no label to write")));
    if (Status st = OutputFile::check(path, {QByteArrayLiteral("%PDF-")}, QStringLiteral("pdf")); !st)
        return st;
    QPdfWriter pdf(path);
    pdf.setResolution(labels.first().layout.dpi);
    pdf.setCreator(QStringLiteral("ReworkTrack"));
    pdf.setTitle(labels.first().layout.name);
    setUp(pdf, labels.first());
    QPainter painter;
    if (!painter.begin(&pdf))
        return makeError(
            ErrorCode::Storage, QStringLiteral("pdf"),
            Message(tr, QT_TR_NOOP("cannot write %1; choose a folder you may write to"), {path}));
    for (qsizetype i = 0; i < labels.size(); ++i) {
        if (i > 0) {
            setUp(pdf, labels.at(i));
            pdf.newPage();
        }
        paint(painter, labels.at(i));
    }
    painter.end();
    if (QFile(path).size() == 0)
        return makeError(ErrorCode::Storage, QStringLiteral("pdf"),
                         Message(tr, QT_TR_NOOP("the PDF %1 came out empty"), {path}));
    return {};
}

} // namespace rework
