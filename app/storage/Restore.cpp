#include "Restore.h"
#include "domain/FreeText.h"

#include "AuditLog.h"
#include "Authority.h"
#include "Backup.h"
#include "Database.h"
#include "EventChain.h"
#include "IntegrityChecker.h"
#include "Migrator.h"
#include "PrivateFiles.h"
#include "Sql.h"
#include "Transaction.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QMap>

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace rework {
namespace {

Error refused(const char* text, std::initializer_list<Message::Arg> args,
              ErrorCode code = ErrorCode::InvalidValue)
{
    return makeError(code, QStringLiteral("backup"), Message(&Restore::tr, text, args));
}

/// A QSQLITE connection of its own to a file other than the station database (or to memory).
class Connection
{
public:
    explicit Connection(const QString& path)
    {
        static QAtomicInt counter;
        m_name = QStringLiteral("restore-%1").arg(counter.fetchAndAddRelaxed(1));
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~Connection()
    {
        sql::forgetPrepared(m_name);
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    const QSqlDatabase& db() const { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

/// What can be told without SQLite: a regular file, not a backup still being written, that starts
/// like an SQLite database. (SQLite takes an empty file for an empty database.)
Status inspectSource(const QString& source)
{
    const QFileInfo info(source);
    if (!info.exists())
        return refused(QT_TRANSLATE_NOOP("Restore", "there is no file %1; give the path of a backup"),
                       {source}, ErrorCode::UnknownField);
    if (Backup::isUnfinished(source))
        return refused(
            QT_TRANSLATE_NOOP("Restore",
                              "%1 is an unfinished backup or a journal file; choose a finished backup "
                              "(DATA/backups/reworktrack-DATE-TIME.sqlite)"),
            {source});
    if (!info.isFile())
        return refused(QT_TRANSLATE_NOOP("Restore", "%1 is not a regular file; give a backup file"),
                       {source});
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly))
        return refused(QT_TRANSLATE_NOOP("Restore", "cannot read %1: %2"), {source, file.errorString()});
    if (file.read(16) != QByteArrayView("SQLite format 3\0", 16))
        return refused(
            QT_TRANSLATE_NOOP("Restore",
                              "%1 is not a ReworkTrack database; choose a backup made by reworkctl backup"),
            {source});
    return {};
}

/// The backup's bytes into a new owner-only file: the checks and migrations run on this copy, so
/// the chosen file is only ever read.
Status stage(const QString& source, const QString& staging)
{
    if (Status st = PrivateFiles::createNew(staging); !st)
        return st;
    QFile from(source), to(staging);
    if (!from.open(QIODevice::ReadOnly))
        return refused(QT_TRANSLATE_NOOP("Restore", "cannot read %1: %2"), {source, from.errorString()});
    if (!to.open(QIODevice::WriteOnly | QIODevice::ExistingOnly))
        return refused(QT_TRANSLATE_NOOP("Restore", "cannot write %1: %2"), {staging, to.errorString()},
                       ErrorCode::Storage);
    while (!from.atEnd()) {
        const QByteArray chunk = from.read(1 << 20);
        if (chunk.isEmpty() || to.write(chunk) != chunk.size())
            return refused(
                QT_TRANSLATE_NOOP("Restore",
                                  "cannot copy %1 beside the database: %2; free disk space and try again"),
                {source, to.errorString()}, ErrorCode::Storage);
    }
    return {};
}

void removeStaging(const QString& staging)
{
    for (const char* suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(staging + QLatin1StringView(suffix));
}

/// Tables by name, triggers by name and text (a trigger of the same name that does nothing would
/// make the log editable again).
Result<QMap<QString, QString>> schemaObjects(const QSqlDatabase& db)
{
    auto q = sql::run(db, QStringLiteral("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('table', "
                                         "'trigger') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"));
    if (!q)
        return q.error();
    QMap<QString, QString> objects;
    while (q.value().next()) {
        const bool trigger = q.value().value(0).toString() == QLatin1StringView("trigger");
        objects.insert(q.value().value(0).toString() + QLatin1Char(' ') + q.value().value(1).toString(),
                       trigger ? q.value().value(2).toString() : QString());
    }
    return objects;
}

/// Differences from a database that this program's migrations build up to `version`: missing or
/// changed tables and triggers, and triggers it would not have.
Result<QStringList> schemaDifferences(const QSqlDatabase& db, int version)
{
    spdlog::info("building schema version {} in memory to compare a backup with", version);
    const Connection reference(QStringLiteral(":memory:"));
    if (Status st = Migrator::migrate(reference.db(), version); !st)
        return st.error();
    auto expected = schemaObjects(reference.db());
    if (!expected)
        return expected.error();
    auto found = schemaObjects(db);
    if (!found)
        return found.error();
    QStringList differences;
    for (auto it = expected->cbegin(); it != expected->cend(); ++it) {
        if (!found->contains(it.key()) || found->value(it.key()) != it.value())
            differences << it.key();
    }
    for (auto it = found->cbegin(); it != found->cend(); ++it) {
        if (it.key().startsWith(QLatin1StringView("trigger ")) && !expected->contains(it.key()))
            differences << it.key();
    }
    return differences;
}

/// The staged copy before anything runs on it: sound, of a schema version this program has made,
/// with the tables and triggers of that version.
Status checkSchema(const QString& staging, const QString& source)
{
    if (Status st = Backup::check(staging, source); !st) {
        Error e = st.error();
        e.code = ErrorCode::InvalidValue; // a bad file given, not a failure of this station's storage
        return e;
    }
    const Connection staged(staging);
    Result<int> version = Migrator::currentVersion(staged.db());
    if (!version)
        return version.error();
    if (version.value() <= 0)
        return refused(
            QT_TRANSLATE_NOOP("Restore",
                              "%1 is not a ReworkTrack database (schema version %2); choose a backup made "
                              "by reworkctl backup"),
            {source, version.value()});
    if (version.value() > Migrator::latestVersion())
        return refused(
            QT_TRANSLATE_NOOP("Restore",
                              "%1 was made by a newer ReworkTrack (schema version %2, this program knows up "
                              "to %3); install that version to restore it"),
            {source, version.value(), Migrator::latestVersion()});
    Result<QStringList> differences = schemaDifferences(staged.db(), version.value());
    if (!differences)
        return differences.error();
    if (!differences->isEmpty())
        return refused(
            QT_TRANSLATE_NOOP("Restore",
                              "%1 is not a complete ReworkTrack database (missing or changed: %2); choose "
                              "another backup"),
            {source, differences->mid(0, 6).join(QStringLiteral(", "))});
    return {};
}

/// Both hash chains, then SQLite's checks and the derived state against a replay.
Status checkContent(const QSqlDatabase& db, const QString& source)
{
    Result<EventChain::Verdict> events = EventChain(db).verify();
    if (!events)
        return events.error();
    if (events->brokenSeq != 0)
        return refused(
            QT_TRANSLATE_NOOP("Restore", "the event log in %1 was tampered with (%2); choose another backup"),
            {source, events->reason}, ErrorCode::Contradiction);
    QString reason;
    Result<qint64> audit = AuditLog(db).verify(&reason);
    if (!audit)
        return audit.error();
    if (audit.value() != 0)
        return refused(
            QT_TRANSLATE_NOOP("Restore", "the audit log in %1 was tampered with (%2); choose another backup"),
            {source, reason}, ErrorCode::Contradiction);
    Result<QStringList> problems = IntegrityChecker(db).run();
    if (!problems)
        return problems.error();
    if (!problems->isEmpty())
        return refused(QT_TRANSLATE_NOOP("Restore", "%1 fails its check (%2); choose another backup"),
                       {source, problems->first()});
    return {};
}

Result<qint64> eventCount(const QSqlDatabase& db)
{
    auto n = sql::scalar(db, QStringLiteral("SELECT count(*) FROM events"));
    if (!n)
        return n.error();
    return n.value().toLongLong();
}

/// Page by page from one open SQLite handle to another; retries while the source is busy.
Status pump(sqlite3* from, sqlite3* to, const Message& what)
{
    sqlite3_backup* backup = from && to ? sqlite3_backup_init(to, "main", from, "main") : nullptr;
    if (!backup)
        return sql::storageError(what,
                                 to ? QString::fromUtf8(sqlite3_errmsg(to)) : QStringLiteral("no handle"));
    int rc = SQLITE_OK;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return sql::storageError(what, QString::fromUtf8(sqlite3_errstr(rc)));
    return {};
}

/// `<database>.replaced-DATE-TIME`, numbered on when that name is taken.
QString replacedPath(const QString& database, const QDateTime& now)
{
    const QString base = database + QStringLiteral(".replaced-") +
                         now.toLocalTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString path = base;
    for (int n = 2; QFileInfo::exists(path) || QFileInfo(path).isSymLink(); ++n)
        path = base + QLatin1Char('-') + QString::number(n);
    return path;
}

} // namespace

QString Restore::stagingPath(const QString& databasePath)
{
    return databasePath + QStringLiteral(".restoring");
}

Result<Restore::Outcome> Restore::run(const Request& request)
{
    if (request.force && request.reason.trimmed().isEmpty())
        return makeError(
            ErrorCode::MissingField, QStringLiteral("reason"),
            Message(tr, QT_TRANSLATE_NOOP("Restore", "a forced restore needs a reason; give --reason TEXT")));
    if (Status st = FreeText::check(QStringLiteral("reason"), request.reason, FreeText::kMaxReason); !st)
        return st.error();
    if (request.force) {
        // Throwing recorded work away is an admin's proven act, checked on the database in use.
        if (request.actor.id.isEmpty())
            return makeError(
                ErrorCode::MissingField, QStringLiteral("operator"),
                Message(tr, QT_TRANSLATE_NOOP("Restore", "a forced restore is an admin's act; give "
                                                         "--operator ADMIN and that admin's PIN")));
        if (Status st = Authority::require(m_db.connection(), request.actor, QStringLiteral("restore.force"));
            !st)
            return st.error();
    }
    if (Status st = inspectSource(request.source); !st)
        return st.error();
    const QString staging = stagingPath(m_db.path());
    const QFileInfo chosen(request.source);
    if (chosen == QFileInfo(m_db.path()) || chosen == QFileInfo(staging))
        return refused(
            QT_TRANSLATE_NOOP("Restore",
                              "%1 is the database in use or a restore's copy of a backup; give a backup"),
            {request.source});
    removeStaging(staging); // left by a restore that was killed
    Outcome outcome;
    Status st = stage(request.source, staging);
    if (st)
        st = fromStaging(staging, request, outcome);
    removeStaging(staging);
    if (!st)
        return st.error();
    spdlog::warn("database {} restored from {}: {} events before, {} after, replaced database kept as {}{}",
                 m_db.path().toStdString(), request.source.toStdString(), outcome.eventsBefore,
                 outcome.eventsAfter, outcome.replacedKept.toStdString(),
                 request.force ? " (forced: " + request.reason.toStdString() + ")" : std::string());
    return outcome;
}

Status Restore::fromStaging(const QString& staging, const Request& request, Outcome& outcome)
{
    if (Status st = checkSchema(staging, request.source); !st)
        return st;
    // Opened as the station database would be: a backup of an older schema is migrated here.
    Result<std::unique_ptr<Database>> staged = Database::open(staging);
    if (!staged)
        return staged.error();
    const QSqlDatabase& db = staged.value()->connection();
    if (Status st = checkContent(db, request.source); !st)
        return st;
    if (Status st = checkEvents(db, request, outcome); !st)
        return st;
    outcome.replacedKept = replacedPath(m_db.path(), m_clock.now());
    if (Status st = audit(db, request, outcome); !st)
        return st;
    if (Status st = keepReplaced(outcome.replacedKept); !st)
        return st;
    if (Status st = pump(sql::handle(db), sql::handle(m_db.connection()),
                         Message(tr, QT_TRANSLATE_NOOP("Restore", "restore a backup")));
        !st)
        return st;
    return Backup::check(m_db.path());
}

Status Restore::checkEvents(const QSqlDatabase& staged, const Request& request, Outcome& outcome)
{
    Result<qint64> after = eventCount(staged);
    if (!after)
        return after.error();
    outcome.eventsAfter = after.value();
    // A damaged station database may not even count: then only a forced restore goes on.
    Result<qint64> before = eventCount(m_db.connection());
    outcome.eventsBefore = before ? before.value() : -1;
    if (request.force)
        return {};
    if (!before)
        return refused(
            QT_TRANSLATE_NOOP("Restore",
                              "cannot count the events of the database in use (%1); if it is damaged, "
                              "restore with --force --reason TEXT"),
            {before.error().asArg()}, ErrorCode::Storage);
    if (outcome.eventsAfter < outcome.eventsBefore)
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("events"),
            Message(tr,
                    QT_TRANSLATE_NOOP("Restore",
                                      "%1 holds %2 events but this station has %3 (events lost by "
                                      "restoring it: %4). Choose a newer backup, or if they are to go, "
                                      "restore with --force --reason TEXT"),
                    {request.source, outcome.eventsAfter, outcome.eventsBefore,
                     outcome.eventsBefore - outcome.eventsAfter}));
    return checkAnchored(staged, request);
}

/// The server's anchor reaches where this station's own count cannot: a station whose database
/// was cut back (or lost) still may not go back behind what it once sent.
Status Restore::checkAnchored(const QSqlDatabase& staged, const Request& request)
{
    if (!request.anchored)
        return {};
    const auto& [seq, hash] = *request.anchored;
    auto held =
        sql::scalar(staged, QStringLiteral("SELECT hash FROM event_chain WHERE event_seq = ?"), {seq});
    if (!held)
        return held.error();
    if (!held.value().isValid()) {
        auto last = sql::scalar(staged, QStringLiteral("SELECT coalesce(max(seq), 0) FROM events"));
        if (!last)
            return last.error();
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("events"),
            Message(tr,
                    QT_TRANSLATE_NOOP("Restore",
                                      "the sync server holds this station's events up to event %1, but %2 "
                                      "ends at event %3: restoring it would lose what the server has. "
                                      "Choose a newer backup, fill a new database from the server with "
                                      "sync --rebuild, or restore with --force --reason TEXT"),
                    {seq, request.source, last.value().toLongLong()}));
    }
    if (held.value().toString() != hash)
        return makeError(
            ErrorCode::Contradiction, QStringLiteral("events"),
            Message(tr,
                    QT_TRANSLATE_NOOP("Restore",
                                      "event %1 of %2 differs from what the sync server anchored for this "
                                      "station: it is not this station's log, or it was changed"),
                    {seq, request.source}));
    return {};
}

/// The restore goes into the restored database's own audit trail, in one transaction.
Status Restore::audit(const QSqlDatabase& staged, const Request& request, const Outcome& outcome)
{
    // The reason first: the audit keeps 500 characters of detail, and paths can be long.
    QString detail = request.force ? QStringLiteral("forced: %1; ").arg(request.reason.trimmed()) : QString();
    detail += QStringLiteral("events %1 -> %2; from %3; replaced database kept as %4")
                  .arg(outcome.eventsBefore)
                  .arg(outcome.eventsAfter)
                  .arg(request.source, outcome.replacedKept);
    Transaction tx(staged);
    if (Status st = tx.begin(); !st)
        return st;
    const QString kind = request.force ? QStringLiteral("restore_forced") : QStringLiteral("restore");
    if (Status st = AuditLog(staged, m_clock)
                        .append(kind, request.force ? request.actor.id : QStringLiteral("-"),
                                QStringLiteral("-"), detail);
        !st)
        return st;
    return tx.commit();
}

/// A page copy of the database in use, made before anything replaces it and never deleted:
/// taken as it is, even damaged, so that nothing a restore replaces is lost.
Status Restore::keepReplaced(const QString& target)
{
    if (Status st = PrivateFiles::createNew(target); !st)
        return st;
    Status st = sql::withFile(target, SQLITE_OPEN_READWRITE, [this](sqlite3* file) {
        return pump(sql::handle(m_db.connection()), file,
                    Message(tr, QT_TRANSLATE_NOOP("Restore", "keep the replaced database")));
    });
    if (st && !PrivateFiles::sync(target))
        st = refused(QT_TRANSLATE_NOOP("Restore", "cannot write %1; free disk space and try again"), {target},
                     ErrorCode::Storage);
    if (!st)
        QFile::remove(target); // never a half copy under that name
    return st;
}

} // namespace rework
