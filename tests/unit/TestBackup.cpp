// Backups made online, checked, synced and renamed into place, owner-only, rotated; a backup never
// replaces a file, and leaves nothing beside it, not even after one was killed.
#include "BadBackups.h"
#include "TestDatabase.h"
#include "storage/Backup.h"
#include "storage/Sql.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace rework;

namespace {

const QStringList kLeftovers{QStringLiteral(".partial"), QStringLiteral(".partial-journal"),
                             QStringLiteral(".partial-wal"), QStringLiteral(".partial-shm")};

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
}

/// What a backup killed part-way leaves: its temporary copy and that copy's journals.
void leaveKilledBackup(const QString& target)
{
    for (const QString& suffix : kLeftovers)
        writeFile(target + suffix, "half a copy");
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private slots:
    void aBackupIsCheckedPrivateAndAlone()
    {
        const mode_t before = ::umask(022); // the usual desktop umask: not what makes the backup private
        test::TestDatabase t;
        t.testedUnit(QStringLiteral("CARDB0001"), QStringLiteral("SB00000001"));
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
        QVERIFY(Backup::copy(t.db().connection(), copy).ok());
        ::umask(before);
        QVERIFY(Backup::check(copy).ok());
        QCOMPARE(test::modeOf(copy), 0600);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("copy.sqlite")});
        QCOMPARE(test::dumpFile(copy), t.dump());
    }

    void rotationKeepsTheNewest()
    {
        test::TestDatabase t;
        QDateTime when(QDate(2026, 11, 1), QTime(2, 0));
        QVERIFY(Backup::due(t.folder(), when));
        for (int day = 0; day < 9; ++day)
            QVERIFY(Backup::rotate(t.db(), when.addDays(day), 7).ok());
        const QStringList kept =
            QDir(Backup::folder(t.folder())).entryList({QStringLiteral("*.sqlite")}, QDir::Files, QDir::Name);
        QCOMPARE(kept.size(), 7);
        QCOMPARE(kept.first(), QStringLiteral("reworktrack-20261103-020000.sqlite"));
        QVERIFY(!Backup::due(t.folder(), QDateTime::currentDateTime()));
        QCOMPARE(test::modeOf(Backup::folder(t.folder())), 0700);
    }

    void neverReplacesAFile()
    {
        test::TestDatabase t;
        QTemporaryDir dir;
        const QString existing = dir.filePath(QStringLiteral("existing.sqlite"));
        writeFile(existing, "an earlier backup, or anything else");
        const QString link = dir.filePath(QStringLiteral("link.sqlite"));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere")), link));
        const QString hash = test::sha256(existing);
        for (const QString& target : {existing, link, QStringLiteral("/dev/null"), dir.path()}) {
            const Status st = Backup::copy(t.db().connection(), target);
            QVERIFY2(!st.ok(), qPrintable(target));
            QCOMPARE(st.error().code, ErrorCode::InvalidValue);
            QVERIFY2(st.error().message.contains(QStringLiteral("exists already")),
                     qPrintable(st.error().message));
        }
        QCOMPARE(test::sha256(existing), hash);
        QVERIFY(QFileInfo(link).isSymLink() && !QFileInfo::exists(dir.filePath(QStringLiteral("nowhere"))));
        struct stat devNull = {};
        QVERIFY(::stat("/dev/null", &devNull) == 0 && S_ISCHR(devNull.st_mode));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System).size(), 2);
    }

    void refusesAFolderThatIsNoneOrNotWritable()
    {
        test::TestDatabase t;
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("plain.txt"));
        writeFile(file, "not a folder");
        for (const QString& target :
             {dir.filePath(QStringLiteral("missing/b.sqlite")), file + QStringLiteral("/b.sqlite")})
            QCOMPARE(Backup::copy(t.db().connection(), target).error().code, ErrorCode::InvalidValue);
        // root may write into any folder by its mode; /proc takes no new file from anyone.
        const QString locked = dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkdir(locked));
        QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
        const QString target = ::geteuid() == 0 ? QStringLiteral("/proc/rework-backup.sqlite")
                                                : QDir(locked).filePath(QStringLiteral("b.sqlite"));
        const Status st = Backup::copy(t.db().connection(), target);
        QVERIFY(!st.ok());
        QVERIFY(!QFileInfo::exists(target) && !QFileInfo::exists(target + QStringLiteral(".partial")));
        QVERIFY(QDir(locked).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot));
        QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }

    void aKilledBackupIsClearedByTheNext()
    {
        test::TestDatabase t;
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("nightly.sqlite"));
        leaveKilledBackup(target);
        QVERIFY(Backup::copy(t.db().connection(), target).ok());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("nightly.sqlite")});
        // In the backups folder, those of other names (a backup killed on another day) go too.
        const QDir backups(Backup::folder(t.folder()));
        QVERIFY(QDir().mkpath(backups.path()));
        leaveKilledBackup(backups.filePath(QStringLiteral("reworktrack-20261101-020000.sqlite")));
        Result<QString> made = Backup::rotate(t.db(), QDateTime(QDate(2026, 11, 2), QTime(2, 0)));
        QVERIFY(made.ok());
        QCOMPARE(backups.entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("reworktrack-20261102-020000.sqlite")});
    }

    void unfinishedNamesAreKnown()
    {
        for (const QString& suffix : kLeftovers + QStringList{QStringLiteral("-wal"), QStringLiteral("-shm"),
                                                              QStringLiteral("-journal")})
            QVERIFY2(Backup::isUnfinished(QStringLiteral("/d/reworktrack-20261101-020000.sqlite") + suffix),
                     qPrintable(suffix));
        QVERIFY(!Backup::isUnfinished(QStringLiteral("/d/reworktrack-20261101-020000.sqlite")));
        QVERIFY(!Backup::isUnfinished(QStringLiteral("/d/station.sqlite.replaced-20261101-020000")));
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "TestBackup.moc"
