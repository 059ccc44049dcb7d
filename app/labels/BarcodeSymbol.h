#pragma once

#include "domain/Result.h"

#include <QBitArray>
#include <QCoreApplication>
#include <QString>

#include <algorithm>
#include <cmath>

namespace rework {

/// A barcode encoded by libzint, as a grid of dark/light modules. Drawing is left to the
/// caller so that every module lands on whole printer dots.
class BarcodeSymbol
{
    Q_DECLARE_TR_FUNCTIONS(BarcodeSymbol)

public:
    enum class Type
    {
        Code128,
        Gs1_128, // application identifiers in brackets or parentheses: "[01]09506000134352[10]LOT1"
        QrCode,
        DataMatrix
    };

    static Result<BarcodeSymbol> encode(Type type, const QString& data);

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    bool isDark(int row, int column) const { return m_modules.testBit(row * m_columns + column); }
    /// Linear symbols are one row of modules drawn as tall bars.
    bool isLinear() const { return m_type == Type::Code128 || m_type == Type::Gs1_128; }
    Type type() const { return m_type; }
    /// QR error correction, fixed so that the PDF and the printer's own ^BQ make the same symbol.
    static constexpr char kQrErrorCorrection = 'M';
    /// A Zebra magnifies a QR by at most 10 dots per module; the PDF keeps to the same size.
    static constexpr int kMaxQrDotsPerModule = 10;
    /// The fewest printer dots a module may take at `dpi` and still scan: two (below that a
    /// printhead blurs a module into its neighbours) and, for GS1, 0.25 mm as its spec asks.
    int minimumDotsPerModule(int dpi) const
    {
        const int gs1 =
            m_type == Type::Gs1_128 ? static_cast<int>(std::ceil(kMinGs1ModuleMm * dpi / 25.4 - 1e-9)) : 0;
        return std::max(kMinModuleDots, gs1);
    }
    /// The same in millimetres: the narrowest module a printer of `dpi` can print readably.
    double minimumModuleMm(int dpi) const { return minimumDotsPerModule(dpi) * 25.4 / dpi; }
    /// The light margin the symbology's standard asks for, in modules.
    int quietModules() const { return isLinear() ? 10 : m_type == Type::QrCode ? 4 : 1; }
    /// The most printer dots per module that fit `widthDots` × `heightDots` with the quiet
    /// zone; 0 if not even one does.
    int dotsPerModule(int widthDots, int heightDots) const
    {
        const int q = quietModules();
        const int across = widthDots / (m_columns + 2 * q);
        if (isLinear())
            return across;
        const int fit = std::min(across, heightDots / (m_rows + 2 * q));
        return m_type == Type::QrCode ? std::min(fit, kMaxQrDotsPerModule) : fit;
    }

private:
    static constexpr int kMinModuleDots = 2;
    static constexpr double kMinGs1ModuleMm = 0.25;

    Type m_type = Type::Code128;
    int m_rows = 0;
    int m_columns = 0;
    QBitArray m_modules;
};

} // namespace rework
