#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace rework {

/// How one oven's thermocouple logger writes its CSV, where detection would guess: which column
/// is the time and which the temperatures (by header name, or by number from 1), and their units.
/// Empty members are detected. As JSON (an oven's import profile file):
///     {"time_column": "Time", "temp_columns": ["TC1", "TC2"], "time_unit": "ms",
///      "temp_unit": "mC", "rate_window_s": 5}
struct ProfileImportSettings
{
    Q_DECLARE_TR_FUNCTIONS(ProfileImportSettings)

public:
    QString timeColumn;
    QStringList tempColumns;
    QString timeUnit; // s, ms, min
    QString tempUnit; // C, mC (milli-degrees), F
    /// Ramp and cooling rates are the steepest least-squares slope over this many seconds, which
    /// a thermocouple's noise and single-sample glitches cannot fake.
    double rateWindowS = 5;

    static Result<ProfileImportSettings> fromJson(const QJsonObject& o);
    QJsonObject toJson() const;
    /// Checks the units and window; an error names the member at fault.
    Status validate() const;
};

} // namespace rework
