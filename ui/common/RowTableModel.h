#pragma once

#include "TextTableModel.h"

namespace rework {

/// A table over a list of typed rows from a core query (KpiReport::Aging, OperatorAdmin::Account,
/// ...): one row each, in the order given. A subclass names its columns in an enum ending in
/// ColumnCount, passes their headers and says what each cell of a row reads.
template <typename Row> class RowTableModel : public TextTableModel
{
public:
    /// Replaces the rows (a model reset: views drop their selection).
    void setRows(QList<Row> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    const Row& rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

protected:
    using TextTableModel::TextTableModel;

    /// The text of `column` for one row.
    virtual QString text(const Row& row, int column) const = 0;
    Row& mutableRowAt(int row) { return m_rows[row]; }
    /// For a subclass that changes more in the same reset: between its begin- and endResetModel().
    void assignRows(QList<Row> rows) { m_rows = std::move(rows); }

private:
    QString cellText(int row, int column) const final { return text(m_rows.at(row), column); }
    void reorderRows(const QList<int>& oldRows) final
    {
        QList<Row> sorted;
        sorted.reserve(oldRows.size());
        for (int i : oldRows)
            sorted << m_rows.at(i);
        m_rows = std::move(sorted);
    }

    QList<Row> m_rows;
};

} // namespace rework
