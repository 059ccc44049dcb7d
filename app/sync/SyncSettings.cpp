#include "SyncSettings.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

namespace rework {
namespace {

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

Result<SyncSettings> SyncSettings::fromUrl(const QString& text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    auto bad = [](const QString& what) {
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("server"),
            Message(tr, QT_TR_NOOP("%1; give the server as postgresql://USER:PASSWORD@HOST:PORT/DATABASE"),
                    {what}));
    };
    if (!url.isValid() ||
        (url.scheme() != QLatin1StringView("postgresql") && url.scheme() != QLatin1StringView("postgres")))
        return bad(tr("not a PostgreSQL address"));
    SyncSettings s;
    s.host = url.host();
    s.port = url.port(5432);
    s.database = url.path().mid(1);
    s.user = url.userName();
    s.password = url.password();
    if (s.host.isEmpty() || s.database.isEmpty() || s.user.isEmpty())
        return bad(tr("host, database and user are all needed"));
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems()) {
        if (key == QLatin1StringView("sslmode")) {
            static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                           QStringLiteral("prefer"),    QStringLiteral("require"),
                                           QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
            if (!modes.contains(value))
                return bad(tr("sslmode must be one of %1").arg(modes.join(QStringLiteral(", "))));
            s.sslMode = value;
        } else if (key == QLatin1StringView("connect_timeout")) {
            bool ok = false;
            s.connectTimeoutSeconds = value.toInt(&ok);
            if (!ok || s.connectTimeoutSeconds < 1 || s.connectTimeoutSeconds > 300)
                return bad(tr("connect_timeout must be 1 to 300 seconds"));
        } else {
            return bad(tr("unknown option %1").arg(key.left(40)));
        }
    }
    return s;
}

QString SyncSettings::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("postgresql"));
    u.setHost(host);
    u.setPort(port);
    u.setPath(QLatin1Char('/') + database);
    u.setUserName(user);
    u.setPassword(password);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("sslmode"), sslMode);
    q.addQueryItem(QStringLiteral("connect_timeout"), QString::number(connectTimeoutSeconds));
    u.setQuery(q);
    return u.toString();
}

QString SyncSettings::redacted() const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4?sslmode=%5")
        .arg(user, host)
        .arg(port)
        .arg(database, sslMode);
}

QString SyncSettings::filePath(const QString& dataFolder)
{
    return QDir(dataFolder).filePath(QStringLiteral("sync.conf"));
}

Result<SyncSettings> SyncSettings::load(const QString& dataFolder)
{
    const QString path = filePath(dataFolder);
    QFile file(path);
    if (!file.exists())
        return makeError(
            ErrorCode::MissingField, QStringLiteral("server"),
            Message(
                tr,
                QT_TR_NOOP(
                    "no sync server is set up on this station; run reworkctl sync configure --server URL")));
    if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                              QFileDevice::WriteOther)) {
        return makeError(
            ErrorCode::NotPermitted, QStringLiteral("server"),
            Message(tr,
                    QT_TR_NOOP("%1 holds the server password but others may read it; run chmod 600 on it"),
                    {path}));
    }
    QSettings ini(path, QSettings::IniFormat);
    Result<SyncSettings> parsed = fromUrl(ini.value(QStringLiteral("server")).toString());
    if (!parsed)
        return parsed;
    SyncSettings s = parsed.value();
    s.nightlyAt = ini.value(QStringLiteral("nightly_at"), s.nightlyAt).toString();
    return s;
}

Status SyncSettings::save(const QString& dataFolder) const
{
    const QString path = filePath(dataFolder);
    QDir().mkpath(dataFolder);
    {
        // Created owner-only before the password is written into it.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || !file.setPermissions(kOwnerOnly))
            return makeError(
                ErrorCode::Storage, QStringLiteral("server"),
                Message(tr, QT_TR_NOOP("cannot write %1; check the data folder's permissions"), {path}));
    }
    QSettings ini(path, QSettings::IniFormat);
    ini.setValue(QStringLiteral("server"), url());
    ini.setValue(QStringLiteral("nightly_at"), nightlyAt);
    ini.sync();
    if (ini.status() != QSettings::NoError || !QFile(path).setPermissions(kOwnerOnly))
        return makeError(ErrorCode::Storage, QStringLiteral("server"),
                         Message(tr, QT_TR_NOOP("cannot write %1"), {path}));
    return {};
}

} // namespace rework
