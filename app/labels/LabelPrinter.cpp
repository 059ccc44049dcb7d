#include "LabelPrinter.h"

#include "LabelPainter.h"
#include "LabelTemplateStore.h"
#include "ZplSender.h"
#include "ZplWriter.h"
#include "storage/Authority.h"

#include <QSaveFile>

#include <spdlog/spdlog.h>

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

/// The label stays queued either way; the attempt count and error are for the supervisor.
void noteFailure(LabelPrintLog& log, const QString& printId, const Error& error)
{
    if (Status st = log.failed(printId, error.message); !st)
        spdlog::warn("could not note the failed print {}: {}", printId.toStdString(), st.error().logLine());
}

} // namespace

Result<FilledLabel> LabelPrinter::prepare(const QString& templateName, const QString& subject,
                                          const QString& operatorId, const QDateTime& now) const
{
    Result<LabelTemplate> layout = LabelTemplateStore(m_dataFolder).load(templateName);
    if (!layout)
        return layout.error();
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
    if (r.output == Output::Send) {
        if (auto address = ZplSender::parseTarget(r.target); !address)
            return address.error();
    }
    Result<FilledLabel> label = prepare(r.templateName, subject, r.operatorId, r.now);
    if (!label)
        return label.error();

    QByteArray queued;
    switch (r.output) {
    case Output::Pdf:
        if (Status st = LabelPainter::writePdf(r.target, {label.value()}); !st)
            return st.error();
        break;
    case Output::Zpl: {
        QSaveFile file(r.target);
        if (!file.open(QIODevice::WriteOnly) || file.write(ZplWriter::write(label.value())) < 0 ||
            !file.commit())
            return makeError(
                ErrorCode::Storage, QStringLiteral("zpl"),
                Message(tr, QT_TR_NOOP("cannot write %1; choose a folder you may write to"), {r.target}));
        break;
    }
    case Output::Send:
        queued = ZplWriter::write(label.value());
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
    Result<LabelPrintLog::Print> recorded = log.record(p, queued);
    if (!recorded || r.output != Output::Send)
        return recorded;
    // Recorded and queued: now hand it to the printer. A failure leaves it queued.
    if (Status st = ZplSender::send(r.target, queued, 5000, r.cancelled); !st) {
        noteFailure(log, recorded->id, st.error());
        return st.error();
    }
    if (Status st = log.delivered(recorded->id); !st)
        return st.error();
    return recorded;
}

Result<int> LabelPrinter::retryQueued()
{
    LabelPrintLog log(m_db);
    Result<QList<LabelPrintLog::Queued>> queue = log.queued();
    if (!queue)
        return queue.error();
    int sent = 0;
    std::optional<Error> first;
    for (const LabelPrintLog::Queued& q : queue.value()) {
        if (Status st = ZplSender::send(q.target, q.payload); !st) {
            noteFailure(log, q.printId, st.error());
            if (!first)
                first = st.error();
            continue;
        }
        if (Status st = log.delivered(q.printId); !st)
            return st.error();
        ++sent;
    }
    if (first)
        return *first;
    return sent;
}

} // namespace rework
