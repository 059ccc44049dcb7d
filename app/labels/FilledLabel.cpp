#include "FilledLabel.h"

#include "LabelPainter.h"
#include "storage/InputFile.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImageReader>

namespace rework {
namespace {

constexpr qint64 kMaxImageBytes = 16LL * 1024 * 1024;
constexpr int kMaxImageSide = 4000;
/// Text smaller than this (the font's pixel size) is not read reliably on a label.
constexpr double kMinTextMm = 1.5;

/// A barcode whose modules would come out too small for a scanner at this resolution.
Status checkModule(int index, const LabelTemplate& t, const LabelTemplate::Element& e,
                   const BarcodeSymbol& symbol, const QString& text)
{
    const int minimum = symbol.minimumDotsPerModule(t.dpi);
    if (symbol.dotsPerModule(t.dots(e.widthMm), t.dots(e.heightMm)) >= minimum)
        return {};
    return makeError(ErrorCode::OutOfRange, QStringLiteral("barcode"),
                     Message(&FilledLabel::tr,
                             QT_TRANSLATE_NOOP(
                                 "FilledLabel",
                                 "element %1: \"%2\" does not fit in %3 × %4 mm at %5 dpi with modules of %6 "
                                 "dots (%7 mm) or more; enlarge the element or shorten the data"),
                             {index, text.left(40), e.widthMm, e.heightMm, t.dpi, minimum,
                              std::round(minimum * 2540.0 / t.dpi) / 100}));
}

/// Text that would have to shrink below a readable height to fit its box.
Status checkText(int index, const LabelTemplate& t, const LabelTemplate::Element& e, const QString& text)
{
    const int size = LabelPainter::textPixelSize(t, e, text);
    if (size >= t.dots(kMinTextMm)) {
        // Text that wraps must fit in its box: the PDF would clip it, a printer's ^FB drop lines.
        // One line always fits (a box a little lower than a line is common and prints fine).
        QFont font(e.font);
        font.setPixelSize(size);
        font.setBold(e.bold);
        const QFontMetricsF metrics(font);
        const QRectF box(0, 0, t.dots(e.widthMm), t.dots(e.heightMm));
        const QRectF needed =
            metrics.boundingRect(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        const int lines = static_cast<int>(std::lround(needed.height() / metrics.lineSpacing()));
        const int room = std::max(1, static_cast<int>(box.height() / metrics.lineSpacing()));
        if (lines <= room && needed.width() <= box.width() + 0.5)
            return {};
        return makeError(
            ErrorCode::OutOfRange, QStringLiteral("text"),
            Message(&FilledLabel::tr,
                    QT_TRANSLATE_NOOP("FilledLabel",
                                      "element %1: \"%2\" needs %3 lines but its %4 mm box holds %5; "
                                      "enlarge the element or shorten the text"),
                    {index, text.left(40), lines, e.heightMm, room}));
    }
    return makeError(
        ErrorCode::OutOfRange, QStringLiteral("text"),
        Message(&FilledLabel::tr,
                QT_TRANSLATE_NOOP("FilledLabel",
                                  "element %1: \"%2\" would shrink below %3 mm to fit in %4 mm; widen "
                                  "the element or shorten the text"),
                {index, text.left(40), kMinTextMm, e.widthMm}));
}

/// A template's image, read through InputFile (a FIFO or device named in a template must not
/// hang the print), its size checked before it is decoded (a small PNG can claim gigapixels).
Result<QImage> readImage(int index, const QString& folder, const QString& file)
{
    const QString path = QDir(folder).filePath(file);
    // The name was checked when the template was read, but a symbolic link inside the folder (or
    // a linked subfolder) could still lead out of it: the file itself must lie in the folder.
    if (!folder.startsWith(QLatin1StringView(":/")) && QFileInfo::exists(path)) {
        const QString root = QFileInfo(folder).canonicalFilePath();
        const QString real = QFileInfo(path).canonicalFilePath();
        if (root.isEmpty() || !real.startsWith(root + QLatin1Char('/')))
            return makeError(
                ErrorCode::InvalidValue, QStringLiteral("image"),
                Message(&FilledLabel::tr,
                        QT_TRANSLATE_NOOP("FilledLabel",
                                          "element %1: the image %2 is a link to a file outside the "
                                          "template's folder; copy the image into the folder instead"),
                        {index, file}));
    }
    Result<QByteArray> bytes = InputFile::read(path, kMaxImageBytes, QStringLiteral("image"));
    if (!bytes)
        return makeError(bytes.error().code, QStringLiteral("image"),
                         Message(&FilledLabel::tr, QT_TRANSLATE_NOOP("FilledLabel", "element %1: %2"),
                                 {index, bytes.error().asArg()}));
    QBuffer buffer(&bytes.value());
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize claimed = reader.size();
    QImage image;
    if (!claimed.isValid() || (claimed.width() <= kMaxImageSide && claimed.height() <= kMaxImageSide))
        image = reader.read();
    if (image.isNull() || image.width() > kMaxImageSide || image.height() > kMaxImageSide)
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("image"),
            Message(&FilledLabel::tr,
                    QT_TRANSLATE_NOOP("FilledLabel",
                                      "element %1: cannot read the image %2 (PNG up to 4000 × 4000)"),
                    {index, file}));
    return image;
}

} // namespace

Result<FilledLabel> FilledLabel::fill(const LabelTemplate& layout, const LabelData::Variables& variables)
{
    FilledLabel out;
    out.layout = layout;
    int index = 0;
    for (const LabelTemplate::Element& e : layout.elements) {
        ++index;
        Result<QString> text = LabelData::expand(e.text, variables);
        if (!text)
            return text.error();
        std::optional<BarcodeSymbol> symbol;
        QImage image;
        if (e.type == LabelTemplate::Element::Type::Text) {
            if (Status st = checkText(index, layout, e, text.value()); !st)
                return st.error();
        } else if (e.type == LabelTemplate::Element::Type::Barcode) {
            auto encoded = BarcodeSymbol::encode(e.symbology, text.value());
            if (!encoded)
                return makeError(encoded.error().code, QStringLiteral("barcode"),
                                 Message(tr, QT_TR_NOOP("element %1: %2"), {index, encoded.error().asArg()}));
            symbol = encoded.value();
            if (Status st = checkModule(index, layout, e, *symbol, text.value()); !st)
                return st.error();
        } else if (e.type == LabelTemplate::Element::Type::Image) {
            Result<QImage> loaded = readImage(index, layout.folder, e.imagePath);
            if (!loaded)
                return loaded.error();
            image = loaded.value();
        }
        out.texts << text.value();
        out.symbols << symbol;
        out.images << image;
    }
    return out;
}

} // namespace rework
