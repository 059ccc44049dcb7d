// Synchronisation with the central PostgreSQL: `server-init` creates or upgrades its schema; `sync`
// exchanges events now, `sync configure` keeps the server in DATA/sync.conf, `sync status` reports.

#include "Commands.h"

#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSettings.h"

#include <QFileInfo>

namespace rework {
namespace {

/// Where the password came from: a command that keeps the settings keeps only one that was typed
/// or piped in, never the environment's.
enum class PasswordFrom
{
    None,
    File,
    Environment,
    Typed,
};

/// The server's settings: `--server URL` (which may hold no password) or DATA/sync.conf; the
/// password from --password-stdin, else REWORKTRACK_SYNC_PASSWORD, else sync.conf, else a prompt
/// on a terminal. Fills `settings` and returns nullopt, or prints why not and returns the exit code.
std::optional<int> serverSettings(CommandContext& context, const std::optional<QString>& url,
                                  bool passwordFromStdin, SyncSettings& settings, PasswordFrom& from)
{
    Output& out = context.out;
    Result<SyncSettings> parsed = url ? SyncSettings::fromUrl(*url, SyncSettings::Source::CommandLine)
                                      : SyncSettings::load(context.dataFolder());
    if (!parsed)
        return out.fail(parsed.error());
    settings = parsed.value();
    from = settings.password.isEmpty() ? PasswordFrom::None : PasswordFrom::File;
    const QString prompt = Cli::tr("password of %1 on the sync server: ").arg(settings.user.left(64));
    if (passwordFromStdin) {
        const std::optional<QString> line = context.readSecret(prompt, true, SyncSettings::kPasswordVariable);
        if (!line)
            return out.usage(Cli::tr("--password-stdin: stdin holds no line with the password"),
                             context.help);
        settings.password = *line;
        from = PasswordFrom::Typed;
    } else if (qEnvironmentVariableIsSet(SyncSettings::kPasswordVariable)) {
        settings.takePasswordFromEnvironment();
        from = PasswordFrom::Environment;
    } else if (from == PasswordFrom::None) {
        if (const std::optional<QString> typed =
                context.readSecret(prompt, false, SyncSettings::kPasswordVariable)) {
            settings.password = *typed;
            from = PasswordFrom::Typed;
        }
    }
    return std::nullopt;
}

int serverInit(CommandContext& context, Args args)
{
    Output& out = context.out;
    const auto url = args.take(QStringLiteral("server"));
    const bool passwordFromStdin = args.takeFlag(QStringLiteral("password-stdin"));
    if ((url && url->isEmpty()) || !args.isEmpty())
        return out.usage(Cli::tr("give --server URL, or none to use sync.conf"), context.help);
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    SyncSettings settings;
    PasswordFrom from = PasswordFrom::None;
    if (const auto failed = serverSettings(context, url, passwordFromStdin, settings, from))
        return *failed;
    if (Status st = SyncEngine(*db, settings).initServer(); !st)
        return out.fail(st.error());
    out.emitResult({Cli::tr("server schema ready at %1").arg(settings.redacted())},
                   {{QStringLiteral("server"), settings.redacted()}});
    return Ok;
}

/// `sync status`: the server, the last sync and its error, the events waiting to be sent.
int status(CommandContext& context)
{
    Output& out = context.out;
    const QSqlDatabase connection = context.database()->connection();
    Result<qint64> pending = SyncEngine::pending(connection);
    if (!pending)
        return out.fail(pending.error());
    Result<QString> last = SyncEngine::stateValue(connection, QStringLiteral("last_sync_at"));
    Result<QString> lastError = SyncEngine::stateValue(connection, QStringLiteral("last_error"));
    if (!last || !lastError)
        return out.fail(last ? lastError.error() : last.error());
    const QString error = lastError.value();
    Result<SyncSettings> settings = SyncSettings::load(context.dataFolder());
    out.emitResult({Cli::tr("server: %1").arg(settings ? settings->redacted() : settings.error().message),
                    Cli::tr("last sync: %1").arg(last->isEmpty() ? Cli::tr("never") : last.value()),
                    Cli::tr("events waiting to be sent: %1").arg(pending.value()),
                    error.isEmpty() ? QString() : Cli::tr("last error: %1").arg(error)},
                   {{QStringLiteral("pending"), pending.value()},
                    {QStringLiteral("last_sync_at"), last.value()},
                    {QStringLiteral("last_error"), error},
                    {QStringLiteral("server"), settings ? settings->redacted() : QString()}});
    return Ok;
}

/// `sync configure`: keeps `settings` (from --server, with --ca-file) in DATA/sync.conf, with
/// the password when it was typed or piped in.
int configure(CommandContext& context, SyncSettings settings, PasswordFrom from,
              const std::optional<QString>& nightly, const std::optional<QString>& caFile)
{
    if (nightly)
        settings.nightlyAt = *nightly;
    if (caFile)
        settings.caFile = *caFile;
    if (Status ca = settings.checkCaFile(); !ca)
        return context.out.fail(ca.error());
    if (from != PasswordFrom::Typed)
        settings.password.clear();
    if (Status st = settings.save(context.dataFolder()); !st)
        return context.out.fail(st.error());
    context.out.emitResult(
        {Cli::tr("sync server set to %1 (nightly at %2)").arg(settings.redacted(), settings.nightlyAt)},
        {{QStringLiteral("server"), settings.redacted()},
         {QStringLiteral("nightly_at"), settings.nightlyAt}});
    return Ok;
}

/// Sends and receives events now, retrying `attempts` times.
int exchange(CommandContext& context, const SyncSettings& settings, std::optional<int> batchSize,
             int attempts, bool rebuild)
{
    SyncEngine engine(*context.database(), settings);
    if (batchSize)
        engine.setBatchSize(*batchSize);
    Result<SyncEngine::Report> r = rebuild ? engine.rebuild() : engine.runWithRetries(attempts);
    if (!r)
        return context.out.fail(r.error());
    QStringList lines{Cli::tr("sync done: %1 events sent, %2 received, %3 could not be applied here")
                          .arg(r->pushed)
                          .arg(r->pulled)
                          .arg(r->rejected)};
    if (r->retried > 0)
        lines << Cli::tr("%1 set-aside events applied or voided now").arg(r->retried);
    if (r->setAside > 0)
        lines << Cli::tr("%1 events of other stations are set aside here until a supervisor resolves their "
                         "conflict (reworkctl conflicts)")
                     .arg(r->setAside);
    if (r->recovered)
        lines << Cli::tr("this database lacked events the server holds from it (restored from a backup?): it "
                         "takes them back and goes on under a new origin");
    context.out.emitResult(lines, {{QStringLiteral("pushed"), r->pushed},
                                   {QStringLiteral("pulled"), r->pulled},
                                   {QStringLiteral("rejected"), r->rejected},
                                   {QStringLiteral("set_aside"), r->setAside},
                                   {QStringLiteral("retried"), r->retried},
                                   {QStringLiteral("recovered"), r->recovered},
                                   {QStringLiteral("anomalies"), r->anomalies}});
    return Ok;
}

int sync(CommandContext& context, Args args)
{
    Output& out = context.out;
    const QString sub = args.takeSubcommand();
    const auto url = args.take(QStringLiteral("server"));
    const auto nightly = args.take(QStringLiteral("nightly"));
    const auto caFile = args.take(QStringLiteral("ca-file"));
    const bool passwordFromStdin = args.takeFlag(QStringLiteral("password-stdin"));
    const auto retries = args.take(QStringLiteral("retries"));
    const auto batch = args.take(QStringLiteral("batch"));
    const bool ifConfigured = args.takeFlag(QStringLiteral("if-configured"));
    const bool rebuild = args.takeFlag(QStringLiteral("rebuild"));
    if (!args.isEmpty() ||
        (!sub.isEmpty() && sub != QLatin1StringView("configure") && sub != QLatin1StringView("status")))
        return out.unexpectedArgument(args.isEmpty() ? sub : args.first(), context.help);
    bool ok = true;
    const int attempts = retries ? retries->toInt(&ok) : 3;
    if (!ok || attempts < 1 || attempts > 10)
        return out.usage(Cli::tr("--retries must be 1 to 10"), context.help);
    const std::optional<int> batchSize = batch ? std::optional(batch->toInt(&ok)) : std::nullopt;
    if (!ok || (batchSize && (*batchSize < 1 || *batchSize > 10000)))
        return out.usage(Cli::tr("--batch must be 1 to 10000"), context.help);
    if (nightly && !QTime::fromString(*nightly, QStringLiteral("HH:mm")).isValid())
        return out.usage(Cli::tr("--nightly must be a time like 02:00"), context.help);
    context.setDatabaseMustExist(sub == QLatin1StringView("status"));
    if (!context.database())
        return StorageFailure;
    if (sub == QLatin1StringView("status"))
        return status(context);
    const QString folder = context.dataFolder();
    if (ifConfigured && sub.isEmpty() && !url && !QFileInfo::exists(SyncSettings::filePath(folder))) {
        out.emitResult({Cli::tr("sync is not set up on this PC; nothing to do")},
                       {{QStringLiteral("pushed"), 0}});
        return Ok;
    }
    const bool configuring = sub == QLatin1StringView("configure");
    if (configuring && !url)
        return out.usage(Cli::tr("give --server URL"), context.help);
    if (!configuring && (nightly || caFile))
        return out.usage(Cli::tr("--nightly and --ca-file belong to sync configure"), context.help);
    SyncSettings settings;
    PasswordFrom from = PasswordFrom::None;
    if (const auto failed = serverSettings(context, url, passwordFromStdin, settings, from))
        return *failed;
    if (!configuring)
        return exchange(context, settings, batchSize, attempts, rebuild);
    return configure(context, settings, from, nightly, caFile);
}

/// `--server` alone (the server of sync.conf) or `--server URL`; nullopt when not given. A URL
/// names its scheme, so a file name after `--server` stays an argument.
std::optional<std::optional<QString>> takeServer(Args& args)
{
    const qsizetype at = args.optionIndex(QStringLiteral("--server"));
    if (at < 0)
        return std::nullopt;
    const bool named = at + 1 < args.size() && args.at(at + 1).contains(QLatin1StringView("://"));
    if (named)
        return args.take(QStringLiteral("server"));
    args.takeFlag(QStringLiteral("server"));
    return std::optional<QString>();
}

} // namespace

std::optional<int> anchoredOnServer(CommandContext& context, Args& args,
                                    std::optional<Restore::Request::Anchored>& anchored, QString& note)
{
    Output& out = context.out;
    const bool passwordFromStdin = args.takeFlag(QStringLiteral("password-stdin"));
    const std::optional<std::optional<QString>> server = takeServer(args);
    // Without --server, a station that syncs asks its server, and a server out of reach leaves
    // only this station's own count to go by: said, not fatal, as a restore is often done offline.
    if (!server && !QFileInfo::exists(SyncSettings::filePath(context.dataFolder())))
        return std::nullopt;
    SyncSettings settings;
    PasswordFrom from = PasswordFrom::None;
    if (const auto failed =
            serverSettings(context, server.value_or(std::nullopt), passwordFromStdin, settings, from))
        return failed;
    Result<std::optional<SyncEngine::Anchor>> head = SyncEngine(*context.database(), settings).newestAnchor();
    if (!head) {
        if (server)
            return out.fail(head.error());
        note = Cli::tr("the sync server could not be asked what it holds of this station (%1); checked "
                       "against this station's own count only")
                   .arg(head.error().message);
        return std::nullopt;
    }
    if (head.value()) {
        anchored = Restore::Request::Anchored{head.value()->seq, head.value()->hash};
        note = Cli::tr("the backup holds event %1, the newest the sync server anchored for this station")
                   .arg(head.value()->seq);
    } else {
        note = Cli::tr("the sync server has anchored nothing of this station yet");
    }
    return std::nullopt;
}

/// `verify --server [--server URL] [--password-stdin]`: the local chain against the heads the
/// server anchored at each sync.
int verifyAgainstServer(CommandContext& context, Args args)
{
    Output& out = context.out;
    const bool passwordFromStdin = args.takeFlag(QStringLiteral("password-stdin"));
    const std::optional<QString> url = takeServer(args).value_or(std::nullopt);
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    if (!args.isEmpty())
        return out.usage(Cli::tr("verify takes no arguments"), context.help);
    if (!context.database())
        return StorageFailure;
    SyncSettings settings;
    PasswordFrom from = PasswordFrom::None;
    if (const auto failed = serverSettings(context, url, passwordFromStdin, settings, from))
        return *failed;
    Result<SyncEngine::AnchorCheck> check = SyncEngine(*context.database(), settings).checkAnchors();
    if (!check)
        return out.fail(check.error());
    if (!check->problems.isEmpty())
        return out.fail(makeError(ErrorCode::Contradiction, QStringLiteral("chain"),
                                  Cli::tr("the event log differs from the server's anchors: %1")
                                      .arg(check->problems.join(QStringLiteral("; ")))));
    out.emitResult(
        {check->anchors == 0
             ? Cli::tr("the server has anchored nothing of this database yet; sync first")
             : Cli::tr("%1 chain heads anchored on the server match this log (the newest: event %2)")
                   .arg(check->anchors)
                   .arg(check->newest)},
        {{QStringLiteral("anchors"), check->anchors}, {QStringLiteral("newest"), check->newest}});
    return Ok;
}

const Command serverInitCommand{
    "server-init",
    QT_TRANSLATE_NOOP(
        "Cli", "  server-init [--server URL]             create or upgrade the central PostgreSQL schema\n"),
    QT_TRANSLATE_NOOP(
        "Cli",
        "Usage: reworkctl server-init [--server "
        "postgresql://USER@HOST:PORT/DB[?sslmode=...&sslrootcert=CA]]\n"
        "                             [--password-stdin]\n"
        "Creates or upgrades the central schema; a new server gets this station's reference data.\n"
        "Without --server, the server of sync.conf. The password comes from the first line of stdin\n"
        "with --password-stdin, else $REWORKTRACK_SYNC_PASSWORD, else sync.conf, else a prompt; never\n"
        "from the command line. Exit 3 when the server cannot be reached or refuses.\n"),
    &serverInit};

const Command syncCommand{
    "sync",
    QT_TRANSLATE_NOOP("Cli",
                      "  sync [--server URL] [--if-configured] | sync configure --server URL | sync status"
                      "   (sync --help)\n"),
    QT_TRANSLATE_NOOP(
        "Cli",
        "Usage: reworkctl sync [--server URL] [--password-stdin] [--retries N] [--batch N] "
        "[--if-configured] [--rebuild]\n"
        "       reworkctl sync configure --server URL [--ca-file CA.crt] [--password-stdin] [--nightly "
        "HH:MM]\n"
        "       reworkctl sync status\n"
        "Sends this station's new events to the central PostgreSQL and receives the other stations'\n"
        "events and the reference data. The server comes from --server or from sync configure (kept in\n"
        "DATA/sync.conf, readable by its owner only). The password comes from the first line of stdin\n"
        "with --password-stdin, else $REWORKTRACK_SYNC_PASSWORD, else sync.conf, else a prompt; a URL\n"
        "on the command line with a password in it is refused. --ca-file is the certificate of the CA\n"
        "that signed the server's (for sslmode=verify-full). A refused login is not retried.\n"
        "--if-configured does nothing, successfully, on a PC without sync.conf (the nightly timer runs\n"
        "on every PC the package is installed on). --rebuild fills a new, empty station database from\n"
        "the server alone (a PC taking over a station). Exit 3 when the server cannot be reached or\n"
        "refuses.\n"),
    &sync};

} // namespace rework
