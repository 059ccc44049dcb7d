// The station's connection never checkpoints the write-ahead log in its own commits: a thread of
// the Database does, so the log stays bounded, every committed row is in the file after a clean
// close, and the file closes without a log left beside it.
#include "storage/Database.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"
#include "storage/WalCheckpointer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace rework;

namespace {

/// Frames now in the log and how many of them are in the file, read by a connection of its own
/// (a PASSIVE checkpoint that finds nothing left to copy reports them without copying anything).
std::pair<int, int> logState(const QString& path)
{
    int log = -1, copied = -1;
    sqlite3* c = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &c, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK)
        sqlite3_wal_checkpoint_v2(c, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
    sqlite3_close(c);
    return {log, copied};
}

/// Commits `n` rows of about a page each, each in its own transaction as a station saves.
void commitRows(const QSqlDatabase& db, int from, int n)
{
    for (int i = from; i < from + n; ++i) {
        Transaction tx(db);
        QVERIFY(tx.begin().ok());
        QVERIFY(sql::exec(db, QStringLiteral("INSERT INTO filler (n, body) VALUES (?, ?)"),
                          {i, QString(3000, QLatin1Char('a' + i % 26))})
                    .ok());
        QVERIFY(tx.commit().ok());
    }
}

} // namespace

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private slots:
    void theLogIsCheckpointedOffTheSavingThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            const QSqlDatabase& c = db.value()->connection();
            const WalCheckpointer* checkpointer = db.value()->checkpointer();
            QVERIFY(checkpointer);
            QVERIFY(
                sql::exec(c, QStringLiteral("CREATE TABLE filler (n INTEGER PRIMARY KEY, body TEXT)")).ok());
            QCOMPARE(checkpointer->checkpointsRun(), 0);

            // About 3,000 pages through the log: SQLite's default would have checkpointed inside
            // two or three of these commits.
            commitRows(c, 0, 1500);
            QTRY_VERIFY_WITH_TIMEOUT(checkpointer->checkpointsRun() >= 1, 10000);
            QCOMPARE(checkpointer->inlineCheckpoints(), 0);
            // Caught up: the log restarts from its beginning instead of growing without bound.
            QTRY_VERIFY_WITH_TIMEOUT(logState(path).first == logState(path).second, 10000);
            commitRows(c, 1500, 50);
            const auto [log, copied] = logState(path);
            QVERIFY2(log < 2 * WalCheckpointer::kPages, qPrintable(QString::number(log)));
            QVERIFY(copied <= log);
            QCOMPARE(sql::scalar(c, QStringLiteral("SELECT count(*) FROM filler")).value().toInt(), 1550);
        }
        // Closed cleanly: the log is in the file and gone, and every row is there.
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        auto again = Database::open(path);
        QVERIFY(again.ok());
        QCOMPARE(sql::scalar(again.value()->connection(), QStringLiteral("SELECT count(*) FROM filler"))
                     .value()
                     .toInt(),
                 1550);
        QCOMPARE(sql::scalar(again.value()->connection(), QStringLiteral("PRAGMA integrity_check"))
                     .value()
                     .toString(),
                 QStringLiteral("ok"));
    }

    /// A read snapshot held open (a `check` or a backup) pins the log while it lasts: saves go on,
    /// none checkpoints inline (far below kInlinePages), and the thread catches up afterwards.
    void aReadSnapshotDelaysCheckpointsWithoutStoppingThem()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.sqlite"));
        auto db = Database::open(path);
        QVERIFY(db.ok());
        const QSqlDatabase& c = db.value()->connection();
        QVERIFY(sql::exec(c, QStringLiteral("CREATE TABLE filler (n INTEGER PRIMARY KEY, body TEXT)")).ok());
        auto reader = Database::open(path);
        QVERIFY(reader.ok());
        QVERIFY(sql::exec(reader.value()->connection(), QStringLiteral("BEGIN")).ok());
        QVERIFY(
            sql::scalar(reader.value()->connection(), QStringLiteral("SELECT count(*) FROM filler")).ok());
        commitRows(c, 0, 200);
        QVERIFY(sql::exec(reader.value()->connection(), QStringLiteral("COMMIT")).ok());
        QCOMPARE(db.value()->checkpointer()->inlineCheckpoints(), 0); // far below the backstop
        commitRows(c, 200, 1200);
        QTRY_VERIFY_WITH_TIMEOUT(db.value()->checkpointer()->checkpointsRun() >= 1, 10000);
        QCOMPARE(sql::scalar(c, QStringLiteral("SELECT count(*) FROM filler")).value().toInt(), 1400);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "TestWalCheckpointer.moc"
