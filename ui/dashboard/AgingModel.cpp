#include "AgingModel.h"

#include "domain/Step.h"
#include "reports/KpiTitles.h"

namespace rework {

AgingModel::AgingModel(QObject* parent)
    : RowTableModel("rework::DashboardPage",
                    {QT_TRANSLATE_NOOP("rework::DashboardPage", "Serial"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Kind"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Waits for"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Since"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Hours")},
                    parent)
{
}

QString AgingModel::text(const KpiReport::Aging& row, int column) const
{
    switch (static_cast<Column>(column)) {
    case Serial:
        return row.serial;
    case Kind:
        return KpiTitles::itemKind(row.kind);
    case WaitsFor:
        return stepTitle(row.waitingFor);
    case Since:
        return row.since.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case Hours:
        return QString::number(row.hours, 'f', 1);
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace rework
