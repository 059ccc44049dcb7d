#include "ReferenceChange.h"

#include "EventPayload.h"

#include <QStringList>

namespace rework {

QString ReferenceChange::subject() const
{
    QStringList parts;
    for (auto it = key.begin(); it != key.end(); ++it)
        parts << it.value().toVariant().toString();
    return table + QLatin1Char('/') + parts.join(QLatin1Char('/'));
}

QJsonObject ReferenceChange::toPayload() const
{
    return {{payload::RefTable, table}, {payload::RefKey, key}, {payload::RefSet, set}};
}

std::optional<ReferenceChange> ReferenceChange::fromPayload(const QJsonObject& payload)
{
    const QJsonValue table = payload.value(payload::RefTable);
    const QJsonValue key = payload.value(payload::RefKey);
    const QJsonValue set = payload.value(payload::RefSet);
    if (!table.isString() || !key.isObject() || !set.isObject() || key.toObject().isEmpty())
        return std::nullopt;
    return ReferenceChange{table.toString(), key.toObject(), set.toObject()};
}

} // namespace rework
