#include "ZplWriter.h"

#include "LabelPainter.h"

#include <QPainter>

#include <algorithm>
#include <iterator>
#include <utility>

namespace rework {
namespace {

/// Field data with ^FH_ escapes for the characters ZPL would read as commands, and for
/// everything outside printable ASCII (the label is ^CI28: UTF-8).
QByteArray fieldData(const QString& text)
{
    QByteArray out;
    for (const char c : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '^' || c == '~' || c == '_' || u < 0x20 || u >= 0x7f)
            out += '_' + QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
        else
            out += c;
    }
    return out;
}

constexpr const char* kPredefinedLength[] = {"00", "01", "02", "03", "04", "11", "12", "13",
                                             "14", "15", "16", "17", "18", "19", "20", "31",
                                             "32", "33", "34", "35", "36", "41"};

/// Whether a GS1 application identifier's data has a length fixed by the GS1 General
/// Specifications (its first two digits in their table of predefined lengths): it needs no FNC1
/// after it.
bool predefinedLength(const QString& ai)
{
    const QString first = ai.left(2);
    return std::any_of(std::begin(kPredefinedLength), std::end(kPredefinedLength),
                       [&](const char* prefix) { return first == QLatin1StringView(prefix); });
}

/// GS1-128 field data for ^BC mode D: each AI in parentheses (the printer strips them), and >8
/// (FNC1) after the data of an AI without a predefined length when another AI follows, so that a
/// scanner knows where it ends. `data` is "[01]..." or "(01)...", as libzint took it.
QByteArray gs1FieldData(const QString& data)
{
    const QChar open = data.startsWith(QLatin1Char('[')) ? QLatin1Char('[') : QLatin1Char('(');
    const QChar close = open == QLatin1Char('[') ? QLatin1Char(']') : QLatin1Char(')');
    QByteArray out;
    qsizetype at = 0;
    while (at < data.size()) {
        const qsizetype end = data.indexOf(close, at + 1);
        if (data.at(at) != open || end < 0)
            return out + fieldData(data.mid(at)); // libzint took it, so this is not reached
        const QString ai = data.mid(at + 1, end - at - 1);
        qsizetype next = data.indexOf(open, end + 1);
        if (next < 0)
            next = data.size();
        // '>' starts an invocation code in ^BC; "><" is the character itself.
        out += '(' + fieldData(ai) + ')' + fieldData(data.mid(end + 1, next - end - 1)).replace(">", "><");
        if (next < data.size() && !predefinedLength(ai))
            out += ">8";
        at = next;
    }
    return out;
}

/// The escape character ^BX is told to use, and the data written for it. A character the data
/// does not hold, so nothing in it is read as an escape sequence; if it holds every candidate,
/// `_` with `__` for each of its underscores, as the ZPL manual documents.
std::pair<char, QString> dataMatrixEscape(const QString& text)
{
    for (const char c : {'_', '`', '|', '{', '}', '@', '#', '!', '$', '%', '&', '*'}) {
        if (!text.contains(QLatin1Char(c)))
            return {c, text};
    }
    QString doubled = text;
    return {'_', doubled.replace(QLatin1Char('_'), QStringLiteral("__"))};
}

constexpr int kQrDropDots = 10;

QByteArray number(int n)
{
    return QByteArray::number(n);
}

/// A monochrome image as ^GFA hex rows: one bit per dot, dark where the image is dark.
QByteArray graphicField(const QImage& image, int widthDots, int heightDots)
{
    const QImage scaled = image.scaled(widthDots, heightDots, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                              .convertToFormat(QImage::Format_Grayscale8);
    const int bytesPerRow = (scaled.width() + 7) / 8;
    QByteArray hex;
    for (int y = 0; y < scaled.height(); ++y) {
        const uchar* line = scaled.constScanLine(y);
        for (int b = 0; b < bytesPerRow; ++b) {
            int byte = 0;
            for (int bit = 0; bit < 8; ++bit) {
                const int x = b * 8 + bit;
                if (x < scaled.width() && line[x] < 128)
                    byte |= 0x80 >> bit;
            }
            hex += QByteArray::number(byte, 16).rightJustified(2, '0').toUpper();
        }
    }
    const int total = bytesPerRow * scaled.height();
    return "^GFA," + number(total) + ',' + number(total) + ',' + number(bytesPerRow) + ',' + hex;
}

/// Whether the printer's font 0 has a glyph for every character: under ^CI28 it draws Latin-1,
/// not Chinese, which came out as empty boxes.
bool fontZeroDraws(const QString& text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() <= 0xff; });
}

