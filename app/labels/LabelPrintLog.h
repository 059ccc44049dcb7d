#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace rework {

/// The record of labels printed (who, when, what, where, how many, and why for a reprint), where
/// each stands (label_delivery) and the queue of labels a network printer has not taken yet.
/// Migrations 0005 and 0021.
class LabelPrintLog
{
    Q_DECLARE_TR_FUNCTIONS(LabelPrintLog)

public:
    explicit LabelPrintLog(const QSqlDatabase& db) : m_db(db) {}

    /// Where a print stands; see migration 0021 for what each means.
    enum class Delivery
    {
        Queued,
        Failed,
        SentUnconfirmed,
        Delivered,
        Cancelled
    };
    static QString deliveryName(Delivery state); // as stored and in JSON: "sent_unconfirmed"
    static QString deliveryText(Delivery state); // for people: "sent, unconfirmed"

    struct Print
    {
        QString id, template_, subject, output, target, stationId, operatorId, reason;
        QDateTime printedAt;
        bool reprint = false;
        int copies = 1;
        Delivery delivery = Delivery::Delivered;
        QString detail; // why it is queued, failed or cancelled
        /// The printer resolution it was laid out for, and who said so ("given", "printer",
        /// "template"): known for a print just made, not kept in the log.
        int dpi = 0;
        QString dpiFrom;
    };
    struct Queued
    {
        QString printId, target;
        QByteArray payload;
        int attempts = 0;
        QString lastError;
    };

    /// Whether this template was printed for this item before: only a delivered label makes the
    /// next one a reprint (the one rule, for the CLI and the print dialog alike). A label sent but
    /// unconfirmed, queued or failed is not known to be on paper; outstanding() tells of those.
    Result<bool> printedBefore(const QString& templateName, const QString& subject) const;
    /// Prints of this template for this item that may yet reach paper, or may have, without
    /// anyone knowing: sent but unconfirmed, and still queued (failed included).
    struct Outstanding
    {
        int unconfirmed = 0;
        int queued = 0;
        bool any() const { return unconfirmed + queued > 0; }
    };
    Result<Outstanding> outstanding(const QString& templateName, const QString& subject) const;
    /// Records a print; a reprint must give its reason. With `payload` set, the label is also
    /// queued for `target` in the same transaction, to be sent and then marked; without, it is
    /// delivered (a file written, a system printer's job).
    Result<Print> record(Print print, const QByteArray& queuePayload = {});
    Result<QList<Queued>> queued() const;
    /// Marks where a queued print now stands. Delivered, sent-unconfirmed and cancelled leave the
    /// queue; queued (the printer is not ready) and failed stay in it, the attempt counted.
    Status mark(const QString& printId, Delivery state, const QString& detail, const QDateTime& at);
    Status delivered(const QString& printId);
    Status failed(const QString& printId, const QString& error);
    /// Takes a label that has not been delivered out of the queue, for `reason`, by `actor`
    /// (who needs label.print), audited in the same transaction. Returns the print.
    Result<Print> cancel(const QString& printId, const QString& reason, const QString& actorId,
                         const QString& stationId, const QDateTime& at);
    Result<QList<Print>> history(const QString& subject) const;
    Result<Print> find(const QString& printId) const;

private:
    Result<QList<Print>> select(const QString& where, const QVariantList& binds) const;

    QSqlDatabase m_db;
};

} // namespace rework
