#include "LabelPrinter.h"
#include "storage/OutputFile.h"

#include "LabelPainter.h"
#include "LabelTemplateStore.h"
#include "ZplSender.h"
#include "ZplWriter.h"
#include "storage/Authority.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <spdlog/spdlog.h>

#include <cmath>

namespace rework {
namespace {

QString outputName(LabelPrinter::Output output)
{
    switch (output) {
    case LabelPrinter::Output::Pdf:
        return QStringLiteral("pdf");
    case LabelPrinter::Output::Zpl:
        return QStringLiteral("zpl");
    case LabelPrinter::Output::Send:
        return QStringLiteral("send");
    case LabelPrinter::Output::Printer:
        return QStringLiteral("printer");
    }
    return {};
}

} // namespace

Result<FilledLabel> LabelPrinter::prepare(const QString& templateName, const QString& subject,
                                          const QString& operatorId, const QDateTime& now, int dpi) const
{
    Result<LabelTemplate> layout = LabelTemplateStore(m_dataFolder).load(templateName, dpi);
    if (!layout)
        return layout.error();
    // Without a variant for this printer: a template drawn for 300 dpi stock, sent to a 203 dpi
    // printer, would come out 1.5 times too large; laid out again in that printer's dots it prints
    // the same size, with whole-dot modules.
    if (dpi != 0 && dpi != layout->dpi) {
        layout = layout->atDpi(dpi);
        if (!layout)
            return layout.error();
    }
    Result<LabelData::Variables> variables = LabelData::load(m_db, layout->kind, subject.trimmed().toUpper(),
                                                             operatorId, now, layout->printedFrom);
    if (!variables)
        return variables.error();
    return FilledLabel::fill(layout.value(), variables.value());
}

Result<LabelPrintLog::Print> LabelPrinter::print(const Request& r)
{
    // Whoever prints holds label.print at this moment, from the GUI and reworkctl alike.
    if (Status st =
            Authority::require(m_db, OperatorInfo{r.operatorId, {}, {}, true}, QStringLiteral("label.print"));
        !st)
        return st.error();
    const QString subject = r.subject.trimmed().toUpper();
    LabelPrintLog log(m_db);
    // A reprint without a reason is refused before anything is written.
    Result<bool> before = log.printedBefore(r.templateName, subject);
    if (!before)
        return before.error();
    if (before.value() && r.reason.trimmed().isEmpty()) {
        return makeError(
            ErrorCode::MissingField, QStringLiteral("reason"),
            Message(tr, QT_TR_NOOP("the %1 label of %2 was printed before; give a reason to print it again"),
                    {r.templateName, subject}));
    }
    if (r.copies < 1 || r.copies > 99)
        return makeError(ErrorCode::OutOfRange, QStringLiteral("copies"),
                         Message(tr, QT_TR_NOOP("print 1 to 99 copies of a label")));
    if (r.output == Output::Send) {
        if (auto address = ZplSender::parseTarget(r.target); !address)
            return address.error();
    }
    // Never through a link, onto a device or over another kind of file; an earlier label only
    // with --force: said, not replaced. A label program begins with ^XA, or ~ for one that acts
    // at once.
    if (r.output == Output::Zpl) {
        if (Status st = OutputFile::check(r.target, {QByteArrayLiteral("^XA"), QByteArrayLiteral("~")},
                                          QStringLiteral("zpl"));
            !st)
            return st.error();
        if (!r.overwrite && QFileInfo::exists(r.target))
            return makeError(ErrorCode::InvalidValue, QStringLiteral("zpl"),
                             Message(tr,
                                     QT_TR_NOOP("%1 already exists and is left as it is; give another file "
                                                "name, or --force to replace it"),
                                     {r.target}));
    }
    Result<std::pair<int, QString>> dpi = resolution(r);
    if (!dpi)
        return dpi.error();
    Result<FilledLabel> label = prepare(r.templateName, subject, r.operatorId, r.now, dpi->first);
    if (!label)
        return label.error();

    QByteArray queued;
    switch (r.output) {
    case Output::Pdf:
        if (Status st = LabelPainter::writePdf(r.target, QList<FilledLabel>(r.copies, label.value())); !st)
            return st.error();
        break;
    case Output::Zpl: {
        QSaveFile file(r.target);
        if (!file.open(QIODevice::WriteOnly) || file.write(ZplWriter::write(label.value(), r.copies)) < 0 ||
            !file.commit())
            return makeError(
                ErrorCode::Storage, QStringLiteral("zpl"),
                Message(tr, QT_TR_NOOP("cannot write %1; choose a folder you may write to"), {r.target}));
        break;
    }
    case Output::Send:
        queued = ZplWriter::write(label.value(), r.copies);
        break;
    case Output::Printer:
        break;
    }
    LabelPrintLog::Print p;
    p.template_ = r.templateName;
    p.subject = subject;
    p.output = outputName(r.output);
    p.target = r.target;
    p.stationId = r.stationId;
    p.operatorId = r.operatorId;
    p.reason = r.reason;
    p.printedAt = r.now;
    p.copies = r.copies;
    Result<LabelPrintLog::Print> recorded = log.record(p, queued);
    if (!recorded)
        return recorded;
    recorded.value().dpi = label->layout.dpi;
    recorded.value().dpiFrom = dpi->second;
    if (r.output != Output::Send)
        return recorded;
    // Recorded and queued: now hand it to the printer. A failure leaves it queued.
    return deliver(recorded.value(), queued, r.now, r.cancelled);
}

Result<std::pair<int, QString>> LabelPrinter::resolution(const Request& r) const
{
    if (r.dpi != 0)
        return std::make_pair(r.dpi, QStringLiteral("given"));
    if (r.output != Output::Send)
        return std::make_pair(0, QStringLiteral("template"));
    const std::optional<int> asked = ZplSender::queryDpi(r.target, m_statusTimeoutMs, r.cancelled);
    if (!asked)
        return std::make_pair(0, QStringLiteral("template"));
    if (*asked != 203 && *asked != 300 && *asked != 600)
        return makeError(ErrorCode::InvalidValue, QStringLiteral("dpi"),
                         Message(tr,
                                 QT_TR_NOOP("the printer at %1 prints at %2 dpi; labels are laid out for "
                                            "203, 300 or 600 dpi printers"),
                                 {r.target, *asked}));
    return std::make_pair(*asked, QStringLiteral("printer"));
}

Result<LabelPrintLog::Print> LabelPrinter::deliver(LabelPrintLog::Print p, const QByteArray& payload,
                                                   const QDateTime& now, const std::atomic_bool* cancelled)
{
    LabelPrintLog log(m_db);
    Result<ZplSender::Outcome> sent =
        ZplSender::deliver(p.target, payload, 5000, m_statusTimeoutMs, cancelled);
    if (!sent) {
        // Not ready (paper out ...) or cancelled stays queued with its reason; not reached is a
        // failed attempt.
        p.delivery = sent.error().field == QLatin1StringView("printer_status") ||
                             sent.error().field == QLatin1StringView("printer_cancelled")
                         ? LabelPrintLog::Delivery::Queued
                         : LabelPrintLog::Delivery::Failed;
        p.detail = sent.error().message;
    } else {
        p.delivery = sent.value() == ZplSender::Outcome::Delivered ? LabelPrintLog::Delivery::Delivered
                                                                   : LabelPrintLog::Delivery::SentUnconfirmed;
        p.detail.clear();
    }
    if (Status st = log.mark(p.id, p.delivery, p.detail, now); !st) {
        spdlog::warn("could not note the delivery of print {}: {}", p.id.toStdString(), st.error().logLine());
        return st.error();
    }
    if (!sent)
        return sent.error();
    return p;
}

Result<QList<LabelPrinter::Attempt>> LabelPrinter::retryAll(const QDateTime& now)
{
    LabelPrintLog log(m_db);
    Result<QList<LabelPrintLog::Queued>> queue = log.queued();
    if (!queue)
        return queue.error();
    QList<Attempt> out;
    for (const LabelPrintLog::Queued& q : queue.value()) {
        Result<LabelPrintLog::Print> print = log.find(q.printId);
        if (!print)
            return print.error();
        if (std::optional<Error> wrong = otherResolution(print.value(), q.payload)) {
            if (Status st = log.mark(q.printId, LabelPrintLog::Delivery::Queued, wrong->message, now); !st)
                return st.error();
            Result<LabelPrintLog::Print> current = log.find(q.printId);
            out.append({current ? current.value() : print.value(), wrong});
            continue;
        }
        Result<LabelPrintLog::Print> sent = deliver(print.value(), q.payload, now);
        if (sent) {
            out.append({sent.value(), std::nullopt});
            continue;
        }
        // Where it stands now, as marked, with the error that kept it.
        Result<LabelPrintLog::Print> current = log.find(q.printId);
        out.append({current ? current.value() : print.value(), sent.error()});
    }
    return out;
}

std::optional<Error> LabelPrinter::otherResolution(const LabelPrintLog::Print& print,
                                                   const QByteArray& payload) const
{
    // A label queued while its printer could not be asked was laid out for the template's own
    // resolution; printed on a printer that says another, it would come out the wrong size.
    static const QRegularExpression widthPattern(QStringLiteral("\\^PW(\\d+)"));
    const QRegularExpressionMatch width = widthPattern.match(QString::fromLatin1(payload));
    if (!width.hasMatch())
        return std::nullopt;
    const std::optional<int> dpi = ZplSender::queryDpi(print.target, m_statusTimeoutMs);
    if (!dpi)
        return std::nullopt;
    Result<LabelTemplate> layout = LabelTemplateStore(m_dataFolder).load(print.template_);
    if (!layout)
        return std::nullopt;
    const int expected = static_cast<int>(std::lround(layout->widthMm * *dpi / 25.4));
    const int sent = width.captured(1).toInt();
    if (std::abs(sent - expected) <= 1)
        return std::nullopt;
    spdlog::warn("print {} laid out {} dots wide, printer {} prints {} dpi: kept", print.id.toStdString(),
                 sent, print.target.toStdString(), *dpi);
    return makeError(ErrorCode::InvalidValue, QStringLiteral("dpi"),
                     Message(tr,
                             QT_TR_NOOP("the printer at %1 prints at %2 dpi, but this label was laid out for "
                                        "about %3 dpi (the printer could not be asked when it was printed); "
                                        "it stays queued: cancel it (label cancel %4) and print it again"),
                             {print.target, *dpi,
                              static_cast<int>(std::lround(sent * 25.4 / layout->widthMm)), print.id}));
}

Result<int> LabelPrinter::retryQueued()
{
    Result<QList<Attempt>> attempts = retryAll(QDateTime::currentDateTimeUtc());
    if (!attempts)
        return attempts.error();
    int sent = 0;
    for (const Attempt& a : attempts.value()) {
        if (a.error)
            return *a.error;
        ++sent;
    }
    return sent;
}

} // namespace rework
