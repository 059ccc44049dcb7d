// Looking after the database file: `backup` (an online, checked copy), `restore` (from one),
// `verify` (the hash chains of events and audit log) and `check` (integrity and derived state).

#include "Commands.h"

#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "storage/AuditLog.h"
#include "storage/Backup.h"
#include "storage/EventChain.h"
#include "storage/IntegrityChecker.h"

namespace rework {
namespace {

int check(CommandContext& context, Args args)
{
    Output& out = context.out;
    if (!args.isEmpty())
        return out.usage(Cli::tr("check takes no arguments"));
    QStringList problems;
    if (const auto failed =
            context.read(problems, [](const QSqlDatabase& db) { return IntegrityChecker(db).run(); }))
        return *failed;
    if (!problems.isEmpty()) {
        for (const QString& p : problems)
            out.err() << p << '\n';
        return out.fail(
            makeError(ErrorCode::Storage, QString(),
                      Cli::tr("%1 problems found; call an admin to restore a backup").arg(problems.size())));
    }
    out.emitResult({Cli::tr("database ok: integrity check passed and derived state equals the event log")},
                   {{QStringLiteral("problems"), QJsonArray()}});
    return Ok;
}

int backup(CommandContext& context, Args args)
{
    Output& out = context.out;
    const auto to = args.take(QStringLiteral("to"));
    const auto keepText = args.take(QStringLiteral("keep"));
    if (!args.isEmpty())
        return out.unexpectedArgument(args.first(), context.help);
    bool ok = true;
    const int keep = keepText ? keepText->toInt(&ok) : 7;
    if (!ok || keep < 1 || keep > 365)
        return out.usage(Cli::tr("--keep must be 1 to 365"), context.help);
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    QString path;
    if (to) {
        if (Status st = Backup::copy(db->connection(), *to); !st)
            return out.fail(st.error());
        path = *to;
    } else {
        // Named after the local time of `now` (Backup::rotate converts).
        Result<QString> made = Backup::rotate(*db, context.clock.now(), keep);
        if (!made)
            return out.fail(made.error());
        path = made.value();
    }
    out.emitResult({Cli::tr("backup written to %1").arg(path), path}, {{QStringLiteral("backup"), path}});
    return Ok;
}

/// `verify`: walks the hash chains of the events and of the audit log.
int verify(CommandContext& context, Args args)
{
    Output& out = context.out;
    if (!args.isEmpty())
        return out.usage(Cli::tr("verify takes no arguments"));
    EventChain::Verdict v;
    if (const auto failed = context.read(v, [](const QSqlDatabase& db) { return EventChain(db).verify(); }))
        return *failed;
    const QSqlDatabase db = context.database()->connection();
    if (v.brokenSeq != 0) {
        return out.fail(makeError(ErrorCode::Contradiction, QStringLiteral("chain"),
                                  Cli::tr("the event log was tampered with: %1").arg(v.reason)));
    }
    QString auditReason;
    qint64 auditChecked = 0;
    Result<qint64> audit = AuditLog(db).verify(&auditReason, &auditChecked);
    if (!audit)
        return out.fail(audit.error());
    if (audit.value() != 0) {
        return out.fail(makeError(ErrorCode::Contradiction, QStringLiteral("chain"),
                                  Cli::tr("the audit log was tampered with: %1").arg(auditReason)));
    }
    Result<std::pair<qint64, QString>> head = EventChain(db).head();
    if (!head)
        return out.fail(head.error());
    out.emitResult({Cli::tr("hash chains intact: %1 events, head %2; %3 audit entries")
                        .arg(v.checked)
                        .arg(head->second)
                        .arg(auditChecked)},
                   {{QStringLiteral("events"), v.checked},
                    {QStringLiteral("head"), head->second},
                    {QStringLiteral("audit_entries"), auditChecked}});
    return Ok;
}

int restore(CommandContext& context, Args args)
{
    Output& out = context.out;
    if (args.size() != 1)
        return out.usage(Cli::tr("give the backup file"), context.help);
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    if (Status st = Backup::restore(*db, args.first()); !st)
        return out.fail(st.error());
    out.emitResult({Cli::tr("database restored from %1 and checked").arg(args.first())},
                   {{QStringLiteral("restored_from"), args.first()}});
    return Ok;
}

} // namespace

const Command checkCommand{
    "check",
    QT_TRANSLATE_NOOP(
        "Cli", "  check                                  integrity check of database and derived state\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl check\nRuns SQLite's integrity check and compares the derived state "
                      "with a replay of the event log. Changes nothing.\n"),
    &check};

const Command backupCommand{
    "backup",
    QT_TRANSLATE_NOOP(
        "Cli",
        "  backup [--to FILE] [--keep N]          online copy (default: DATA/backups, newest N kept)\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl backup [--to FILE] [--keep N]\n"
                      "An online copy of the database (work may go on meanwhile), checked with "
                      "integrity_check. Default: DATA/backups/reworktrack-DATE-TIME.sqlite, keeping the "
                      "newest N (7).\n"),
    &backup};

const Command verifyCommand{
    "verify",
    QT_TRANSLATE_NOOP(
        "Cli", "  verify                                 walk the hash chains of events and audit log; "
               "names the first broken entry\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl verify\nRecomputes the SHA-256 chain over every event and names the "
                      "first entry that was changed, removed or slipped in. Exit 0 intact, 1 broken.\n"),
    &verify};

const Command restoreCommand{
    "restore",
    QT_TRANSLATE_NOOP(
        "Cli", "  restore FILE                           replace the database with a checked backup\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl restore FILE\n"
                      "Checks FILE, then replaces this database's content with it. Close the app on this "
                      "PC first; events recorded since the backup are lost unless they were synced.\n"),
    &restore};

} // namespace rework
