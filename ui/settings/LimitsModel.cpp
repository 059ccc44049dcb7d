#include "LimitsModel.h"

#include <QFont>
#include <QLocale>

namespace rework {
namespace {

std::optional<double> bound(const QString& typed, bool* ok)
{
    const QString text = typed.trimmed();
    *ok = true;
    if (text.isEmpty())
        return std::nullopt;
    const double v = QLocale().toDouble(text, ok);
    if (!*ok)
        return QLocale::c().toDouble(text, ok);
    return v;
}

QString boundText(const std::optional<double>& bound)
{
    return bound ? QLocale().toString(*bound) : QString();
}

} // namespace

LimitsModel::LimitsModel(QObject* parent)
    : RowTableModel("rework::SettingsDialog",
                    {QT_TRANSLATE_NOOP("rework::SettingsDialog", "Limit"),
                     QT_TRANSLATE_NOOP("rework::SettingsDialog", "Lowest"),
                     QT_TRANSLATE_NOOP("rework::SettingsDialog", "Highest")},
                    parent)
{
}

void LimitsModel::setLimits(const QList<LimitStore::LimitRow>& limits)
{
    QList<EditedLimit> rows;
    for (const LimitStore::LimitRow& limit : limits)
        rows << EditedLimit{limit, boundText(limit.min), boundText(limit.max)};
    setRows(std::move(rows));
}

LimitsModel::Bounds LimitsModel::bounds(int row) const
{
    bool okMin = false, okMax = false;
    Bounds b;
    b.min = bound(rowAt(row).min, &okMin);
    b.max = bound(rowAt(row).max, &okMax);
    b.ok = okMin && okMax;
    return b;
}

QString LimitsModel::text(const EditedLimit& row, int column) const
{
    switch (static_cast<Column>(column)) {
    case Limit:
        return row.stored.name;
    case Lowest:
        return row.min;
    case Highest:
        return row.max;
    case ColumnCount:
        break;
    }
    return {};
}

Qt::ItemFlags LimitsModel::flags(const QModelIndex& index) const
{
    const Qt::ItemFlags f = RowTableModel::flags(index);
    return index.isValid() && index.column() != Limit ? f | Qt::ItemIsEditable : f;
}

QVariant LimitsModel::data(const QModelIndex& index, int role) const
{
    if (role == Qt::FontRole && index.isValid() && index.column() == Limit) {
        QFont f;
        f.setBold(rowAt(index.row()).stored.productSpecific);
        return f;
    }
    return RowTableModel::data(index, role);
}

bool LimitsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.column() == Limit || (role != Qt::EditRole && role != Qt::DisplayRole))
        return false;
    EditedLimit& row = mutableRowAt(index.row());
    (index.column() == Lowest ? row.min : row.max) = value.toString();
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

} // namespace rework
