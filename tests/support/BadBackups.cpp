#include "BadBackups.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <sys/stat.h>

namespace rework::test {
namespace {

/// Runs `statements` on the file at `path`, one at a time, on a connection of its own.
void edit(const QString& path, const QStringList& statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("badbackup"));
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        QSqlQuery q(db);
        for (const QString& s : statements) {
            if (!q.exec(s))
                qFatal("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("badbackup"));
}

/// An UPDATE past the append-only trigger of `table`, which is then put back exactly as it was:
/// what someone editing the file by hand would do to hide it.
QStringList behindTheTrigger(const QString& path, const QString& table, const QString& update)
{
    QString trigger;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("badtrigger"));
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (!db.open() ||
            !q.exec(QStringLiteral("SELECT sql FROM sqlite_schema WHERE name = '%1_append_only_update'")
                        .arg(table)) ||
            !q.next())
            qFatal("no trigger on %s", qPrintable(table));
        trigger = q.value(0).toString();
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("badtrigger"));
    return {QStringLiteral("DROP TRIGGER %1_append_only_update").arg(table), update, trigger};
}

QString copyOf(const QString& good, const QString& dir, const QString& name)
{
    const QString path = QDir(dir).filePath(name);
    QFile::remove(path);
    if (!QFile::copy(good, path) || !QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner))
        qFatal("cannot copy %s", qPrintable(good));
    return path;
}

/// A backup killed part-way: VACUUM INTO makes the tables first, copies the rows, then the
/// triggers, and sets user_version last; here half the events made it.
QString killedPartial(const QString& good, const QString& dir, const QString& name)
{
    const QString path = copyOf(good, dir, name);
    edit(path, {QStringLiteral("DROP TRIGGER events_append_only_update"),
                QStringLiteral("DROP TRIGGER events_append_only_delete"),
                QStringLiteral("DROP TRIGGER event_chain_append_only_delete"),
                QStringLiteral("DELETE FROM events WHERE seq > (SELECT max(seq) / 2 FROM events)"),
                QStringLiteral("PRAGMA user_version = 0")});
    return path;
}

} // namespace

QList<std::pair<const char*, BadBackup>> allBadBackups()
{
    return {{"empty file", BadBackup::Empty},
            {"/dev/null", BadBackup::DevNull},
            {"directory", BadBackup::Directory},
            {"fifo", BadBackup::Fifo},
            {"unrelated table", BadBackup::UnrelatedTable},
            {"killed backup's .partial", BadBackup::KilledPartial},
            {"killed backup renamed", BadBackup::KilledPartialRenamed},
            {"newer schema", BadBackup::NewerSchema},
            {"no append-only triggers", BadBackup::NoTriggers},
            {"trigger that does nothing", BadBackup::NoOpTrigger},
            {"edited payload", BadBackup::TamperedPayload},
            {"edited audit entry", BadBackup::TamperedAudit},
            {"damaged pages", BadBackup::Damaged}};
}

bool isTampered(BadBackup kind)
{
    return kind == BadBackup::TamperedPayload || kind == BadBackup::TamperedAudit;
}

QString makeBadBackup(BadBackup kind, const QString& good, const QString& dir)
{
    const QString named = QDir(dir).filePath(QStringLiteral("bad.sqlite"));
    QFile::remove(named);
    switch (kind) {
    case BadBackup::Empty: {
        QFile f(named);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(named));
        return named;
    }
    case BadBackup::DevNull:
        return QStringLiteral("/dev/null");
    case BadBackup::Directory:
        return dir;
    case BadBackup::Fifo:
        if (::mkfifo(QFile::encodeName(named).constData(), 0600) != 0)
            qFatal("mkfifo failed");
        return named;
    case BadBackup::UnrelatedTable:
        edit(named, {QStringLiteral("CREATE TABLE notes (line TEXT)"),
                     QStringLiteral("INSERT INTO notes VALUES ('shopping list')")});
        return named;
    case BadBackup::KilledPartial:
        return killedPartial(good, dir, QStringLiteral("reworktrack-20261102-080000.sqlite.partial"));
    case BadBackup::KilledPartialRenamed:
        return killedPartial(good, dir, QStringLiteral("bad.sqlite"));
    case BadBackup::NewerSchema:
        edit(copyOf(good, dir, QStringLiteral("bad.sqlite")), {QStringLiteral("PRAGMA user_version = 99")});
        return named;
    case BadBackup::NoTriggers:
        edit(copyOf(good, dir, QStringLiteral("bad.sqlite")),
             {QStringLiteral("DROP TRIGGER events_append_only_update"),
              QStringLiteral("DROP TRIGGER events_append_only_delete")});
        return named;
    case BadBackup::NoOpTrigger:
        edit(copyOf(good, dir, QStringLiteral("bad.sqlite")),
             {QStringLiteral("DROP TRIGGER events_append_only_update"),
              QStringLiteral(
                  "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events BEGIN SELECT 1; END")});
        return named;
    case BadBackup::TamperedPayload:
        copyOf(good, dir, QStringLiteral("bad.sqlite"));
        edit(named,
             behindTheTrigger(named, QStringLiteral("events"),
                              QStringLiteral("UPDATE events SET payload = json_set(payload, '$.tampered', 1) "
                                             "WHERE seq = (SELECT min(seq) FROM events)")));
        return named;
    case BadBackup::TamperedAudit:
        copyOf(good, dir, QStringLiteral("bad.sqlite"));
        edit(named, behindTheTrigger(named, QStringLiteral("audit_log"),
                                     QStringLiteral("UPDATE audit_log SET detail = detail || ' (edited)' "
                                                    "WHERE seq = (SELECT min(seq) FROM audit_log)")));
        return named;
    case BadBackup::Damaged: {
        copyOf(good, dir, QStringLiteral("bad.sqlite"));
        QFile f(named);
        if (!f.open(QIODevice::ReadWrite) || !f.seek(f.size() / 2))
            qFatal("cannot damage %s", qPrintable(named));
        f.write(QByteArray(8192, char(0xA5)));
        return named;
    }
    }
    return {};
}

QString sha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("unreadable");
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

int modeOf(const QString& path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

} // namespace rework::test
