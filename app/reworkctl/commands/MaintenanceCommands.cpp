// Looking after the database file: `backup` (an online, checked copy), `restore` (from one),
// `verify` (the hash chains of events and audit log) and `check` (integrity and derived state).

#include "Commands.h"

#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "storage/AuditLog.h"
#include "storage/Backup.h"
#include "storage/DerivedRepair.h"
#include "storage/EventChain.h"
#include "storage/IntegrityChecker.h"
#include "storage/LogTails.h"
#include "storage/ReadSnapshot.h"
#include "storage/Restore.h"

namespace rework {
namespace {

/// A repair's --reason TEXT and --operator ADMIN, the operator proven: nullopt, or the exit code
/// after saying why not (`usage` when either is missing).
std::optional<int> provenRepair(CommandContext& context, Args& args, const QString& usage, QString& reason,
                                OperatorInfo& actor)
{
    Output& out = context.out;
    reason = args.takeOr(QStringLiteral("reason"), QString());
    const QString actorId = args.takeOr(QStringLiteral("operator"), QString());
    if (!args.isEmpty())
        return out.unexpectedArgument(args.first(), context.help);
    if (reason.trimmed().isEmpty() || actorId.isEmpty())
        return out.usage(usage, context.help);
    return context.prove(actorId, QString(), actor);
}

/// `check --repair --reason TEXT --operator ADMIN`: the derived state replaced by a replay of a
/// sound event log, as a proven admin, audited.
int repairDerived(CommandContext& context, Args args)
{
    Output& out = context.out;
    QString reason;
    OperatorInfo actor;
    if (const auto failed = provenRepair(
            context, args, Cli::tr("--repair needs --reason TEXT and --operator ADMIN"), reason, actor))
        return *failed;
    Result<qint64> repaired = DerivedRepair(context.database()->connection()).run(actor.id, reason);
    if (!repaired)
        return out.fail(repaired.error());
    const QString line =
        repaired.value() == 0
            ? Cli::tr("nothing to repair: the derived state already equals the event log")
            : Cli::tr("%n derived row(s) replayed from the event log; reworkctl check now passes", nullptr,
                      static_cast<int>(repaired.value()));
    out.emitResult({line}, {{QStringLiteral("repaired"), repaired.value()}});
    return Ok;
}

/// What to do about what `check` found: a replay puts derived state right; a damaged file or a
/// record changed by hand needs a backup.
QString advice(const QList<IntegrityChecker::Finding>& found)
{
    const qint64 rows = IntegrityChecker::rows(found);
    if (IntegrityChecker::repairable(found))
        return Cli::tr("problems found in %n row(s), all of derived state; the event log can put them right: "
                       "an admin runs reworkctl check --repair --reason TEXT --operator ADMIN",
                       nullptr, static_cast<int>(rows));
    const bool damaged = std::any_of(found.begin(), found.end(), [](const IntegrityChecker::Finding& f) {
        return f.kind == IntegrityChecker::Finding::Kind::Damage;
    });
    if (damaged)
        return Cli::tr("problems found: the database file is damaged; call an admin to restore a backup "
                       "(reworkctl restore)");
    return Cli::tr("problems found in %n row(s), some of them in the record itself (changed outside "
                   "ReworkTrack); call an admin to restore a backup (reworkctl restore) and compare",
                   nullptr, static_cast<int>(rows));
}

int check(CommandContext& context, Args args)
{
    Output& out = context.out;
    if (args.takeFlag(QStringLiteral("repair")))
        return repairDerived(context, std::move(args));
    if (const QString option = args.unknownOption(); !option.isEmpty())
        return out.unknownOption(option, context.help);
    if (args.size() > 1)
        return out.usage(Cli::tr("check takes at most one serial"), context.help);
    const QString serial = args.isEmpty() ? QString() : args.first().trimmed().toUpper();
    QList<IntegrityChecker::Finding> found;
    qint64 replayed = 0;
    if (const auto failed = context.read(found, [&](const QSqlDatabase& db) {
            return serial.isEmpty() ? IntegrityChecker(db).findings()
                                    : IntegrityChecker(db).itemFindings(serial, &replayed);
        }))
        return *failed;
    if (!serial.isEmpty() && found.isEmpty()) {
        out.emitResult({Cli::tr("%1 ok: its genealogy's derived state equals a replay of its %2 events")
                            .arg(serial)
                            .arg(replayed)},
                       {{QStringLiteral("serial"), serial},
                        {QStringLiteral("events"), replayed},
                        {QStringLiteral("problems"), QJsonArray()}});
        return Ok;
    }
    if (!found.isEmpty()) {
        const QStringList problems = IntegrityChecker::lines(found);
        for (const QString& p : problems)
            out.err() << p << '\n';
        return out.fail(makeError(ErrorCode::Storage, QString(), advice(found)),
                        {{QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
                         {QStringLiteral("rows"), IntegrityChecker::rows(found)},
                         {QStringLiteral("repairable"), IntegrityChecker::repairable(found)}});
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

/// `verify --repair-chain --reason TEXT --operator ADMIN`: links the events that lost their links,
/// as a proven admin, audited; never done on its own.
int repairChain(CommandContext& context, Args args)
{
    Output& out = context.out;
    QString reason;
    OperatorInfo actor;
    if (const auto failed = provenRepair(
            context, args, Cli::tr("--repair-chain needs --reason TEXT and --operator ADMIN"), reason, actor))
        return *failed;
    Result<qint64> linked = EventChain(context.database()->connection()).repairMissing(actor.id, reason);
    if (!linked)
        return out.fail(linked.error());
    out.emitResult({Cli::tr("%1 events linked; verify reports this repair from now on").arg(linked.value())},
                   {{QStringLiteral("linked"), linked.value()}});
    return Ok;
}

/// `verify`: walks the hash chains of the events and of the audit log, and their tails.
int verify(CommandContext& context, Args args)
{
    Output& out = context.out;
    if (args.takeFlag(QStringLiteral("repair-chain")))
        return repairChain(context, std::move(args));
    // `--server` alone, or `--server URL`: the server's anchors, not the local walk.
    if (args.optionIndex(QStringLiteral("--server")) >= 0)
        return verifyAgainstServer(context, std::move(args));
    const bool full = args.takeFlag(QStringLiteral("full"));
    if (!args.isEmpty())
        return out.usage(Cli::tr("verify takes no arguments"));
    Database* database = context.database();
    if (!database)
        return StorageFailure;
    const QSqlDatabase db = database->connection();
    // Every chain, tail and head below read from one snapshot, without the write lock: stations
    // go on recording while verify walks the logs.
    ReadSnapshot snapshot(db);
    if (Status st = snapshot.begin(); !st)
        return out.fail(st.error());
    // By default the event chain is walked on from where the last verify found it intact.
    EventChain::Mark from;
    if (!full) {
        if (const auto failed =
                context.read(from, [](const QSqlDatabase& c) { return EventChain(c).lastMark(); }))
            return *failed;
    }
    EventChain::Verdict v;
    if (const auto failed =
            context.read(v, [&from](const QSqlDatabase& c) { return EventChain(c).verify(from); }))
        return *failed;
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
    Result<QString> tails = LogTails(db).check();
    if (!tails)
        return out.fail(tails.error());
    if (!tails->isEmpty())
        return out.fail(makeError(ErrorCode::Contradiction, QStringLiteral("chain"),
                                  Cli::tr("the logs were tampered with: %1").arg(tails.value())));
    Result<std::pair<qint64, QString>> head = EventChain(db).head();
    if (!head)
        return out.fail(head.error());
    // The mark reaches past the head: a log cut back, even to a point where both logs agree.
    if (from.seq > head->first)
        return out.fail(
            makeError(ErrorCode::Contradiction, QStringLiteral("chain"),
                      Cli::tr("the logs were tampered with: verify found the event log intact up to "
                              "event #%1 on %2, but it now ends at event #%3: its last events were "
                              "cut off")
                          .arg(from.seq)
                          .arg(from.at)
                          .arg(head->first)));
    Result<QStringList> repairs = EventChain(db).repairs();
    if (!repairs)
        return out.fail(repairs.error());
    snapshot.end();
    // The next verify starts here. A mark that cannot be written costs only a longer walk.
    if (Status st = EventChain(db).mark(head.value(), full || from.seq == 0, context.clock.now()); !st)
        out.err() << Cli::tr(
                         "note: the verified point was not kept (%1); the next verify walks the whole chain")
                         .arg(st.error().message)
                  << '\n';
    const QString walked = from.seq == 0
                               ? Cli::tr("hash chains intact: %1 events, head %2; %3 audit entries")
                                     .arg(v.checked)
                                     .arg(head->second)
                                     .arg(auditChecked)
                               : Cli::tr("hash chains intact: %1 events since event #%2 (verified %3), "
                                         "head %4; %5 audit entries; --full walks every event")
                                     .arg(v.checked)
                                     .arg(from.seq)
                                     .arg(from.at, head->second)
                                     .arg(auditChecked);
    out.emitResult(QStringList{walked} + repairs.value(),
                   {{QStringLiteral("events"), v.checked},
                    {QStringLiteral("from_event"), from.seq},
                    {QStringLiteral("head"), head->second},
                    {QStringLiteral("audit_entries"), auditChecked},
                    {QStringLiteral("repairs"), QJsonArray::fromStringList(repairs.value())}});
    return Ok;
}

/// `restore FILE [--force --reason TEXT]`: the checks and the swap are Restore's; this reads the
/// options and says what was replaced.
int restore(CommandContext& context, Args args)
{
    Output& out = context.out;
    Restore::Request request;
    request.force = args.takeFlag(QStringLiteral("force"));
    request.reason = args.takeOr(QStringLiteral("reason"), QString());
    const auto actorId = args.take(QStringLiteral("operator"));
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    QString anchorNote;
    if (const auto failed = anchoredOnServer(context, args, request.anchored, anchorNote))
        return *failed;
    if (const QString option = args.unknownOption(); !option.isEmpty())
        return out.unknownOption(option, context.help);
    if (args.size() != 1)
        return out.usage(Cli::tr("give the backup file"), context.help);
    if (request.force != !request.reason.trimmed().isEmpty())
        return out.usage(Cli::tr("--force and --reason TEXT go together"), context.help);
    if (request.force && (!actorId || actorId->isEmpty()))
        return out.missing(QStringLiteral("operator"),
                           Cli::tr("--force needs --operator ADMIN: a forced restore is an admin's act"));
    request.source = args.first();
    if (request.force) {
        if (const auto failed = context.prove(*actorId, QString(), request.actor))
            return *failed;
    }
    Result<Restore::Outcome> done = Restore(*db, context.clock).run(request);
    if (!done)
        return out.fail(done.error());
    const QString before = done->eventsBefore < 0 ? Cli::tr("unknown") : QString::number(done->eventsBefore);
    QStringList lines{Cli::tr("database %1 restored from %2 and checked: %3 events before, %4 now")
                          .arg(db->path(), request.source, before)
                          .arg(done->eventsAfter),
                      Cli::tr("the replaced database is kept as %1").arg(done->replacedKept)};
    if (!anchorNote.isEmpty())
        lines << anchorNote;
    out.emitResult(lines, {{QStringLiteral("restored_from"), request.source},
                           {QStringLiteral("database"), db->path()},
                           {QStringLiteral("replaced_kept"), done->replacedKept},
                           {QStringLiteral("events_before"), done->eventsBefore},
                           {QStringLiteral("events_after"), done->eventsAfter},
                           {QStringLiteral("forced"), request.force},
                           {QStringLiteral("server_anchor"),
                            request.anchored ? QJsonValue(request.anchored->seq) : QJsonValue()}});
    return Ok;
}

} // namespace

const Command checkCommand{
    "check",
    QT_TRANSLATE_NOOP(
        "Cli", "  check [SERIAL] | --repair ...          integrity check of database and derived state\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl check [SERIAL]\n"
                      "       reworkctl check --repair --reason TEXT --operator ADMIN\n"
                      "Runs SQLite's integrity check and compares the derived state with a replay of the "
                      "event log. With a SERIAL (card, die, board, unit or batch), replays only the events "
                      "of its genealogy and compares their rows: seconds become milliseconds on a long "
                      "history. Changes nothing; stations go on recording. Each problem names its rows, "
                      "the column that differs and both values; the last line says what to do.\n"
                      "--repair (an admin, audited) replaces the derived state with a replay of the event "
                      "log, when that is all that differs and `verify` finds the log intact; stations wait "
                      "while it writes. A damaged file or a record changed by hand needs a backup.\n"),
    &check,
    Command::Help::OnFlag,
    false,
    true};

const Command backupCommand{
    "backup",
    QT_TRANSLATE_NOOP(
        "Cli",
        "  backup [--to FILE] [--keep N]          online copy (default: DATA/backups, newest N kept)\n"),
    QT_TRANSLATE_NOOP("Cli",
                      "Usage: reworkctl backup [--to FILE] [--keep N]\n"
                      "An online copy of the database (work may go on meanwhile), written as FILE.partial, "
                      "checked with integrity_check, synced, and only then named FILE; readable by its "
                      "owner only. FILE must be new, in an existing folder you may write to. Default: "
                      "DATA/backups/reworktrack-DATE-TIME.sqlite, keeping the newest N (7).\n"),
    &backup,
    Command::Help::OnFlag,
    false,
    true};

const Command verifyCommand{
    "verify",
    QT_TRANSLATE_NOOP("Cli", "  verify [--full | --server | --repair-chain --reason TEXT --operator ADMIN]   "
                             "walk the hash chains of "
                             "events and audit log\n"),
    QT_TRANSLATE_NOOP(
        "Cli", "Usage: reworkctl verify [--full]\n"
               "       reworkctl verify --server [URL] [--password-stdin]\n"
               "       reworkctl verify --repair-chain --reason TEXT --operator ADMIN\n"
               "Recomputes the SHA-256 chains over the events and every audit entry and names the first "
               "entry that was changed, removed or slipped in, and a cut-off tail of either log. "
               "By default the event chain is walked on from the point the last verify found intact (after "
               "checking that point still holds); --full walks it from the first event. "
               "Exit 0 intact, 1 broken. --repair-chain links events that lost their links, as a "
               "proven admin, audited; every later verify lists the repair. --server compares this log "
               "with the chain heads the sync server anchored (the server of sync.conf unless a URL is "
               "given): a log rewritten or cut after it was sent no longer matches.\n"),
    &verify,
    Command::Help::OnFlag,
    false,
    true};

const Command restoreCommand{
    "restore",
    QT_TRANSLATE_NOOP("Cli", "  restore FILE [--server [URL]] [--force --reason TEXT --operator ADMIN]   "
                             "replace the database with a "
                             "checked backup; "
                             "the replaced one is kept\n"),
    QT_TRANSLATE_NOOP(
        "Cli", "Usage: reworkctl restore FILE [--server [URL] [--password-stdin]] [--force --reason TEXT "
               "--operator ADMIN]\n"
               "Takes only a whole ReworkTrack backup: a regular SQLite file of a schema this program "
               "knows, with its tables and append-only triggers, both hash chains intact and no fewer "
               "events than this database has. --force --reason takes one with fewer events (the "
               "events recorded since are lost unless they were synced), as a proven admin "
               "(restore.force); the reason and the admin go into the audit log. The replaced "
               "database is kept beside it as DATABASE.replaced-DATE-TIME. Close "
               "the app on this PC first. A refused file changes nothing.\n"),
    &restore};

} // namespace rework
