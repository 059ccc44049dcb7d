#include "LabelPrintDialog.h"

#include "labels/LabelPainter.h"
#include "labels/LabelTemplateStore.h"
#include "labels/ZplSender.h"
#include "storage/Database.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace rework {

LabelPrintDialog::LabelPrintDialog(Context context, LabelTemplate::Kind kind, QString subject,
                                   QWidget* parent)
    : QDialog(parent), m_context(std::move(context)), m_kind(kind), m_subject(std::move(subject))
{
    setObjectName(QStringLiteral("labelPrintDialog"));
    setWindowTitle(tr("Print label for %1").arg(m_subject));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_template = new QComboBox(this);
    addTemplates(m_template, m_context.dataFolder, kind);
    m_destination = new QComboBox(this);
    addDestinations(m_destination);
    m_target = new QLineEdit(this);
    m_reason = new QLineEdit(this);
    m_reason->setPlaceholderText(tr("why it is printed again"));
    m_dpi = new QComboBox(this);
    m_dpi->addItem(tr("The printer's own"), 0);
    for (int dpi : {203, 300, 600})
        m_dpi->addItem(tr("%1 dpi").arg(dpi), dpi);
    m_dpiNote = new QLabel(this);
    m_dpiNote->setObjectName(QStringLiteral("dpiNote"));
    m_dpiNote->setWordWrap(true);
    m_history = new QLabel(this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    form->addRow(tr("Label"), m_template);
    form->addRow(tr("Print to"), m_destination);
    form->addRow(tr("Address or file"), m_target);
    form->addRow(tr("Printer resolution"), m_dpi);
    form->addRow(QString(), m_dpiNote);
    form->addRow(tr("Reprint reason"), m_reason);
    layout->addLayout(form);
    layout->addWidget(m_history);
    layout->addWidget(m_message);
    m_sendingBar = new QProgressBar(this);
    m_sendingBar->setObjectName(QStringLiteral("sendingBar"));
    m_sendingBar->setRange(0, 0); // a printer tells no progress: busy until it took the label
    m_sendingBar->setFormat(QString());
    m_sendingBar->hide();
    layout->addWidget(m_sendingBar);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    m_cancelText = m_cancel->text();
    auto* previewButton = buttons->addButton(tr("Preview…"), QDialogButtonBox::ActionRole);
    m_preview = previewButton;
    m_print = buttons->addButton(tr("Print"), QDialogButtonBox::AcceptRole);
    m_print->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_print, &QPushButton::clicked, this, [this] {
        if (printLabel())
            accept();
    });
    connect(previewButton, &QPushButton::clicked, this, &LabelPrintDialog::preview);

    // What this station used last for this kind of label.
    QSettings settings;
    const int t = m_template->findData(settings.value(settingsKey(QStringLiteral("template"))));
    if (t >= 0)
        m_template->setCurrentIndex(t);
    // The core says which labels fit the item now (a unit traveler after mount, the unit label
    // after its test): a template it refuses gives way to the first one it takes.
    // Each template is filled once at most: the remembered one first, then the others in order.
    if (!filled()) {
        const int remembered = m_template->currentIndex();
        int accepted = remembered;
        for (int i = 0; i < m_template->count() && accepted == remembered; ++i) {
            m_template->setCurrentIndex(i);
            if (i != remembered && filled())
                accepted = i;
        }
        m_template->setCurrentIndex(accepted);
    }
    const int d = m_destination->findData(settings.value(settingsKey(QStringLiteral("destination"))));
    if (d >= 0)
        m_destination->setCurrentIndex(d);
    m_target->setText(settings.value(settingsKey(QStringLiteral("target"))).toString());
    const int dpi = m_dpi->findData(settings.value(settingsKey(QStringLiteral("dpi")), 0));
    m_dpi->setCurrentIndex(std::max(0, dpi));
    connect(m_destination, &QComboBox::currentIndexChanged, this, &LabelPrintDialog::destinationChanged);
    connect(m_template, &QComboBox::currentIndexChanged, this, &LabelPrintDialog::refreshReprintState);
    connect(m_template, &QComboBox::currentIndexChanged, this, &LabelPrintDialog::refreshDpi);
    connect(m_dpi, &QComboBox::currentIndexChanged, this, &LabelPrintDialog::refreshDpi);
    connect(m_target, &QLineEdit::editingFinished, this, &LabelPrintDialog::refreshDpi);
    // While an address is typed: asked once the typing pauses, not at every key.
    auto* typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(400);
    connect(typing, &QTimer::timeout, this, &LabelPrintDialog::refreshDpi);
    connect(m_target, &QLineEdit::textEdited, typing, qOverload<>(&QTimer::start));
    destinationChanged();
    refreshReprintState();
}

