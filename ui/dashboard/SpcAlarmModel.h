#pragma once

#include "common/RowTableModel.h"
#include "reports/SpcQuery.h"

namespace rework {

/// The dashboard's "SPC alarms" table: the newest values that break a Western Electric rule
/// (SpcQuery::alarms), newest first.
class SpcAlarmModel : public RowTableModel<SpcQuery::Alarm>
{
    Q_OBJECT

public:
    enum Column
    {
        Measurement,
        Rule,
        Value,
        Limits,
        Station,
        Recorded,
        ColumnCount
    };

    explicit SpcAlarmModel(QObject* parent = nullptr);

protected:
    QString text(const SpcQuery::Alarm& row, int column) const override;
};

} // namespace rework
