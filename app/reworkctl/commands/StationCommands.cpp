// `reworkctl station`: lists the stations of the line and adds one, bound to its step.

#include "Commands.h"

#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "storage/StationRegistry.h"

namespace rework {
namespace {

/// `station list`: id and step.
int list(CommandContext& context)
{
    return context.list(
        [&context](const QSqlDatabase& db) { return StationRegistry(db, context.clock).stations(); },
        QStringLiteral("stations"),
        [](const StationInfo& s) -> QString { return s.id + QLatin1Char('\t') + s.step; },
        [](const StationInfo& s) {
            return QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("step"), s.step}};
        });
}

int run(CommandContext& context, Args args)
{
    Output& out = context.out;
    const QString sub = args.takeFirst();
    if (sub == QLatin1StringView("list"))
        return list(context);
    if (sub != QLatin1StringView("add"))
        return out.usage(Cli::tr("unknown station command \"%1\"").arg(sub.left(40)), context.help);
    const auto step = args.take(QStringLiteral("step"));
    const auto name = args.take(QStringLiteral("name"));
    const auto actorId = args.take(QStringLiteral("operator"));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    if (args.size() != 1 || !step)
        return out.usage(Cli::tr("give one station ID and --step"), context.help);
    if (!actorId || actorId->isEmpty())
        return out.missing(QStringLiteral("operator"), Cli::tr("--operator is required"));
    OperatorInfo actor;
    if (const auto failed = context.prove(*actorId, QString(), actor))
        return *failed;
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    if (Status st = StationRegistry(db->connection(), context.clock)
                        .addStation(args.first(), *step, name.value_or(QString()), actor.id);
        !st)
        return out.fail(st.error());
    const QString id = args.first().trimmed().toUpper();
    out.emitResult({Cli::tr("station %1 added for %2").arg(id, *step), id}, {{QStringLiteral("id"), id}});
    return Ok;
}

} // namespace

const Command stationCommand{
    "station",
    QT_TRANSLATE_NOOP(
        "Cli",
        "  station add ID --step intake|strip|reball|mount|inspect|test|pack [--name NAME] --operator ADMIN\n"
        "  station list\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl station add ID --step intake|strip|reball|mount|inspect|test|pack "
                      "[--name NAME] --operator ADMIN\n       reworkctl station list\n"),
    &run, Command::Help::OnFlagOrNoArguments};

} // namespace rework
