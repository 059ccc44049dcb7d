#include "CommandContext.h"

#include "Cli.h"
#include "auth/Login.h"
#include "auth/StationTokens.h"
#include "domain/SerialRules.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/PrivateFiles.h"

#include <QFileInfo>

#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace rework {

CommandContext::CommandContext(Output& output, const Clock& now, QString dbPath, bool verbose, QString usage)
    : out(output), clock(now), help(std::move(usage)), m_dbPath(std::move(dbPath)), m_verbose(verbose)
{
}

CommandContext::~CommandContext() = default;

Database* CommandContext::database()
{
    if (m_db)
        return m_db.get();
    const QString path = Database::resolvePath(m_dbPath);
    if (m_mustExist && !QFileInfo::exists(path)) {
        out.fail(makeError(ErrorCode::Storage, QStringLiteral("db"),
                           Cli::tr("there is no database at %1; check the path given with --db or "
                                   "REWORKTRACK_DB")
                               .arg(path)));
        return nullptr;
    }
    Logging::init(QFileInfo(path).absolutePath(), m_verbose);
    Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db) {
        out.fail(db.error());
        return nullptr;
    }
    m_db = std::move(db.value());
    PrivateFiles::warnIfShared(m_db->path());
    return m_db.get();
}

bool CommandContext::databaseExists() const
{
    return m_db || QFileInfo::exists(Database::resolvePath(m_dbPath));
}

std::optional<QString> CommandContext::readSecret(const QString& prompt, bool fromStdin, const char* variable)
{
    std::string line;
    if (fromStdin) {
        if (!std::getline(std::cin, line))
            return std::nullopt;
        return QString::fromStdString(line).remove(QLatin1Char('\r'));
    }
    if (qEnvironmentVariableIsSet(variable))
        return qEnvironmentVariable(variable);
    if (!isatty(STDIN_FILENO))
        return std::nullopt;
    out.err() << prompt;
    out.err().flush();
    termios saved{};
    const bool hide = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hide) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    const bool read = static_cast<bool>(std::getline(std::cin, line));
    if (hide)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    out.err() << '\n';
    out.err().flush();
    if (!read)
        return std::nullopt;
    return QString::fromStdString(line).remove(QLatin1Char('\r'));
}

std::optional<int> CommandContext::prove(const QString& operatorId, const QString& stationId,
                                         OperatorInfo& proven)
{
    const QString id = SerialRules::normalise(SerialKind::Operator, operatorId);
    if (m_proven && m_proven->id == id) {
        proven = *m_proven;
        return std::nullopt;
    }
    Database* db = database();
    if (!db)
        return StorageFailure;
    std::optional<QString> pin =
        readSecret(Cli::tr("PIN of %1: ").arg(id), m_pinFromStdin, "REWORKTRACK_PIN");
    if (pin)
        pin = pin->trimmed();
    if (!pin || pin->isEmpty())
        return out.fail(makeError(ErrorCode::NotPermitted, QStringLiteral("pin"),
                                  Cli::tr("%1 must prove who acts: type the PIN at the prompt, give it "
                                          "with --pin-stdin or in REWORKTRACK_PIN")
                                      .arg(id.left(32))));
    Result<OperatorInfo> who = Login(db->connection(), clock).prove(id, *pin, stationId);
    if (!who)
        return out.fail(who.error());
    m_proven = who.value();
    proven = who.value();
    return std::nullopt;
}

std::optional<int> CommandContext::proveToken(const QString& stationId, Step step, bool fromStdin,
                                              OperatorInfo& proven)
{
    Database* db = database();
    if (!db)
        return StorageFailure;
    // Never a prompt: a token is for scripts, which give it on stdin or in the environment.
    std::optional<QString> secret;
    if (fromStdin || qEnvironmentVariableIsSet("REWORKTRACK_TOKEN"))
        secret = readSecret(QString(), fromStdin, "REWORKTRACK_TOKEN");
    if (!secret || secret->trimmed().isEmpty())
        return out.fail(makeError(ErrorCode::NotPermitted, QStringLiteral("token"),
                                  Cli::tr("give the station token on stdin with --token-stdin or in "
                                          "REWORKTRACK_TOKEN")));
    Result<OperatorInfo> who =
        StationTokens(db->connection(), clock).verify(secret->trimmed(), stationId, step);
    if (!who)
        return out.fail(who.error());
    proven = who.value();
    return std::nullopt;
}

QString CommandContext::dataFolder() const
{
    return QFileInfo(m_db->path()).absolutePath();
}

} // namespace rework
