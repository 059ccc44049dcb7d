#pragma once

#include "ReflowProfileImporter.h"
#include "domain/Result.h"
#include "storage/EventRecord.h"

#include <QCoreApplication>

#include <optional>

namespace rework {

/// The reflow curve a reball or mount record imported (`profile_log=`), read back from its
/// hashed evidence file, with the window the record was held to: what a supervisor sees when
/// the trace draws the curve. Read-only.
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
};

} // namespace rework
