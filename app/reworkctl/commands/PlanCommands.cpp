// `plan`: the test plans a factory shares, and the plan each product is tested to.

#include "Commands.h"
#include "importers/TestPlanStore.h"
#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rework {
namespace {

/// `plan publish FILE`, `plan assign MODEL PLAN` and `plan unassign MODEL`: reference changes by a
/// proven operator.
int change(CommandContext& context, const QString& what, Args args)
{
    Output& out = context.out;
    const auto actorId = args.take(QStringLiteral("operator"));
    const auto stationId = args.take(QStringLiteral("station"));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    const bool publishing = what == QLatin1StringView("publish");
    const bool unassigning = what == QLatin1StringView("unassign");
    if (args.size() != (publishing || unassigning ? 1 : 2))
        return out.usage(publishing    ? Cli::tr("give one test plan file: plan publish FILE")
                         : unassigning ? Cli::tr("give one model: plan unassign MODEL")
                                       : Cli::tr("give a model and a plan: plan assign MODEL PLAN"),
                         context.help);
    if (!actorId || actorId->isEmpty())
        return out.missing(QStringLiteral("operator"), Cli::tr("--operator is required"));
    OperatorInfo actor;
    if (const auto failed = context.prove(*actorId, stationId.value_or(QString()), actor))
        return *failed;
    const TestPlanStore store(context.database()->connection(), context.clock);
    if (publishing) {
        Result<QString> name = store.publish(args.first(), actor, stationId.value_or(QString()));
        if (!name)
            return out.fail(name.error());
        out.emitResult(
            {Cli::tr("test plan %1 shared; every station has it after its next sync").arg(name.value()),
             name.value()},
            {{QStringLiteral("plan"), name.value()}});
        return Ok;
    }
    const QString model = args.at(0).trimmed().toUpper();
    if (unassigning) {
        if (Status st = store.unassign(model, actor, stationId.value_or(QString())); !st)
            return out.fail(st.error());
        out.emitResult({Cli::tr("model %1 has no test plan of its own; its units are tested to each "
                                "station's plan after the station's next sync")
                            .arg(model)},
                       {{QStringLiteral("model"), model}, {QStringLiteral("plan"), QJsonValue()}});
        return Ok;
    }
    const QString plan = args.at(1).trimmed();
    if (Status st = store.assign(model, plan, actor, stationId.value_or(QString())); !st)
        return out.fail(st.error());
    out.emitResult(
        {Cli::tr("model %1 is tested to plan %2; every station holds its units to it after its next "
                 "sync")
             .arg(model, plan)},
        {{QStringLiteral("model"), model}, {QStringLiteral("plan"), plan}});
    return Ok;
}

int plan(CommandContext& context, Args args)
{
    const QString first = args.takeFirst();
    if (first == QLatin1StringView("publish") || first == QLatin1StringView("assign") ||
        first == QLatin1StringView("unassign"))
        return change(context, first, std::move(args));
    Output& out = context.out;
    if (first != QLatin1StringView("list") && first != QLatin1StringView("show"))
        return out.usage(
            Cli::tr("unknown plan command; use: plan list | show NAME | publish FILE | assign MODEL "
                    "PLAN | unassign MODEL"),
            context.help);
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    const bool show = first == QLatin1StringView("show");
    if (show ? args.size() != 1 : !args.isEmpty())
        return out.usage(show ? Cli::tr("give one plan name: plan show NAME")
                              : Cli::tr("plan list takes no arguments"),
                         context.help);
    context.setDatabaseMustExist(true);
    if (!context.database())
        return StorageFailure;
    Result<QList<TestPlanStore::Entry>> plans = TestPlanStore(context.database()->connection()).list();
    if (!plans)
        return out.fail(plans.error());
    if (show) {
        for (const TestPlanStore::Entry& e : plans.value()) {
            if (e.name == args.first().trimmed()) {
                const QJsonObject body = QJsonDocument::fromJson(e.body).object();
                out.emitResult({QString::fromUtf8(e.body).trimmed()}, {{QStringLiteral("plan"), body}});
                return Ok;
            }
        }
        return out.fail(makeError(
            ErrorCode::UnknownField, QStringLiteral("plan"),
            Message(&Cli::tr, QT_TRANSLATE_NOOP("Cli", "no shared test plan %1; plan list shows them"),
                    {args.first().left(40)})));
    }
    out.emitList(
        plans.value(), QStringLiteral("plans"),
        [](const TestPlanStore::Entry& e) {
            return Cli::tr("%1  requires: %2  models: %3")
                .arg(e.name,
                     e.required.isEmpty() ? Cli::tr("the report only")
                                          : e.required.join(QStringLiteral(", ")),
                     e.models.isEmpty() ? Cli::tr("none") : e.models.join(QStringLiteral(", ")));
        },
        [](const TestPlanStore::Entry& e) {
            return QJsonObject{{QStringLiteral("name"), e.name},
                               {QStringLiteral("required"), QJsonArray::fromStringList(e.required)},
                               {QStringLiteral("models"), QJsonArray::fromStringList(e.models)}};
        },
        plans->isEmpty()
            ? QStringList{Cli::tr("no shared test plans: each station tests to its own (rig.plan)")}
            : QStringList{});
    return Ok;
}

} // namespace

const Command planCommand{
    "plan",
    QT_TRANSLATE_NOOP("Cli", "  plan list | show NAME | publish FILE | assign MODEL PLAN | unassign MODEL\n"
                             "                                         shared test plans\n"),
    QT_TRANSLATE_NOOP(
        "Cli",
        "Usage: reworkctl plan list                      shared test plans and the products tested to each\n"
        "       reworkctl plan show NAME                 a shared plan as every station has it\n"
        "       reworkctl plan publish FILE --operator O [--station S]\n"
        "                                                share a test plan (JSON, as parse --plan reads it)\n"
        "       reworkctl plan assign MODEL PLAN --operator O [--station S]\n"
        "                                                test MODEL's units to PLAN (shared, or built-in:\n"
        "                                                default, strict)\n"
        "       reworkctl plan unassign MODEL --operator O [--station S]\n"
        "                                                MODEL's units tested to each station's plan again\n"
        "These changes need limits.edit, are audited, and reach every station on its next sync.\n"
        "A unit of a product with a plan passes test only with every run the plan requires, each\n"
        "judged by that plan (a typed burnin=pass is no run), and is packed only when its passing\n"
        "test had them. Products without a plan are tested to each station's own (rig.plan, --plan).\n"),
    &plan, Command::Help::OnFlagOrNoArguments};

} // namespace rework
