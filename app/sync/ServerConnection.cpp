#include "ServerConnection.h"

#include <QAtomicInt>
#include <QSqlError>

#include <spdlog/spdlog.h>

#include <initializer_list>

namespace rework {
namespace {

QAtomicInt g_attempts;

/// A libpq connect option's value, quoted as libpq reads it.
QString quoted(QString value)
{
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

bool hasAny(const QString& lower, std::initializer_list<const char*> needles)
{
    for (const char* needle : needles) {
        if (lower.contains(QLatin1StringView(needle)))
            return true;
    }
    return false;
}

/// What libpq said, as a code and a sentence that says what to do. The tests hold the texts
/// libpq 15 prints for each case.
std::pair<ErrorCode, Message> classify(const QString& driverText)
{
    using Tr = ServerConnection;
    const QString lower = driverText.toLower();
    const auto unavailable = [](const char* text) {
        return std::pair{ErrorCode::ServerUnavailable, Message(&Tr::tr, text)};
    };
    const auto login = [](const char* text) {
        return std::pair{ErrorCode::ServerLoginRefused, Message(&Tr::tr, text)};
    };
    const auto refused = [](const char* text) {
        return std::pair{ErrorCode::ServerRefused, Message(&Tr::tr, text)};
    };
    // Refused logins first: they are never worth another try.
    if (hasAny(lower, {"password authentication failed", "authentication failed for user"}))
        return login(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server refused the user name or password; set the right password "
                                "in sync.conf or REWORKTRACK_SYNC_PASSWORD (ask an admin)"));
    if (hasAny(lower, {"no password supplied", "password is required"}))
        return login(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server asks for a password and none was given; put it in sync.conf "
                                "or REWORKTRACK_SYNC_PASSWORD, or use --password-stdin"));
    if (lower.contains(QLatin1StringView("no pg_hba.conf entry")))
        return login(
            QT_TRANSLATE_NOOP("ServerConnection",
                              "the sync server does not accept this PC for this user and database; ask the "
                              "server's admin to add this PC to pg_hba.conf, or, if it takes encrypted "
                              "connections only, set sslmode=verify-full and ca_file in the sync settings"));
    if (lower.contains(QLatin1StringView("role \"")) && lower.contains(QLatin1StringView("does not exist")))
        return login(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server has no such user; check the user name in the sync settings "
                                "or ask the server's admin to create it"));
    if (lower.contains(QLatin1StringView("database \"")) &&
        lower.contains(QLatin1StringView("does not exist")))
        return refused(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server has no such database; check the database name in the sync "
                                "settings or ask the server's admin to create it"));
    // TLS: the server's certificate and the settings that check it.
    if (hasAny(lower, {"does not support ssl", "ssl off", "ssl is not enabled"}))
        return refused(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server offers no encrypted connection but the sync settings "
                                "require one; ask the server's admin to turn on ssl (keep sslmode)"));
    if (hasAny(lower, {"root certificate file", "sslrootcert"}))
        return refused(QT_TRANSLATE_NOOP(
            "ServerConnection", "sslmode=verify-full and verify-ca need the CA's certificate; set ca_file "
                                "in the sync settings to the CA that signed the server's certificate"));
    if (hasAny(lower, {"does not match host name", "does not match the host name"}))
        return refused(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server's certificate is made out to another name than the "
                                "server address in the sync settings; give the server by the name on "
                                "its certificate"));
    if (hasAny(lower, {"certificate verify failed", "certificate has expired", "self-signed certificate",
                       "self signed certificate", "unable to get local issuer"}))
        return refused(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server's certificate is not signed by the CA in ca_file (or has "
                                "expired); check that ca_file is the CA of this server and that the "
                                "address is the right server"));
    if (lower.contains(QLatin1StringView("invalid response to ssl negotiation")) ||
        lower.contains(QLatin1StringView("received invalid response")))
        return refused(QT_TRANSLATE_NOOP(
            "ServerConnection", "something other than PostgreSQL answers at the sync server's address; "
                                "check the host and port in the sync settings"));
    // The network and a busy or restarting server: worth another try.
    if (hasAny(lower, {"too many clients", "too many connections", "remaining connection slots"}))
        return unavailable(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server has too many connections open; the sync tries again "
                                "later, or ask the server's admin to raise max_connections"));
    if (hasAny(lower, {"could not serialize access", "deadlock detected", "lock timeout"}))
        return unavailable(QT_TRANSLATE_NOOP("ServerConnection",
                                             "the sync server was busy with another station's sync; the sync "
                                             "tries again later"));
    if (lower.contains(QLatin1StringView("could not translate host name")))
        return unavailable(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server's name cannot be found; check the host in the sync "
                                "settings and this PC's network; work goes on here and is sent at "
                                "the next sync"));
    if (hasAny(lower, {"timeout expired", "timed out"}))
        return unavailable(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server did not answer in time; check the network and that "
                                "the server runs; work goes on here and is sent at the next sync"));
    if (lower.contains(QLatin1StringView("connection refused")))
        return unavailable(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server cannot be reached: PostgreSQL does not run or does "
                                "not listen at that address and port; work goes on here and is sent "
                                "at the next sync"));
    if (hasAny(lower,
               {"server closed the connection", "terminating connection", "no connection to the server",
                "could not receive data", "could not send data", "connection reset", "broken pipe",
                "eof detected", "ssl syscall error", "the database system is"}))
        return unavailable(QT_TRANSLATE_NOOP(
            "ServerConnection", "the connection to the sync server was lost; work goes on here and the "
                                "sync tries again later"));
    if (hasAny(lower, {"could not connect", "network is unreachable", "no route to host"}))
        return unavailable(QT_TRANSLATE_NOOP(
            "ServerConnection", "the sync server cannot be reached; check the network; work goes on "
                                "here and is sent at the next sync"));
    if (lower.contains(QLatin1StringView("ssl")) || lower.contains(QLatin1StringView("certificate")))
        return refused(QT_TRANSLATE_NOOP(
            "ServerConnection", "the encrypted connection to the sync server failed; ask an admin to check "
                                "sslmode and ca_file in the sync settings (the log has the details)"));
    return refused(QT_TRANSLATE_NOOP("ServerConnection",
                                     "the sync server refused the request; ask an admin to look at the log "
                                     "(reworktrack.log), which has the server's own words"));
}

} // namespace

