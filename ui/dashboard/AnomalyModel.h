#pragma once

#include "common/RowTableModel.h"
#include <QString>

namespace rework {

/// The dashboard's "Anomalies" table: one line per oddity the figures turned up
/// (KpiReport::anomalies).
class AnomalyModel : public RowTableModel<QString>
{
    Q_OBJECT

public:
    enum Column
    {
        Anomaly,
        ColumnCount
    };

    explicit AnomalyModel(QObject* parent = nullptr);

protected:
    QString text(const QString& row, int column) const override;
};

} // namespace rework
