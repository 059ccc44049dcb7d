#pragma once

#include <QCoreApplication>
#include <QDir>
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
    QString url(const QString& password = QStringLiteral("rework-test")) const
    {
        return QStringLiteral("postgresql://rework:%1@127.0.0.1:%2/rework?sslmode=disable&connect_timeout=3")
            .arg(password)
            .arg(m_port);
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
