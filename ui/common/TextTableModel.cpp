#include "TextTableModel.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>

namespace rework {

TextTableModel::TextTableModel(const char* context, QList<const char*> headers, QObject* parent)
    : QAbstractTableModel(parent), m_context(context), m_headers(std::move(headers))
{
}

int TextTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_headers.size());
}

QVariant TextTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return cellText(index.row(), index.column());
    return {};
}

QVariant TextTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && (role == Qt::DisplayRole || role == Qt::EditRole) && section >= 0 &&
        section < m_headers.size())
        return QCoreApplication::translate(m_context, m_headers.at(section));
    return QAbstractTableModel::headerData(section, orientation, role);
}

void TextTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount())
        return;
    QList<int> oldRows(rowCount());
    std::iota(oldRows.begin(), oldRows.end(), 0);
    // Stable, by the text as shown: equal texts keep the order they had.
    std::stable_sort(oldRows.begin(), oldRows.end(), [&](int a, int b) {
        return order == Qt::AscendingOrder ? cellText(a, column) < cellText(b, column)
                                           : cellText(b, column) < cellText(a, column);
    });
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    reorderRows(oldRows);
    QList<int> newRow(oldRows.size());
    for (int i = 0; i < oldRows.size(); ++i)
        newRow[oldRows.at(i)] = i;
    QModelIndexList after;
    for (const QModelIndex& i : before)
        after << index(newRow.at(i.row()), i.column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QList<QStringList> TextTableModel::textTable() const
{
    QList<QStringList> table;
    QStringList header;
    for (int c = 0; c < columnCount(); ++c)
        header << headerData(c, Qt::Horizontal).toString();
    table << header;
    for (int r = 0; r < rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < columnCount(); ++c)
            row << cellText(r, c);
        table << row;
    }
    return table;
}

} // namespace rework