LabelPrintDialog::~LabelPrintDialog()
{
    // Closed while sending: the send stops within a moment and its own connection closes with it.
    if (m_cancelSend)
        m_cancelSend->store(true);
    if (m_sending)
        m_sending->waitForFinished();
    m_stopAskingDpi->store(true);
    if (m_askingDpi)
        m_askingDpi->waitForFinished();
}

void LabelPrintDialog::addTemplates(QComboBox* picker, const QString& dataFolder, LabelTemplate::Kind kind)
{
    const LabelTemplateStore store(dataFolder);
    for (const QString& name : store.names()) {
        if (auto t = store.load(name); t && t->kind == kind)
            picker->addItem(QStringLiteral("%1 (%2 × %3 mm)").arg(name).arg(t->widthMm).arg(t->heightMm),
                            name);
    }
}

void LabelPrintDialog::addDestinations(QComboBox* picker)
{
    for (const QString& printer : QPrinterInfo::availablePrinterNames())
        picker->addItem(tr("Printer %1").arg(printer), printer);
    picker->addItem(tr("Zebra printer on the network (ZPL)"), zebraDestination());
    picker->addItem(tr("PDF file"), pdfDestination());
}

QString LabelPrintDialog::settingsKey(const QString& stationId, LabelTemplate::Kind kind, const QString& name)
{
    return QStringLiteral("labels/%1/%2/%3").arg(stationId, LabelTemplate::kindName(kind), name);
}

QString LabelPrintDialog::settingsKey(const QString& name) const
{
    return settingsKey(m_context.stationId, m_kind, name);
}

std::pair<bool, QString> LabelPrintDialog::outcomeOf(const LabelPrintLog::Print& p)
{
    if (p.delivery == LabelPrintLog::Delivery::SentUnconfirmed) {
        return {false, tr("Label of %1 sent to %2, but the printer did not say it was ready: check that the "
                          "label came out, and reprint it if not")
                           .arg(p.subject, p.target)};
    }
    return {true, p.reprint ? tr("Label of %1 printed again to %2").arg(p.subject, p.target)
                            : tr("Label of %1 printed to %2").arg(p.subject, p.target)};
}

void LabelPrintDialog::destinationChanged()
{
    const QString d = m_destination->currentData().toString();
    m_target->setEnabled(d == zebraDestination() || d == pdfDestination());
    m_target->setPlaceholderText(d == zebraDestination() ? tr("printer address, e.g. 10.0.0.20:9100")
                                                         : tr("file name, e.g. /home/op/label.pdf"));
    refreshDpi();
}

bool LabelPrintDialog::isAskingDpi() const
{
    return m_askingDpi && !m_askingDpi->isFinished();
}

void LabelPrintDialog::refreshDpi()
{
    const int given = m_dpi->currentData().toInt();
    const bool zebra = m_destination->currentData().toString() == zebraDestination();
    const QString target = m_target->text().trimmed();
    Result<LabelTemplate> layout =
        LabelTemplateStore(m_context.dataFolder).load(m_template->currentData().toString());
    const int own = layout ? layout->dpi : 0;
    if (given != 0) {
        m_dpiNote->setText(tr("Laid out for %1 dpi, as chosen.").arg(given));
        return;
    }
    if (!zebra) {
        m_dpiNote->setText(tr("Laid out for %1 dpi, the label's own.").arg(own));
        return;
    }
    if (!ZplSender::parseTarget(target)) {
        m_dpiNote->setText(tr("The Zebra is asked for its resolution; %1 dpi, the label's own, if it "
                              "does not say.")
                               .arg(own));
        return;
    }
    if (target == m_dpiAskedOf && m_printerDpi > 0 && m_printerDpi != 203 && m_printerDpi != 300 &&
        m_printerDpi != 600) {
        m_dpiNote->setText(
            tr("The printer at %1 prints at %2 dpi: labels are laid out for 203, 300 or 600 dpi "
               "printers.")
                .arg(target)
                .arg(m_printerDpi));
        return;
    }
    if (target == m_dpiAskedOf && m_printerDpi != 0) {
        m_dpiNote->setText(
            m_printerDpi > 0
                ? tr("Laid out for %1 dpi: the printer at %2 says so.").arg(m_printerDpi).arg(target)
                : tr("The printer at %1 does not say its resolution: laid out for %2 dpi, "
                     "the label's own.")
                      .arg(target)
                      .arg(own));
        return;
    }
    if (isAskingDpi())
        return; // answered soon; dpiAnswered() looks again
    m_dpiNote->setText(tr("Asking the printer at %1 for its resolution…").arg(target));
    m_dpiAskedOf = target;
    m_printerDpi = 0;
    m_askingDpi = std::make_unique<QFutureWatcher<int>>();
    connect(m_askingDpi.get(), &QFutureWatcherBase::finished, this, &LabelPrintDialog::dpiAnswered);
    const std::shared_ptr<std::atomic_bool> stop = m_stopAskingDpi;
    if (!m_dpiThread) {
        m_dpiThread = std::make_unique<QThreadPool>();
        m_dpiThread->setMaxThreadCount(1);
    }
    m_askingDpi->setFuture(QtConcurrent::run(m_dpiThread.get(), [target, stop] {
        return ZplSender::queryDpi(target, 2000, stop.get()).value_or(-1);
    }));
}

