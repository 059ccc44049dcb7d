#pragma once

#include "common/RowTableModel.h"
#include "reports/KpiReport.h"

namespace rework {

/// The dashboard's "Operators" table: each operator's records in the range and the first-pass
/// test yield of the units they mounted (KpiReport::operators).
class OperatorFiguresModel : public RowTableModel<KpiReport::OperatorFigures>
{
    Q_OBJECT

public:
    enum Column
    {
        Operator,
        Records,
        FirstPassYield,
        ColumnCount
    };

    explicit OperatorFiguresModel(QObject* parent = nullptr);

protected:
    QString text(const KpiReport::OperatorFigures& row, int column) const override;
};

} // namespace rework
