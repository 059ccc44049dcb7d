#include "DefectSliceModel.h"

#include "reports/KpiTitles.h"

namespace rework {

DefectSliceModel::DefectSliceModel(QObject* parent)
    : RowTableModel("rework::DashboardPage",
                    {QT_TRANSLATE_NOOP("rework::DashboardPage", "Defect"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Station"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Operator"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Donor lot"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Count")},
                    parent)
{
}

QString DefectSliceModel::text(const KpiReport::DefectSlice& row, int column) const
{
    switch (static_cast<Column>(column)) {
    case Defect:
        return KpiTitles::defectWithCode(row.defect);
    case Station:
        return row.station;
    case Operator:
        return row.operatorId;
    case DonorLot:
        return row.lot;
    case Count:
        return QString::number(row.count);
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace rework
