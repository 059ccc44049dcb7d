#pragma once

#include "common/RowTableModel.h"
#include "reports/KpiReport.h"

namespace rework {

/// The dashboard's "Aging WIP" table: items that have waited longer than the filter's hours for
/// their next step, oldest first (KpiReport::aging).
class AgingModel : public RowTableModel<KpiReport::Aging>
{
    Q_OBJECT

public:
    enum Column
    {
        Serial,
        Kind,
        WaitsFor,
        Since,
        Hours,
        ColumnCount
    };

    explicit AgingModel(QObject* parent = nullptr);

protected:
    QString text(const KpiReport::Aging& row, int column) const override;
};

} // namespace rework
