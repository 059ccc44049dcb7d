#pragma once

#include <QStandardItemModel>

namespace rework {

struct Trace;

/// A trace's genealogy as a tree: donor card → die → board → unit → batch (a batch asked for
/// lists its units), each row with its state and figures; the item asked for is bold.
class GenealogyModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        Item,
        Serial,
        State,
        Details,
        ColumnCount
    };

    explicit GenealogyModel(QObject* parent = nullptr);

    void setTrace(const Trace& trace);
    void clearTrace();
    /// The row of `serial` anywhere in the tree (column Item); invalid when it is not there.
    QModelIndex find(const QString& serial) const;

private:
    /// Appends a row under `parent` and returns its first cell, for the next generation.
    QStandardItem* add(QStandardItem* parent, const QString& kind, const QString& serial,
                       const QString& state, const QStringList& details, bool asked);
    void setHeaders();
};

} // namespace rework
