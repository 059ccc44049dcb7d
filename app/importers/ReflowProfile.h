#pragma once

#include "RigRun.h"

#include <QList>
#include <QString>

namespace rework {

/// One thermocouple's curve: times in seconds from the log's start, temperatures in °C.
struct ProfileCurve
{
    QString channel;
    QList<double> seconds;
    QList<double> celsius;
};

/// The figures of a reflow curve, pure arithmetic on the samples: the highest reading, the time
/// above the liquidus (crossings interpolated), the steepest heating and, after the peak, cooling
/// (least-squares slope over `rateWindowS`, after a 3-sample median that takes out single-sample
/// glitches), the time from the first sample to the peak and the soak (150 to 200 °C before it).
class ReflowProfile
{
public:
    static ProfileFigures figures(const ProfileCurve& curve, double liquidusC, double rateWindowS);
    /// Seconds the curve spends at or above `level`, between samples `from` and `to` (inclusive).
    static double timeAbove(const ProfileCurve& curve, double level, qsizetype from = 0, qsizetype to = -1);
    /// The liquidus of an alloy people name (SAC305 217 °C, Sn63Pb37 183 °C...), or nullopt.
    static std::optional<double> liquidusOf(const QString& alloy);
    /// The canonical spelling of an alloy name ("sac305" -> "SAC305"), or empty.
    static QString alloyName(const QString& alloy);
};

} // namespace rework
