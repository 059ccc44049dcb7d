#pragma once

// reworkctl as a script or test rig runs it: the real executable (REWORKCTL_PATH, set for every
// test by rework_add_test), on a real database file.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace rework::test {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QString lastLine() const { return out.trimmed().split(QLatin1Char('\n')).last().trimmed(); }
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

/// The demo's and the test database's PIN, given the way a script gives it: in REWORKTRACK_PIN.
inline const QString kPin = QStringLiteral("1234");

/// Runs reworkctl with `pin` in REWORKTRACK_PIN (none when empty) and `input` on its stdin.
inline Run reworkctl(const QString& db, const QStringList& args, const QString& pin = kPin,
                     const QByteArray& input = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("REWORKTRACK_DB"));
    env.remove(QStringLiteral("REWORKTRACK_PIN"));
    if (!pin.isEmpty())
        env.insert(QStringLiteral("REWORKTRACK_PIN"), pin);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(REWORKCTL_PATH), QStringList{QStringLiteral("--db"), db} + args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        qFatal("reworkctl did not finish");
    return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
               QString::fromUtf8(p.readAllStandardError())};
}

} // namespace rework::test
