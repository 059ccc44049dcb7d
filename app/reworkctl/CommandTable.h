#pragma once

#include <QString>

#include <span>

namespace rework {

class Args;
class CommandContext;

/// One reworkctl command: the word the user types, its lines in `reworkctl --help`, its own help,
/// and the function that runs it. Each is defined beside its handler in commands/.
struct Command
{
    /// When Cli answers with `usage` instead of running the command.
    enum class Help
    {
        OnFlag,              // --help or -h anywhere: exit 0
        OnFlagOrNoArguments, // ... or no arguments at all: exit 2
        ByHandler,           // the handler prints it itself
    };

    const char* name;
    const char* summary; // QT_TRANSLATE_NOOP("Cli", ...): whole lines, indented, each ending in \n
    const char* usage;   // QT_TRANSLATE_NOOP("Cli", ...): `reworkctl NAME --help`, and before usage errors
    /// Runs the command on the arguments after its name; returns the exit code.
    int (*run)(CommandContext& context, Args args);
    Help help = Help::OnFlag;
    bool paints = false; // writes PDFs or labels, so needs a QGuiApplication
    /// Reads a record that must be there: a database file that does not exist is a mistyped
    /// path, refused, not a new empty line created and found sound.
    bool needsDatabase = false;
};

/// Every command, in the order `reworkctl --help` lists them.
std::span<const Command* const> commandTable();
/// The command called `name`, or null.
const Command* findCommand(QStringView name);

} // namespace rework
