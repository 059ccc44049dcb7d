// What reworkctl puts on paper: `label` prints an item's label (and lists the templates, resends
// queued labels, shows an item's print history); `commands` writes the sheet of command barcodes.

#include "Commands.h"

#include "labels/CommandSheet.h"
#include "labels/LabelPrinter.h"
#include "labels/LabelTemplateStore.h"
#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "storage/Authority.h"
#include "storage/StationRegistry.h"
#include "storage/WorkflowConfigLoader.h"

#include <QSettings>

namespace rework {
namespace {

/// Where a print without --station is logged when this PC is bound to no station.
const QString kNoStation = QStringLiteral("SYSTEM");

/// `label list`: the templates, the user's own (DATA/labels/) first.
void listTemplates(CommandContext& context)
{
    LabelTemplateStore store(context.dataFolder());
    context.out.emitList(
        store.names(), QStringLiteral("templates"),
        [&store](const QString& name) -> QString {
            Result<LabelTemplate> t = store.load(name);
            if (!t)
                return name + QStringLiteral("  ") + t.error().message;
            QStringList dpis{QString::number(t->dpi)};
            for (int dpi : store.variants(name))
                dpis << QString::number(dpi);
            dpis.removeDuplicates();
            return QStringLiteral("%1  %2  %3 × %4 mm %5 dpi  %6")
                .arg(name, LabelTemplate::kindName(t->kind))
                .arg(t->widthMm)
                .arg(t->heightMm)
                .arg(dpis.join(QLatin1Char('/')), t->description);
        },
        [](const QString& name) { return name; });
}

/// The station a print without --station is logged at: the one this PC is bound to (the app's
/// "Station of this PC", station/id in its settings) where this database knows it.
QString boundStation(const QSqlDatabase& db)
{
    const QString id = QSettings().value(QStringLiteral("station/id")).toString().trimmed().toUpper();
    if (id.isEmpty())
        return kNoStation;
    Result<bool> known = StationRegistry(db).exists(id);
    return known && known.value() ? id : kNoStation;
}

/// A print as `label history` and `label retry` show it, one line.
QString printLine(const LabelPrintLog::Print& p)
{
    // SYSTEM only stands for a print from reworkctl on a PC bound to no station: said so.
    const QString station =
        p.stationId == kNoStation ? Cli::tr("%1 (no station bound to the PC)").arg(p.stationId) : p.stationId;
    QString line = QStringLiteral("%1  %2  %3 %4  ×%5  %6/%7  %8")
                       .arg(p.printedAt.toUTC().toString(Qt::ISODate), p.template_, p.output, p.target)
                       .arg(p.copies)
                       .arg(station, p.operatorId, LabelPrintLog::deliveryText(p.delivery));
    if (!p.detail.isEmpty())
        line += QStringLiteral(": ") + p.detail;
    if (p.reprint)
        line += Cli::tr("  reprint: %1").arg(p.reason);
    return line + QStringLiteral("  ") + p.id;
}

QJsonObject printJson(const LabelPrintLog::Print& p)
{
    return QJsonObject{{QStringLiteral("id"), p.id},
                       {QStringLiteral("printed_at"), p.printedAt.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("template"), p.template_},
                       {QStringLiteral("subject"), p.subject},
                       {QStringLiteral("output"), p.output},
                       {QStringLiteral("target"), p.target},
                       {QStringLiteral("station"), p.stationId},
                       {QStringLiteral("station_bound"), p.stationId != kNoStation},
                       {QStringLiteral("operator"), p.operatorId},
                       {QStringLiteral("copies"), p.copies},
                       {QStringLiteral("state"), LabelPrintLog::deliveryName(p.delivery)},
                       {QStringLiteral("detail"), p.detail},
                       {QStringLiteral("reprint"), p.reprint},
                       {QStringLiteral("reason"), p.reason}};
}

/// `label history SERIAL`: every print of an item's labels and where each stands, and for each
/// label whether one may be on paper that nobody confirmed (sent, unconfirmed) or may yet be
/// printed (queued): neither makes the next print a reprint, so they are said here.
int printHistory(CommandContext& context, const QString& subject)
{
    QList<LabelPrintLog::Print> prints;
    if (const auto failed = context.read(
            prints, [&subject](const QSqlDatabase& db) { return LabelPrintLog(db).history(subject); }))
        return *failed;
    const LabelPrintLog log(context.database()->connection());
    QStringList lines, templates;
    QJsonArray rows, notes;
    for (const LabelPrintLog::Print& p : prints) {
        lines << printLine(p);
        rows.append(printJson(p));
        if (!templates.contains(p.template_))
            templates << p.template_;
    }
    for (const QString& name : templates) {
        Result<LabelPrintLog::Outstanding> open = log.outstanding(name, subject);
        if (!open)
            return context.out.fail(open.error());
        Result<bool> before = log.printedBefore(name, subject);
        if (!before)
            return context.out.fail(before.error());
        if (!open->any())
            continue;
        lines << Cli::tr("note: the %1 label has %2 print(s) sent but unconfirmed and %3 queued; not "
                         "known to be on paper, so the next print is %4")
                     .arg(name)
                     .arg(open->unconfirmed)
                     .arg(open->queued)
                     .arg(before.value() ? Cli::tr("a reprint (one was delivered)")
                                         : Cli::tr("no reprint: check the printer first"));
        notes.append(QJsonObject{{QStringLiteral("template"), name},
                                 {QStringLiteral("unconfirmed"), open->unconfirmed},
                                 {QStringLiteral("queued"), open->queued},
                                 {QStringLiteral("next_is_reprint"), before.value()}});
    }
    if (prints.isEmpty()) // said, so that a mistyped serial is not read as "nothing wrong"
        lines << Cli::tr("no label of %1 was ever printed here (check the serial: label history takes a "
                         "die, unit or batch)")
                     .arg(subject);
    context.out.emitResult(lines, {{QStringLiteral("prints"), rows}, {QStringLiteral("outstanding"), notes}});
    return Ok;
}

/// `label retry`: sends the labels the printers did not take, and says for each how it went.
int retryQueued(CommandContext& context)
{
    Result<QList<LabelPrinter::Attempt>> attempts =
        LabelPrinter(context.database()->connection(), context.dataFolder()).retryAll(context.clock.now());
    if (!attempts)
        return context.out.fail(attempts.error());
    QStringList lines;
    QJsonArray labels;
    int sent = 0;
    for (const LabelPrinter::Attempt& a : attempts.value()) {
        QJsonObject o = printJson(a.print);
        if (a.error) {
            lines << Cli::tr("%1 label of %2 to %3: not delivered: %4 (%5)")
                         .arg(a.print.template_, a.print.subject, a.print.target, a.error->message,
                              a.print.id);
            o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), a.error->codeName()},
                                                          {QStringLiteral("message"), a.error->message}});
        } else {
            ++sent;
            lines << Cli::tr("%1 label of %2 to %3: %4 (%5)")
                         .arg(a.print.template_, a.print.subject, a.print.target,
                              LabelPrintLog::deliveryText(a.print.delivery), a.print.id);
        }
        labels.append(o);
    }
    const auto kept = static_cast<int>(attempts->size()) - sent;
    lines << Cli::tr("%n queued label(s) sent", nullptr, sent);
    if (kept > 0)
        lines << Cli::tr("%n label(s) still queued; label retry sends them again", nullptr, kept);
    context.out.emitResult(
        lines,
        {{QStringLiteral("sent"), sent}, {QStringLiteral("kept"), kept}, {QStringLiteral("labels"), labels}});
    return kept > 0 ? Refused : Ok;
}

