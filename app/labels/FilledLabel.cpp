#include "FilledLabel.h"

#include "storage/InputFile.h"

#include <QBuffer>
#include <QDir>
#include <QImageReader>

namespace rework {
namespace {

constexpr qint64 kMaxImageBytes = 16LL * 1024 * 1024;
constexpr int kMaxImageSide = 4000;

/// A template's image, read through InputFile (a FIFO or device named in a template must not
/// hang the print), its size checked before it is decoded (a small PNG can claim gigapixels).
Result<QImage> readImage(int index, const QString& folder, const QString& file)
{
    Result<QByteArray> bytes =
        InputFile::read(QDir(folder).filePath(file), kMaxImageBytes, QStringLiteral("image"));
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
        if (e.type == LabelTemplate::Element::Type::Barcode) {
            auto encoded = BarcodeSymbol::encode(e.symbology, text.value());
            if (!encoded)
                return makeError(encoded.error().code, QStringLiteral("barcode"),
                                 Message(tr, QT_TR_NOOP("element %1: %2"), {index, encoded.error().asArg()}));
            symbol = encoded.value();
            if (symbol->dotsPerModule(layout.dots(e.widthMm), layout.dots(e.heightMm)) < 1) {
                return makeError(
                    ErrorCode::OutOfRange, QStringLiteral("barcode"),
                    Message(
                        tr,
                        QT_TR_NOOP(
                            "element %1: \"%2\" does not fit in %3 × %4 mm at %5 dpi; enlarge the element "
                            "or shorten the data"),
                        {index, text.value().left(40), e.widthMm, e.heightMm, layout.dpi}));
            }
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
