#pragma once

#include "common/RowTableModel.h"
#include "reports/KpiReport.h"

namespace rework {

/// The dashboard's "Anomalies" table: one line per oddity the figures turned up
/// (KpiReport::anomalies); a conflict between stations says whether it is still open.
class AnomalyModel : public RowTableModel<KpiReport::Anomaly>
{
    Q_OBJECT

public:
    enum Column
    {
        Anomaly,
        Conflict,
        ColumnCount
    };

    explicit AnomalyModel(QObject* parent = nullptr);

protected:
    QString text(const KpiReport::Anomaly& row, int column) const override;
};

} // namespace rework