/// `label cancel PRINT-ID --reason TEXT --operator O`: a queued label taken out of the queue.
int cancelPrint(CommandContext& context, Args args)
{
    Output& out = context.out;
    const auto actorId = args.take(QStringLiteral("operator"));
    const QString stationId = args.takeOr(QStringLiteral("station"), QStringLiteral("SYSTEM"));
    const auto reason = args.take(QStringLiteral("reason"));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    if (args.size() != 1)
        return out.usage(Cli::tr("give the id of the print to cancel (label history SERIAL shows it)"),
                         context.help);
    if (!reason || reason->trimmed().isEmpty())
        return out.missing(QStringLiteral("reason"), Cli::tr("--reason is required"));
    if (!actorId || actorId->isEmpty())
        return out.missing(QStringLiteral("operator"), Cli::tr("--operator is required"));
    if (!context.database())
        return StorageFailure;
    OperatorInfo actor;
    if (const auto failed = context.prove(*actorId, stationId, actor))
        return *failed;
    Result<LabelPrintLog::Print> cancelled =
        LabelPrintLog(context.database()->connection())
            .cancel(args.first(), *reason, actor.id, stationId, context.clock.now());
    if (!cancelled)
        return out.fail(cancelled.error());
    out.emitResult({Cli::tr("%1 label of %2 to %3 cancelled")
                        .arg(cancelled->template_, cancelled->subject, cancelled->target),
                    cancelled->id},
                   printJson(cancelled.value()));
    return Ok;
}

