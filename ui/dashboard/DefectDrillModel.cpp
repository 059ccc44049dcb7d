#include "DefectDrillModel.h"

#include "domain/Step.h"
#include "reports/KpiTitles.h"

namespace rework {

DefectDrillModel::DefectDrillModel(QObject* parent)
    : RowTableModel("rework::DashboardPage",
                    {QT_TRANSLATE_NOOP("rework::DashboardPage", "Serial"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Step"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Time"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Station"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Operator"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Defect")},
                    parent)
{
}

void DefectDrillModel::setHits(const QString& code, QList<KpiQuery::DefectHit> hits)
{
    beginResetModel();
    m_code = code;
    assignRows(std::move(hits));
    endResetModel();
}

QString DefectDrillModel::text(const KpiQuery::DefectHit& row, int column) const
{
    switch (static_cast<Column>(column)) {
    case Serial:
        return row.serial;
    case StepColumn:
        return stepTitle(row.step);
    case Time:
        return row.recordedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Station:
        return row.station;
    case Operator:
        return row.operatorId;
    case Defect:
        return KpiTitles::defectWithCode(m_code);
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace rework
