#include "FieldSpec.h"

#include <QCoreApplication>

namespace rework {

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
        return QStringLiteral("%1..%2").arg(min).arg(max);
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