/// The request of `label TEMPLATE SUBJECT --pdf FILE | --zpl FILE | --send HOST:PORT ...`, or a
/// usage error.
Result<LabelPrinter::Request> printRequest(const QString& templateName, Args& args)
{
    LabelPrinter::Request request;
    request.templateName = templateName;
    if (args.isEmpty() || args.first().startsWith(QStringLiteral("--")))
        return usageError(Cli::tr("give the serial or batch the label is for"));
    request.subject = args.takeFirst();
    const auto pdf = args.take(QStringLiteral("pdf"));
    const auto zpl = args.take(QStringLiteral("zpl"));
    const auto send = args.take(QStringLiteral("send"));
    if (int outputs = (pdf ? 1 : 0) + (zpl ? 1 : 0) + (send ? 1 : 0); outputs != 1)
        return usageError(Cli::tr("give exactly one of --pdf FILE, --zpl FILE, --send HOST:PORT"));
    request.output = pdf   ? LabelPrinter::Output::Pdf
                     : zpl ? LabelPrinter::Output::Zpl
                           : LabelPrinter::Output::Send;
    request.target = pdf ? *pdf : zpl ? *zpl : *send;
    if (request.target.trimmed().isEmpty())
        return usageError(Cli::tr("the output needs a file or printer address"));
    request.operatorId = args.takeOr(QStringLiteral("operator"), QString());
    request.stationId = args.takeOr(QStringLiteral("station"), QString());
    request.overwrite = args.takeFlag(QStringLiteral("force"));
    request.reason = args.takeOr(QStringLiteral("reason"), QString());
    const QString copies = args.takeOr(QStringLiteral("copies"), QStringLiteral("1"));
    bool number = false;
    request.copies = copies.toInt(&number);
    if (!number || request.copies < 1 || request.copies > 99)
        return usageError(Cli::tr("--copies takes a number from 1 to 99"));
    if (const auto dpi = args.take(QStringLiteral("dpi"))) {
        request.dpi = dpi->toInt(&number);
        if (!number || (request.dpi != 203 && request.dpi != 300 && request.dpi != 600))
            return usageError(Cli::tr("--dpi is the printer's resolution: 203, 300 or 600"));
    }
    return request;
}

