#pragma once

#include "common/RowTableModel.h"
#include "reports/SpcQuery.h"

namespace rework {

/// The dashboard's "SPC alarms" table: the newest values that break a Western Electric rule
/// (SpcQuery::alarms), newest first. Each cell's and header's whole text is its tooltip too: a
/// column narrower than its text shows it cut, and the tooltip reads it whole.
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

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QString text(const SpcQuery::Alarm& row, int column) const override;
};

} // namespace rework
