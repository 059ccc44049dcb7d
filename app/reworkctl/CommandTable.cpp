#include "CommandTable.h"

#include "commands/Commands.h"

namespace rework {
namespace {

// In the order `reworkctl --help` lists them.
const Command* const kCommands[] = {
    &initCommand,   &demoCommand,   &operatorCommand, &stationCommand,    &tokenCommand, &recordCommand,
    &batchCommand,  &voidCommand,   &traceCommand,    &resolveCommand,    &parseCommand, &testCommand,
    &planCommand,   &checkCommand,  &configCommand,   &sheetCommand,      &kpiCommand,   &recallCommand,
    &spcCommand,    &reportCommand, &labelCommand,    &serverInitCommand, &syncCommand,  &conflictsCommand,
    &backupCommand, &verifyCommand, &restoreCommand,
};

} // namespace

std::span<const Command* const> commandTable()
{
    return kCommands;
}

const Command* findCommand(QStringView name)
{
    for (const Command* c : kCommands) {
        if (name == QLatin1StringView(c->name))
            return c;
    }
    return nullptr;
}

} // namespace rework
