#pragma once

#include "common/RowTableModel.h"
#include "reports/KpiQuery.h"

namespace rework {

/// The dashboard's "Defect drill-down" table: the recorded defects behind one Pareto bar, with
/// the unit, step, time, station and operator of each (KpiQuery::defectHits).
class DefectDrillModel : public RowTableModel<KpiQuery::DefectHit>
{
    Q_OBJECT

public:
    enum Column
    {
        Serial,
        StepColumn,
        Time,
        Station,
        Operator,
        Defect,
        ColumnCount
    };

    explicit DefectDrillModel(QObject* parent = nullptr);

    /// The hits of defect `code`, which each row names in its last column.
    void setHits(const QString& code, QList<KpiQuery::DefectHit> hits);

protected:
    QString text(const KpiQuery::DefectHit& row, int column) const override;

private:
    QString m_code;
};

} // namespace rework
