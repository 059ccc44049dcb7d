#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace rework {

/// J-STD-033 floor life: how long a component may be out of dry storage (at ≤30 °C / 60 %RH)
/// before it must be baked, or it can crack in reflow ("popcorn").
class MoistureSensitivity
{
public:
    /// Floor life in hours for an MSL level ("1", "2", "2a", "3" ... "6"); nullopt: unlimited.
    /// MSL 6 parts are "time on label": 6 h here, a factory edits it in product data later.
    static std::optional<double> floorLifeHours(const QString& level);
    /// Hours past the floor life at `now`, or nullopt while within it (or unknown/unlimited).
    static std::optional<double> hoursOver(const QString& level, const QDateTime& exposedAt,
                                           const QDateTime& now);
};

} // namespace rework
