#pragma once

#include "LabelTemplate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>

namespace rework {

/// The values a label's `${variables}` stand for, read from the derived state of one die,
/// unit or batch: `die.id`, `die.marking`, `unit.serial`, `batch.id`, `batch.count`,
/// `batch.serials` (one per line), `card.serial`, `card.lot`, `model`, `product.<field>`, ...;
/// what was done and by whom from the event log: `die.stripped_at/_by`, `unit.mounted_at/_by`,
/// `unit.tested_at/_by`, `batch.closed_at/_by`, `operator.id/name` (of the label's own step);
/// and the print: `printed_at`, `printed_by` (`date`, `operator` are their old names).
class LabelData
{
    Q_DECLARE_TR_FUNCTIONS(LabelData)

public:
    using Variables = QMap<QString, QString>;

    /// Refuses an item not in the state its label is for (a unit not passed or scrapped, an open
    /// batch, a scrapped die), saying what to do.
    /// `printedFrom` is the template's (LabelTemplate::printedFrom): "mounted" for a unit traveler.
    static Result<Variables> load(const QSqlDatabase& db, LabelTemplate::Kind kind, const QString& subject,
                                  const QString& operatorId, const QDateTime& now,
                                  const QString& printedFrom = {});
    /// Fills in every `${name}`. A name without a value is an error that names it: a label
    /// with a blank where a serial should be is worse than no label.
    static Result<QString> expand(const QString& text, const Variables& variables);
};

} // namespace rework
