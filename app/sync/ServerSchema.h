#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace rework {

/// The central schema's version, as the server records it (`rework_schema`), against the server
/// migrations this program carries: a station syncs only with a server at its own version, and
/// `server-init` upgrades a server but never takes one back.
class ServerSchema
{
    Q_DECLARE_TR_FUNCTIONS(ServerSchema)

public:
    /// The version this program's server migrations reach.
    static Result<int> known();
    /// The server's version; 0 for a server without ReworkTrack's schema.
    static Result<int> version(const QSqlDatabase& server);
    /// Refuses, in plain words, a server that is not at this program's version.
    static Status requireCurrent(const QSqlDatabase& server);
    /// Applies the missing migrations inside the caller's transaction; refuses a newer server.
    static Status upgrade(QSqlDatabase& server);
};

} // namespace rework
