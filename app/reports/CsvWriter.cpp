#include "CsvWriter.h"

#include <QSaveFile>

namespace rework {
namespace {

QString field(const QString& value)
{
    // A leading = + - @ would make a spreadsheet run the cell as a formula: keep it text.
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()) && !v.front().isDigit())
        v.prepend(QLatin1Char('\''));
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
        v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

} // namespace

QByteArray CsvWriter::toCsv(const QList<QStringList>& rows)
{
    QString out;
    for (const QStringList& row : rows) {
        QStringList cells;
        for (const QString& cell : row)
            cells << field(cell);
        out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return QByteArray("\xEF\xBB\xBF") + out.toUtf8();
}

Status CsvWriter::write(const QString& path, const QList<QStringList>& rows)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(rows)) < 0 || !file.commit()) {
        return makeError(ErrorCode::Storage, QStringLiteral("csv"),
                         Message(tr, QT_TR_NOOP("cannot write %1: %2; choose another folder"),
                                 {path, file.errorString()}));
    }
    return {};
}

} // namespace rework
