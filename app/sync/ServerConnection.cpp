#include "ServerConnection.h"

#include <QAtomicInt>
#include <QSqlError>

#include <spdlog/spdlog.h>

namespace rework {

Error ServerConnection::plainError(const Message& what, const QString& driverText)
{
    // The driver's text may echo the connection string; the password is never in it (libpq
    // does not print it), and only the first line goes to the log.
    spdlog::warn("sync server: {}: {}", what.english().toStdString(),
                 driverText.section(QLatin1Char('\n'), 0, 0).toStdString());
    const QString lower = driverText.toLower();
    Message plain;
    if (lower.contains(QLatin1StringView("password authentication failed")) ||
        lower.contains(QLatin1StringView("no password supplied")))
        plain = Message(tr, QT_TR_NOOP("the sync server refused the user name or password; ask an admin to "
                                       "check the sync settings"));
    else if (lower.contains(QLatin1StringView("does not exist")) &&
             lower.contains(QLatin1StringView("database")))
        plain = Message(
            tr, QT_TR_NOOP("the sync server has no such database; ask an admin to check the sync settings"));
    else if (lower.contains(QLatin1StringView("ssl")))
        plain = Message(
            tr,
            QT_TR_NOOP("a secure connection to the sync server failed (%1); ask an admin to check sslmode"),
            {driverText.section(QLatin1Char('\n'), 0, 0).left(120)});
    else if (lower.contains(QLatin1StringView("connection refused")) ||
             lower.contains(QLatin1StringView("timeout")) ||
             lower.contains(QLatin1StringView("could not connect")) ||
             lower.contains(QLatin1StringView("could not translate host")) ||
             lower.contains(QLatin1StringView("server closed the connection")) ||
             lower.contains(QLatin1StringView("terminating connection")) ||
             lower.contains(QLatin1StringView("no connection")))
        plain = Message(
            tr,
            QT_TR_NOOP("the sync server cannot be reached; work goes on here and is sent at the next sync"));
    else
        plain = Message(tr, QT_TR_NOOP("the sync server reported: %1"),
                        {driverText.section(QLatin1Char('\n'), 0, 0).left(200)});
    return makeError(ErrorCode::ServerUnavailable, QStringLiteral("server"), plain);
}

Error ServerConnection::plainError(const QString& what, const QString& driverText)
{
    return plainError(Message::untranslated(what), driverText);
}

Result<std::unique_ptr<ServerConnection>> ServerConnection::open(const SyncSettings& s)
{
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
    c->m_db.setConnectOptions(QStringLiteral("sslmode=%1;connect_timeout=%2;application_name=reworktrack")
                                  .arg(s.sslMode)
                                  .arg(s.connectTimeoutSeconds));
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