Error ServerConnection::plainError(const Message& what, const QString& driverText)
{
    // Only the driver's first line goes to the log: libpq never prints the password, and the
    // lines after the first are its own hints ("Is the server running…").
    const QString firstLine = driverText.section(QLatin1Char('\n'), 0, 0).trimmed().left(300);
    const auto [code, plain] = classify(driverText);
    spdlog::warn("sync server: {}: the server refused: {} ({})", what.english().toStdString(),
                 firstLine.toStdString(), errorCodeName(code).toStdString());
    return makeError(code, QStringLiteral("server"), plain);
}

Error ServerConnection::plainError(const QString& what, const QString& driverText)
{
    return plainError(Message::untranslated(what), driverText);
}

QString ServerConnection::connectOptions(const SyncSettings& s)
{
    QString options = QStringLiteral("sslmode=%1;connect_timeout=%2;application_name=reworktrack")
                          .arg(s.sslMode)
                          .arg(s.connectTimeoutSeconds);
    if (!s.caFile.isEmpty())
        options += QStringLiteral(";sslrootcert=") + quoted(s.caFile);
    return options;
}

int ServerConnection::connectAttempts()
{
    return g_attempts.loadRelaxed();
}

Result<std::unique_ptr<ServerConnection>> ServerConnection::open(const SyncSettings& s)
{
    if (Status ca = s.checkCaFile(); !ca)
        return ca.error();
    static QAtomicInt counter;
    std::unique_ptr<ServerConnection> c(new ServerConnection);
    c->m_name = QStringLiteral("rework-server-%1").arg(counter.fetchAndAddRelaxed(1));
    c->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), c->m_name);
    if (!c->m_db.isValid())
        return makeError(
            ErrorCode::ServerUnavailable, QStringLiteral("server"),
            Message(
                tr,
                QT_TR_NOOP(
                    "this PC lacks the PostgreSQL driver for Qt (package libqt6sql6-psql); ask an admin")));
    c->m_db.setHostName(s.host);
    c->m_db.setPort(s.port);
    c->m_db.setDatabaseName(s.database);
    c->m_db.setUserName(s.user);
    c->m_db.setPassword(s.password);
    c->m_db.setConnectOptions(connectOptions(s));
    g_attempts.fetchAndAddRelaxed(1);
    if (!c->m_db.open())
        return plainError(Message(tr, QT_TR_NOOP("connect to %1"), {s.redacted()}),
                          c->m_db.lastError().text());
    return c;
}

ServerConnection::~ServerConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    if (!m_name.isEmpty())
        QSqlDatabase::removeDatabase(m_name);
}

} // namespace rework
