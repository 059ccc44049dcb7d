#pragma once

#include "Output.h"
#include "domain/Clock.h"
#include "domain/Snapshot.h"
#include "domain/Step.h"
#include "storage/Database.h"

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace rework {

/// What every reworkctl command is handed: the output, the clock (the one source of "now"), its
/// help text and the database chosen by --db / $REWORKTRACK_DB / the default, opened on first use.
class CommandContext
{
public:
    CommandContext(Output& output, const Clock& now, QString dbPath, bool verbose, QString usage);
    ~CommandContext();

    /// The open database, or null after printing why it could not be opened.
    Database* database();
    /// Whether the database file is there (without opening, so without creating, it).
    bool databaseExists() const;
    /// The folder of the open database's file, where its labels, evidence and sync.conf live.
    QString dataFolder() const;
    /// Opens the database and reads one thing from it: `reader` takes the connection and returns a
    /// Result. Fills `value` and returns nullopt, or prints why not and returns the exit code.
    template <typename T, typename Reader> std::optional<int> read(T& value, Reader reader)
    {
        Database* db = database();
        if (!db)
            return StorageFailure;
        Result<T> r = reader(db->connection());
        if (!r)
            return out.fail(r.error());
        value = std::move(r).value();
        return std::nullopt;
    }
    /// A `list` subcommand: reads the rows with `query` (as read()) and prints them, one `line`
    /// each, or with --json as `{key: [toJson(row), ...]}`. Returns the exit code.
    template <typename Query, typename Line, typename Json>
    int list(Query query, const QString& key, Line line, Json toJson)
    {
        std::decay_t<decltype(query(std::declval<QSqlDatabase>()).value())> rows;
        m_mustExist = true; // a list reads the record: a mistyped path is not a new, empty line
        if (const auto failed = read(rows, query))
            return *failed;
        out.emitList(rows, key, line, toJson);
        return Ok;
    }

    /// Proves that `operatorId` is the one acting: their PIN, from the first line of stdin with
    /// --pin-stdin, else $REWORKTRACK_PIN, else a prompt when stdin is a terminal, checked by the
    /// GUI's Login (wrong PINs count toward the lock; locked, disabled and SYSTEM are refused).
    /// Fills `proven` and returns nullopt, or prints why not and returns the exit code.
    std::optional<int> prove(const QString& operatorId, const QString& stationId, OperatorInfo& proven);
    /// Proves that a station token acts: its secret from the first line of stdin when
    /// `fromStdin`, else $REWORKTRACK_TOKEN, checked by auth/StationTokens for `step` at
    /// `stationId`. Fills `proven` (TOKEN:<id>) and returns nullopt, or prints why not and returns
    /// the exit code.
    std::optional<int> proveToken(const QString& stationId, Step step, bool fromStdin, OperatorInfo& proven);
    /// A secret (PIN, password): the first line of stdin when `fromStdin`, else the environment
    /// variable `variable` when set, else typed at a prompt with the echo off when stdin is a
    /// terminal; nullopt when there is none of these. Kept as typed, but for a line's '\r'.
    std::optional<QString> readSecret(const QString& prompt, bool fromStdin, const char* variable);
    /// --pin-stdin was given: the PIN is the first line of stdin.
    void setPinFromStdin(bool fromStdin) { m_pinFromStdin = fromStdin; }
    /// database() refuses a file that does not exist instead of creating it (Command::needsDatabase).
    void setDatabaseMustExist(bool mustExist) { m_mustExist = mustExist; }

    Output& out;
    const Clock& clock;
    /// The command's own help, translated: printed before its usage errors.
    const QString help;

private:
    QString m_dbPath;
    bool m_mustExist = false;
    bool m_verbose = false;
    bool m_pinFromStdin = false;
    std::unique_ptr<Database> m_db;
    /// The operator proven so far, so that a command that records twice asks once.
    std::optional<OperatorInfo> m_proven;
};

} // namespace rework
