#pragma once

#include "LabelData.h"
#include "LabelTemplate.h"

#include <QImage>
#include <optional>

namespace rework {

/// A template with its variables filled in and every barcode encoded: everything that can go
/// wrong with a label has gone wrong (or not) before anything is printed.
struct FilledLabel
{
    Q_DECLARE_TR_FUNCTIONS(FilledLabel)

public:
    LabelTemplate layout;
    QStringList texts;                           // per element: the filled text or barcode data
    QList<std::optional<BarcodeSymbol>> symbols; // per element: the encoded barcode
    QList<QImage> images;                        // per element: the loaded image

    static Result<FilledLabel> fill(const LabelTemplate& layout, const LabelData::Variables& variables);
};

} // namespace rework
