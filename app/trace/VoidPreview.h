#pragma once

#include "storage/EventRecord.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace rework {

/// What voiding one record would undo, shown to the supervisor before they confirm: the items
/// whose state goes back, a later record that must be voided first, the labels printed since
/// the record (they no longer match once it is void) and the batches already closed.
struct VoidPreview
{
    struct PrintedLabel
    {
        QString subject, templateName, target;
        QDateTime printedAt;
        bool waiting = false; // queued or failed: not on paper yet, but it would print old data
    };

    EventRecord event;
    bool alreadyVoid = false;
    bool isVoid = false;      // the record is itself a void: it cannot be voided
    bool isReference = false; // a change of reference data: made again, never voided
    QString blockedBy;        // a later, valid record on the same items
    QString blockedByStep;
    QStringList items; // the serials the record concerns, in the log's order
    QList<PrintedLabel> printedLabels;
    /// Batches among the items (or holding them) that are closed or shipped, with their state.
    QList<std::pair<QString, QString>> closedBatches;

    /// Whether the core would void it as it stands (the rules decide at the void itself).
    bool voidable() const { return !alreadyVoid && !isVoid && !isReference && blockedBy.isEmpty(); }
    /// Translated lines for the confirmation dialog, the most important first.
    QStringList effects() const;
};

} // namespace rework
