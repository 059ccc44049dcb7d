#pragma once

#include "ReflowProfileImporter.h"
#include "domain/Action.h"
#include "domain/Result.h"
#include "storage/EventRecord.h"

#include <QCoreApplication>

#include <optional>

namespace rework {

/// The reflow curve a reball or mount record imported (`profile_log=`), read back from its
/// hashed evidence file, with the window the record was held to: what a supervisor sees when
/// the trace draws the curve, and what the station form shows of a log imported but not yet
/// recorded. Read-only.
struct RecordedReflow
{
    Q_DECLARE_TR_FUNCTIONS(RecordedReflow)

public:
    ReflowLog log;   // every thermocouple, as the stored file reads
    QString channel; // the one the figures come from
    QString alloy;   // as recorded; empty when only a liquidus was given
    double liquidusC = 217;
    double peakC = 0, timeAboveLiquidusS = 0;
    /// The limits the record held the figures to (the test plan's window at the time).
    std::optional<double> peakLowC, peakHighC, talLowS, talHighS;
    bool pass = true;

    /// The curve `e` imported, or nullopt when it imported none. A stored file that is missing,
    /// altered (its hash no longer matches) or unreadable is an error in words.
    static Result<std::optional<RecordedReflow>> of(const EventRecord& e, const QString& dataFolder);
    /// The curve of a run imported on a form and not recorded yet (its file still staged, or
    /// stored already by an earlier record of the same content), read as of() reads a record's;
    /// nullopt for a run that is no reflow profile.
    static Result<std::optional<RecordedReflow>> ofImported(const ImportedRun& run,
                                                            const QString& dataFolder);
};

} // namespace rework
