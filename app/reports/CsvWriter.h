#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace rework {

/// Writes tables as CSV (RFC 4180: fields with commas, quotes or line breaks are quoted, quotes
/// doubled) in UTF-8 with a byte-order mark, so that spreadsheet programs read Chinese right.
class CsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(CsvWriter)

public:
    static QByteArray toCsv(const QList<QStringList>& rows);
    static Status write(const QString& path, const QList<QStringList>& rows);
};

} // namespace rework
