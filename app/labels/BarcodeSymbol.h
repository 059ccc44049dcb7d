#pragma once

#include "domain/Result.h"

#include <QBitArray>
#include <QCoreApplication>
#include <QString>

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
        QrCode,
        DataMatrix
    };

    static Result<BarcodeSymbol> encode(Type type, const QString& data);

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    bool isDark(int row, int column) const { return m_modules.testBit(row * m_columns + column); }
    /// Linear symbols are one row of modules drawn as tall bars.
    bool isLinear() const { return m_type == Type::Code128; }

private:
    Type m_type = Type::Code128;
    int m_rows = 0;
    int m_columns = 0;
    QBitArray m_modules;
};

} // namespace rework
