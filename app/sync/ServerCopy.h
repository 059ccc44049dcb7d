#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace rework {

/// PostgreSQL's bulk load (`COPY table (columns) FROM STDIN`, text format) on the libpq
/// connection under a QPSQL one, inside whatever transaction that connection has open: Qt's
/// driver has no COPY, and one COPY loads rows several times faster than any INSERT does.
class ServerCopy
{
public:
    /// Loads `rows` (COPY text format: one line per row, columns separated by tabs, backslash,
    /// tab, newline and carriage return escaped) into `target` ("events (id, origin, ...)").
    static Status in(const QSqlDatabase& db, const QString& target, const QByteArray& rows);
};

} // namespace rework
