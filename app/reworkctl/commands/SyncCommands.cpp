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

int serverInit(CommandContext& context, Args args)
{
    Output& out = context.out;
    const auto url = args.take(QStringLiteral("server"));
    if (!url || !args.isEmpty())
        return out.usage(Cli::tr("give --server URL"), context.help);
    Result<SyncSettings> settings = SyncSettings::fromUrl(*url);
    if (!settings)
        return out.fail(settings.error());
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    if (Status st = SyncEngine(*db, settings.value()).initServer(); !st)
        return out.fail(st.error());
    out.emitResult({Cli::tr("server schema ready at %1").arg(settings->redacted())},
                   {{QStringLiteral("server"), settings->redacted()}});
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

/// `sync configure`: keeps `settings` (from --server) in DATA/sync.conf.
int configure(CommandContext& context, SyncSettings settings, const std::optional<QString>& nightly)
{
    if (nightly)
        settings.nightlyAt = *nightly;
    if (Status st = settings.save(context.dataFolder()); !st)
        return context.out.fail(st.error());
    context.out.emitResult(
        {Cli::tr("sync server set to %1 (nightly at %2)").arg(settings.redacted(), settings.nightlyAt)},
        {{QStringLiteral("server"), settings.redacted()},
         {QStringLiteral("nightly_at"), settings.nightlyAt}});
    return Ok;
}

/// Sends and receives events now, retrying `attempts` times.
int exchange(CommandContext& context, const SyncSettings& settings, int batchSize, int attempts)
{
    SyncEngine engine(*context.database(), settings);
    engine.setBatchSize(batchSize);
    Result<SyncEngine::Report> r = engine.runWithRetries(attempts);
    if (!r)
        return context.out.fail(r.error());
    context.out.emitResult({Cli::tr("sync done: %1 events sent, %2 received, %3 could not be applied here")
                                .arg(r->pushed)
                                .arg(r->pulled)
                                .arg(r->rejected)},
                           {{QStringLiteral("pushed"), r->pushed},
                            {QStringLiteral("pulled"), r->pulled},
                            {QStringLiteral("rejected"), r->rejected},
                            {QStringLiteral("anomalies"), r->anomalies}});
    return Ok;
}

int sync(CommandContext& context, Args args)
{
    Output& out = context.out;
    const QString sub = args.takeSubcommand();
    const auto url = args.take(QStringLiteral("server"));
    const auto nightly = args.take(QStringLiteral("nightly"));
    const auto retries = args.take(QStringLiteral("retries"));
    const auto batch = args.take(QStringLiteral("batch"));
    const bool ifConfigured = args.takeFlag(QStringLiteral("if-configured"));
    if (!args.isEmpty() ||
        (!sub.isEmpty() && sub != QLatin1StringView("configure") && sub != QLatin1StringView("status")))
        return out.unexpectedArgument(args.isEmpty() ? sub : args.first(), context.help);
    bool ok = true;
    const int attempts = retries ? retries->toInt(&ok) : 3;
    if (!ok || attempts < 1 || attempts > 10)
        return out.usage(Cli::tr("--retries must be 1 to 10"), context.help);
    const int batchSize = batch ? batch->toInt(&ok) : 2000;
    if (!ok || batchSize < 1 || batchSize > 10000)
        return out.usage(Cli::tr("--batch must be 1 to 10000"), context.help);
    if (nightly && !QTime::fromString(*nightly, QStringLiteral("HH:mm")).isValid())
        return out.usage(Cli::tr("--nightly must be a time like 02:00"), context.help);
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
    Result<SyncSettings> settings = url ? SyncSettings::fromUrl(*url) : SyncSettings::load(folder);
    if (!settings)
        return out.fail(settings.error());
    if (sub != QLatin1StringView("configure"))
        return exchange(context, settings.value(), batchSize, attempts);
    if (!url)
        return out.usage(Cli::tr("give --server URL"), context.help);
    return configure(context, settings.value(), nightly);
}

} // namespace

const Command serverInitCommand{
    "server-init",
    QT_TRANSLATE_NOOP(
        "Cli", "  server-init --server URL               create or upgrade the central PostgreSQL schema\n"),
    QT_TRANSLATE_NOOP(
        "Cli", "Usage: reworkctl server-init --server postgresql://USER:PASSWORD@HOST:PORT/DB[?sslmode=...]\n"
               "Creates or upgrades the central schema; a new server gets this station's reference data.\n"),
    &serverInit};

const Command syncCommand{
    "sync",
    QT_TRANSLATE_NOOP("Cli",
                      "  sync [--server URL] [--if-configured] | sync configure --server URL | sync status"
                      "   (sync --help)\n"),
    QT_TRANSLATE_NOOP(
        "Cli",
        "Usage: reworkctl sync [--server URL] [--retries N] [--batch N] [--if-configured]\n"
        "       reworkctl sync configure --server URL [--nightly HH:MM]\n"
        "       reworkctl sync status\n"
        "Sends this station's new events to the central PostgreSQL and receives the other stations'\n"
        "events and the reference data. The server comes from --server or from sync configure (kept in\n"
        "DATA/sync.conf, readable by its owner only). --if-configured does nothing, successfully, on a\n"
        "PC without sync.conf (the nightly timer runs on every PC the package is installed on).\n"),
    &sync};

} // namespace rework
