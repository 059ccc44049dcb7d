// `reworkctl config`: lists the line's settings (repair and reflow limits, shift times, throughput
// targets, idle lock) and sets one, within its range and audited.

#include "Commands.h"

#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "storage/ConfigStore.h"

#include <QJsonArray>

namespace rework {
namespace {

int run(CommandContext& context, Args args)
{
    Output& out = context.out;
    const QString sub = args.takeFirst();
    const auto actorId = args.take(QStringLiteral("operator"));
    context.setDatabaseMustExist(sub == QLatin1StringView("list")); // a list reads the record
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    ConfigStore store(db->connection());
    if (sub == QLatin1StringView("set")) {
        if (const QString option = args.unknownOption(); !option.isEmpty())
            return out.unknownOption(option, context.help);
        if (args.size() < 2)
            return out.usage(Cli::tr("give KEY and VALUE"), context.help);
        if (args.size() > 2)
            return out.unexpectedArgument(args.at(2), context.help);
        if (!actorId || actorId->isEmpty())
            return out.missing(QStringLiteral("operator"), Cli::tr("--operator is required"));
        OperatorInfo actor;
        if (const auto failed = context.prove(*actorId, QString(), actor))
            return *failed;
        if (Status st = store.setConfigValue(args.at(0), args.at(1), actor.id); !st)
            return out.fail(st.error());
        // As stored, not as typed: "+330" and " 330" are 330.
        Result<int> stored = store.configNumber(args.at(0), 0);
        if (!stored)
            return out.fail(stored.error());
        out.emitResult({Cli::tr("%1 = %2").arg(args.at(0)).arg(stored.value())},
                       {{args.at(0), stored.value()}});
        return Ok;
    }
    if (sub == QLatin1StringView("list")) {
        if (const QString option = args.unknownOption(); !option.isEmpty())
            return out.unknownOption(option, context.help);
        if (!args.isEmpty())
            return out.unexpectedArgument(args.first(), context.help);
        // Every setting with the value in force: one nobody set shows its default, marked so.
        auto settings = store.inForce();
        if (!settings)
            return out.fail(settings.error());
        QStringList lines;
        QJsonObject json;
        QJsonArray defaults;
        QJsonObject refused;
        for (const ConfigStore::Setting& s : settings.value()) {
            // One arg() for both: a key is never read as a placeholder.
            QString line = Cli::tr("%1 = %2").arg(s.key, QString::number(s.value));
            if (!s.refused.isEmpty())
                line += Cli::tr(" (default: the stored value \"%1\" is not one it takes; set it again)")
                            .arg(s.refused);
            else if (s.isDefault)
                line += Cli::tr(" (default)");
            lines << line;
            json.insert(s.key, s.value);
            if (s.isDefault)
                defaults.append(s.key);
            if (!s.refused.isEmpty())
                refused.insert(s.key, s.refused);
        }
        if (!refused.isEmpty())
            json.insert(QStringLiteral("refused"), refused); // stored values not in force
        json.insert(QStringLiteral("defaults"), defaults);   // the keys above that nobody set
        out.emitResult(lines, json);
        return Ok;
    }
    return out.usage(Cli::tr("unknown config command \"%1\"").arg(sub.left(40)), context.help);
}

} // namespace

const Command configCommand{
    "config",
    QT_TRANSLATE_NOOP("Cli", "  config list | config set KEY VALUE --operator ADMIN   repair, reflow, shift, "
                             "target, idle lock, carton capacity\n"),
    QT_TRANSLATE_NOOP("Cli", "Usage: reworkctl config list | config set KEY VALUE --operator ADMIN\n"), &run,
    Command::Help::OnFlagOrNoArguments};

} // namespace rework
