#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>

namespace rework {

/// Where the central PostgreSQL is: from a URL such as
/// `postgresql://rework@db.factory.lan:5432/rework?sslmode=verify-full`, the CA that signed the
/// server's certificate (`ca_file`) and the password. Kept in `<data folder>/sync.conf`, readable
/// by its owner only; the password never reaches a log nor a command line.
struct SyncSettings
{
    Q_DECLARE_TR_FUNCTIONS(SyncSettings)

public:
    /// Where a URL comes from: only sync.conf (owner-only) and the settings dialog may hold a
    /// password; a command line is visible to every user of the PC (`ps`).
    enum class Source
    {
        File,
        CommandLine,
    };
    /// The environment variable a script gives the password in.
    static constexpr const char* kPasswordVariable = "REWORKTRACK_SYNC_PASSWORD";

    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslMode = QStringLiteral("prefer"); // disable, allow, prefer, require, verify-ca, verify-full
    QString caFile; // the CA certificate that signed the server's (libpq's sslrootcert)
    int connectTimeoutSeconds = 10;
    QString nightlyAt = QStringLiteral("02:00"); // local time of the scheduled sync

    static Result<SyncSettings> fromUrl(const QString& url, Source source = Source::File);
    /// The URL without its password: for logs and for the screen.
    QString redacted() const;
    /// The URL without its password (kept apart in sync.conf) and without the CA file.
    QString url() const;
    /// Whether the CA file, when one is set, can be read; the error says what to do.
    Status checkCaFile() const;
    /// Takes the password from REWORKTRACK_SYNC_PASSWORD when that is set.
    void takePasswordFromEnvironment();

    static QString filePath(const QString& dataFolder);
    /// Reads the settings file (the file alone: a caller that connects may then
    /// takePasswordFromEnvironment()); an error says what to do if it is missing or open to others.
    static Result<SyncSettings> load(const QString& dataFolder);
    /// Writes the settings file with owner-only permissions.
    Status save(const QString& dataFolder) const;
};

} // namespace rework
