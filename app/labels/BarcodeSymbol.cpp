#include "BarcodeSymbol.h"

#include <memory>

#include <zint.h>

namespace rework {
namespace {

/// libzint's option_1 for a QR error correction letter.
constexpr int zintQrLevel(char level)
{
    return level == 'L' ? 1 : level == 'M' ? 2 : level == 'Q' ? 3 : 4;
}

} // namespace

Result<BarcodeSymbol> BarcodeSymbol::encode(Type type, const QString& data)
{
    std::unique_ptr<zint_symbol, decltype(&ZBarcode_Delete)> symbol(ZBarcode_Create(), &ZBarcode_Delete);
    if (!symbol)
        return makeError(ErrorCode::Storage, QStringLiteral("barcode"),
                         Message(tr, QT_TR_NOOP("out of memory while making a barcode")));
    switch (type) {
    case Type::Code128:
        symbol->symbology = BARCODE_CODE128;
        break;
    case Type::Gs1_128:
        symbol->symbology = BARCODE_GS1_128;
        break;
    case Type::QrCode:
        symbol->symbology = BARCODE_QRCODE;
        break;
    case Type::DataMatrix:
        symbol->symbology = BARCODE_DATAMATRIX;
        break;
    }
    symbol->input_mode = UNICODE_MODE;
    if (type == Type::Gs1_128) // "(01)..." as people write it, or "[01]..." as libzint does
        symbol->input_mode = data.startsWith(QLatin1Char('(')) ? GS1_MODE | GS1PARENS_MODE : GS1_MODE;
    if (type == Type::QrCode) // libzint would raise the level where it fits; the printer would not
        symbol->option_1 = zintQrLevel(kQrErrorCorrection);
    const QByteArray utf8 = data.toUtf8();
    const int rc = ZBarcode_Encode(symbol.get(), reinterpret_cast<const unsigned char*>(utf8.constData()),
                                   static_cast<int>(utf8.size()));
    // A warning (a wrong GS1 check digit, a symbol out of its standard) is a label a scanner or
    // the customer may refuse; only the UTF-8 ECI a 2D code announces for non-ASCII text is fine.
    if (rc != 0 && !(rc == ZINT_WARN_USES_ECI && type != Type::Gs1_128)) {
        return makeError(ErrorCode::InvalidValue, QStringLiteral("barcode"),
                         Message(tr, QT_TR_NOOP("\"%1\" cannot be encoded: %2"),
                                 {data.left(40), QString::fromLatin1(symbol->errtxt)}));
    }
    BarcodeSymbol out;
    out.m_type = type;
    out.m_rows = symbol->rows;
    out.m_columns = symbol->width;
    out.m_modules.resize(static_cast<qsizetype>(out.m_rows) * out.m_columns);
    for (int r = 0; r < out.m_rows; ++r) {
        for (int c = 0; c < out.m_columns; ++c) {
            // zint keeps one bit per module, eight modules per byte.
            if (symbol->encoded_data[r][c >> 3] & (1 << (c & 7)))
                out.m_modules.setBit(r * out.m_columns + c);
        }
    }
    return out;
}

} // namespace rework
