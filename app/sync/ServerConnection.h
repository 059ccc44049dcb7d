#pragma once

#include "SyncSettings.h"

#include <QSqlDatabase>
#include <memory>

namespace rework {

/// One connection to the central PostgreSQL (Qt's QPSQL driver), closed when destroyed.
/// Failures come back in plain words: unreachable, wrong password, no such database.
class ServerConnection
{
    Q_DECLARE_TR_FUNCTIONS(ServerConnection)

public:
    static Result<std::unique_ptr<ServerConnection>> open(const SyncSettings& settings);
    ~ServerConnection();
    ServerConnection(const ServerConnection&) = delete;
    ServerConnection& operator=(const ServerConnection&) = delete;

    QSqlDatabase& db() { return m_db; }
    /// A driver message as an error a station operator can act on.
    static Error plainError(const Message& what, const QString& driverText);
    static Error plainError(const QString& what, const QString& driverText);

private:
    ServerConnection() = default;
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace rework
