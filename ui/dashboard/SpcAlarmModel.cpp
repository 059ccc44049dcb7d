#include "SpcAlarmModel.h"

#include "reports/KpiTitles.h"

namespace rework {

SpcAlarmModel::SpcAlarmModel(QObject* parent)
    : RowTableModel("rework::DashboardPage",
                    {QT_TRANSLATE_NOOP("rework::DashboardPage", "Measurement"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Rule broken"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Value"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Centre (LCL–UCL)"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Chart (model · station)"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Recorded")},
                    parent)
{
}

QVariant SpcAlarmModel::data(const QModelIndex& index, int role) const
{
    return RowTableModel::data(index, role == Qt::ToolTipRole ? Qt::DisplayRole : role);
}

QVariant SpcAlarmModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const bool tip = orientation == Qt::Horizontal && role == Qt::ToolTipRole;
    return RowTableModel::headerData(section, orientation, tip ? Qt::DisplayRole : role);
}

QString SpcAlarmModel::text(const SpcQuery::Alarm& row, int column) const
{
    switch (static_cast<Column>(column)) {
    case Measurement:
        return KpiTitles::measurement(row.measurement);
    case Rule:
        return SpcQuery::ruleText(row.rule);
    case Value:
        return QString::number(row.point.value, 'g', 6);
    case Limits:
        return QStringLiteral("%1 (%2–%3)")
            .arg(QString::number(row.mean, 'f', 2), QString::number(row.lcl, 'f', 2),
                 QString::number(row.ucl, 'f', 2));
    case Station: {
        QStringList chart{row.model, row.point.station, row.alloy.toUpper()};
        chart.removeAll(QString());
        return chart.join(QStringLiteral(" · "));
    }
    case Recorded:
        return row.point.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace rework