void LabelPrintDialog::dpiAnswered()
{
    m_printerDpi = m_askingDpi->result();
    refreshDpi();
}

void LabelPrintDialog::refreshReprintState()
{
    // The core's one rule: only a delivered label makes the next print a reprint.
    const LabelPrintLog log(m_context.db);
    const QString name = m_template->currentData().toString();
    const Result<bool> before = log.printedBefore(name, m_subject);
    const bool reprint = before && before.value();
    m_reason->setEnabled(reprint);
    QString text = reprint ? tr("Printed before: this is a reprint.") : tr("First print of this label.");
    // Prints that may be on paper, or may yet be, without anyone knowing: said, never counted.
    if (const Result<LabelPrintLog::Outstanding> open = log.outstanding(name, m_subject);
        open && open->any()) {
        if (open->unconfirmed > 0)
            text +=
                QLatin1Char(' ') + tr("%n print(s) sent but not confirmed by the printer: check whether it "
                                      "printed.",
                                      nullptr, open->unconfirmed);
        if (open->queued > 0)
            text +=
                QLatin1Char(' ') + tr("%n print(s) still queued: label retry sends them, label cancel takes "
                                      "them out.",
                                      nullptr, open->queued);
    }
    m_history->setText(text);
}

Result<FilledLabel> LabelPrintDialog::filled() const
{
    // The preview and a system printer use the resolution chosen, else the label's own.
    return LabelPrinter(m_context.db, m_context.dataFolder)
        .prepare(m_template->currentData().toString(), m_subject, m_context.operatorId, m_context.now,
                 m_dpi->currentData().toInt());
}

void LabelPrintDialog::preview()
{
    Result<FilledLabel> label = filled();
    if (!label) {
        m_message->setText(label.error().message);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setResolution(label->layout.dpi);
    LabelPainter::setUp(printer, label.value());
    QPrintPreviewDialog dialog(&printer, this);
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [&label](QPrinter* p) {
        QPainter painter(p);
        LabelPainter::paint(painter, label.value());
    });
    dialog.exec();
}

bool LabelPrintDialog::printLabel()
{
    m_message->clear();
    const QString destination = m_destination->currentData().toString();
    LabelPrinter::Request request;
    request.templateName = m_template->currentData().toString();
    request.subject = m_subject;
    request.stationId = m_context.stationId;
    request.operatorId = m_context.operatorId;
    request.reason = m_reason->text();
    request.now = m_context.now;
    request.target = m_target->text().trimmed();
    request.dpi = m_dpi->currentData().toInt();
    // Asked here, before anything is painted or sent: the core refuses it again when recording.
    const Result<bool> before = LabelPrintLog(m_context.db).printedBefore(request.templateName, m_subject);
    if (before && before.value() && request.reason.trimmed().isEmpty()) {
        m_message->setText(tr("This label was printed before: say why it is printed again."));
        m_reason->setFocus();
        return false;
    }
    if (destination == zebraDestination()) {
        request.output = LabelPrinter::Output::Send;
    } else if (destination == pdfDestination()) {
        request.output = LabelPrinter::Output::Pdf;
    } else {
        // A system printer: painted here, then recorded.
        request.output = LabelPrinter::Output::Printer;
        request.target = destination;
        Result<FilledLabel> label = filled();
        if (!label) {
            m_message->setText(label.error().message);
            return false;
        }
        QPrinter printer(QPrinter::HighResolution);
        printer.setPrinterName(destination);
        printer.setResolution(label->layout.dpi);
        LabelPainter::setUp(printer, label.value());
        QPainter painter;
        if (!painter.begin(&printer)) {
            m_message->setText(tr("The printer %1 cannot be opened; check that it is on, or choose another.")
                                   .arg(destination));
            return false;
        }
        LabelPainter::paint(painter, label.value());
        painter.end();
    }
    if (request.target.isEmpty()) {
        m_message->setText(destination == zebraDestination()
                               ? tr("Give the printer's address, e.g. 10.0.0.20:9100.")
                               : tr("Give a file name for the PDF."));
        m_target->setFocus();
        return false;
    }
    if (request.output == LabelPrinter::Output::Send) {
        if (auto address = ZplSender::parseTarget(request.target); !address) {
            m_message->setText(address.error().message); // said now, not after a worker's start
            m_target->setFocus();
            return false;
        }
        send(request);
        return false;
    }
    Result<LabelPrintLog::Print> done = LabelPrinter(m_context.db, m_context.dataFolder).print(request);
    if (!done) {
        m_message->setText(done.error().message);
        if (done.error().field == QLatin1StringView("reason"))
            m_reason->setFocus();
        refreshReprintState();
        return false;
    }
    QSettings settings;
    settings.setValue(settingsKey(QStringLiteral("template")), request.templateName);
    settings.setValue(settingsKey(QStringLiteral("destination")), destination);
    settings.setValue(settingsKey(QStringLiteral("dpi")), request.dpi);
    if (destination == zebraDestination() || destination == pdfDestination())
        settings.setValue(settingsKey(QStringLiteral("target")), request.target);
    emit printed(done.value());
    return true;
}

