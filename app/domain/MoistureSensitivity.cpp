#include "MoistureSensitivity.h"

namespace rework {

std::optional<double> MoistureSensitivity::floorLifeHours(const QString& level)
{
    const QString l = level.trimmed().toLower();
    if (l == QLatin1StringView("2"))
        return 365.0 * 24;
    if (l == QLatin1StringView("2a"))
        return 4.0 * 7 * 24;
    if (l == QLatin1StringView("3"))
        return 168;
    if (l == QLatin1StringView("4"))
        return 72;
    if (l == QLatin1StringView("5"))
        return 48;
    if (l == QLatin1StringView("5a"))
        return 24;
    if (l == QLatin1StringView("6"))
        return 6;
    return std::nullopt; // MSL 1 or not recorded
}

std::optional<double> MoistureSensitivity::hoursOver(const QString& level, const QDateTime& exposedAt,
                                                     const QDateTime& now)
{
    const std::optional<double> life = floorLifeHours(level);
    if (!life || !exposedAt.isValid())
        return std::nullopt;
    const double out = static_cast<double>(exposedAt.secsTo(now)) / 3600.0;
    if (out <= *life)
        return std::nullopt;
    return out - *life;
}

} // namespace rework
