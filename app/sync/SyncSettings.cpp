#include "SyncSettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

namespace rework {
namespace {

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

Result<SyncSettings> SyncSettings::fromUrl(const QString& text, Source source)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    auto bad = [](const QString& what) {
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("server"),
            Message(tr, QT_TR_NOOP("%1; give the server as postgresql://USER@HOST:PORT/DATABASE"), {what}));
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
    if (source == Source::CommandLine && !s.password.isEmpty())
        return makeError(ErrorCode::Usage, QStringLiteral("server"),
                         Message(tr, QT_TR_NOOP("a password on the command line can be read by every user of "
                                                "this PC; put the password in sync.conf or "
                                                "REWORKTRACK_SYNC_PASSWORD, or use --password-stdin")));
    if (s.host.isEmpty() || s.database.isEmpty() || s.user.isEmpty())
        return bad(tr("host, database and user are all needed"));
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1StringView("sslmode")) {
            static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                           QStringLiteral("prefer"),    QStringLiteral("require"),
                                           QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
            if (!modes.contains(value))
                return bad(tr("sslmode must be one of %1").arg(modes.join(QStringLiteral(", "))));
            s.sslMode = value;
        } else if (key == QLatin1StringView("sslrootcert")) {
            s.caFile = value;
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

Status SyncSettings::checkCaFile() const
{
    if (caFile.isEmpty())
        return {};
    const QFileInfo info(caFile);
    QFile file(caFile);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InvalidValue, QStringLiteral("ca_file"),
                         Message(tr,
                                 QT_TR_NOOP("the CA file %1 cannot be read; copy the certificate of the CA "
                                            "that signed the server's certificate there, or correct ca_file"),
                                 {caFile}));
    // Qt's PostgreSQL driver turns ';' into a separator of its connect options.
    if (caFile.contains(QLatin1Char(';')))
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("ca_file"),
            Message(tr, QT_TR_NOOP("the path of the CA file may not hold a ';'; move the file")));
    return {};
}

void SyncSettings::takePasswordFromEnvironment()
{
    if (qEnvironmentVariableIsSet(kPasswordVariable))
        password = qEnvironmentVariable(kPasswordVariable);
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
    // Older files keep the password inside the URL; newer ones apart, with no escaping to get wrong.
    s.password = ini.value(QStringLiteral("password"), s.password).toString();
    s.caFile = ini.value(QStringLiteral("ca_file"), s.caFile).toString();
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
    ini.setValue(QStringLiteral("password"), password);
    ini.setValue(QStringLiteral("ca_file"), caFile);
    ini.setValue(QStringLiteral("nightly_at"), nightlyAt);
    ini.sync();
    if (ini.status() != QSettings::NoError || !QFile(path).setPermissions(kOwnerOnly))
        return makeError(ErrorCode::Storage, QStringLiteral("server"),
                         Message(tr, QT_TR_NOOP("cannot write %1"), {path}));
    return {};
}

} // namespace rework
