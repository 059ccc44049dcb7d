#include "ProfileImportSettings.h"

#include <QJsonArray>

namespace rework {

Result<ProfileImportSettings> ProfileImportSettings::fromJson(const QJsonObject& o)
{
    ProfileImportSettings s;
    const auto text = [&o](const char* key) {
        const QJsonValue v = o.value(QLatin1StringView(key));
        return v.isDouble() ? QString::number(v.toInt()) : v.toString().trimmed();
    };
    s.timeColumn = text("time_column");
    const QJsonValue temps = o.contains(QStringLiteral("temp_columns"))
                                 ? o.value(QStringLiteral("temp_columns"))
                                 : o.value(QStringLiteral("temp_column"));
    if (temps.isArray()) {
        for (const auto& v : temps.toArray())
            s.tempColumns << (v.isDouble() ? QString::number(v.toInt()) : v.toString().trimmed());
    } else if (temps.isString() || temps.isDouble()) {
        s.tempColumns << (temps.isDouble() ? QString::number(temps.toInt()) : temps.toString().trimmed());
    }
    s.tempColumns.removeAll(QString());
    s.timeUnit = text("time_unit");
    s.tempUnit = text("temp_unit");
    if (o.contains(QStringLiteral("rate_window_s")))
        s.rateWindowS = o.value(QStringLiteral("rate_window_s")).toDouble(-1);
    if (Status st = s.validate(); !st)
        return st.error();
    return s;
}

QJsonObject ProfileImportSettings::toJson() const
{
    QJsonObject o;
    if (!timeColumn.isEmpty())
        o.insert(QStringLiteral("time_column"), timeColumn);
    if (!tempColumns.isEmpty())
        o.insert(QStringLiteral("temp_columns"), QJsonArray::fromStringList(tempColumns));
    if (!timeUnit.isEmpty())
        o.insert(QStringLiteral("time_unit"), timeUnit);
    if (!tempUnit.isEmpty())
        o.insert(QStringLiteral("temp_unit"), tempUnit);
    o.insert(QStringLiteral("rate_window_s"), rateWindowS);
    return o;
}

Status ProfileImportSettings::validate() const
{
    static const QStringList timeUnits{QStringLiteral("s"), QStringLiteral("ms"), QStringLiteral("min")};
    static const QStringList tempUnits{QStringLiteral("C"), QStringLiteral("mC"), QStringLiteral("F")};
    if (!timeUnit.isEmpty() && !timeUnits.contains(timeUnit)) {
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("time_unit"),
            Message(tr, QT_TR_NOOP("the time unit must be s, ms or min, not \"%1\""), {timeUnit.left(20)}));
    }
    if (!tempUnit.isEmpty() && !tempUnits.contains(tempUnit)) {
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("temp_unit"),
            Message(tr, QT_TR_NOOP("the temperature unit must be C, mC (milli-degrees) or F, not \"%1\""),
                    {tempUnit.left(20)}));
    }
    if (!(rateWindowS > 0 && rateWindowS <= 600)) {
        return makeError(
            ErrorCode::OutOfRange, QStringLiteral("rate_window_s"),
            Message(tr, QT_TR_NOOP("the rate window must be more than 0 and at most 600 seconds")));
    }
    return {};
}

} // namespace rework
