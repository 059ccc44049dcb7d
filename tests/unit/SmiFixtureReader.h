#pragma once

// What an nvidia-smi report says, read by the TEST with its own means (QXmlStreamReader over
// fixed element paths, regular expressions over the text), never by the importer: the importer's
// readings are compared with this. Also the report variants Windows tools save.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace smitest {

/// One GPU's readings, keyed as NvidiaSmiImporter::readings names them; absent values left out.
using Readings = QMap<QString, QString>;

struct Expected
{
    QString driver;
    QList<Readings> gpus;
};

/// Every report in the shared fixture folder, as absolute paths.
QStringList fixtureFiles();
QByteArray readAll(const QString& path);
Expected expectedFrom(const QByteArray& report);

/// How a report may have been saved; `Plain` is the file as it is.
enum class Saved
{
    Plain,
    Utf8Bom,
    Utf16LeBom,
    Utf16BeBom,
    Crlf,
    Utf16LeCrlf, // PowerShell 5's `>`: UTF-16LE with a BOM and CRLF
};
QByteArray saved(const QByteArray& report, Saved how);
QString savedName(Saved how);

} // namespace smitest
