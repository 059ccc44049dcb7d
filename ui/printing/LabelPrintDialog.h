#pragma once

#include "labels/LabelPrinter.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QThreadPool;
class QPushButton;
template <typename T> class QFutureWatcher;

namespace rework {

/// Prints one item's label: to a system printer, a PDF file or a Zebra on the network, with a
/// preview. The choice of template (label stock) and destination is remembered per station and
/// kind of label; a reprint asks why. A network printer is sent to in the background, on a
/// connection of its own, with a busy bar and Cancel: the window never waits on the printer.
class LabelPrintDialog : public QDialog
{
    Q_OBJECT

public:
    struct Context
    {
        QSqlDatabase db;
        QString dataFolder;
        QString stationId, operatorId;
        QDateTime now;
    };
    LabelPrintDialog(Context context, LabelTemplate::Kind kind, QString subject, QWidget* parent = nullptr);
    ~LabelPrintDialog() override;

    QComboBox* templatePicker() const { return m_template; }
    QComboBox* destinationPicker() const { return m_destination; }
    QLineEdit* targetField() const { return m_target; }
    QLineEdit* reasonField() const { return m_reason; }
    /// The printer's resolution: 0 (the printer's own, a Zebra asked; the template's for a file),
    /// 203, 300 or 600 given.
    QComboBox* dpiPicker() const { return m_dpi; }
    /// Which resolution the label is laid out for, and who says so.
    QLabel* dpiLabel() const { return m_dpiNote; }
    /// The reprint state: first print, reprint, and prints sent unconfirmed or still queued.
    QLabel* historyLabel() const { return m_history; }
    /// Busy while the Zebra is asked for its resolution.
    bool isAskingDpi() const;
    QLabel* messageLabel() const { return m_message; }
    QPushButton* printButton() const { return m_print; }
    QPushButton* cancelButton() const { return m_cancel; }
    /// Busy while a label is on its way to a network printer.
    QProgressBar* sendingBar() const { return m_sendingBar; }
    /// From Print until the printer's answer (or the cancel) is shown.
    bool isSending() const;

    /// Destinations besides the system printers, which follow under their own names.
    static QString pdfDestination() { return QStringLiteral("pdf"); }
    static QString zebraDestination() { return QStringLiteral("zebra"); }
    /// Where a station's choice for a kind of label is kept (QSettings): `template`,
    /// `destination` (a system printer's name, zebraDestination() or pdfDestination()), `target`.
    static QString settingsKey(const QString& stationId, LabelTemplate::Kind kind, const QString& name);
    /// Fills `picker` with the templates of `kind` (label stock with its size), data: the name.
    static void addTemplates(QComboBox* picker, const QString& dataFolder, LabelTemplate::Kind kind);
    /// Fills `picker` with the system printers, the Zebra printer and PDF, data: the destination.
    static void addDestinations(QComboBox* picker);
    /// What became of a print, for the banner: printed or confirmed by the printer (true), or
    /// taken without the printer confirming it was ready (false: someone must look at it).
    static std::pair<bool, QString> outcomeOf(const LabelPrintLog::Print& print);

public slots:
    /// True when printed here and now; a label for a network printer is sent in the background
    /// (false here) and the dialog closes when the printer took it.
    bool printLabel();
    void preview();
    /// While sending: stops the send (the label stays queued for retry); otherwise closes.
    void reject() override;

signals:
    void printed(const rework::LabelPrintLog::Print& print);

private:
    QString settingsKey(const QString& name) const;
    void destinationChanged();
    /// Says which resolution will be used; asks a Zebra at the address for its own, in the
    /// background, when none is given.
    void refreshDpi();
    void dpiAnswered();
    void refreshReprintState();
    Result<FilledLabel> filled() const;
    void send(LabelPrinter::Request request);
    void sendFinished();
    void setSending(bool sending);

    Context m_context;
    LabelTemplate::Kind m_kind;
    QString m_subject;
    QComboBox* m_template = nullptr;
    QComboBox* m_destination = nullptr;
    QLineEdit* m_target = nullptr;
    QLineEdit* m_reason = nullptr;
    QComboBox* m_dpi = nullptr;
    QLabel* m_dpiNote = nullptr;
    /// The Zebra asked and its answer (0: none yet, -1: it did not say).
    QString m_dpiAskedOf;
    int m_printerDpi = 0;
    std::unique_ptr<QFutureWatcher<int>> m_askingDpi;
    /// A thread of its own: the global pool also paints widgets (raster fills), and a printer that
    /// does not answer must not hold a thread the window waits for.
    std::unique_ptr<QThreadPool> m_dpiThread;
    std::shared_ptr<std::atomic_bool> m_stopAskingDpi = std::make_shared<std::atomic_bool>(false);
    QLabel* m_history = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_preview = nullptr;
    QPushButton* m_cancel = nullptr;
    QString m_cancelText;
    QProgressBar* m_sendingBar = nullptr;
    std::unique_ptr<QFutureWatcher<std::shared_ptr<Result<LabelPrintLog::Print>>>> m_sending;
    std::shared_ptr<std::atomic_bool> m_cancelSend;
};

} // namespace rework