bool LabelPrintDialog::isSending() const
{
    // Until its outcome is shown, not only while the worker runs: the two differ by a queued signal.
    return static_cast<bool>(m_cancelSend);
}

void LabelPrintDialog::send(LabelPrinter::Request request)
{
    // A printer that does not answer holds a send for up to three waits of 5 s: that happens on
    // a worker thread with a connection of its own, and the core records, queues and sends.
    m_cancelSend = std::make_shared<std::atomic_bool>(false);
    const std::shared_ptr<std::atomic_bool> cancelled = m_cancelSend;
    request.cancelled = cancelled.get();
    const QString path = m_context.db.databaseName();
    const QString dataFolder = m_context.dataFolder;
    m_sending = std::make_unique<QFutureWatcher<std::shared_ptr<Result<LabelPrintLog::Print>>>>();
    connect(m_sending.get(), &QFutureWatcherBase::finished, this, &LabelPrintDialog::sendFinished);
    setSending(true);
    m_sending->setFuture(QtConcurrent::run([path, dataFolder, request, cancelled]() {
        using Outcome = Result<LabelPrintLog::Print>;
        auto db = Database::open(path, Database::Migration::Skip);
        if (!db)
            return std::make_shared<Outcome>(db.error());
        return std::make_shared<Outcome>(LabelPrinter(db.value()->connection(), dataFolder).print(request));
    }));
}

void LabelPrintDialog::sendFinished()
{
    const std::shared_ptr<Result<LabelPrintLog::Print>> done = m_sending->result();
    setSending(false);
    m_cancelSend.reset();
    if (!done->ok()) {
        m_message->setText(done->error().message);
        if (done->error().field == QLatin1StringView("reason"))
            m_reason->setFocus();
        refreshReprintState();
        return;
    }
    QSettings settings;
    settings.setValue(settingsKey(QStringLiteral("template")), done->value().template_);
    settings.setValue(settingsKey(QStringLiteral("destination")), zebraDestination());
    settings.setValue(settingsKey(QStringLiteral("dpi")), m_dpi->currentData().toInt());
    settings.setValue(settingsKey(QStringLiteral("target")), done->value().target);
    emit printed(done->value());
    accept();
}

void LabelPrintDialog::setSending(bool sending)
{
    m_sendingBar->setVisible(sending);
    m_sendingBar->setFormat(sending ? tr("Sending to %1…").arg(m_target->text().trimmed()) : QString());
    m_sendingBar->setTextVisible(sending);
    for (QWidget* w :
         {static_cast<QWidget*>(m_template), static_cast<QWidget*>(m_destination),
          static_cast<QWidget*>(m_target), static_cast<QWidget*>(m_reason), static_cast<QWidget*>(m_dpi),
          static_cast<QWidget*>(m_print), static_cast<QWidget*>(m_preview)})
        w->setEnabled(!sending);
    if (!sending) {
        destinationChanged();
        refreshReprintState();
    }
    m_cancel->setText(sending ? tr("Cancel sending") : m_cancelText);
}

void LabelPrintDialog::reject()
{
    if (isSending()) {
        m_cancelSend->store(true); // the worker stops within a tenth of a second and says so
        return;
    }
    QDialog::reject();
}

} // namespace rework
