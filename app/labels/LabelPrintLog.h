#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace rework {

/// The record of labels printed (who, when, what, where, and why for a reprint) and the queue
/// of labels a network printer has not taken yet. Migration 0005.
class LabelPrintLog
{
    Q_DECLARE_TR_FUNCTIONS(LabelPrintLog)

public:
    explicit LabelPrintLog(const QSqlDatabase& db) : m_db(db) {}

    struct Print
    {
        QString id, template_, subject, output, target, stationId, operatorId, reason;
        QDateTime printedAt;
        bool reprint = false;
    };
    struct Queued
    {
        QString printId, target;
        QByteArray payload;
        int attempts = 0;
        QString lastError;
    };

    /// Whether this template was printed for this item before.
    Result<bool> printedBefore(const QString& templateName, const QString& subject) const;
    /// Records a print; a reprint must give its reason. With `payload` set, the label is also
    /// queued for `target` in the same transaction, to be sent and then marked delivered.
    Result<Print> record(Print print, const QByteArray& queuePayload = {});
    Result<QList<Queued>> queued() const;
    Status delivered(const QString& printId);
    Status failed(const QString& printId, const QString& error);
    Result<QList<Print>> history(const QString& subject) const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
