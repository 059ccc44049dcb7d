#include "ReferenceTables.h"

namespace rework {

const QList<ReferenceTable>& ReferenceTable::all()
{
    static const QList<ReferenceTable> tables = {
        {QStringLiteral("operators"),
         {QStringLiteral("id")},
         {QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("pin_hash"),
          QStringLiteral("active"), QStringLiteral("created_at")},
         // '!' matches no PIN: a row made by a late change of one column cannot be logged into.
         {{QStringLiteral("name"), QStringLiteral("")},
          {QStringLiteral("role"), QStringLiteral("operator")},
          {QStringLiteral("pin_hash"), QStringLiteral("!")},
          {QStringLiteral("active"), 0},
          {QStringLiteral("created_at"), QStringLiteral("")}}},
        {QStringLiteral("stations"),
         {QStringLiteral("id")},
         {QStringLiteral("step"), QStringLiteral("name"), QStringLiteral("created_at")},
         {{QStringLiteral("step"), QStringLiteral("")}, {QStringLiteral("created_at"), QStringLiteral("")}}},
        {QStringLiteral("permissions"), {QStringLiteral("role"), QStringLiteral("action")}, {}, {}},
        {QStringLiteral("products"),
         {QStringLiteral("model")},
         {QStringLiteral("name"), QStringLiteral("device_id"), QStringLiteral("die_marking"),
          QStringLiteral("memory_mib"), QStringLiteral("memory_chips"), QStringLiteral("msl")},
         {{QStringLiteral("name"), QStringLiteral("")},
          {QStringLiteral("memory_mib"), 0},
          {QStringLiteral("memory_chips"), 0}}},
        {QStringLiteral("serial_formats"),
         {QStringLiteral("kind"), QStringLiteral("model")},
         {QStringLiteral("pattern")},
         {{QStringLiteral("pattern"), QStringLiteral("")}}},
        {QStringLiteral("limits"),
         {QStringLiteral("name"), QStringLiteral("model")},
         {QStringLiteral("min_value"), QStringLiteral("max_value")},
         {}},
        {QStringLiteral("defect_codes"),
         {QStringLiteral("code")},
         {QStringLiteral("step"), QStringLiteral("description")},
         {{QStringLiteral("step"), QStringLiteral("")}, {QStringLiteral("description"), QStringLiteral("")}}},
        {QStringLiteral("config"),
         {QStringLiteral("key")},
         {QStringLiteral("value")},
         {{QStringLiteral("value"), QStringLiteral("")}}},
        {QStringLiteral("label_templates"),
         {QStringLiteral("name")},
         {QStringLiteral("body")},
         {{QStringLiteral("body"), QStringLiteral("")}}},
        {QStringLiteral("test_plans"),
         {QStringLiteral("name")},
         {QStringLiteral("body")},
         {{QStringLiteral("body"), QStringLiteral("")}}},
        {QStringLiteral("product_plans"),
         {QStringLiteral("model")},
         {QStringLiteral("plan")},
         {{QStringLiteral("plan"), QStringLiteral("")}}},
    };
    return tables;
}

const ReferenceTable* ReferenceTable::find(const QString& name)
{
    for (const ReferenceTable& t : all())
        if (t.name == name)
            return &t;
    return nullptr;
}

bool ReferenceTable::isStationLocal(const QString& table, const QString& key)
{
    return table == QLatin1StringView("config") && key.startsWith(QLatin1StringView("derived."));
}

QString ReferenceTable::rowKeyOf(const QJsonObject& key) const
{
    QStringList values;
    for (const QString& k : keys)
        values << key.value(k).toVariant().toString();
    return values.join(QChar(0x1f));
}

} // namespace rework
