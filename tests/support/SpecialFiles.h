#pragma once

// What every reader of files people pick must refuse at once: a device, a FIFO, a folder and a
// file one byte over its cap. Shared by the refusal tests of each reader.

#include "domain/Error.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace rework::test {

/// Columns kind, words (what the English message says) and code, with one row per special file;
/// `tooLarge` is the words of the oversize refusal ("is larger than 8 MiB").
inline void addSpecialFileRows(const QString& tooLarge)
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("words");
    QTest::addColumn<int>("code");
    QTest::newRow("/dev/zero") << "zero"
                               << "is a device" << int(ErrorCode::InvalidValue);
    QTest::newRow("fifo") << "fifo"
                          << "is a pipe (FIFO)" << int(ErrorCode::InvalidValue);
    QTest::newRow("folder") << "folder"
                            << "is a folder" << int(ErrorCode::InvalidValue);
    QTest::newRow("oversize") << "oversize" << tooLarge << int(ErrorCode::OutOfRange);
}

/// The file of `kind` (a row of addSpecialFileRows): a FIFO or a sparse file of `maxBytes` + 1
/// named `name` in `dir`, /dev/zero, or `dir` itself; empty if it could not be made.
inline QString makeSpecialFile(const QString& kind, const QTemporaryDir& dir, const QString& name,
                               qint64 maxBytes)
{
    if (kind == QLatin1StringView("zero"))
        return QStringLiteral("/dev/zero");
    if (kind == QLatin1StringView("folder"))
        return dir.path();
    const QString path = dir.filePath(name);
    if (kind == QLatin1StringView("fifo"))
        return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0 ? path : QString();
    QFile big(path);
    return big.open(QIODevice::WriteOnly) && big.resize(maxBytes + 1) ? path : QString(); // sparse
}

/// A file of 8 KiB of 'x' named `name` in `dir`: no database and no format of any kind; empty if
/// it could not be made.
inline QString makeJunkFile(const QTemporaryDir& dir, const QString& name)
{
    const QString path = dir.filePath(name);
    QFile junk(path);
    return junk.open(QIODevice::WriteOnly) && junk.write(QByteArray(8192, 'x')) == 8192 ? path : QString();
}

} // namespace rework::test
