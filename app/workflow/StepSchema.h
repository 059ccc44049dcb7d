#pragma once

#include "FieldSpec.h"
#include "domain/Action.h"
#include "domain/Result.h"
#include "domain/Step.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace rework {

/// The inputs each step takes (domain.md, "The steps and what each records"), and the parser that
/// turns `key=value` text from the CLI or a form into typed, checked values.
class StepSchema
{
    Q_DECLARE_TR_FUNCTIONS(StepSchema)

public:
    static const QList<FieldSpec>& fields(Step step);
    static const FieldSpec* find(Step step, const QString& key);

    /// Parses `key=value` pairs. Unknown keys, repeated keys, bad numbers, values outside the
    /// plausible range and missing required fields are errors naming the field.
    static Result<QJsonObject> parse(Step step, const QStringList& keyValues);
    /// Parses already separated values (a form's fields); empty values count as not given.
    /// Serials come out normalised (SerialRules::normalise), ids of free-text fields in their case:
    /// this is the one place where a scan's spelling is settled; the snapshot and the rules take
    /// the values as they are.
    static Result<QJsonObject> parse(Step step, const QList<std::pair<QString, QString>>& pairs);
    /// The same normalisation for an action built in code (operator and station ids included).
    static Action normalised(Action action);

    /// The label a record calls for, printed at the station that made it.
    struct LabelDue
    {
        enum class Item
        {
            Die,  // its traveler, after strip
            Unit, // its traveler after mount, its unit label after a passed test
            Batch // the carton's label, after close
        } item;
        QString subject;
    };
    /// Which label follows a recorded step (`payload` and `createdId` as recorded); none for most.
    static std::optional<LabelDue> labelAfter(Step step, const QJsonObject& payload, const QString& subject,
                                              const QString& createdId);

    /// Longest free-text value accepted.
    static constexpr int kMaxTextLength = 500;
};

} // namespace rework
