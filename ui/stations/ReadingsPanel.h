#pragma once

#include "workflow/ReadingLimits.h"

#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace rework {

/// The readings of an imported GPU report, read-only and compact: each reading's value, the
/// limit it is judged on and a green or red mark, two readings a row (the GPU UUID on a row of
/// its own). The core decides each mark (ReadingLimits); the panel only shows it.
class ReadingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ReadingsPanel(QWidget* parent = nullptr);

    void showChecks(const QList<ReadingCheck>& checks);

    /// The cells of a reading (null when the report gave none): its value, limit and mark.
    QLabel* valueLabel(const QString& key) const { return m_cells.value(key).value; }
    QLabel* limitLabel(const QString& key) const { return m_cells.value(key).limit; }
    QLabel* markLabel(const QString& key) const { return m_cells.value(key).mark; }
    /// The mark shown for a reading; NoLimit when it has none.
    ReadingCheck::Mark mark(const QString& key) const;

    /// A reading's short name ("Memory (MiB)"): the panel has no room for the form's labels.
    static QString title(const QString& key);

private:
    struct Cells
    {
        QLabel* name = nullptr;
        QLabel* value = nullptr;
        QLabel* limit = nullptr;
        QLabel* mark = nullptr;
        ReadingCheck::Mark shown = ReadingCheck::Mark::NoLimit;
    };

    QGridLayout* m_grid = nullptr;
    QHash<QString, Cells> m_cells;
};

} // namespace rework
