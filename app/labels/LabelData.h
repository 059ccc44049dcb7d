#pragma once

#include "LabelTemplate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>

namespace rework {

/// The values a label's `${variables}` stand for, read from the derived state of one die,
/// unit or batch: `die.id`, `die.marking`, `unit.serial`, `batch.id`, `batch.count`,
/// `batch.serials` (one per line), `card.serial`, `card.lot`, `model`, `product.<field>`,
/// `date`, `operator`, ...
class LabelData
{
    Q_DECLARE_TR_FUNCTIONS(LabelData)

public:
    using Variables = QMap<QString, QString>;

    static Result<Variables> load(const QSqlDatabase& db, LabelTemplate::Kind kind, const QString& subject,
                                  const QString& operatorId, const QDateTime& now);
    /// Fills in every `${name}`. A name without a value is an error that names it: a label
    /// with a blank where a serial should be is worse than no label.
    static Result<QString> expand(const QString& text, const Variables& variables);
};

} // namespace rework
