#pragma once

#include "storage/EventRecord.h"

#include <QAbstractTableModel>

namespace rework {

/// An item's events as a table: when, which step, where, who, the outcome, the key figures and
/// the evidence files, voids marked.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Time,
        StepColumn,
        Subject,
        Station,
        Operator,
        Outcome,
        Figures,  // the step's measured values, in words
        Evidence, // file names of photos and X-rays
        ColumnCount
    };

    explicit TimelineModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    void setEvents(QList<EventRecord> events);
    const EventRecord& event(int row) const { return m_events.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<EventRecord> m_events;
};

} // namespace rework