/// Prints one label, as an active operator.
int printLabel(CommandContext& context, const QString& templateName, Args args)
{
    Output& out = context.out;
    Result<LabelPrinter::Request> parsed = printRequest(templateName, args);
    if (!parsed)
        return out.usage(parsed.error().message, context.help);
    if (!args.isEmpty())
        return out.unexpectedArgument(args.first(), context.help);
    LabelPrinter::Request request = parsed.value();
    if (!context.database())
        return StorageFailure;
    if (request.stationId.isEmpty())
        request.stationId = boundStation(context.database()->connection());
    // Every print, and above all a reprint, names a real operator who proved it is them.
    if (request.operatorId.isEmpty())
        return out.missing(QStringLiteral("operator"), Cli::tr("--operator is required"));
    OperatorInfo actor;
    if (const auto failed = context.prove(request.operatorId, request.stationId, actor))
        return *failed;
    if (Status st =
            Authority::require(context.database()->connection(), actor, QStringLiteral("label.print"));
        !st)
        return out.fail(st.error());
    request.operatorId = actor.id;
    request.now = context.clock.now();
    Result<LabelPrintLog::Print> printed =
        LabelPrinter(context.database()->connection(), context.dataFolder()).print(request);
    if (!printed)
        return out.fail(printed.error());
    QString said = printed->reprint ? Cli::tr("%1 label of %2 reprinted to %3")
                                          .arg(printed->template_, printed->subject, printed->target)
                                    : Cli::tr("%1 label of %2 printed to %3")
                                          .arg(printed->template_, printed->subject, printed->target);
    if (printed->delivery == LabelPrintLog::Delivery::SentUnconfirmed)
        said = Cli::tr("%1 label of %2 sent to %3, unconfirmed: the printer did not answer its status query; "
                       "check that it printed")
                   .arg(printed->template_, printed->subject, printed->target);
    const QString dpiFrom = printed->dpiFrom == QLatin1StringView("printer") ? Cli::tr("the printer's")
                            : printed->dpiFrom == QLatin1StringView("given") ? Cli::tr("--dpi")
                                                                             : Cli::tr("the template's");
    const QString laidOut = Cli::tr("laid out for %1 dpi (%2)").arg(printed->dpi).arg(dpiFrom);
    const QString where =
        printed->stationId == kNoStation
            ? Cli::tr("logged at %1: no station is bound to this PC").arg(printed->stationId)
            : Cli::tr("logged at station %1").arg(printed->stationId);
    QJsonObject json = printJson(printed.value());
    json.insert(QStringLiteral("print"), printed->id);
    json.insert(QStringLiteral("dpi"), printed->dpi);
    json.insert(QStringLiteral("dpi_from"), printed->dpiFrom);
    out.emitResult({said, laidOut, where, printed->id}, json);
    return Ok;
}

/// `label publish FILE`: the template shared with every station, by a proven operator.
int publish(CommandContext& context, Args args)
{
    Output& out = context.out;
    const auto actorId = args.take(QStringLiteral("operator"));
    const auto stationId = args.take(QStringLiteral("station"));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    if (args.size() != 1)
        return out.usage(Cli::tr("give one template file"), context.help);
    if (!actorId || actorId->isEmpty())
        return out.missing(QStringLiteral("operator"), Cli::tr("--operator is required"));
    OperatorInfo actor;
    if (const auto failed = context.prove(*actorId, stationId.value_or(QString()), actor))
        return *failed;
    Result<QString> name = LabelTemplateStore(context.dataFolder())
                               .publish(context.database()->connection(), args.first(), actor,
                                        stationId.value_or(QString()), context.clock);
    if (!name)
        return out.fail(name.error());
    out.emitResult({Cli::tr("template %1 shared; every station has it after its next sync").arg(name.value()),
                    name.value()},
                   {{QStringLiteral("template"), name.value()}});
    return Ok;
}

