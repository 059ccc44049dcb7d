// `reworkctl conflicts`: the conflicts between stations that the central server found and the
// events of other stations set aside here, and a supervisor's resolution of one conflict.

#include "Commands.h"

#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "sync/ConflictResolution.h"
#include "sync/ConflictSides.h"

#include <QJsonArray>

namespace rework {
namespace {

int list(CommandContext& context, Database& db)
{
    Output& out = context.out;
    Result<QList<Conflict>> conflicts = ConflictResolution(db.connection(), context.clock).list();
    if (!conflicts)
        return out.fail(conflicts.error());
    Result<QList<SetAsideRecord>> kept = ConflictSides(db.connection()).setAside();
    if (!kept)
        return out.fail(kept.error());
    QStringList lines;
    QJsonArray conflictsJson, keptJson;
    for (const Conflict& c : conflicts.value()) {
        const QString state = c.resolved ? Cli::tr("resolved") : Cli::tr("open");
        lines << Cli::tr("conflict %1 [%2] %3 %4: %5; records %6")
                     .arg(QString::number(c.serverId), state, c.kind, c.subject, c.detail,
                          c.eventIds.join(QStringLiteral(", ")));
        conflictsJson.append(
            QJsonObject{{QStringLiteral("id"), c.serverId},
                        {QStringLiteral("kind"), c.kind},
                        {QStringLiteral("subject"), c.subject},
                        {QStringLiteral("detail"), c.detail},
                        {QStringLiteral("found_at"), c.foundAt},
                        {QStringLiteral("event_ids"), QJsonArray::fromStringList(c.eventIds)},
                        {QStringLiteral("resolved"), c.resolved}});
    }
    for (const SetAsideRecord& r : kept.value()) {
        lines << Cli::tr("set aside: %1 of %2 at %3 (event %4): %5")
                     .arg(r.step, r.subject, r.stationId, r.eventId, r.reason);
        keptJson.append(QJsonObject{{QStringLiteral("event_id"), r.eventId},
                                    {QStringLiteral("station"), r.stationId},
                                    {QStringLiteral("step"), r.step},
                                    {QStringLiteral("subject"), r.subject},
                                    {QStringLiteral("reason"), r.reason}});
    }
    if (lines.isEmpty())
        lines << Cli::tr("no conflicts and nothing set aside");
    out.emitResult(lines,
                   {{QStringLiteral("conflicts"), conflictsJson}, {QStringLiteral("set_aside"), keptJson}});
    return Ok;
}

int resolve(CommandContext& context, Args args)
{
    Output& out = context.out;
    const auto keep = args.take(QStringLiteral("keep"));
    const auto reason = args.take(QStringLiteral("reason"));
    const auto operatorId = args.take(QStringLiteral("operator"));
    const QString station = args.takeOr(QStringLiteral("station"), QStringLiteral("SYSTEM"));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    bool isNumber = false;
    const qint64 id = args.size() == 1 ? args.first().toLongLong(&isNumber) : 0;
    if (!isNumber)
        return out.usage(Cli::tr("give exactly one conflict id (a number)"), context.help);
    if (!keep || keep->isEmpty())
        return out.usage(Cli::tr("--keep EVENT_ID is required: the record that stands"), context.help);
    if (!operatorId)
        return out.missing(QStringLiteral("operator"), Cli::tr("--operator is required"));
    if (!reason || reason->trimmed().isEmpty())
        return out.missing(QStringLiteral("reason"), Cli::tr("--reason is required"));
    OperatorInfo actor;
    if (const auto failed = context.prove(*operatorId, station, actor))
        return *failed;
    Result<int> voided = ConflictResolution(context.database()->connection(), context.clock)
                             .resolve(id, *keep, *reason, actor, station);
    if (!voided)
        return out.fail(voided.error());
    out.emitResult({Cli::tr("conflict %1 resolved: kept %2, %n record(s) voided", nullptr, voided.value())
                        .arg(QString::number(id), *keep)},
                   {{QStringLiteral("conflict"), id},
                    {QStringLiteral("kept"), *keep},
                    {QStringLiteral("voided"), voided.value()}});
    return Ok;
}

int run(CommandContext& context, Args args)
{
    const QString sub = args.takeSubcommand();
    if (sub == QLatin1StringView("resolve"))
        return resolve(context, std::move(args));
    if (!sub.isEmpty() && sub != QLatin1StringView("list"))
        return context.out.usage(Cli::tr("unknown conflicts command \"%1\"").arg(sub.left(40)), context.help);
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return context.out.unknownOption(unknown, context.help);
    if (args.size() != 0)
        return context.out.usage(
            Cli::tr("conflicts takes no arguments; resolve one with conflicts resolve ID"), context.help);
    context.setDatabaseMustExist(true);
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    return list(context, *db);
}

} // namespace

const Command conflictsCommand{
    "conflicts",
    QT_TRANSLATE_NOOP("Cli",
                      "  conflicts [list] | conflicts resolve ID --keep EVENT_ID --reason TEXT --operator "
                      "SUPERVISOR\n"
                      "                                         conflicts between stations, set-aside "
                      "events\n"),
    QT_TRANSLATE_NOOP("Cli", "Usage: reworkctl conflicts [list] [--json]\n"
                             "       reworkctl conflicts resolve ID --keep EVENT_ID --reason TEXT --operator "
                             "SUPERVISOR [--station S]\n"
                             "Lists the conflicts between stations that the central server found (open ones "
                             "first) and the events of other stations set aside here, with their reasons. "
                             "`resolve` keeps the record EVENT_ID of conflict ID and voids the other one and "
                             "every record that builds on it.\n"),
    &run, Command::Help::OnFlag};

} // namespace rework
