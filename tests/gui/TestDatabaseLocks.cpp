// SQLite's locks are POSIX advisory locks, owned by the process: if anything in the app opens and
// closes the station's database file (or its -wal or -shm) by another descriptor, they are all
// dropped, another process takes the database for unused, checks the WAL in and deletes it, and
// what the app records next goes into a deleted file: shown as saved, then lost. Found by a user
// who browsed the database's folder in "Import rig log…" while reworkctl ran. These tests hold
// the app to never doing that: its file dialogs read no contents, and imports refuse those files.
#include "GuiDriver.h"
#include "Reworkctl.h"
#include "TestDatabase.h"
#include "common/FileDialogs.h"
#include "storage/InputFile.h"
#include "storage/Sql.h"

#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>
#include <unistd.h>

using namespace rework;

namespace {

/// The POSIX locks this process holds on `path` (by inode), as /proc/locks lists them.
int locksHeldOn(const QString& path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray inode = ':' + QByteArray::number(static_cast<qulonglong>(st.st_ino)) + ' ';
    const QByteArray pid = ' ' + QByteArray::number(::getpid()) + ' ';
    int n = 0;
    for (const QByteArray& line : locks.readAll().split('\n')) {
        if (line.contains("POSIX") && line.contains(pid) && line.contains(inode))
            ++n;
    }
    return n;
}

/// Shows a dialog long enough for its folder to be listed and its icons drawn, then cancels it.
void browseAndCancel()
{
    test::whenDialogOpens([](QWidget* dialog) {
        QTimer::singleShot(1500, dialog, [dialog] { qobject_cast<QDialog*>(dialog)->reject(); });
    });
}

} // namespace

class TestDatabaseLocks : public QObject
{
    Q_OBJECT

private slots:
    void browsingTheDatabasesFolderKeepsItsLocks()
    {
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {"card=ZT4090L000001", "model=RTX4090", "lot=LOT-1"}).ok());
        const QString wal = t.path() + QStringLiteral("-wal");
        const QString shm = t.path() + QStringLiteral("-shm");
        QVERIFY(QFile::exists(wal) && QFile::exists(shm));
        QVERIFY(locksHeldOn(t.path()) > 0);
        QVERIFY(locksHeldOn(shm) > 0);
        const int before = locksHeldOn(t.path()) + locksHeldOn(shm);

        browseAndCancel();
        QCOMPARE(FileDialogs::openFile(nullptr, QStringLiteral("Test rig output"), t.folder(),
                                       QStringLiteral("All files (*)")),
                 QString());
        QCOMPARE(locksHeldOn(t.path()) + locksHeldOn(shm), before);
        browseAndCancel();
        QCOMPARE(FileDialogs::saveFile(nullptr, QStringLiteral("Report"),
                                       t.folder() + QStringLiteral("/r.pdf"), QStringLiteral("PDF (*.pdf)")),
                 QString());
        QCOMPARE(locksHeldOn(t.path()) + locksHeldOn(shm), before);

        // Another process opens and closes the database meanwhile; what is recorded next is
        // there for everyone, not in a WAL that process deleted.
        const test::Run other =
            test::reworkctl(t.path(), {QStringLiteral("trace"), QStringLiteral("ZT4090L000001")});
        QCOMPARE(other.exitCode, 0);
        QVERIFY(QFile::exists(wal));
        QVERIFY(t.record(Step::Strip, {"card=ZT4090L000001"}).ok());
        const test::Run seen =
            test::reworkctl(t.path(), {QStringLiteral("trace"), QStringLiteral("ZT4090L000001")});
        QVERIFY2(seen.out.contains(QStringLiteral("strip")), qPrintable(seen.out + seen.err));
    }

    void anImportNeverOpensTheDatabasesFiles()
    {
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {"card=ZT4090L000002", "model=RTX4090", "lot=LOT-1"}).ok());
        const int before = locksHeldOn(t.path());
        QVERIFY(before > 0);
        for (const QString& file :
             {t.path(), t.path() + QStringLiteral("-wal"), t.path() + QStringLiteral("-shm")}) {
            Result<QByteArray> read = InputFile::read(file, 1 << 30, QStringLiteral("report"));
            QVERIFY(!read);
            QVERIFY2(read.error().message.contains(QStringLiteral("own database")),
                     qPrintable(read.error().message));
        }
        QCOMPARE(locksHeldOn(t.path()), before);
        // Any other file beside it is read as before.
        const QString log = t.folder() + QStringLiteral("/burn.log");
        QFile out(log);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("GPU 0: OK\n");
        out.close();
        QCOMPARE(InputFile::read(log, 1 << 30, QStringLiteral("report")).value(), QByteArray("GPU 0: OK\n"));
    }
};

QTEST_MAIN(TestDatabaseLocks)
#include "TestDatabaseLocks.moc"
