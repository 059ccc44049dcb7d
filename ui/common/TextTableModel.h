#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace rework {

/// What the screens' tables have in common: a table of texts, one per cell, under headers
/// translated in the context of the screen that shows them. Sorting by a column orders the rows
/// by that column's text, as clicking its header does; a newly set list keeps the order the core
/// gave it. Subclasses say how many rows there are and what each cell reads (RowTableModel).
class TextTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// The headers, then each row's cells, as shown: what a CSV export writes.
    QList<QStringList> textTable() const;

protected:
    /// `headers`: the source texts of the column headers in column order, translated in
    /// `context` (a QT_TRANSLATE_NOOP context, e.g. "rework::DashboardPage").
    TextTableModel(const char* context, QList<const char*> headers, QObject* parent);

    virtual QString cellText(int row, int column) const = 0;
    /// Puts the rows in a new order: row i becomes the one that was at `oldRows[i]`.
    virtual void reorderRows(const QList<int>& oldRows) = 0;

private:
    const char* m_context;
    QList<const char*> m_headers;
};

} // namespace rework
