#include "RecallModel.h"

#include "workflow/FieldSpec.h"

namespace rework {

RecallModel::RecallModel(QObject* parent)
    : RowTableModel("rework::DashboardPage",
                    {QT_TRANSLATE_NOOP("rework::DashboardPage", "Serial"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Donor card"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Where now"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Batch"),
                     QT_TRANSLATE_NOOP("rework::DashboardPage", "Shares")},
                    parent)
{
}

QString RecallModel::text(const RecallQuery::Hit& row, int column) const
{
    switch (static_cast<Column>(column)) {
    case Serial:
        return row.unit.isEmpty() ? row.card : row.unit;
    case DonorCard:
        return row.card;
    case WhereNow:
        return FieldSpec::choiceTitle(row.state);
    case Batch:
        return row.batch;
    case Shares:
        return row.shared.join(QStringLiteral("; "));
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace rework
