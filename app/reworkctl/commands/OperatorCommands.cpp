// `reworkctl operator`: lists the operator accounts and manages them as an admin would (add,
// disable or enable, reset a PIN, change a role); every change is audited.

#include "Commands.h"

#include "auth/OperatorAccounts.h"
#include "auth/OperatorAdmin.h"
#include "domain/SerialRules.h"
#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "storage/WorkflowConfigLoader.h"

namespace rework {
namespace {

/// `operator list`: id, role, active or disabled, name.
int list(CommandContext& context)
{
    return context.list(
        [&context](const QSqlDatabase& db) { return OperatorAccounts(db, context.clock).operators(); },
        QStringLiteral("operators"),
        [](const OperatorInfo& o) -> QString {
            return QStringLiteral("%1\t%2\t%3\t%4")
                .arg(o.id, o.role, o.active ? Cli::tr("active") : Cli::tr("disabled"), o.name);
        },
        [](const OperatorInfo& o) {
            return QJsonObject{{QStringLiteral("id"), o.id},
                               {QStringLiteral("name"), o.name},
                               {QStringLiteral("role"), o.role},
                               {QStringLiteral("active"), o.active}};
        });
}

/// `operator add|disable|enable|reset-pin|role` by a proven admin (--operator), audited.
int change(CommandContext& context, const QString& sub, Args args)
{
    Output& out = context.out;
    const auto name = args.take(QStringLiteral("name"));
    const auto role = args.take(QStringLiteral("role"));
    const auto pin = args.take(QStringLiteral("pin"));
    const auto actorId = args.take(QStringLiteral("operator"));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    const bool permission = sub == QLatin1StringView("grant") || sub == QLatin1StringView("revoke");
    const qsizetype wanted = sub == QLatin1StringView("role") || permission ? 2 : 1;
    if (args.size() != wanted)
        return out.usage(permission ? Cli::tr("give the role and the action, e.g. supervisor record.void")
                         : sub == QLatin1StringView("role") ? Cli::tr("give the operator ID and the new role")
                                                            : Cli::tr("give exactly one operator ID"),
                         context.help);
    if (sub == QLatin1StringView("add") && (!name || !role || !pin))
        return out.usage(Cli::tr("--name, --role and --pin are required"), context.help);
    if (sub == QLatin1StringView("reset-pin") && !pin)
        return out.usage(Cli::tr("--pin is required"), context.help);
    WorkflowConfig config;
    if (const auto failed = context.read(
            config, [](const QSqlDatabase& db) { return WorkflowConfigLoader(db).loadConfig(); }))
        return *failed;
    // An admin proves who they are; only the first admin of an empty database is made without
    // proof (OperatorAdmin refuses the shell once any account exists).
    QString actor = OperatorAdmin::kShell;
    if (actorId) {
        OperatorInfo proven;
        if (const auto failed = context.prove(*actorId, QString(), proven))
            return *failed;
        actor = proven.id;
    }
    OperatorAdmin admin(context.database()->connection(), config, actor, QString(), context.clock);
    const QString id = SerialRules::normalise(SerialKind::Operator, args.first());
    Status st;
    QString done;
    if (permission) {
        const bool grant = sub == QLatin1StringView("grant");
        st = admin.setPermission(args.at(0), args.at(1), grant);
        if (!st)
            return out.fail(st.error());
        out.emitResult({grant ? Cli::tr("%1 may now do %2 at every station after its next sync")
                                    .arg(args.at(0), args.at(1))
                              : Cli::tr("%1 may no longer do %2 at every station after its next sync")
                                    .arg(args.at(0), args.at(1))},
                       {{QStringLiteral("role"), args.at(0)},
                        {QStringLiteral("action"), args.at(1)},
                        {QStringLiteral("granted"), grant}});
        return Ok;
    }
    if (sub == QLatin1StringView("add")) {
        st = admin.add(args.first(), *name, *role, *pin);
        done = Cli::tr("operator %1 added as %2").arg(id, *role);
    } else if (sub == QLatin1StringView("disable") || sub == QLatin1StringView("enable")) {
        const bool enable = sub == QLatin1StringView("enable");
        st = admin.setActive(id, enable);
        done = enable ? Cli::tr("operator %1 enabled").arg(id)
                      : Cli::tr("operator %1 disabled; refused at every station after its next sync, and "
                                "logged out where the app runs")
                            .arg(id);
    } else if (sub == QLatin1StringView("reset-pin")) {
        st = admin.resetPin(id, *pin);
        done = Cli::tr("PIN of %1 reset; any lock is lifted").arg(id);
    } else {
        st = admin.setRole(id, args.at(1));
        done = Cli::tr("operator %1 is now %2").arg(id, args.at(1));
    }
    if (!st)
        return out.fail(st.error());
    out.emitResult({done, id}, {{QStringLiteral("id"), id}});
    return Ok;
}

int run(CommandContext& context, Args args)
{
    const QString sub = args.takeFirst();
    if (sub == QLatin1StringView("list"))
        return list(context);
    const QStringList known{QStringLiteral("add"),       QStringLiteral("disable"), QStringLiteral("enable"),
                            QStringLiteral("reset-pin"), QStringLiteral("role"),    QStringLiteral("grant"),
                            QStringLiteral("revoke")};
    if (!known.contains(sub))
        return context.out.usage(Cli::tr("unknown operator command \"%1\"").arg(sub.left(40)), context.help);
    return change(context, sub, std::move(args));
}

} // namespace

const Command operatorCommand{
    "operator",
    QT_TRANSLATE_NOOP(
        "Cli", "  operator add ID --name NAME --role operator|supervisor|admin --pin PIN --operator ADMIN\n"
               "  operator list\n"
               "  operator disable|enable ID | reset-pin ID --pin PIN | role ID ROLE  (--operator ADMIN)\n"
               "  operator grant|revoke ROLE ACTION  (--operator ADMIN)\n"),
    QT_TRANSLATE_NOOP(
        "Cli",
        "Usage: reworkctl operator add ID --name NAME --role operator|supervisor|admin --pin PIN\n"
        "       reworkctl operator list\n"
        "       reworkctl operator disable|enable ID\n"
        "       reworkctl operator reset-pin ID --pin PIN\n"
        "       reworkctl operator role ID operator|supervisor|admin\n"
        "       reworkctl operator grant|revoke operator|supervisor|admin ACTION   (e.g. record.void)\n"
        "Every change needs --operator ADMIN and that admin's PIN (prompt, --pin-stdin or\n"
        "REWORKTRACK_PIN), except the first admin of an empty database. Every change goes into\n"
        "the audit log; the last active admin cannot be disabled or demoted. Every change reaches\n"
        "every station with its next sync.\n"),
    &run, Command::Help::OnFlagOrNoArguments};

} // namespace rework
