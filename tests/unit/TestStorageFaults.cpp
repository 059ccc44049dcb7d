// When storage fails: a full disk, a read-only database, a database another program holds, a
// damaged file. Each gives a message that says what to do, and nothing recorded before is lost.
#include "TestDatabase.h"
#include "storage/Cursor.h"
#include "storage/Database.h"
#include "storage/QueryCancel.h"
#include "storage/Sql.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace rework;

namespace {

int events(const QSqlDatabase& db)
{
    return sql::scalar(db, QStringLiteral("SELECT count(*) FROM events")).value().toInt();
}

} // namespace

class TestStorageFaults : public QObject
{
    Q_OBJECT

private slots:
    void cursorReadsValuesAndSaysWhatFailed()
    {
        test::TestDatabase t;
        const QSqlDatabase& db = t.db().connection();
        auto c = sql::Cursor::open(db, QStringLiteral("SELECT ?, ?, ?, ? UNION ALL SELECT 2, 0.5, NULL, 'b'"),
                                   {qint64(1) << 40, 1.25, QVariant(), QStringLiteral("温度")});
        QVERIFY(c.ok());
        sql::Cursor& r = c.value();
        QVERIFY(r.next());
        QCOMPARE(r.integer(0), qint64(1) << 40);
        QCOMPARE(r.real(1), 1.25);
        QVERIFY(r.isNull(2));
        QCOMPARE(r.text(2), QString());
        QCOMPARE(r.text(3), QStringLiteral("温度"));
        QVERIFY(r.next());
        QCOMPARE(r.text(3), QStringLiteral("b"));
        QVERIFY(!r.next());
        QVERIFY(r.status().ok());
        QVERIFY(!r.next()); // stays at the end
        // A null string is NULL, as Qt's driver binds it; bytes are a blob.
        auto typed = sql::Cursor::open(db, QStringLiteral("SELECT ? IS NULL, typeof(?), length(?)"),
                                       {QString(), QByteArray("\0\1", 2), QByteArray("\0\1", 2)});
        QVERIFY(typed.ok());
        sql::Cursor& tr = typed.value();
        QVERIFY(tr.next());
        QCOMPARE(tr.integer(0), 1);
        QCOMPARE(tr.text(1), QStringLiteral("blob"));
        QCOMPARE(tr.integer(2), 2);
        // A statement SQLite refuses, and one that fails while it runs, say so.
        auto bad = sql::Cursor::open(db, QStringLiteral("SELECT missing FROM nowhere"));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().oneLine().contains(QStringLiteral("nowhere")),
                 qPrintable(bad.error().oneLine()));
        auto failing = sql::Cursor::open(db, QStringLiteral("SELECT abs(-9223372036854775807 - 1)"));
        QVERIFY(failing.ok());
        sql::Cursor& f = failing.value();
        QVERIFY(!f.next());
        QVERIFY(f.status().error().oneLine().contains(QStringLiteral("overflow")));
    }

    /// A read cancelled from another thread stops at once with an error (it would run for
    /// minutes), and the connection reads again afterwards; a cancel before the read starts stops
    /// it as it starts.
    void aLongReadIsCancelledFromAnotherThread()
    {
        test::TestDatabase t;
        const QString path = t.db().path();
        QueryCancel cancel;
        bool failed = false;
        qint64 ranMs = 0;
        bool opened = false;
        int after = 0;
        QThread* worker = QThread::create([&] {
            auto db = Database::open(path, Database::Migration::Skip);
            opened = db.ok();
            if (!opened)
                return;
            cancel.attach(db.value()->connection());
            QElapsedTimer ran;
            ran.start();
            // About a billion rows of nothing: minutes unless stopped.
            Result<QVariant> n = sql::scalar(db.value()->connection(),
                                             QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                                            "SELECT x + 1 FROM c WHERE x < 1000000000) "
                                                            "SELECT count(*) FROM c"));
            ranMs = ran.elapsed();
            failed = !n.ok();
            cancel.detach();
            // the same connection answers the next read
            const Result<QVariant> one = sql::scalar(db.value()->connection(), QStringLiteral("SELECT 1"));
            after = one.ok() ? one.value().toInt() : -1;
        });
        worker->start();
        QTest::qWait(200);
        cancel.cancel();
        // The thread reads this function's locals: it must end before any check can return.
        const bool ended = worker->wait(60000);
        if (!ended)
            qFatal("the cancelled read is still running after a minute");
        delete worker;
        QVERIFY(opened);
        QCOMPARE(after, 1);
        QVERIFY(cancel.isCancelled());
        QVERIFY2(failed, "the cancelled read reported a result");
        QVERIFY(cancel.interrupted());
        QVERIFY2(ranMs < 10000, qPrintable(QString::number(ranMs))); // minutes if never stopped

        // cancelled before it began: the read stops as it starts
        QueryCancel early;
        early.cancel();
        auto db = Database::open(path, Database::Migration::Skip);
        QVERIFY(db.ok());
        early.attach(db.value()->connection());
        QElapsedTimer ran;
        ran.start();
        QVERIFY(!sql::scalar(db.value()->connection(),
                             QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                                            "SELECT x + 1 FROM c WHERE x < 1000000000) "
                                            "SELECT count(*) FROM c"))
                     .ok());
        QVERIFY(ran.elapsed() < 10000);
        QVERIFY(early.interrupted());
        early.detach();
    }

    void diskFull()
    {
        test::TestDatabase t;
        t.testedUnit(QStringLiteral("CARDF0001"), QStringLiteral("SB00000001"));
        const int before = events(t.db().connection());
        // The file may not grow: as good as a full disk.
        const int pages =
            sql::scalar(t.db().connection(), QStringLiteral("PRAGMA page_count")).value().toInt();
        QVERIFY(sql::run(t.db().connection(), QStringLiteral("PRAGMA max_page_count = %1").arg(pages)).ok());
        Result<Recorded> r = makeError(ErrorCode::Usage, QString(), QStringLiteral("not tried"));
        QString lastGood;
        int recorded = 0;
        for (int i = 0; i < 2000; ++i) {
            lastGood = t.dump();
            r = t.record(Step::Intake, {QStringLiteral("card=ZT4090D%1").arg(i, 6, 10, QLatin1Char('0')),
                                        "model=RTX4090", "lot=LOT-FULL"});
            if (!r)
                break;
            ++recorded;
        }
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Storage);
        QVERIFY2(r.error().message.contains(QStringLiteral("disk is full")), qPrintable(r.error().message));
        QCOMPARE(t.dump(), lastGood); // the refused action left nothing behind
        QCOMPARE(events(t.db().connection()), before + recorded);
    }

    void readOnlyDatabase()
    {
        test::TestDatabase t;
        t.mountedUnit(QStringLiteral("CARDF0002"), QStringLiteral("SB00000002"));
        const QString before = t.dump();
        QVERIFY(sql::run(t.db().connection(), QStringLiteral("PRAGMA query_only = ON")).ok());
        auto r = t.record(Step::Intake, {"card=CARDF0003", "model=RTX4090", "lot=LOT-1"});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("read-only")), qPrintable(r.error().message));
        QCOMPARE(t.dump(), before);
    }

    void databaseHeldByAnotherProgram()
    {
        test::TestDatabase t;
        const QString before = t.dump();
        {
            QSqlDatabase other =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            other.setDatabaseName(t.path());
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            auto r = t.record(Step::Intake, {"card=CARDF0004", "model=RTX4090", "lot=LOT-1"});
            QVERIFY(!r.ok());
            QVERIFY2(r.error().message.contains(QStringLiteral("busy in another program")),
                     qPrintable(r.error().message));
            q.exec(QStringLiteral("ROLLBACK"));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        QCOMPARE(t.dump(), before);
        // Once the other program lets go, work goes on.
        QVERIFY(t.record(Step::Intake, {"card=CARDF0004", "model=RTX4090", "lot=LOT-1"}).ok());
    }

    void damagedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(0);
        f.write(QByteArray(100, char(0x5A))); // the header
        f.close();
        auto db = Database::open(path);
        QVERIFY(!db.ok());
        QVERIFY2(db.error().message.contains(QStringLiteral("damaged")), qPrintable(db.error().message));
        QVERIFY(db.error().message.contains(QStringLiteral("backup")));
    }
};

QTEST_GUILESS_MAIN(TestStorageFaults)
#include "TestStorageFaults.moc"
