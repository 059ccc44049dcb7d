#pragma once

#include "FilledLabel.h"
#include "LabelPrintLog.h"

#include <QSqlDatabase>

#include <atomic>

namespace rework {

/// Prints one label for one item: finds its template, fills it from the database, renders it
/// to PDF or ZPL (to a file, or sent to a network printer) and records the print. A label for
/// a network printer is queued in the same transaction as its record, so one that the printer
/// did not take is sent again by `retryQueued`, never lost.
class LabelPrinter
{
    Q_DECLARE_TR_FUNCTIONS(LabelPrinter)

public:
    LabelPrinter(const QSqlDatabase& db, QString dataFolder) : m_db(db), m_dataFolder(std::move(dataFolder))
    {
    }

    enum class Output
    {
        Pdf,
        Zpl,
        Send,
        Printer
    };
    struct Request
    {
        QString templateName;
        QString subject;
        Output output = Output::Pdf;
        QString target; // file path, HOST:PORT, or the printer's name
        QString stationId, operatorId, reason;
        QDateTime now;
        /// Set by another thread to stop a network send; the label stays queued for retry.
        const std::atomic_bool* cancelled = nullptr;
    };

    Result<FilledLabel> prepare(const QString& templateName, const QString& subject,
                                const QString& operatorId, const QDateTime& now) const;
    /// Renders and delivers. For a printer (Output::Printer) the caller has painted the label
    /// and this only records it. A refused reprint writes nothing.
    Result<LabelPrintLog::Print> print(const Request& request);
    /// Sends every queued label again; returns how many the printers took.
    Result<int> retryQueued();

private:
    QSqlDatabase m_db;
    QString m_dataFolder;
};

} // namespace rework
