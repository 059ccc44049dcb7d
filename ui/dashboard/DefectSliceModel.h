#pragma once

#include "common/RowTableModel.h"
#include "reports/KpiReport.h"

namespace rework {

/// The dashboard's "Defects by station, operator, lot" table: the defect Pareto sliced, one row
/// per defect code, station, operator and donor lot, most frequent first (KpiReport::defectSlices).
class DefectSliceModel : public RowTableModel<KpiReport::DefectSlice>
{
    Q_OBJECT

public:
    enum Column
    {
        Defect,
        Station,
        Operator,
        DonorLot,
        Count,
        ColumnCount
    };

    explicit DefectSliceModel(QObject* parent = nullptr);

protected:
    QString text(const KpiReport::DefectSlice& row, int column) const override;
};

} // namespace rework
