#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace rework {

/// Barcodes that command a form instead of filling it, so that an operator can finish a form
/// with the scanner alone. They start with '#', which no serial format allows.
struct CommandCode
{
    enum class Kind
    {
        Save,
        Clear,
        Pass,
        Fail,
        PrintLabel,
        CloseBatch, // pack: close the open carton (after a confirmation)
        Defect
    };

    Kind kind = Kind::Save;
    QString argument; // the defect code for Kind::Defect

    /// The text a barcode carries: "#SAVE", "#DEFECT:VOIDS" ...
    QString text() const;
    static std::optional<CommandCode> parse(const QString& scanned);
    /// The fixed commands, in sheet order (defects come from product data).
    static QList<CommandCode> fixedCommands();
};

} // namespace rework
