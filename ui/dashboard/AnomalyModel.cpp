#include "AnomalyModel.h"

#include <QCoreApplication>

namespace rework {

AnomalyModel::AnomalyModel(QObject* parent)
    : RowTableModel("rework::DashboardPage",
                    {QT_TRANSLATE_NOOP("rework::DashboardPage", "Anomaly"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Conflict")},
                    parent)
{
}

QString AnomalyModel::text(const KpiReport::Anomaly& row, int column) const
{
    switch (static_cast<Column>(column)) {
    case Anomaly:
        return row.text;
    case Conflict:
        if (row.conflict == 0)
            return {};
        return row.resolved ? QCoreApplication::translate("rework::DashboardPage", "resolved")
                            : QCoreApplication::translate("rework::DashboardPage", "open: to resolve");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace rework
