#pragma once

#include "FilledLabel.h"
#include "LabelPrintLog.h"

#include <QSqlDatabase>

#include <atomic>
#include <optional>

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
        int copies = 1; // 1 to 99: ^PQ in ZPL, pages in a PDF
        /// The printer's resolution (203, 300, 600), given: it picks the template's variant drawn
        /// for it. 0: a Zebra on the network is asked (~HI); else, or when it does not say, the
        /// template's own.
        int dpi = 0;
        /// A ZPL file that exists is refused unless this is set (reworkctl --force).
        bool overwrite = false;
        /// Set by another thread to stop a network send; the label stays queued for retry.
        const std::atomic_bool* cancelled = nullptr;
    };
    /// One queued label sent again: the print as it now stands, and the error if it is still not
    /// delivered.
    struct Attempt
    {
        LabelPrintLog::Print print;
        std::optional<Error> error;
    };

    /// The label filled for `subject`, laid out for a printer of `dpi` (0: the template's own): the
    /// template's variant drawn for that resolution where there is one.
    Result<FilledLabel> prepare(const QString& templateName, const QString& subject,
                                const QString& operatorId, const QDateTime& now, int dpi = 0) const;
    /// Renders and delivers. For a printer (Output::Printer) the caller has painted the label
    /// and this only records it. A refused reprint writes nothing. A label for a network printer
    /// goes only to a printer whose host status says it is ready: one that is not (paper out, head
    /// open ...) or cannot be reached keeps it queued and this returns that error; one that does
    /// not answer the status query gets the label, which is then "sent, unconfirmed".
    Result<LabelPrintLog::Print> print(const Request& request);
    /// Sends every queued label again, each reported (delivered, unconfirmed, or why not). The
    /// printer is asked its resolution first: a label laid out for another stays queued.
    Result<QList<Attempt>> retryAll(const QDateTime& now);
    /// The same; returns how many the printers took, or the first error.
    Result<int> retryQueued();
    /// How long a printer has to answer its host status query (tests shorten it).
    void setStatusTimeout(int ms) { m_statusTimeoutMs = ms; }

private:
    /// The resolution to lay the label out for, and who said so (see Print::dpiFrom).
    Result<std::pair<int, QString>> resolution(const Request& request) const;
    /// Why a queued label must not go to its printer as it is: the printer says a resolution the
    /// label was not laid out for. nullopt when it fits, or the printer does not say.
    std::optional<Error> otherResolution(const LabelPrintLog::Print& print, const QByteArray& payload) const;
    /// Sends a recorded, queued label and marks where it now stands.
    Result<LabelPrintLog::Print> deliver(LabelPrintLog::Print print, const QByteArray& payload,
                                         const QDateTime& now, const std::atomic_bool* cancelled = nullptr);

    int m_statusTimeoutMs = 2000;
    QSqlDatabase m_db;
    QString m_dataFolder;
};

} // namespace rework
