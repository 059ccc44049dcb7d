#include "FilledLabel.h"

#include <QDir>

namespace rework {

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
            const QString path = QDir(layout.folder).filePath(e.imagePath);
            if (!image.load(path) || image.width() > 4000 || image.height() > 4000)
                return makeError(
                    ErrorCode::InvalidValue, QStringLiteral("image"),
                    Message(tr, QT_TR_NOOP("element %1: cannot read the image %2 (PNG up to 4000 × 4000)"),
                            {index, e.imagePath}));
        }
        out.texts << text.value();
        out.symbols << symbol;
        out.images << image;
    }
    return out;
}

} // namespace rework
