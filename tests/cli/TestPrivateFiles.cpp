// Everything the programs make in the data folder is the owner's only (files 0600, folders 0700),
// even when started with the usual umask 022; a folder or database others may read is warned of.
#include "BadBackups.h"
#include "Reworkctl.h"

#include <QDirIterator>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using rework::test::modeOf;
using rework::test::reworkctl;
using rework::test::Run;

namespace {

/// Paths under `folder` (itself included) whose mode is not 0600 for a file or 0700 for a folder.
QStringList notPrivate(const QString& folder)
{
    QStringList wrong;
    if (modeOf(folder) != 0700)
        wrong << folder;
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const int wanted = QFileInfo(path).isDir() ? 0700 : 0600;
        if (modeOf(path) != wanted)
            wrong << QStringLiteral("%1 (%2)").arg(path, QString::number(modeOf(path), 8));
    }
    return wrong;
}

} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT

    mode_t m_umask = 0;

private slots:
    void initTestCase()
    {
        m_umask = ::umask(022); // what a desktop session or a systemd timer usually hands down
    }

    void cleanupTestCase() { ::umask(m_umask); }

    void everyFileInTheDataFolderIsPrivate()
    {
        QTemporaryDir root;
        const QString data = root.filePath(QStringLiteral("data"));
        const QString db = data + QStringLiteral("/station.sqlite");
        const QString photo = root.filePath(QStringLiteral("xray.png"));
        QFile f(photo);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write("not really a picture") > 0);
        f.close();
        QCOMPARE(modeOf(photo), 0644);
        for (const QStringList& args :
             {QStringList{"init"},
              {"operator", "add", "ADM7", "--name", "Zhao Min", "--role", "admin", "--pin", "1234"},
              {"station", "add", "INTAKE-01", "--step", "intake", "--operator", "ADM7"},
              {"operator", "add", "OP7", "--name", "Wang Fang", "--role", "operator", "--pin", "1234",
               "--operator", "ADM7"},
              {"record", "intake", "--station", "INTAKE-01", "--operator", "OP7", "card=ZT4090A123456",
               "model=RTX4090", "lot=LOT-7", "evidence=" + photo},
              {"backup"},
              {"backup", "--to", data + QStringLiteral("/before-restore.sqlite")},
              {"restore", data + QStringLiteral("/before-restore.sqlite")},
              {"commands", "--pdf", data + QStringLiteral("/commands.pdf")}}) {
            const Run r = reworkctl(db, args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(' ') + QStringLiteral(": ") + r.err));
        }
        QVERIFY(QFileInfo::exists(data + QStringLiteral("/evidence")));
        QVERIFY(QFileInfo::exists(data + QStringLiteral("/reworktrack.log")));
        QVERIFY(!QDir(data).entryList({QStringLiteral("station.sqlite.replaced-*")}).isEmpty());
        QCOMPARE(notPrivate(data), QStringList());

        // The -wal and -shm that SQLite makes later, for another program on the same file, too.
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
            c.setDatabaseName(db);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM events")) && q.next());
            QVERIFY(QFileInfo::exists(db + QStringLiteral("-wal")) &&
                    QFileInfo::exists(db + QStringLiteral("-shm")));
            QCOMPARE(notPrivate(data), QStringList());
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("reader"));
    }

    void aSharedFolderOrDatabaseIsWarnedOf()
    {
        QTemporaryDir root;
        const QString db = root.filePath(QStringLiteral("station.sqlite"));
        QCOMPARE(reworkctl(db, {"init"}).exitCode, 0);
        const QString log = root.filePath(QStringLiteral("reworktrack.log"));
        auto warnings = [&log] {
            QFile f(log);
            return f.open(QIODevice::ReadOnly)
                       ? QString::fromUtf8(f.readAll()).count(QStringLiteral("may read it"))
                       : -1;
        };
        QCOMPARE(warnings(), 0);
        QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                              QFile::ReadOther));
        QVERIFY(QFile::setPermissions(root.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                       QFile::ReadOther | QFile::ExeOther));
        QCOMPARE(reworkctl(db, {"verify"}).exitCode, 0);
        QCOMPARE(warnings(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "TestPrivateFiles.moc"
