#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>

namespace rework {

/// Where the central PostgreSQL is: from a URL such as
/// `postgresql://rework:secret@10.0.0.5:5432/rework?sslmode=require`. Kept in
/// `<data folder>/sync.conf`, readable by its owner only; the password never reaches a log.
struct SyncSettings
{
    Q_DECLARE_TR_FUNCTIONS(SyncSettings)

public:
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslMode = QStringLiteral("prefer"); // disable, allow, prefer, require, verify-ca, verify-full
    int connectTimeoutSeconds = 10;
    QString nightlyAt = QStringLiteral("02:00"); // local time of the scheduled sync

    static Result<SyncSettings> fromUrl(const QString& url);
    /// The URL without its password: for logs and for the screen.
    QString redacted() const;
    QString url() const;

    static QString filePath(const QString& dataFolder);
    /// Reads the settings file; an error says what to do if it is missing or open to others.
    static Result<SyncSettings> load(const QString& dataFolder);
    /// Writes the settings file with owner-only permissions.
    Status save(const QString& dataFolder) const;
};

} // namespace rework