int label(CommandContext& context, Args args)
{
    const QString first = args.takeFirst();
    if (first == QLatin1StringView("publish"))
        return publish(context, std::move(args));
    if (first == QLatin1StringView("cancel"))
        return cancelPrint(context, std::move(args));
    const bool history = first == QLatin1StringView("history");
    if (first != QLatin1StringView("list") && first != QLatin1StringView("retry") && !history)
        return printLabel(context, first, std::move(args));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return context.out.unknownOption(unknown, context.help);
    context.setDatabaseMustExist(true); // list, retry and history read the record
    if (history && args.size() != 1)
        return context.out.usage(args.isEmpty() ? Cli::tr("give the serial or batch whose prints to show: "
                                                          "label history SERIAL")
                                                : Cli::tr("give one serial or batch: label history SERIAL"),
                                 context.help);
    if (!history && !args.isEmpty())
        return context.out.unexpectedArgument(args.first(), context.help);
    if (!context.database())
        return StorageFailure;
    if (history)
        return printHistory(context, args.first().trimmed().toUpper());
    if (first == QLatin1StringView("retry"))
        return retryQueued(context);
    listTemplates(context);
    return Ok;
}

int commandSheet(CommandContext& context, Args args)
{
    Output& out = context.out;
    const auto pdf = args.take(QStringLiteral("pdf"));
    if (!pdf || pdf->isEmpty() || !args.isEmpty())
        return out.usage(Cli::tr("give --pdf FILE"), context.help);
    WorkflowConfig config;
    if (const auto failed = context.read(
            config, [](const QSqlDatabase& db) { return WorkflowConfigLoader(db).loadConfig(); }))
        return *failed;
    if (Status st = CommandSheet::writePdf(*pdf, config.defectCodes); !st)
        return out.fail(st.error());
    out.emitResult({Cli::tr("command sheet written to %1").arg(*pdf), *pdf}, {{QStringLiteral("pdf"), *pdf}});
    return Ok;
}

} // namespace

const Command labelCommand{
    "label",
    QT_TRANSLATE_NOOP(
        "Cli", "  label TEMPLATE SERIAL|BATCH --pdf FILE | --zpl FILE | --send HOST:PORT\n"
               "  label list | retry | history SERIAL | cancel ID | publish FILE   labels (label --help)\n"),
    QT_TRANSLATE_NOOP(
        "Cli", "Usage: reworkctl label TEMPLATE SERIAL|BATCH (--pdf FILE | --zpl FILE | --send HOST:PORT)\n"
               "                --operator O [--station S] [--reason TEXT] [--copies N] [--dpi 203|300|600]\n"
               "                [--force]\n"
               "       reworkctl label list                 templates (yours in DATA/labels/ first)\n"
               "       reworkctl label retry                send labels the printers did not take\n"
               "       reworkctl label history SERIAL       every print of an item's labels, and its state\n"
               "       reworkctl label cancel ID --reason TEXT --operator O   take a queued label out\n"
               "       reworkctl label publish FILE --operator ADMIN   share a template with every station\n"
               "A Zebra is asked for its status (~HS) first: paper out, ribbon out, head open or paused\n"
               "keeps the label queued; a printer that does not answer gets it as \"sent, unconfirmed\".\n"
               "The printer's resolution picks the template's variant drawn for it (the shipped ones come\n"
               "for 203 and 300 dpi stock): a Zebra is asked (~HI); --dpi overrides, and a PDF or ZPL\n"
               "file is laid out at the template's own dpi unless --dpi is given.\n"
               "--zpl never replaces a file that exists, unless --force.\n"
               "Without --station the print is logged at the station this PC is bound to (the app's\n"
               "\"Station of this PC\"), or at SYSTEM when it is bound to none.\n"
               "A second print of a delivered label is a reprint and needs --reason; a label sent but\n"
               "unconfirmed, or still queued, is not: label history shows them. A label the printer\n"
               "did not take stays queued for label retry.\n"),
    &label,
    Command::Help::OnFlagOrNoArguments,
    true};

const Command sheetCommand{
    "commands",
    QT_TRANSLATE_NOOP("Cli",
                      "  commands --pdf FILE                    printable sheet of command barcodes\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl commands --pdf FILE\nWrites a sheet of command barcodes (save, "
                      "clear, pass, fail, print label, each defect code) to print for the benches.\n"),
    &commandSheet,
    Command::Help::OnFlag,
    true};

} // namespace rework
