#include "OperatorAccountsModel.h"

namespace rework {

OperatorAccountsModel::OperatorAccountsModel(QObject* parent)
    : RowTableModel("rework::OperatorsPage",
                    {QT_TRANSLATE_NOOP("rework::OperatorsPage", "Id"),
                     QT_TRANSLATE_NOOP("rework::OperatorsPage", "Name"),
                     QT_TRANSLATE_NOOP("rework::OperatorsPage", "Role"),
                     QT_TRANSLATE_NOOP("rework::OperatorsPage", "State")},
                    parent)
{
}

QString OperatorAccountsModel::roleTitle(const QString& role)
{
    if (role == QLatin1StringView("admin"))
        return QCoreApplication::translate("rework::OperatorsPage", "Admin");
    if (role == QLatin1StringView("supervisor"))
        return QCoreApplication::translate("rework::OperatorsPage", "Supervisor");
    return QCoreApplication::translate("rework::OperatorsPage", "Operator");
}

int OperatorAccountsModel::rowOf(const QString& id) const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (rowAt(row).info.id == id)
            return row;
    }
    return -1;
}

QString OperatorAccountsModel::text(const OperatorAdmin::Account& row, int column) const
{
    switch (static_cast<Column>(column)) {
    case Id:
        return row.info.id;
    case Name:
        return row.info.name;
    case Role:
        return roleTitle(row.info.role);
    case State:
        if (row.lockedUntil.isValid())
            return QCoreApplication::translate("rework::OperatorsPage", "locked until %1 (wrong PINs)")
                .arg(row.lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm")));
        return row.info.active ? QCoreApplication::translate("rework::OperatorsPage", "active")
                               : QCoreApplication::translate("rework::OperatorsPage", "disabled");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace rework
