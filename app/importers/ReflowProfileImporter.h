#pragma once

#include "ProfileImportSettings.h"
#include "ReflowProfile.h"
#include "RigRun.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace rework {

/// The curves of a thermocouple log as read from its CSV, in seconds and °C.
struct ReflowLog
{
    QList<ProfileCurve> channels; // the first is the one the figures come from
    QString timeColumn;
    QString timeUnit; // as read or detected: s, ms, min, clock
    QString tempUnit; // C, mC, F
    QStringList warnings;
    int rows = 0;
};

/// Reads a reflow oven's thermocouple log as CSV (comma, semicolon with decimal commas, tab or
/// spaces): a time column (seconds, milliseconds, minutes or clock times) and one or more
/// temperature columns (°C, milli-°C or °F), found by their headers (a target or set-point column is
/// not a thermocouple), by the values, or as an import profile says. Lines before the header are
/// skipped; a few garbled rows (a serial line's noise) are skipped with a warning naming their
/// line, more are refused. Time running backwards, too few samples or a temperature no oven reaches
/// are refused in plain words.
class ReflowProfileImporter
{
    Q_DECLARE_TR_FUNCTIONS(ReflowProfileImporter)

public:
    static Result<ReflowLog> read(const QByteArray& data, const ProfileImportSettings& settings = {});
    /// The run: figures of every channel against `liquidusC`, the first channel's as the profile.
    static Result<RigRun> parse(const QByteArray& data, const ProfileImportSettings& settings,
                                double liquidusC, const QString& alloy);
    static int likeness(QStringView text);
};

} // namespace rework
