#include "VoidPreview.h"

#include "domain/EventPayload.h"
#include "domain/Step.h"
#include "workflow/FieldSpec.h"

#include <QCoreApplication>

namespace rework {
namespace {

/// A sentence marked for lupdate in the "VoidPreview" context, in the user's language.
QString say(const char* source)
{
    return QCoreApplication::translate("VoidPreview", source);
}

QString when(const QDateTime& at)
{
    return at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

QStringList VoidPreview::effects() const
{
    QStringList lines;
    // Refusals first: the supervisor sees at once that nothing will happen.
    if (isVoid)
        lines << say(
            QT_TRANSLATE_NOOP("VoidPreview", "This record is itself a void; a void cannot be voided."));
    else if (isReference)
        lines << say(QT_TRANSLATE_NOOP(
            "VoidPreview",
            "This is a change of reference data; it is not voided: make the change again with the "
            "value it should have."));
    else if (alreadyVoid)
        lines << say(QT_TRANSLATE_NOOP("VoidPreview", "This record is already void."));
    else if (!blockedBy.isEmpty())
        lines << say(QT_TRANSLATE_NOOP(
                         "VoidPreview",
                         "A later record builds on this one (step: %1, record %2); void that one first."))
                     .arg(stepTitle(blockedByStep), blockedBy);
    // Step names go in as "step: X", never after an article: that reads in every language.
    lines << say(QT_TRANSLATE_NOOP("VoidPreview", "Record to void (step: %1) of %2, made %3 at %4 by %5. It "
                                                  "stays in the history, marked VOID."))
                 .arg(stepTitle(event.step), event.subject, when(event.recordedAt), event.stationId,
                      event.operatorId);
    if (!items.isEmpty())
        lines << say(QT_TRANSLATE_NOOP("VoidPreview", "These items go back to where they were before it: %1"))
                     .arg(items.join(QStringLiteral(", ")));
    const EventPayload p = EventPayload::read(event.payload);
    if (event.step == stepName(Step::Pack) && !p.batch.isEmpty())
        lines << say(QT_TRANSLATE_NOOP("VoidPreview",
                                       "Unit %1 leaves batch %2: the carton holds one unit fewer."))
                     .arg(p.unit, p.batch);
    else if (event.step == stepName(Step::Close))
        lines << say(QT_TRANSLATE_NOOP("VoidPreview", "Batch %1 opens again and takes units."))
                     .arg(event.subject);
    for (const auto& [batch, state] : closedBatches) {
        if (event.step == stepName(Step::Close) && batch == event.subject)
            continue;
        lines << say(QT_TRANSLATE_NOOP("VoidPreview", "Batch %1 is already closed (state: %2): its carton "
                                                      "was sealed with this record in it."))
                     .arg(batch, FieldSpec::choiceTitle(state));
    }
    for (const PrintedLabel& l : printedLabels) {
        if (l.waiting)
            lines << say(QT_TRANSLATE_NOOP("VoidPreview",
                                           "Label \"%1\" of %2, asked for %3, is still waiting "
                                           "for %4: it no longer matches; cancel it (label "
                                           "cancel) and print it again."))
                         .arg(l.templateName, l.subject, when(l.printedAt), l.target);
        else
            lines << say(QT_TRANSLATE_NOOP("VoidPreview", "Label \"%1\" of %2 printed %3 to %4: it no "
                                                          "longer matches; take it off and print it again."))
                         .arg(l.templateName, l.subject, when(l.printedAt), l.target);
    }
    return lines;
}

} // namespace rework
