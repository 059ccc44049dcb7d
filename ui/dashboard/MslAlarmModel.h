#pragma once

#include "common/RowTableModel.h"
#include "reports/KpiReport.h"

namespace rework {

/// The dashboard's "MSL alarms" table: dies near or past the end of their floor life
/// (KpiReport::mslAlarms).
class MslAlarmModel : public RowTableModel<KpiReport::MslAlarm>
{
    Q_OBJECT

public:
    enum Column
    {
        Die,
        Msl,
        FloorLifeLeft,
        ColumnCount
    };

    explicit MslAlarmModel(QObject* parent = nullptr);

protected:
    QString text(const KpiReport::MslAlarm& row, int column) const override;
};

} // namespace rework
