#include "FieldSpec.h"

#include <QCoreApplication>
#include <QHash>

namespace rework {

QString FieldSpec::choiceTitle(const QString& code)
{
    // Codes stay English in the database and on the CLI; people read these.
    static const QHash<QString, const char*> titles{
        {QStringLiteral("pass"), QT_TRANSLATE_NOOP("Choice", "pass")},
        {QStringLiteral("fail"), QT_TRANSLATE_NOOP("Choice", "fail")},
        {QStringLiteral("ok"), QT_TRANSLATE_NOOP("Choice", "ok")},
        {QStringLiteral("bent"), QT_TRANSLATE_NOOP("Choice", "bent")},
        {QStringLiteral("burnt"), QT_TRANSLATE_NOOP("Choice", "burnt")},
        {QStringLiteral("missing_parts"), QT_TRANSLATE_NOOP("Choice", "missing parts")},
        {QStringLiteral("liquid"), QT_TRANSLATE_NOOP("Choice", "liquid damage")},
        {QStringLiteral("physical_damage"), QT_TRANSLATE_NOOP("Choice", "physical damage")},
        {QStringLiteral("none"), QT_TRANSLATE_NOOP("Choice", "none")},
        {QStringLiteral("chipped_die"), QT_TRANSLATE_NOOP("Choice", "chipped die")},
        {QStringLiteral("cracked_substrate"), QT_TRANSLATE_NOOP("Choice", "cracked substrate")},
        {QStringLiteral("lifted_pads"), QT_TRANSLATE_NOOP("Choice", "lifted pads")},
        {QStringLiteral("memory_damaged"), QT_TRANSLATE_NOOP("Choice", "memory damaged")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("Choice", "other")},
        {QStringLiteral("sac305"), QT_TRANSLATE_NOOP("Choice", "SAC305 (lead-free)")},
        {QStringLiteral("sn63pb37"), QT_TRANSLATE_NOOP("Choice", "Sn63Pb37 (leaded)")},
        {QStringLiteral("received"), QT_TRANSLATE_NOOP("Choice", "received")},
        {QStringLiteral("stripped"), QT_TRANSLATE_NOOP("Choice", "stripped")},
        {QStringLiteral("reballed"), QT_TRANSLATE_NOOP("Choice", "reballed")},
        {QStringLiteral("mounted"), QT_TRANSLATE_NOOP("Choice", "mounted")},
        {QStringLiteral("remounted"), QT_TRANSLATE_NOOP("Choice", "remounted")},
        {QStringLiteral("repair"), QT_TRANSLATE_NOOP("Choice", "failed, back to reball")},
        {QStringLiteral("scrap"), QT_TRANSLATE_NOOP("Choice", "failed, scrapped")},
        {QStringLiteral("scrapped"), QT_TRANSLATE_NOOP("Choice", "scrapped")},
        {QStringLiteral("packed"), QT_TRANSLATE_NOOP("Choice", "packed")},
        {QStringLiteral("closed"), QT_TRANSLATE_NOOP("Choice", "closed")},
        {QStringLiteral("shipped"), QT_TRANSLATE_NOOP("Choice", "shipped")},
        {QStringLiteral("voided"), QT_TRANSLATE_NOOP("Choice", "voided")},
        {QStringLiteral("baked"), QT_TRANSLATE_NOOP("Choice", "baked")},
        // states an item is in that no step's outcome names
        {QStringLiteral("inspected"), QT_TRANSLATE_NOOP("Choice", "inspected")},
        {QStringLiteral("tested"), QT_TRANSLATE_NOOP("Choice", "tested")},
        {QStringLiteral("open"), QT_TRANSLATE_NOOP("Choice", "open")},
    };
    auto it = titles.constFind(code);
    if (it != titles.constEnd())
        return QCoreApplication::translate("Choice", it.value());
    // Board partners and MSL levels are names, shown as they are.
    return code.size() <= 3 ? code : code.toUpper();
}

QString FieldSpec::defaultTitle() const
{
    return QCoreApplication::translate("Field", defaultText.toUtf8().constData());
}

QString FieldSpec::helpText() const
{
    return QCoreApplication::translate("Field", help);
}

QString FieldSpec::typeText() const
{
    switch (type) {
    case FieldType::Serial:
        return serialKindName(serial);
    case FieldType::Text:
        return QStringLiteral("text");
    case FieldType::Int:
    case FieldType::Real:
        return QStringLiteral("%1..%2").arg(min).arg(max);
    case FieldType::Choice:
        return choices.join(QLatin1Char('|'));
    case FieldType::ChoiceList:
        return choices.join(QLatin1Char(',')) + QStringLiteral(" (list)");
    case FieldType::Bool:
        return QStringLiteral("yes|no");
    case FieldType::DateTime:
        return QStringLiteral("ISO-8601 time");
    case FieldType::Model:
        return QStringLiteral("model");
    case FieldType::Defect:
        return QStringLiteral("defect code");
    case FieldType::Evidence:
        return QStringLiteral("FILE[;FILE...]");
    }
    return {};
}

} // namespace rework
