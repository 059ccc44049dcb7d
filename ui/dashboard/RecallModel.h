#pragma once

#include "common/RowTableModel.h"
#include "reports/RecallQuery.h"

namespace rework {

/// The dashboard's "Recall" table: every item sharing a lot, flux lot, stencil, profile, operator
/// or hour with a scanned one, where it is now and what it shares (RecallQuery::find).
class RecallModel : public RowTableModel<RecallQuery::Hit>
{
    Q_OBJECT

public:
    enum Column
    {
        Serial,
        DonorCard,
        WhereNow,
        Batch,
        Shares,
        ColumnCount
    };

    explicit RecallModel(QObject* parent = nullptr);

protected:
    QString text(const RecallQuery::Hit& row, int column) const override;
};

} // namespace rework
