#include "Cli.h"

#include "Args.h"
#include "CommandContext.h"
#include "CommandTable.h"
#include "logging/Logging.h"

#include <cstdio>

namespace rework {
namespace {

const char* const kHelpHead =
    QT_TRANSLATE_NOOP("Cli", "Usage: reworkctl [--db PATH] [--json] [--verbose] COMMAND ...\n"
                             "\n"
                             "Commands:\n");

const char* const kHelpTail = QT_TRANSLATE_NOOP(
    "Cli",
    "\n"
    "Global options:\n"
    "  --db PATH     database file (default: $REWORKTRACK_DB, else the file chosen in the app's settings,\n"
    "                else the user's data folder)\n"
    "  --json        machine-readable output\n"
    "  --verbose     log to stderr as well as to the log file\n"
    "  --pin-stdin   read the acting operator's PIN from the first line of stdin (else\n"
    "                $REWORKTRACK_PIN, else a prompt on a terminal)\n"
    "  --version     print the version\n"
    "\n"
    "COMMAND --help shows the fields of a command. A command that creates an id prints it\n"
    "alone on the last line. Exit codes: 0 success, 1 refused, 2 usage, 3 storage.\n");

} // namespace

Cli::Cli(const Clock& clock) : m_clock(clock), m_output(stdout, stderr) {}

bool Cli::paints(const char* word)
{
    for (const Command* command : commandTable()) {
        if (command->paints && qstrcmp(word, command->name) == 0)
            return true;
    }
    return false;
}

void Cli::printHelp()
{
    QTextStream& out = m_output.out();
    out << tr(kHelpHead);
    for (const Command* command : commandTable())
        out << tr(command->summary);
    out << tr(kHelpTail);
    out.flush();
}

int Cli::run(QStringList list)
{
    Logging::silence();
    Args args(std::move(list));
    // Which of two values was meant cannot be told: neither is taken. Read before --json is
    // taken (a repeated one too), and told in the form --json asks for.
    const QString twice = args.repeatedOption();
    m_output.setJson(args.takeFlag(QStringLiteral("json")));
    if (!twice.isEmpty())
        return m_output.usage(tr("%1 is given twice; give it once").arg(twice.left(40)));
    std::optional<QString> db = args.take(QStringLiteral("db"));
    if (db && db->isEmpty())
        return m_output.usage(tr("--db needs a file path"));
    const bool verbose = args.takeFlag(QStringLiteral("verbose"));
    const bool pinFromStdin = args.takeFlag(QStringLiteral("pin-stdin"));
    if (args.takeFlag(QStringLiteral("version"))) {
        m_output.out() << "reworkctl " << QCoreApplication::applicationVersion() << '\n';
        return Ok;
    }
    if (args.isEmpty() || args.first() == QLatin1StringView("--help") ||
        args.first() == QLatin1StringView("-h") || args.first() == QLatin1StringView("help")) {
        printHelp();
        return args.isEmpty() ? Usage : Ok;
    }
    const QString name = args.takeFirst();
    const Command* command = findCommand(name);
    if (!command)
        return m_output.usage(tr("unknown command \"%1\"; run reworkctl --help").arg(name.left(40)));
    const QString usage = tr(command->usage);
    if (command->help != Command::Help::ByHandler &&
        (args.wantsHelp() || (command->help == Command::Help::OnFlagOrNoArguments && args.isEmpty())))
        return m_output.help(usage, args.isEmpty() ? Usage : Ok);
    CommandContext context(m_output, m_clock, db.value_or(QString()), verbose, usage);
    context.setPinFromStdin(pinFromStdin);
    context.setDatabaseMustExist(command->needsDatabase);
    return command->run(context, std::move(args));
}

} // namespace rework
