#include "AnomalyModel.h"

namespace rework {

AnomalyModel::AnomalyModel(QObject* parent)
    : RowTableModel("rework::DashboardPage", {QT_TRANSLATE_NOOP("rework::DashboardPage", "Anomaly")}, parent)
{
}

QString AnomalyModel::text(const QString& row, int column) const
{
    return column == Anomaly ? row : QString();
}

} // namespace rework
