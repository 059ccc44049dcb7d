#include "MslAlarmModel.h"

namespace rework {

MslAlarmModel::MslAlarmModel(QObject* parent)
    : RowTableModel("rework::DashboardPage",
                    {QT_TRANSLATE_NOOP("rework::DashboardPage", "Die"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "MSL"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Floor life left (h)")},
                    parent)
{
}

QString MslAlarmModel::text(const KpiReport::MslAlarm& row, int column) const
{
    switch (static_cast<Column>(column)) {
    case Die:
        return row.die;
    case Msl:
        return row.msl;
    case FloorLifeLeft:
        return QString::number(row.hoursLeft, 'f', 1);
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace rework
