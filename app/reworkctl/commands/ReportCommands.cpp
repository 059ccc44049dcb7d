// The supervisor's figures: `kpi` (the KPIs as text or JSON), `recall` (every item that shares a
// lot, stencil, profile, operator or time window with one) and `report` (printable PDF reports).

#include "Commands.h"

#include "reports/KpiFilter.h"
#include "reports/KpiQuery.h"
#include "reports/KpiReport.h"
#include "reports/RecallQuery.h"
#include "reports/ReportDocument.h"
#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"

namespace rework {
namespace {

/// The KPI options (--from, --to, --station, --model, --batch, --shift, --aging-hours), or a usage
/// error. The dates are production days; one not given stays invalid until kpi() knows today.
Result<KpiFilter> kpiFilter(Args& args)
{
    KpiFilter filter;
    QDate given[2];
    for (int i = 0; i < 2; ++i) {
        const QString name = QString::fromLatin1(i == 0 ? "from" : "to");
        if (auto v = args.takeDate(name)) {
            given[i] = *v;
            if (!given[i].isValid())
                return usageError(Cli::tr("--%1 must be a date like 2026-11-29").arg(name));
        }
    }
    filter.from = given[0];
    filter.to = given[1];
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to)
        return usageError(Cli::tr("--from is after --to"));
    filter.station = args.takeId(QStringLiteral("station"));
    filter.model = args.takeId(QStringLiteral("model"));
    filter.batch = args.takeId(QStringLiteral("batch"));
    if (auto shift = args.take(QStringLiteral("shift"))) {
        if (*shift == QLatin1StringView("day"))
            filter.shiftOfDay = KpiFilter::Shift::Day;
        else if (*shift == QLatin1StringView("night"))
            filter.shiftOfDay = KpiFilter::Shift::Night;
        else
            return usageError(Cli::tr("--shift must be day or night"));
    }
    if (auto h = args.take(QStringLiteral("aging-hours"))) {
        bool ok = false;
        filter.agingHours = h->toDouble(&ok);
        if (!ok || filter.agingHours <= 0)
            return usageError(Cli::tr("--aging-hours must be a positive number"));
    }
    return filter;
}

/// The text form of a KPI report.
QStringList kpiLines(const KpiFilter& filter, const KpiReport& r)
{
    const QString from = filter.from.toString(Qt::ISODate), to = filter.to.toString(Qt::ISODate);
    QString title;
    if (!filter.batch.isEmpty())
        title = Cli::tr("KPIs of batch %1").arg(filter.batch);
    else if (filter.shiftOfDay == KpiFilter::Shift::Day)
        title = Cli::tr("KPIs %1 .. %2, day shifts only").arg(from, to);
    else if (filter.shiftOfDay == KpiFilter::Shift::Night)
        title = Cli::tr("KPIs %1 .. %2, night shifts only").arg(from, to);
    else
        title = Cli::tr("KPIs %1 .. %2").arg(from, to);
    QStringList lines{title};
    QStringList wip;
    for (auto it = r.wipByStep.constBegin(); it != r.wipByStep.constEnd(); ++it)
        wip << it.key() + QLatin1Char('=') + QString::number(it.value());
    // The line as it stands now, whatever the dates asked for.
    lines << Cli::tr("WIP at %1, waiting for: %2 (aging: %3)")
                 .arg(filter.calendar.localText(filter.now.toUTC()), wip.join(QLatin1Char(' ')))
                 .arg(r.agingCount);
    lines << Cli::tr("cards received %1, units mounted %2").arg(r.cardsReceived).arg(r.unitsMounted);
    QStringList stations;
    for (auto it = r.throughputByStation.constBegin(); it != r.throughputByStation.constEnd(); ++it) {
        const int target = r.targetPerShift(it.key());
        stations << (target > 0 && target != r.shiftTarget
                         ? Cli::tr("%1 %2 (target %3 per shift)").arg(it.key()).arg(it.value()).arg(target)
                         : QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    }
    lines << (r.shiftTarget > 0
                  ? Cli::tr("throughput by station: %1; target %2 per shift")
                        .arg(stations.join(QStringLiteral(", ")))
                        .arg(r.shiftTarget)
                  : Cli::tr("throughput by station: %1").arg(stations.join(QStringLiteral(", "))));
    lines << Cli::tr("first-pass yield: inspect %1, test %2; rolled throughput yield %3")
                 .arg(KpiReport::percentText(r.firstPassYieldInspect),
                      KpiReport::percentText(r.firstPassYieldTest),
                      KpiReport::percentText(r.rolledThroughputYield));
    lines << Cli::tr("final yield %1, scrap rate %2, retest rate %3")
                 .arg(KpiReport::percentText(r.finalYield), KpiReport::percentText(r.scrapRate),
                      KpiReport::percentText(r.retestRate));
    QStringList pareto;
    for (const auto& [code, n] : r.defectPareto)
        pareto << code + QLatin1Char('=') + QString::number(n);
    lines << Cli::tr("defects: %1").arg(pareto.join(QLatin1Char(' ')));
    lines << Cli::tr("MSL alarms: %1; anomalies: %2").arg(r.mslAlarms.size()).arg(r.anomalies.size());
    return lines;
}

int kpi(CommandContext& context, Args args)
{
    Output& out = context.out;
    const QDateTime now = context.clock.now();
    Result<KpiFilter> parsed = kpiFilter(args);
    if (!parsed)
        return out.usage(parsed.error().message, context.help);
    if (!args.isEmpty())
        return out.unexpectedArgument(args.first(), context.help);
    KpiFilter filter = parsed.value();
    if (const auto failed = context.read(filter.calendar, &ShiftCalendar::load))
        return *failed;
    // 30 days ending --to, or today; --from alone runs to today. Today is the production day now
    // falls in: at 03:00 the night shift that began yesterday evening is still working.
    const QDate today = filter.calendar.shiftOf(now).first;
    if (!filter.to.isValid())
        filter.to = today;
    if (!filter.from.isValid())
        filter.from = filter.to.addDays(-29);
    if (filter.from > filter.to)
        return out.usage(parsed->to.isValid()
                             ? Cli::tr("--from is after --to")
                             : Cli::tr("--from %1 is after today's production day %2")
                                   .arg(filter.from.toString(Qt::ISODate), filter.to.toString(Qt::ISODate)),
                         context.help);
    filter.now = now;
    Result<KpiReport> r = KpiQuery(context.database()->connection()).compute(filter);
    if (!r)
        return out.fail(r.error());
    // Two years' JSON is a few hundred thousand values: built only when asked for.
    out.emitResult(out.isJson() ? QStringList() : kpiLines(filter, r.value()),
                   out.isJson() ? r->toJson() : QJsonObject());
    return Ok;
}

/// The links named by --by (all when absent), or a usage error.
Result<QList<RecallQuery::Link>> recallLinks(Args& args)
{
    QList<RecallQuery::Link> links = RecallQuery::allLinks();
    if (auto by = args.take(QStringLiteral("by"))) {
        links.clear();
        for (const QString& name : by->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto link = RecallQuery::linkFromName(name);
            if (!link)
                return usageError(
                    Cli::tr("\"%1\" is not a link; use lot, flux_lot, stencil, profile, operator or window")
                        .arg(name.left(40)));
            links << *link;
        }
    }
    return links;
}

int recall(CommandContext& context, Args args)
{
    Output& out = context.out;
    Result<QList<RecallQuery::Link>> links = recallLinks(args);
    if (!links)
        return out.usage(links.error().message, context.help);
    double hours = 4;
    if (auto h = args.take(QStringLiteral("hours"))) {
        bool ok = false;
        hours = h->toDouble(&ok);
        if (!ok || hours <= 0 || hours > 24 * 365)
            return out.usage(Cli::tr("--hours must be a positive number"), context.help);
    }
    if (args.size() != 1)
        return out.usage(Cli::tr("give exactly one serial"), context.help);
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    auto hits = RecallQuery(db->connection()).find(args.first(), links.value(), hours);
    if (!hits)
        return out.fail(hits.error());
    const auto orDash = [](const QString& s) { return s.isEmpty() ? QStringLiteral("-") : s; };
    out.emitList(
        hits.value(), QStringLiteral("items"),
        [&](const RecallQuery::Hit& h) {
            return QStringLiteral("%1  %2  %3  %4  %5  [%6]")
                .arg(h.card, orDash(h.die), orDash(h.unit), h.state, orDash(h.batch),
                     h.shared.join(QStringLiteral("; ")));
        },
        [](const RecallQuery::Hit& h) {
            return QJsonObject{{QStringLiteral("card"), h.card},
                               {QStringLiteral("die"), h.die},
                               {QStringLiteral("unit"), h.unit},
                               {QStringLiteral("state"), h.state},
                               {QStringLiteral("batch"), h.batch},
                               {QStringLiteral("batch_state"), h.batchState},
                               {QStringLiteral("shared"), QJsonArray::fromStringList(h.shared)}};
        },
        {Cli::tr("%1 items share something with %2")
             .arg(hits->size())
             .arg(args.first().trimmed().toUpper())});
    return Ok;
}

/// `report batch BATCH --pdf FILE`.
int batchReport(CommandContext& context, const Args& args, const QString& pdf)
{
    if (const QString option = args.unknownOption(); !option.isEmpty())
        return context.out.unknownOption(option, context.help);
    if (args.isEmpty())
        return context.out.usage(Cli::tr("give the batch id"), context.help);
    if (args.size() > 1)
        return context.out.unexpectedArgument(args.at(1), context.help);
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    if (Status st = ReportDocument::writeBatchReport(db->connection(), args.first().trimmed().toUpper(), pdf);
        !st)
        return context.out.fail(st.error());
    context.out.emitResult({Cli::tr("report written to %1").arg(pdf), pdf}, {{QStringLiteral("pdf"), pdf}});
    return Ok;
}

/// `report daily|shift`: the KPIs of one day or one shift of it, as a PDF.
int shiftReport(CommandContext& context, const QString& kind, Args args, const QString& pdf)
{
    Output& out = context.out;
    const QDateTime now = context.clock.now();
    const std::optional<QDate> dateText = args.takeDate(QStringLiteral("date"));
    QDate date = dateText.value_or(QDate());
    if (dateText && !date.isValid())
        return out.usage(Cli::tr("--date must be a date like 2026-11-29"), context.help);
    const bool night = args.takeFlag(QStringLiteral("night"));
    if (night && kind != QLatin1StringView("shift"))
        return out.usage(Cli::tr("--night is for report shift; a daily report covers the day shift and the "
                                 "night shift after it"),
                         context.help);
    const QString station = args.takeId(QStringLiteral("station"));
    const QString model = args.takeId(QStringLiteral("model"));
    if (!args.isEmpty())
        return out.unexpectedArgument(args.first(), context.help);
    ShiftCalendar calendar;
    if (const auto failed = context.read(calendar, &ShiftCalendar::load))
        return *failed;
    const QDate today = calendar.shiftOf(now).first; // the production day now falls in
    if (!dateText)
        date = today;
    else if (date > today)
        return out.usage(Cli::tr("--date %1 is after today's production day %2")
                             .arg(date.toString(Qt::ISODate), today.toString(Qt::ISODate)),
                         context.help);
    KpiFilter filter;
    QString title;
    if (kind == QLatin1StringView("shift")) {
        filter = KpiFilter::shift(date, night, calendar);
        title = night ? Cli::tr("Night shift report %1").arg(date.toString(Qt::ISODate))
                      : Cli::tr("Day shift report %1").arg(date.toString(Qt::ISODate));
    } else {
        filter.from = filter.to = date;
        filter.calendar = calendar;
        title = Cli::tr("Daily report %1").arg(date.toString(Qt::ISODate));
    }
    filter.station = station;
    filter.model = model;
    filter.now = now;
    if (Status st = ReportDocument::writeShiftReport(context.database()->connection(), filter, title, pdf);
        !st)
        return out.fail(st.error());
    out.emitResult({Cli::tr("report written to %1").arg(pdf), pdf}, {{QStringLiteral("pdf"), pdf}});
    return Ok;
}

int report(CommandContext& context, Args args)
{
    const QString kind = args.takeFirst();
    if (kind != QLatin1StringView("batch") && kind != QLatin1StringView("daily") &&
        kind != QLatin1StringView("shift"))
        return context.out.usage(
            Cli::tr("unknown report \"%1\"; use daily, shift or batch").arg(kind.left(40)), context.help);
    const auto pdf = args.take(QStringLiteral("pdf"));
    if (!pdf || pdf->isEmpty())
        return context.out.usage(Cli::tr("give --pdf FILE"), context.help);
    if (kind == QLatin1StringView("batch"))
        return batchReport(context, args, *pdf);
    return shiftReport(context, kind, std::move(args), *pdf);
}

} // namespace

const Command kpiCommand{
    "kpi",
    QT_TRANSLATE_NOOP(
        "Cli", "  kpi [--from DATE] [--to DATE] [--shift day|night] [--station S] [--model M] [--batch B]\n"
               "                                         supervisor figures\n"),
    QT_TRANSLATE_NOOP(
        "Cli",
        "Usage: reworkctl kpi [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--shift day|night] [--station S] "
        "[--model M] [--batch B] [--aging-hours H]\nWIP, throughput (per hour and per shift, with its "
        "target), first-pass and final yield, scrap and retest rate, repair loops, defect Pareto, MSL "
        "alarms, operators and anomalies (default: last 30 days; a batch covers its units whenever they "
        "were made; --json for scripts).\nA day is a production day: from the day shift's start "
        "(config shift.day_start_hour, default 6, factory time) to the next, so it holds its night shift. "
        "Hours (by_hour) are the factory's clock hours (config shift.utc_offset_minutes).\n"),
    &kpi,
    Command::Help::OnFlag,
    false,
    true};

const Command recallCommand{
    "recall",
    QT_TRANSLATE_NOOP("Cli",
                      "  recall SERIAL [--by lot,flux_lot,stencil,profile,operator,window] [--hours H]\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl recall SERIAL [--by lot,flux_lot,stencil,profile,operator,window] "
                      "[--hours H]\nEvery other item that shares a donor lot, flux lot, stencil, reflow "
                      "profile, mounting operator or mount time window (± H hours, default 4) with SERIAL, "
                      "and where it is now; shipped items first.\n"),
    &recall,
    Command::Help::OnFlagOrNoArguments,
    false,
    true};

const Command reportCommand{
    "report",
    QT_TRANSLATE_NOOP("Cli",
                      "  report daily|shift|batch ... --pdf FILE   printable reports (report --help)\n"),
    QT_TRANSLATE_NOOP(
        "Cli", "Usage: reworkctl report daily [--date YYYY-MM-DD] --pdf FILE [--station S] [--model M]\n"
               "       reworkctl report shift [--date YYYY-MM-DD] [--night] --pdf FILE [--station S] "
               "[--model M]\n"
               "       reworkctl report batch BATCH --pdf FILE\n"
               "Shifts are 12 hours from config shift.day_start_hour (default 6) in factory time (config "
               "shift.utc_offset_minutes). A daily report covers the day shift and the night shift that "
               "starts that evening; --date defaults to today's production day. FILE is new, or a PDF "
               "written before: nothing else is written over.\n"),
    &report,
    Command::Help::OnFlagOrNoArguments,
    true,
    true};

} // namespace rework
