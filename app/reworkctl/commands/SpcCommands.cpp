// `spc`: statistical process control of one measurement (an I-MR control chart with the
// Western Electric rules, and Cp/Cpk against its limits), the figures the dashboard charts.

#include "Commands.h"

#include "reports/SpcQuery.h"
#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"

namespace rework {
namespace {

/// The text form: the figures, the rules broken, and the newest values that broke one.
QStringList spcLines(const SpcQuery::Chart& c, const SpcFilter& f)
{
    const ControlChart& ch = c.chart;
    const auto num = [](double v) { return QString::number(v, 'g', 6); };
    const auto opt = [&](std::optional<double> v) { return v ? num(*v) : QStringLiteral("-"); };
    const QString all = Cli::tr("all");
    QStringList lines{Cli::tr("%1 (%2): %3 values, model %4, station %5")
                          .arg(QString(c.measurement.name),
                               c.measurement.unit.isEmpty() ? QStringLiteral("-") : c.measurement.unit)
                          .arg(ch.n())
                          .arg(f.model.isEmpty() ? all : f.model, f.station.isEmpty() ? all : f.station)};
    if (!ch.hasLimits()) {
        lines << Cli::tr("too few values for a control chart (at least 2 are needed)");
        return lines;
    }
    lines << Cli::tr("  chart    LCL        centre     UCL")
          << QStringLiteral("  %1 %2 %3 %4")
                 .arg(c.measurement.counts ? QStringLiteral("c") : QStringLiteral("I"), -8)
                 .arg(num(ch.lcl()), -10)
                 .arg(num(ch.mean()), -10)
                 .arg(num(ch.ucl()), -10)
          << QStringLiteral("  MR       %1 %2 %3")
                 .arg(num(0), -10)
                 .arg(num(ch.mrBar()), -10)
                 .arg(num(ch.mrUcl()), -10)
          << (c.measurement.counts ? Cli::tr("  sigma %1 (square root of the mean count; rules above the "
                                             "centre only while the LCL is 0)")
                                   : Cli::tr("  sigma %1 (MR-bar / 1.128)"))
                 .arg(num(ch.sigma()))
          << Cli::tr("  spec LSL %1, USL %2; Cp %3, Cpk %4")
                 .arg(opt(ch.spec().lsl), opt(ch.spec().usl), opt(ch.cp()), opt(ch.cpk()));
    if (!c.cpkReason.isEmpty())
        lines << Cli::tr("  no Cpk: %1").arg(c.cpkReason);
    else if (!c.cpReason.isEmpty())
        lines << Cli::tr("  no Cp: %1").arg(c.cpReason);
    for (int rule = 1; rule <= 4; ++rule)
        lines
            << Cli::tr("  rule %1 (%2): %3").arg(rule).arg(SpcQuery::ruleText(rule)).arg(ch.violations(rule));
    int shown = 0;
    for (qsizetype i = c.points.size() - 1; i >= 0 && shown < 10; --i) {
        const SpcQuery::Point& p = c.points.at(i);
        if (p.rules.isEmpty())
            continue;
        QStringList rules;
        for (int r : p.rules)
            rules << QString::number(r);
        lines << Cli::tr("  %1  %2  %3  %4  rules %5")
                     .arg(p.at.toString(Qt::ISODate), p.station, num(p.value), p.eventId,
                          rules.join(QLatin1Char(',')));
        ++shown;
    }
    return lines;
}

int spc(CommandContext& context, Args args)
{
    Output& out = context.out;
    SpcFilter filter;
    filter.model = args.takeId(QStringLiteral("model"));
    filter.station = args.takeId(QStringLiteral("station"));
    if (auto days = args.take(QStringLiteral("days"))) {
        bool ok = false;
        const int n = days->toInt(&ok);
        if (!ok || n <= 0 || n > 36600)
            return out.usage(Cli::tr("--days must be a whole number of days above 0"), context.help);
        filter.from = context.clock.now().addDays(-n);
    }
    if (const QString option = args.unknownOption(); !option.isEmpty())
        return out.unknownOption(option, context.help);
    if (args.size() != 1)
        return out.usage(Cli::tr("give exactly one measurement"), context.help);
    context.setDatabaseMustExist(true); // charts read the record
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    Result<SpcQuery::Chart> chart = SpcQuery(db->connection()).chart(args.first().trimmed(), filter);
    if (!chart)
        return out.fail(chart.error());
    out.emitResult(spcLines(chart.value(), filter), SpcQuery::toJson(chart.value()));
    return Ok;
}

} // namespace

const Command spcCommand{
    "spc",
    QT_TRANSLATE_NOOP("Cli",
                      "  spc MEASUREMENT [--model M] [--station S] [--days N]\n"
                      "                                         control chart, rule violations, Cpk\n"),
    QT_TRANSLATE_NOOP(
        "Cli",
        "Usage: reworkctl spc MEASUREMENT [--model M] [--station S] [--days N]\n"
        "An individuals / moving-range control chart of one measurement in recording order (voided events "
        "left out): centre, sigma (MR-bar / 1.128), limits at 3 sigma, the Western Electric rules (1: a "
        "value beyond 3 sigma; 2: 2 of 3 beyond 2 sigma on one side; 3: 4 of 5 beyond 1 sigma on one side; "
        "4: 8 in a row on one side), and Cp/Cpk against the measurement's limits (the model's own where "
        "set). Counts (vram_errors) are a c chart: sigma is the square root of the mean count. A lower "
        "limit below 0 of a quantity that cannot be negative is given as 0. Measurements: void_pct, peak_c, "
        "tal_s, temp_max_c, burnin_gflops, burnin_min, vram_errors. "
        "--days N: the last N days only (default: all). --json gives the newest 500 values.\n"),
    &spc, Command::Help::OnFlagOrNoArguments};

} // namespace rework
