#pragma once

#include "RigRun.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace rework {

/// Reads the console log of gpu_burn (wilicc/gpu-burn and its forks, 2019 to now): the GPU list
/// `nvidia-smi -L` prints first, "Burning for N seconds.", each progress update (also the ones a
/// terminal capture keeps as carriage-return runs on one line), "Summary at:" stamps, and the final
/// "Tested N GPUs:" block with each GPU's OK or FAULTY. Per GPU it measures the work done and its
/// last and best Gflop/s, the errors found (gpu_burn resets its count at each summary; they are
/// added up), the hottest temperature and power; for the run, how long it burned. A worker that
/// died (DIED!), a run aborted, one with no CUDA devices and a log that stops before the final block
/// are facts the verdict fails on. A file with none of gpu_burn's lines is refused.
class GpuBurnImporter
{
    Q_DECLARE_TR_FUNCTIONS(GpuBurnImporter)

public:
    static Result<RigRun> parse(const QByteArray& data);
    static Result<RigRun> parseFile(const QString& path);
    /// How sure `text` is gpu_burn output: the number of its typical lines seen (0: not at all).
    static int likeness(QStringView text);
};

} // namespace rework
