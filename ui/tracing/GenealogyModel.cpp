#include "GenealogyModel.h"

#include "trace/Trace.h"
#include "workflow/FieldSpec.h"

#include <QFont>

namespace rework {

GenealogyModel::GenealogyModel(QObject* parent) : QStandardItemModel(0, ColumnCount, parent)
{
    setHeaders();
}

void GenealogyModel::setHeaders()
{
    setHorizontalHeaderLabels({tr("Item"), tr("Serial"), tr("State"), tr("Details")});
}

void GenealogyModel::clearTrace()
{
    removeRows(0, rowCount());
}

QStandardItem* GenealogyModel::add(QStandardItem* parent, const QString& kind, const QString& serial,
                                   const QString& state, const QStringList& details, bool asked)
{
    QList<QStandardItem*> row{new QStandardItem(kind), new QStandardItem(serial),
                              new QStandardItem(state.isEmpty() ? QString() : FieldSpec::choiceTitle(state)),
                              new QStandardItem(details.join(QStringLiteral(" · ")))};
    for (QStandardItem* cell : row) {
        cell->setEditable(false);
        if (asked) {
            QFont bold = cell->font();
            bold.setBold(true);
            cell->setFont(bold);
        }
    }
    row.at(Details)->setToolTip(details.join(QLatin1Char('\n')));
    (parent ? parent : invisibleRootItem())->appendRow(row);
    return row.first();
}

void GenealogyModel::setTrace(const Trace& t)
{
    clearTrace();
    const auto asked = [&t](const char* kind) { return t.foundKind == QLatin1StringView(kind); };
    QStandardItem* at = nullptr;
    if (t.card) {
        QStringList d{tr("model %1").arg(t.card->model), tr("lot %1").arg(t.card->lot)};
        if (!t.card->gpuUuid.isEmpty())
            d << tr("GPU %1").arg(t.card->gpuUuid);
        at = add(at, tr("Donor card"), t.card->serial, t.card->state, d, asked("card"));
    }
    if (t.die) {
        at = add(at, tr("Die"), t.die->id, t.die->state,
                 {tr("reflows: %1").arg(t.die->reflowCount), tr("reballs: %1").arg(t.die->reballCount)},
                 asked("die"));
    }
    if (t.board) {
        QStringList d{tr("reflows: %1").arg(t.board->reflowCount)};
        if (!t.boardOtherDies.isEmpty())
            d << tr("other dies it carried: %1").arg(t.boardOtherDies.join(QStringLiteral(", ")));
        at = add(at, tr("Board"), t.board->serial, t.board->state, d, asked("board"));
    }
    if (t.unit) {
        QStringList d{t.unit->model, tr("repairs: %1").arg(t.unit->repairCount)};
        if (!t.unit->gpuUuid.isEmpty())
            d << tr("GPU %1").arg(t.unit->gpuUuid);
        at = add(at, tr("Unit"), t.unit->serial, t.unit->state, d, asked("unit"));
    }
    if (t.batch) {
        at = add(at, tr("Batch"), t.batch->id, t.batch->state,
                 {t.batch->model, tr("units: %1").arg(t.batch->unitCount)}, asked("batch"));
        for (const UnitState& u : t.batchUnits) {
            QStringList d{tr("die %1").arg(u.dieId), tr("board %1").arg(u.boardSerial),
                          tr("card %1").arg(u.cardSerial)};
            if (!u.gpuUuid.isEmpty())
                d << tr("GPU %1").arg(u.gpuUuid);
            add(at, tr("Unit"), u.serial, u.state, d, false);
        }
    }
}

QModelIndex GenealogyModel::find(const QString& serial) const
{
    const QModelIndexList hits =
        match(index(0, Serial), Qt::DisplayRole, serial, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return hits.isEmpty() ? QModelIndex() : hits.first().siblingAtColumn(Item);
}

} // namespace rework
