#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTcpServer>

namespace rework::test {

/// A throw-away PostgreSQL server on 127.0.0.1 (tests/support/pg-test-server.sh), started for
/// a test and removed after it.
class PgTestServer
{
public:
    PgTestServer()
    {
        QTcpServer probe; // a free port, given back right away
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
        probe.close();
        m_dir = QDir::tempPath() +
                QStringLiteral("/rework-pg-%1-%2").arg(QCoreApplication::applicationPid()).arg(m_port);
        m_ok = script({QStringLiteral("start"), m_dir, QString::number(m_port)});
    }
    ~PgTestServer() { script({QStringLiteral("destroy"), m_dir}); }
    PgTestServer(const PgTestServer&) = delete;
    PgTestServer& operator=(const PgTestServer&) = delete;

    bool ok() const { return m_ok; }
    /// The server's URL; with an empty password, a URL without one (for a command line).
    QString url(const QString& password = QStringLiteral("rework-test")) const
    {
        const QString user =
            password.isEmpty() ? QStringLiteral("rework") : QStringLiteral("rework:") + password;
        return QStringLiteral("postgresql://%1@127.0.0.1:%2/rework?sslmode=disable&connect_timeout=3")
            .arg(user)
            .arg(m_port);
    }
    quint16 port() const { return m_port; }
    /// Turns ssl on with a self-signed certificate for "localhost"; the CA file that trusts it.
    QString enableSsl()
    {
        return script({QStringLiteral("ssl"), m_dir}) ? m_dir + QStringLiteral("/ca.crt") : QString();
    }
    /// A CA file that did not sign the server's certificate (after enableSsl()).
    QString otherCaFile() const { return m_dir + QStringLiteral("/other-ca.crt"); }
    /// Replaces the TCP rule of pg_hba.conf (e.g. "hostssl all all 127.0.0.1/32 scram-sha-256").
    bool setHba(const QString& rule) { return script({QStringLiteral("hba"), m_dir, rule}); }
    /// The server's log so far (its FATAL lines record every refused login).
    QString log() const
    {
        QFile f(m_dir + QStringLiteral("/server.log"));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    bool stop() { return script({QStringLiteral("stop"), m_dir}); }
    bool restart() { return script({QStringLiteral("restart"), m_dir}); }
    /// Runs SQL as the superuser; the output rows, one per line.
    QStringList psql(const QString& sql)
    {
        QString out;
        script({QStringLiteral("psql"), m_dir, sql}, &out);
        return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    /// Runs SQL as the superuser with psql's timing; the milliseconds it took, -1 on failure.
    double timed(const QString& sql)
    {
        QString out;
        if (!script({QStringLiteral("timed"), m_dir, sql}, &out))
            return -1;
        return out.trimmed().toDouble();
    }
    QString folder() const { return m_dir; }

private:
    bool script(const QStringList& args, QString* out = nullptr)
    {
        QProcess p;
        p.start(QStringLiteral(REWORK_SOURCE_DIR "/tests/support/pg-test-server.sh"), args);
        if (!p.waitForFinished(60000))
            return false;
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput());
        if (p.exitCode() != 0)
            qWarning("pg-test-server.sh %s: %s", qPrintable(args.first()),
                     p.readAllStandardError().constData());
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    quint16 m_port = 0;
    QString m_dir;
    bool m_ok = false;
};

} // namespace rework::test
