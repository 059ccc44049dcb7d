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

/// A thermocouple log (CSV) of a reflow curve: 25 °C rising at `ramp` °C/s to `peak`, then
/// falling at `cool` °C/s to 50 °C, a sample every half second.
inline QByteArray profileCsv(double ramp, double peak, double cool)
{
    QByteArray out = "time_s,TC1\n";
    const double up = (peak - 25) / ramp, down = (peak - 50) / cool;
    for (double s = 0; s <= up + down + 1e-9; s += 0.5)
        out += QByteArray::number(s) + ',' +
               QByteArray::number(s <= up ? 25 + ramp * s : peak - cool * (s - up)) + '\n';
    return out;
}

/// A thermocouple log of `csv` (a time column, then temperatures in °C) in °F, under the same
/// headers: what an oven set to Fahrenheit writes. Its peak (over 350 °F) can be read neither as
/// °C nor as milli-°C, so only an import profile that says °F reads it.
inline QByteArray inFahrenheit(const QByteArray& csv)
{
    QList<QByteArray> lines = csv.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QList<QByteArray> cells = lines.at(i).split(',');
        for (qsizetype c = 1; c < cells.size(); ++c)
            cells[c] = QByteArray::number(cells.at(c).toDouble() * 9 / 5 + 32, 'f', 2);
        lines[i] = cells.join(',');
    }
    return lines.join('\n');
}

} // namespace rework::test
