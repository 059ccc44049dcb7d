// Backups made online, rotated, checked and restored; a damaged backup is refused and the live
// database is left as it was.
#include "TestDatabase.h"
#include "storage/Backup.h"
#include "storage/Sql.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace rework;

namespace {

int events(const QSqlDatabase& db)
{
    return sql::scalar(db, QStringLiteral("SELECT count(*) FROM events")).value().toInt();
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private slots:
    void backupAndRestore()
    {
        test::TestDatabase t;
        t.testedUnit(QStringLiteral("CARDB0001"), QStringLiteral("SB00000001"));
        const int before = events(t.db().connection());
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
        QVERIFY(Backup::copy(t.db().connection(), copy).ok());
        QVERIFY(Backup::check(copy).ok());
        QVERIFY(!QFile::exists(copy + QStringLiteral(".partial")));

        // More work after the backup, then the restore takes the database back to it.
        t.testedUnit(QStringLiteral("CARDB0002"), QStringLiteral("SB00000002"));
        QVERIFY(events(t.db().connection()) > before);
        QVERIFY(Backup::restore(t.db(), copy).ok());
        QCOMPARE(events(t.db().connection()), before);
        QCOMPARE(
            sql::scalar(t.db().connection(), QStringLiteral("PRAGMA integrity_check")).value().toString(),
            QStringLiteral("ok"));
        // The restored database takes new work.
        QVERIFY(t.record(Step::Intake, {"card=CARDB0003", "model=RTX4090", "lot=LOT-1"}).ok());
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
    }

    void aDamagedBackupIsRefusedAndNothingChanges()
    {
        test::TestDatabase t;
        t.testedUnit(QStringLiteral("CARDB0009"), QStringLiteral("SB00000009"));
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
        QVERIFY(Backup::copy(t.db().connection(), copy).ok());
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() / 2);
        f.write(QByteArray(8192, char(0xA5)));
        f.close();
        const QString before = t.dump();
        const Status st = Backup::restore(t.db(), copy);
        QVERIFY(!st.ok());
        QVERIFY2(st.error().message.contains(QStringLiteral("damaged")), qPrintable(st.error().message));
        QCOMPARE(t.dump(), before);
        QCOMPARE(Backup::restore(t.db(), dir.filePath(QStringLiteral("none.sqlite"))).error().code,
                 ErrorCode::UnknownField);
        QFile text(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray(4096, 'x'));
        text.close();
        QVERIFY(!Backup::restore(t.db(), text.fileName()).ok());
        QCOMPARE(t.dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "TestBackup.moc"
