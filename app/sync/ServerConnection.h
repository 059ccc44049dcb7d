#pragma once

#include "SyncSettings.h"

#include <QSqlDatabase>
#include <memory>

namespace rework {

/// One connection to the central PostgreSQL (Qt's QPSQL driver), closed when destroyed.
/// Every driver (libpq) message comes back as a sentence that says what to do, with a code that
/// tells a network failure (worth another try) from a refused login or unfitting settings (not).
class ServerConnection
{
    Q_DECLARE_TR_FUNCTIONS(ServerConnection)

public:
    static Result<std::unique_ptr<ServerConnection>> open(const SyncSettings& settings);
    ~ServerConnection();
    ServerConnection(const ServerConnection&) = delete;
    ServerConnection& operator=(const ServerConnection&) = delete;

    QSqlDatabase& db() { return m_db; }
    /// A driver message as an error a station operator can act on; the driver's first line goes
    /// to the log (in English), never to the user.
    static Error plainError(const Message& what, const QString& driverText);
    static Error plainError(const QString& what, const QString& driverText);
    /// The options QPSQL hands to libpq: sslmode, sslrootcert, connect_timeout, application_name.
    static QString connectOptions(const SyncSettings& settings);
    /// How many times open() has tried to connect in this process (for tests: one try per sync
    /// when the login is refused).
    static int connectAttempts();

private:
    ServerConnection() = default;
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace rework
