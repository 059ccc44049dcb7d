#pragma once

#include "RigRun.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace rework {

/// Reads cuda_memtest's log (ComputationalRadiationPhysics/cuda_memtest and the NCSA original):
/// "[date][host][device]:message" lines with the devices attached, each "TestN [...]" started and
/// "TestN finished in S seconds", "ERROR: (test) N errors found in block B", CUDA and allocation
/// failures, and "main thread: Program exits", its only final line (it runs until stopped unless
/// given --num_passes). Per device it measures the errors, the tests completed, the passes (rounds
/// of every test enabled) and the time tested.
class CudaMemtestImporter
{
    Q_DECLARE_TR_FUNCTIONS(CudaMemtestImporter)

public:
    static Result<RigRun> parse(const QByteArray& data);
    static int likeness(QStringView text);
};

} // namespace rework
