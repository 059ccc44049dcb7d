// `reworkctl token`: station tokens for test rigs and scripts, made, listed and revoked by an
// admin; the secret is printed once, at creation.

#include "Commands.h"

#include "auth/StationTokens.h"
#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"

#include <QJsonArray>

namespace rework {
namespace {

/// `token list`: id, station, steps, who made it and when, revoked or valid. Never a secret.
int list(CommandContext& context)
{
    return context.list(
        [&context](const QSqlDatabase& db) { return StationTokens(db, context.clock).list(); },
        QStringLiteral("tokens"),
        [](const StationToken& t) -> QString {
            return QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
                .arg(StationTokens::operatorId(t.id), t.station, t.steps.join(QLatin1Char(',')), t.createdBy,
                     t.createdAt,
                     t.revokedAt.isEmpty() ? Cli::tr("valid") : Cli::tr("revoked %1").arg(t.revokedAt));
        },
        [](const StationToken& t) {
            return QJsonObject{{QStringLiteral("id"), t.id},
                               {QStringLiteral("operator"), StationTokens::operatorId(t.id)},
                               {QStringLiteral("station"), t.station},
                               {QStringLiteral("steps"), QJsonArray::fromStringList(t.steps)},
                               {QStringLiteral("created_by"), t.createdBy},
                               {QStringLiteral("created_at"), t.createdAt},
                               {QStringLiteral("revoked_at"), t.revokedAt}};
        });
}

int run(CommandContext& context, Args args)
{
    Output& out = context.out;
    const QString sub = args.takeFirst();
    if (sub == QLatin1StringView("list"))
        return list(context);
    if (sub != QLatin1StringView("create") && sub != QLatin1StringView("revoke"))
        return out.usage(Cli::tr("unknown token command \"%1\"").arg(sub.left(40)), context.help);
    const bool create = sub == QLatin1StringView("create");
    const auto station = args.take(QStringLiteral("station"));
    const auto steps = args.take(QStringLiteral("steps"));
    const auto actorId = args.take(QStringLiteral("operator"));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    if (create && (!station || !steps || !args.isEmpty()))
        return out.usage(Cli::tr("give --station and --steps"), context.help);
    bool isNumber = false;
    const qint64 id = create || args.size() != 1
                          ? 0
                          : QString(args.first()).remove(kTokenOperatorPrefix).toLongLong(&isNumber);
    if (!create && !isNumber)
        return out.usage(Cli::tr("give one token id (see reworkctl token list)"), context.help);
    if (!actorId || actorId->isEmpty())
        return out.missing(QStringLiteral("operator"), Cli::tr("--operator is required"));
    OperatorInfo actor;
    if (const auto failed = context.prove(*actorId, QString(), actor))
        return *failed;
    StationTokens tokens(context.database()->connection(), context.clock);
    if (!create) {
        if (Status st = tokens.revoke(actor, id); !st)
            return out.fail(st.error());
        out.emitResult({Cli::tr("token %1 revoked").arg(StationTokens::operatorId(id))},
                       {{QStringLiteral("id"), id}});
        return Ok;
    }
    Result<StationTokens::Created> made = tokens.create(actor, *station, steps->split(QLatin1Char(',')));
    if (!made)
        return out.fail(made.error());
    // The secret on its own last line, for scripts; it is shown this once and never again.
    out.emitResult({Cli::tr("token %1 created; its secret is shown only now, keep it where the rig reads it:")
                        .arg(StationTokens::operatorId(made->id)),
                    made->secret},
                   {{QStringLiteral("id"), made->id},
                    {QStringLiteral("operator"), StationTokens::operatorId(made->id)},
                    {QStringLiteral("secret"), made->secret}});
    return Ok;
}

} // namespace

const Command tokenCommand{
    "token",
    QT_TRANSLATE_NOOP("Cli", "  token create --station S --steps STEP[,STEP] --operator ADMIN\n"
                             "  token list\n"
                             "  token revoke ID --operator ADMIN\n"),
    QT_TRANSLATE_NOOP(
        "Cli", "Usage: reworkctl token create --station S --steps STEP[,STEP] --operator ADMIN\n"
               "       reworkctl token list\n"
               "       reworkctl token revoke ID --operator ADMIN\n"
               "A station token lets a test rig or script record only those steps at that station,\n"
               "as the operator TOKEN:ID: reworkctl record STEP --station S --token-stdin, or with\n"
               "the secret in REWORKTRACK_TOKEN. The secret is printed once; only its hash is kept.\n"),
    &run, Command::Help::OnFlagOrNoArguments};

} // namespace rework
