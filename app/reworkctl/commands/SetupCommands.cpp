// `reworkctl init` creates the database or brings its schema up to date; `reworkctl demo` fills
// it with a realistic history (stations, operators, cards taken through the line) to try things on.

#include "Commands.h"

#include "demo/DemoGenerator.h"
#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "storage/Database.h"
#include "storage/Migrator.h"

namespace rework {
namespace {

int init(CommandContext& context, Args args)
{
    if (!args.isEmpty())
        return context.out.usage(Cli::tr("init takes no arguments"));
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    context.out.emitResult(
        {Cli::tr("database %1 ready (schema version %2)").arg(db->path()).arg(Migrator::latestVersion())},
        {{QStringLiteral("db"), db->path()}, {QStringLiteral("schema_version"), Migrator::latestVersion()}});
    return Ok;
}

/// The demo options, or a usage error.
Result<DemoGenerator::Options> demoOptions(Args& args)
{
    DemoGenerator::Options options;
    bool ok = true;
    if (auto units = args.take(QStringLiteral("units"))) {
        options.units = units->toInt(&ok);
        if (!ok || options.units < 1 || options.units > 1000000)
            return usageError(Cli::tr("--units must be a whole number from 1 to 1000000"));
    }
    if (auto days = args.take(QStringLiteral("days"))) {
        options.days = days->toInt(&ok);
        if (!ok || options.days < 1 || options.days > 3650)
            return usageError(Cli::tr("--days must be a whole number from 1 to 3650"));
    }
    if (auto seed = args.take(QStringLiteral("seed"))) {
        options.seed = seed->toUInt(&ok);
        if (!ok)
            return usageError(Cli::tr("--seed must be a whole number"));
    }
    return options;
}

int demo(CommandContext& context, Args args)
{
    Output& out = context.out;
    const QString pin = QString::fromLatin1(DemoGenerator::kDemoPin);
    if (args.wantsHelp())
        return out.help(context.help.arg(pin));
    Result<DemoGenerator::Options> options = demoOptions(args);
    if (!options)
        return out.usage(options.error().message);
    if (!args.isEmpty())
        return out.unexpectedArgument(args.first());
    Database* db = context.database();
    DemoGenerator::Options o = options.value();
    o.end = context.clock.now();
    Result<DemoGenerator::Summary> s = DemoGenerator::generate(*db, o);
    if (!s)
        return out.fail(s.error());
    out.emitResult(
        {Cli::tr("demo data: %1 donor cards, %2 units passed test, %3 repair loops, %4 scrapped, %5 events")
             .arg(s->cards)
             .arg(s->units)
             .arg(s->repairs)
             .arg(s->scrapped)
             .arg(s->events),
         Cli::tr("demo operators OP001..OP004, supervisor SUP01, admin ADMIN; PIN %1").arg(pin)},
        {{QStringLiteral("cards"), s->cards},
         {QStringLiteral("units"), s->units},
         {QStringLiteral("repairs"), s->repairs},
         {QStringLiteral("scrapped"), s->scrapped},
         {QStringLiteral("events"), s->events}});
    return Ok;
}

} // namespace

const Command initCommand{
    "init",
    QT_TRANSLATE_NOOP("Cli", "  init                                   create or upgrade the database\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl init\nCreates the database, or brings its schema up to date.\n"),
    &init};

const Command demoCommand{
    "demo",
    QT_TRANSLATE_NOOP("Cli", "  demo --units N [--days D] [--seed S]   fill a new database with demo data\n"),
    QT_TRANSLATE_NOOP("Cli", "Usage: reworkctl demo --units N [--days D] [--seed S]\n"
                             "Fills a new database (nothing in it yet) with stations, operators (PIN %1)\n"
                             "and N donor cards taken through the line. A database in use is refused.\n"),
    &demo, Command::Help::ByHandler};

} // namespace rework