/// Text the printer cannot draw (Chinese, bold), drawn here as the PDF draws it (same font, size and
/// wrapping) at the label's resolution, without anti-aliasing: each pixel is one printer dot, dark or not.
QImage textImage(const LabelTemplate& t, const LabelTemplate::Element& e, const QString& text)
{
    QImage image(std::max(1, t.dots(e.widthMm)), std::max(1, t.dots(e.heightMm)), QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QFont font(e.font);
    font.setPixelSize(LabelPainter::textPixelSize(t, e, text));
    font.setBold(e.bold);
    font.setStyleStrategy(QFont::NoAntialias);
    QPainter painter(&image);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(image.rect()), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
    painter.end();
    return image;
}

} // namespace

QByteArray ZplWriter::write(const FilledLabel& label, int copies)
{
    const LabelTemplate& t = label.layout;
    QByteArray z =
        "^XA\n^CI28\n^PW" + number(t.dots(t.widthMm)) + "\n^LL" + number(t.dots(t.heightMm)) + "\n^LH0,0\n";
    for (qsizetype i = 0; i < t.elements.size(); ++i) {
        const LabelTemplate::Element& e = t.elements.at(i);
        const int x = t.dots(e.xMm), y = t.dots(e.yMm), w = t.dots(e.widthMm), h = t.dots(e.heightMm);
        const QByteArray origin = "^FO" + number(x) + ',' + number(y);
        switch (e.type) {
        case LabelTemplate::Element::Type::Text: {
            // Font 0 has no bold (a wider ^A0 is still thin strokes): bold goes as a graphic too.
            if (!fontZeroDraws(label.texts.at(i)) || e.bold) {
                z += origin + graphicField(textImage(t, e, label.texts.at(i)), w, h) + "^FS\n";
                break;
            }
            // Font 0 (the scalable one); one text line per line of the box, wrapped by ^FB.
            const int height = std::max(10, LabelPainter::textPixelSize(t, e, label.texts.at(i)));
            const int lines = std::max(1, h / height);
            z += origin + "^A0N," + number(height) + ',' + number(height * 9 / 10) + "^FB" + number(w) + ',' +
                 number(lines) + ",0,L,0^FH_^FD" + fieldData(label.texts.at(i)) + "^FS\n";
            break;
        }
        case LabelTemplate::Element::Type::Barcode: {
            const BarcodeSymbol& symbol = *label.symbols.at(i);
            const int module = symbol.dotsPerModule(w, h);
            const int quiet = symbol.quietModules() * module;
            const QByteArray data = fieldData(label.texts.at(i));
            // ^BY before every barcode: module width, and a height no later symbol inherits.
            const QByteArray by = "^BY" + number(module) + ",3," + number(h) + "^FO";
            switch (symbol.type()) {
            case BarcodeSymbol::Type::Code128:
                z += by + number(x + quiet) + ',' + number(y) + "^BCN," + number(h) + ",N,N,N,A^FH_^FD" +
                     data + "^FS\n";
                break;
            case BarcodeSymbol::Type::Gs1_128:
                // The printer's GS1 mode (D) reads application identifiers in parentheses.
                z += by + number(x + quiet) + ',' + number(y) + "^BCN," + number(h) + ",N,N,N,D^FH_^FD" +
                     gs1FieldData(label.texts.at(i)) + "^FS\n";
                break;
            case BarcodeSymbol::Type::DataMatrix: {
                const auto [escape, escaped] = dataMatrixEscape(label.texts.at(i));
                z += by + number(x + quiet) + ',' + number(y + quiet) + "^BXN," + number(module) +
                     ",200,0,0,6," + QByteArray(1, escape) + "^FH_^FD" + fieldData(escaped) + "^FS\n";
                break;
            }
            case BarcodeSymbol::Type::QrCode:
                // A Zebra draws a QR ^BY's height below its ^FO: reset it to the power-on 10 dots and
                // start that much higher. The error correction is the one libzint used for the PDF,
                // so the printer picks the same version.
                z += "^BY" + number(module) + ",3," + number(kQrDropDots) + "^FO" + number(x + quiet) + ',' +
                     number(std::max(0, y + quiet - kQrDropDots)) + "^BQN,2," + number(module) + "^FH_^FD" +
                     BarcodeSymbol::kQrErrorCorrection + "A," + data + "^FS\n";
                break;
            }
            break;
        }
        case LabelTemplate::Element::Type::Line: {
            const int thickness = std::max(1, t.dots(e.thicknessMm));
            const bool horizontal = w >= h;
            z += origin + "^GB" + number(horizontal ? w : thickness) + ',' +
                 number(horizontal ? thickness : h) + ',' + number(thickness) + "^FS\n";
            break;
        }
        case LabelTemplate::Element::Type::Box:
            z += origin + "^GB" + number(w) + ',' + number(h) + ',' +
                 number(std::max(1, t.dots(e.thicknessMm))) + "^FS\n";
            break;
        case LabelTemplate::Element::Type::Image:
            z += origin + graphicField(label.images.at(i), w, h) + "^FS\n";
            break;
        }
    }
    z += "^PQ" + number(std::max(1, copies)) + "\n^XZ\n";
    return z;
}

} // namespace rework
