// `reworkctl backup` and `restore` as a script runs them: a refused restore leaves the database file
// byte for byte as it was, with the exit code of the README's table; a backup replaces nothing.
#include "BadBackups.h"
#include "Reworkctl.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/Sql.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using rework::test::reworkctl;
using rework::test::Run;

class TestMaintenanceCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db, m_good;

    /// Every file of the data folder with its SHA-256; the log, which records the refusal, aside.
    QMap<QString, QString> dataFolder() const
    {
        QMap<QString, QString> state;
        const QDir dir(QFileInfo(m_db).absolutePath());
        for (const QString& name :
             dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
            if (!name.startsWith(QLatin1StringView("reworktrack.log")))
                state.insert(name, rework::test::sha256(dir.filePath(name)));
        }
        return state;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QDir().mkdir(m_dir.filePath(QStringLiteral("data"))));
        m_db = m_dir.filePath(QStringLiteral("data/station.sqlite"));
        QCOMPARE(reworkctl(m_db, {"demo", "--units", "5", "--seed", "3"}).exitCode, 0);
        m_good = m_dir.filePath(QStringLiteral("good.sqlite"));
        QCOMPARE(reworkctl(m_db, {"backup", "--to", m_good}).exitCode, 0);
    }

    /// `check SERIAL` as a script reads it: ok with the events replayed, an unknown serial and
    /// two serials refused, nothing written.
    void checkOneItem()
    {
        const QMap<QString, QString> before = dataFolder();
        QString serial;
        {
            // The demo's first card, read as any reader of the file would.
            auto db = rework::Database::open(m_db);
            QVERIFY(db.ok());
            serial = rework::sql::scalar(db.value()->connection(),
                                         QStringLiteral("SELECT serial FROM cards ORDER BY serial LIMIT 1"))
                         .value()
                         .toString();
        }
        QVERIFY(!serial.isEmpty());
        const Run ok = reworkctl(m_db, {"--json", "check", serial.toLower()});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        QCOMPARE(ok.json().value("serial").toString(), serial);
        QVERIFY(ok.json().value("events").toInt() > 0);
        const Run unknown = reworkctl(m_db, {"check", "ZT4090A000000"});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QStringLiteral("no event names")), qPrintable(unknown.err));
        QCOMPARE(reworkctl(m_db, {"check", serial, serial}).exitCode, 2);
        QCOMPARE(dataFolder(), before);
    }

    void refusedRestoresChangeNothing_data()
    {
        QTest::addColumn<int>("kind");
        for (const auto& [name, kind] : rework::test::allBadBackups())
            QTest::newRow(name) << int(kind);
    }

    void refusedRestoresChangeNothing()
    {
        QFETCH(int, kind);
        QTemporaryDir bad;
        const QString file = rework::test::makeBadBackup(rework::test::BadBackup(kind), m_good, bad.path());
        const QMap<QString, QString> before = dataFolder();
        const Run r = reworkctl(m_db, {"--json", "restore", file});
        QCOMPARE(r.exitCode, 1); // refused by a rule or a bad value
        QCOMPARE(r.json().value("ok").toBool(true), false);
        QVERIFY2(r.err.contains(file), qPrintable(r.err)); // says which file, and what to do instead
        QCOMPARE(reworkctl(m_db, {"restore", file, "--force", "--reason", "testing", "--operator", "ADMIN"})
                     .exitCode,
                 1);
        QCOMPARE(dataFolder(), before);
    }

    void anOlderBackupOnlyWhenForcedAndAudited()
    {
        QTemporaryDir work;
        const QString db = work.filePath(QStringLiteral("older.sqlite"));
        QVERIFY(QFile::copy(m_good, db));
        const QString backup = work.filePath(QStringLiteral("at-start.sqlite"));
        QCOMPARE(reworkctl(db, {"backup", "--to", backup}).exitCode, 0);
        QCOMPARE(reworkctl(db, {"record", "intake", "--station", "INTAKE-01", "--operator", "OP001",
                                "card=ZT4090R000009", "model=RTX4090", "lot=LOT-R"})
                     .exitCode,
                 0);
        const QString hash = rework::test::sha256(db);
        const Run refused = reworkctl(db, {"restore", backup});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("--force --reason")), qPrintable(refused.err));
        QCOMPARE(reworkctl(db, {"restore", backup, "--reason", "no force"}).exitCode, 2);
        QCOMPARE(rework::test::sha256(db), hash);

        const Run forced = reworkctl(
            db, {"--json", "restore", backup, "--force", "--reason", "wrong lot", "--operator", "ADMIN"});
        QCOMPARE(forced.exitCode, 0);
        const QJsonObject o = forced.json();
        QCOMPARE(o.value("events_before").toInteger(), o.value("events_after").toInteger() + 1);
        QVERIFY(o.value("forced").toBool());
        const QString kept = o.value("replaced_kept").toString();
        QVERIFY(kept.startsWith(db + QStringLiteral(".replaced-")));
        QCOMPARE(rework::test::modeOf(kept), 0600);
        QVERIFY(rework::test::dumpFile(kept).contains(QStringLiteral("ZT4090R000009")));
        QVERIFY(rework::test::dumpFile(db).contains(
            QStringLiteral("|restore_forced|ADMIN|-|forced: wrong lot;")));
        QCOMPARE(reworkctl(db, {"verify"}).exitCode, 0);
    }

    void backupReplacesNothing()
    {
        QTemporaryDir work;
        const QString existing = work.filePath(QStringLiteral("existing.sqlite"));
        QVERIFY(QFile::copy(m_good, existing));
        const QString hash = rework::test::sha256(existing);
        QCOMPARE(reworkctl(m_db, {"backup", "--to", existing}).exitCode, 1);
        QCOMPARE(rework::test::sha256(existing), hash);
        QCOMPARE(reworkctl(m_db, {"backup", "--to", "/dev/null"}).exitCode, 1);
        struct stat devNull = {};
        QVERIFY(::stat("/dev/null", &devNull) == 0 && S_ISCHR(devNull.st_mode));
        QCOMPARE(reworkctl(m_db, {"backup", "--to", work.filePath(QStringLiteral("no/such/folder.sqlite"))})
                     .exitCode,
                 1);
        // root may write into any folder by its mode; /proc takes no new file from anyone.
        const QString locked = work.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkdir(locked) && QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
        const QString target = ::geteuid() == 0 ? QStringLiteral("/proc/rework-backup.sqlite")
                                                : QDir(locked).filePath(QStringLiteral("b.sqlite"));
        QVERIFY(reworkctl(m_db, {"backup", "--to", target}).exitCode != 0);
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(QDir(work.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("existing.sqlite")});
    }

    void aKilledBackupIsClearedAndNeverRestored()
    {
        const QString folder = QFileInfo(m_db).absolutePath() + QStringLiteral("/backups");
        QVERIFY(QDir().mkpath(folder));
        const QString partial =
            QDir(folder).filePath(QStringLiteral("reworktrack-20261101-020000.sqlite.partial"));
        QVERIFY(QFile::copy(m_good, partial)); // complete even: the name alone says it is unfinished
        QVERIFY(QFile::copy(m_good, partial + QStringLiteral("-wal")));
        const QString hash = rework::test::sha256(m_db);
        const Run refused = reworkctl(m_db, {"restore", partial});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("unfinished")), qPrintable(refused.err));
        QCOMPARE(rework::test::sha256(m_db), hash);

        const Run next = reworkctl(m_db, {"--json", "backup"});
        QCOMPARE(next.exitCode, 0);
        const QStringList left = QDir(folder).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(left, QStringList{QFileInfo(next.json().value("backup").toString()).fileName()});
    }
};

QTEST_GUILESS_MAIN(TestMaintenanceCli)
#include "TestMaintenanceCli.moc"
