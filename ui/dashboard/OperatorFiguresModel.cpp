#include "OperatorFiguresModel.h"

namespace rework {

OperatorFiguresModel::OperatorFiguresModel(QObject* parent)
    : RowTableModel("rework::DashboardPage",
                    {QT_TRANSLATE_NOOP("rework::DashboardPage", "Operator"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Records"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "First-pass test yield of units mounted")},
                    parent)
{
}

QString OperatorFiguresModel::text(const KpiReport::OperatorFigures& row, int column) const
{
    switch (static_cast<Column>(column)) {
    case Operator:
        return row.operatorId;
    case Records:
        return QString::number(row.events);
    case FirstPassYield:
        return KpiReport::percentText(row.firstPassYield);
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace rework
