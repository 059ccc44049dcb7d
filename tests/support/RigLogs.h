#pragma once

// Rig logs derived from the real fixtures for the tests that record them: the same run, as if it
// had run on the unit's own GPU. The fixtures themselves stay untouched.

#include "importers/RigImport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace rework::test {

/// A copy of the rig log at `path` in `folder`, with the GPU UUIDs it gives replaced by `uuid`
/// and its GPU names (or PCI device ids) by an RTX 4090's.
inline QString onGpu(const QString& folder, const QString& path, const QString& uuid)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QByteArray bytes = in.readAll();
    Result<RigRun> run = RigImport::parse(bytes, RigImportOptions{});
    if (!run)
        qFatal("not a rig log: %s", qPrintable(path));
    static const QRegularExpression pciDevice(QStringLiteral("^PCI device ([0-9A-Fa-f]{4})$"));
    for (const RigGpu& g : run->facts.gpus) {
        if (!g.uuid.isEmpty())
            bytes.replace(g.uuid.toUtf8(), uuid.toUtf8());
        if (const QRegularExpressionMatch m = pciDevice.match(g.model); m.hasMatch())
            bytes.replace(m.captured(1).toUtf8(), "2684");
        else if (!g.model.isEmpty())
            bytes.replace(g.model.toUtf8(), "NVIDIA GeForce RTX 4090");
    }
    const QString out = QDir(folder).filePath(QStringLiteral("on-gpu-") + QFileInfo(path).fileName());
    QFile f(out);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(out));
    return out;
}

} // namespace rework::test
