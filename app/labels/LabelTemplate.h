#pragma once

#include "BarcodeSymbol.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace rework {

/// A label layout read from a JSON file: the stock size, the printer's resolution and the
/// elements placed on it in millimetres. Texts and barcode data may hold `${variables}`.
struct LabelTemplate
{
    Q_DECLARE_TR_FUNCTIONS(LabelTemplate)

public:
    enum class Kind
    {
        Die,
        Unit,
        Batch
    };
    struct Element
    {
        enum class Type
        {
            Text,
            Barcode,
            Line,
            Box,
            Image
        };
        Type type = Type::Text;
        double xMm = 0, yMm = 0, widthMm = 0, heightMm = 0;
        QString text; // text, or a barcode's data
        QString font = QStringLiteral("DejaVu Sans");
        double sizePt = 8;
        bool bold = false;
        BarcodeSymbol::Type symbology = BarcodeSymbol::Type::Code128;
        double thicknessMm = 0.3; // lines and boxes
        QString imagePath;        // images, relative to the template's folder
    };

    QString name;
    QString description;
    Kind kind = Kind::Unit;
    /// For a unit label: "mounted" makes it a traveler, printable from mount on (the unit label
    /// proper, empty here, says the unit passed its test).
    QString printedFrom;
    double widthMm = 0, heightMm = 0;
    int dpi = 300;
    QList<Element> elements;
    QString folder; // where relative image paths are found

    /// Parses and checks a template. Errors name the element and say what to fix.
    static Result<LabelTemplate> parse(const QByteArray& json, const QString& folder = QString());

    static QString kindName(Kind kind);
    /// The same layout for a printer of `dpi` (203, 300 or 600): every place and size is in
    /// millimetres, so only the dots change; barcodes and text are checked again at that
    /// resolution when the label is filled. Refuses any other resolution.
    Result<LabelTemplate> atDpi(int dpi) const;
    /// Millimetres to printer dots at this template's resolution.
    int dots(double mm) const;
};

} // namespace rework
