#pragma once

#include "reworkctl/CommandTable.h"
#include "storage/Restore.h"

#include <optional>

namespace rework {

// The commands of reworkctl, one group per file in this folder, each defined beside its handler;
// CommandTable lists them in the order of the main help. Their strings are Cli::tr() and
// QT_TRANSLATE_NOOP("Cli", ...) so that they keep the "Cli" translation context.

// SetupCommands.cpp: create the database, fill it with demo data.
extern const Command initCommand, demoCommand;
// OperatorCommands.cpp, StationCommands.cpp, ConfigCommands.cpp: the line's reference data.
extern const Command operatorCommand, stationCommand, configCommand;
// TokenCommands.cpp: station tokens for test rigs and scripts.
extern const Command tokenCommand;
// RecordCommands.cpp: the work itself.
extern const Command recordCommand, batchCommand, voidCommand, traceCommand, resolveCommand;
// ReportCommands.cpp: the supervisor's figures.
extern const Command kpiCommand, recallCommand, reportCommand;
// SpcCommands.cpp: statistical process control of a measurement.
extern const Command spcCommand;
// LabelCommands.cpp: labels and the sheet of command barcodes.
extern const Command labelCommand, sheetCommand;
// SyncCommands.cpp: the central PostgreSQL; `verify --server` (the chain heads it anchored).
extern const Command serverInitCommand, syncCommand;
int verifyAgainstServer(CommandContext& context, Args args);
/// For `restore`: the newest chain head the sync server anchored for this station (`--server
/// [URL] [--password-stdin]`, or sync.conf when present), taken out of `args`; `note` says what
/// was checked. Returns an exit code when it failed.
std::optional<int> anchoredOnServer(CommandContext& context, Args& args,
                                    std::optional<Restore::Request::Anchored>& anchored, QString& note);
// ConflictCommands.cpp: conflicts between stations and what was set aside.
extern const Command conflictsCommand;
// ParseCommands.cpp: a test rig's output read and judged by a test plan, recording nothing.
extern const Command parseCommand;
// TestRunCommands.cpp: a unit's test plan run on this rig, recorded.
extern const Command testCommand, planCommand;
// MaintenanceCommands.cpp: looking after the database file.
extern const Command checkCommand, backupCommand, verifyCommand, restoreCommand;

} // namespace rework
