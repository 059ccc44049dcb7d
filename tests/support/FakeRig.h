#pragma once

// A fake test rig for the tests of the test plan runner: rig.conf pointing each tool at
// fake-rig.sh, which prints a captured output (a real fixture, on the unit's GPU) slowly, dies
// half-way or hangs; a plan that needs a burn-in; the GPU's report as nvidia-smi would print it.

#include "RigLogs.h"
#include "TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QStringList>

namespace rework::test {

inline QString fakeRigScript()
{
    return QStringLiteral(REWORK_SOURCE_DIR "/tests/support/fake-rig.sh");
}

/// The command line that runs fake-rig.sh in `mode` on `file` (then `extra`).
inline QString fakeTool(const QString& mode, const QString& file, const QString& extra = {})
{
    QString line = QStringLiteral("/bin/sh \"%1\" %2 \"%3\"").arg(fakeRigScript(), mode, file);
    if (!extra.isEmpty())
        line += QStringLiteral(" \"%1\"").arg(extra);
    return line;
}

inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

/// rig.conf in the data folder of `t`, one `key=value` a line.
inline void configureRig(TestDatabase& t, const QStringList& lines)
{
    writeFile(QDir(t.folder()).filePath(QStringLiteral("rig.conf")),
              lines.join(QLatin1Char('\n')).toUtf8() + '\n');
}

/// A test plan that needs a burn-in (no minimum time: the fixture burned 2 minutes).
inline QString burnInPlan(TestDatabase& t)
{
    const QString path = QDir(t.folder()).filePath(QStringLiteral("plan-burn-in.json"));
    writeFile(path, R"({"name": "burn-in", "required": ["gpu-burn"]})");
    return path;
}

/// The GPU's report as `nvidia-smi -q -x` prints it for `uuid`, under load (P0, Gen 4) unless
/// told otherwise.
inline QString smiOutput(TestDatabase& t, const QString& uuid, int gen = 4,
                         const QString& pstate = QStringLiteral("P0"))
{
    const QString path = QDir(t.folder()).filePath(QStringLiteral("smi-output.xml"));
    writeFile(path, TestDatabase::rigReport(uuid, gen, 16, pstate));
    return path;
}

/// A real gpu_burn log (120 s, passed) as if run on GPU `uuid`.
inline QString burnOutput(TestDatabase& t, const QString& uuid)
{
    return onGpu(t.folder(),
                 QStringLiteral(REWORK_FIXTURES_DIR
                                "/test-rigs/stibbons1990_hex__gpu-burn-rtx3070ti-float-120s-pass.log"),
                 uuid);
}

/// A real 10-second gpu_burn log (passed) as if run on GPU `uuid`: what a fake rig prints in
/// about the time it says it took, which the runner holds a log to (burnOutput's 2 minutes, printed
/// at once, are refused as no output of that run).
inline QString shortBurnOutput(TestDatabase& t, const QString& uuid)
{
    return onGpu(
        t.folder(),
        QStringLiteral(REWORK_FIXTURES_DIR "/test-rigs/schoenemeyer_gpu-burn__rtx-a6000-10s-pass.log"), uuid);
}

/// rig.conf for a rig that takes the GPU's report of `gpu` at once and runs `burnTool` (fakeTool)
/// as its gpu_burn.
inline void configureBurnRig(TestDatabase& t, const QString& gpu, const QString& burnTool)
{
    configureRig(t, {QStringLiteral("rig.command.nvidia-smi=") +
                         fakeTool(QStringLiteral("slow"), smiOutput(t, gpu), QStringLiteral("0")),
                     QStringLiteral("rig.command.gpu-burn=") + burnTool});
}

/// An inspected unit, due its test.
inline QString inspectedUnit(TestDatabase& t, const QString& card, const QString& board)
{
    const QString unit = t.mountedUnit(card, board);
    if (!t.record(Step::Inspect, {QStringLiteral("unit=") + unit, QStringLiteral("result=pass")}))
        qFatal("inspect failed");
    return unit;
}

} // namespace rework::test
