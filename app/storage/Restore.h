#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace rework {

class Database;

/// Puts a backup in place of the station database (`reworkctl restore`). Only a whole ReworkTrack
/// database is taken: a regular SQLite file of a schema version this program knows, with every
/// table and the append-only triggers, both hash chains intact, derived state equal to its event
/// log, and no fewer events than the station has now — fewer only when forced with a reason. Each
/// restore is audited in the restored database; the replaced database is kept beside it, and a
/// refusal changes nothing on disk.
class Restore
{
    Q_DECLARE_TR_FUNCTIONS(Restore)

public:
    struct Request
    {
        QString source;
        bool force = false; // take a backup with fewer events than the station has
        QString reason;     // required with force; goes into the audit log
        OperatorInfo actor; // required with force: a proven admin (`restore.force`)
        /// The newest chain head the sync server anchored for this station: the backup must
        /// hold that event with that hash, so no event the server has seen is lost.
        struct Anchored
        {
            qint64 seq = 0;
            QString hash;
        };
        std::optional<Anchored> anchored;
    };

    struct Outcome
    {
        QString replacedKept;     // the replaced database, kept beside it
        qint64 eventsBefore = -1; // -1: the replaced database could not be read
        qint64 eventsAfter = 0;
    };

    Restore(Database& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    Result<Outcome> run(const Request& request);

    /// Where the copy of a backup is checked before it replaces anything: beside the database.
    static QString stagingPath(const QString& databasePath);

private:
    Status fromStaging(const QString& staging, const Request& request, Outcome& outcome);
    Status checkEvents(const QSqlDatabase& staged, const Request& request, Outcome& outcome);
    Status checkAnchored(const QSqlDatabase& staged, const Request& request);
    Status audit(const QSqlDatabase& staged, const Request& request, const Outcome& outcome);
    Status keepReplaced(const QString& target);

    Database& m_db;
    const Clock& m_clock;
};

} // namespace rework
