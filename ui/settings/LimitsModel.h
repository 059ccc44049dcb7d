#pragma once

#include "common/RowTableModel.h"
#include "storage/LimitStore.h"

#include <optional>

namespace rework {

/// One product's limit as the settings dialog edits it: the stored row, and its bounds as typed.
struct EditedLimit
{
    LimitStore::LimitRow stored;
    QString min, max;
};

/// The test limits of one product in the settings dialog: each limit's name (in bold where the
/// product has its own row rather than the default) and its lowest and highest bound, which the
/// admin edits as text; an empty bound means none.
class LimitsModel : public RowTableModel<EditedLimit>
{
    Q_OBJECT

public:
    enum Column
    {
        Limit,
        Lowest,
        Highest,
        ColumnCount
    };

    /// A row's bounds read as numbers (in this locale, else in C's): nullopt for an empty cell;
    /// `ok` is false when a cell holds something else.
    struct Bounds
    {
        std::optional<double> min, max;
        bool ok = true;
    };

    explicit LimitsModel(QObject* parent = nullptr);

    /// Shows `limits` with their bounds written in this locale.
    void setLimits(const QList<LimitStore::LimitRow>& limits);
    Bounds bounds(int row) const;

    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

protected:
    QString text(const EditedLimit& row, int column) const override;
};

} // namespace rework
