#pragma once

#include "RigRun.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace rework {

/// Reads `dcgmi diag -r 1|2|3|4` output: the text table of DCGM 2.x/3.x ("PCIe | Pass - All",
/// "Fail - GPU: 1", 45-character "Warning" rows) and of 4.x (lower-case test names with a
/// "GPU0: Pass" row per GPU), whatever the column widths, a paste cut short or printed twice; and
/// the `-j` JSON of every version ("DCGM GPU Diagnostic" with gpu_ids, "DCGM Diagnostic" with
/// entity ids, warnings as strings or objects, a runtime_error). Each test's result per GPU, the
/// warnings and the skipped tests become facts; the level reached is that of the highest test that
/// ran (1 deployment, 2 pcie and memory, 3 stress, 4 pulse/memtest/EUD). DCGM's own Pass is never
/// the verdict. A file with neither a table nor DCGM's JSON is refused.
class DcgmDiagImporter
{
    Q_DECLARE_TR_FUNCTIONS(DcgmDiagImporter)

public:
    static Result<RigRun> parse(const QByteArray& data);
    static Result<RigRun> parseFile(const QString& path);
    static int likeness(QStringView text);
    /// The diagnostic level a test belongs to (1..4), from its name, else its category; 0 unknown.
    static int levelOf(const QString& test, const QString& category);
    /// The measurement of a test: "test:pcie", "test:gpu_memory".
    static QString measurementName(const QString& test);
};

} // namespace rework
