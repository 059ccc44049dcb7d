#pragma once

#include <QString>

namespace rework {

/// The names people read for what the figures are keyed by: codes stay English in the
/// database, the CLI's JSON and the CSV export; charts and tables show these, translated.
namespace KpiTitles {

/// A defect code's description ("BRIDGE" -> "bridge"); a code the factory added itself keeps
/// its code.
QString defect(const QString& code);
/// "BRIDGE — bridge": the code a supervisor looks up, with what it means.
QString defectWithCode(const QString& code);
/// A shift's key from ShiftCalendar::key ("2026-11-27 N") as a short label: "27 night".
QString shift(const QString& key);
/// A measurement SPC charts ("void_pct" -> "X-ray void %"); an unknown key stays as it is.
QString measurement(const QString& name);
/// A measurement SPC charts ("void_pct" -> "X-ray void %"); an unknown key stays as it is.
QString measurement(const QString& name);
/// An item's kind as the aging list has it ("card", "die", "unit").
QString itemKind(const QString& kind);

} // namespace KpiTitles
} // namespace rework
