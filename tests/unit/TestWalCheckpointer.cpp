// A station's saves do not copy the write-ahead log into the file; a thread does (issue 21). What
// SQLite has copied is read from the log's index (the -shm file) as SQLite itself keeps it.
#include "storage/Database.h"
#include "storage/Sql.h"
#include "storage/WalCheckpointer.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <utility>

using namespace rework;

namespace {

/// The log's length and how much of it is in the database file, from the first copy of the WAL
/// index header (mxFrame at byte 16) and the checkpoint record after both copies (nBackfill at 96).
struct WalIndex
{
    quint32 frames = 0;
    quint32 copied = 0;
};

WalIndex walIndex(const QString& dbPath)
{
    QFile shm(dbPath + QStringLiteral("-shm"));
    if (!shm.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = shm.read(100);
    WalIndex index;
    if (head.size() == 100) {
        std::memcpy(&index.frames, head.constData() + 16, sizeof index.frames);
        std::memcpy(&index.copied, head.constData() + 96, sizeof index.copied);
    }
    return index;
}

/// A database with a table to fill, its log copied as a station's is.
std::unique_ptr<Database> stationDatabase(const QString& path)
{
    auto db = Database::open(path);
    if (!db || !sql::exec(db.value()->connection(),
                          QStringLiteral("CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)")))
        return nullptr;
    db.value()->checkpointInBackground();
    return std::move(db.value());
}

/// One save of about twenty pages, as a station action writes.
bool saveTwentyPages(const Database& db)
{
    return sql::exec(db.connection(),
                     QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                    "FROM n WHERE i < 20) INSERT INTO filler (body) SELECT "
                                    "randomblob(3000) FROM n"))
        .ok();
}

} // namespace

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

    using Act = WalCheckpointer::Act;

private slots:
    void decide_data()
    {
        QTest::addColumn<int>("frames");
        QTest::addColumn<int>("copied");
        QTest::addColumn<Act>("act");
        QTest::newRow("a short log") << 100 << 0 << Act::Nothing;
        QTest::newRow("the file is far behind") << 600 << 0 << Act::Wake;
        QTest::newRow("past the limit, the thread near") << 1000 << 980 << Act::Inline;
        QTest::newRow("a short log, the thread near") << 300 << 290 << Act::Nothing;
        // What a long read snapshot held back is the thread's to copy, not the first save's after it.
        QTest::newRow("a held-back log") << 5000 << 1000 << Act::Wake;
        QTest::newRow("a held-back log of 64 MB") << 16384 << 10 << Act::Wake;
        QTest::newRow("started over, the thread not yet looked") << 1010 << 0 << Act::Wake;
        QTest::newRow("the thread behind for good") << WalCheckpointer::kBackstopPages << 1000 << Act::Inline;
    }
    void decide()
    {
        QFETCH(int, frames);
        QFETCH(int, copied);
        QFETCH(Act, act);
        QCOMPARE(WalCheckpointer::decide(frames, copied), act);
    }

    void theSaveAfterAHeldSnapshotLeavesItsBacklogToTheThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.sqlite"));
        auto db = stationDatabase(path);
        QVERIFY(db);
        {
            // `check` reads one snapshot for minutes while the station saves: nothing after the
            // snapshot's start can be copied into the file until it ends.
            auto reader = Database::open(path, Database::Migration::Skip);
            QVERIFY(reader);
            QSqlQuery snapshot(reader.value()->connection());
            QVERIFY(snapshot.exec(QStringLiteral("BEGIN")));
            QVERIFY(snapshot.exec(QStringLiteral("SELECT count(*) FROM filler")) && snapshot.next());
            snapshot.finish();
            for (int i = 0; i < 200; ++i)
                QVERIFY(saveTwentyPages(*db));
            // The thread's passes meanwhile (each woken by a save, each stopped at the snapshot)
            // are over before the snapshot ends: only the save below may start the next one.
            for (int quiet = 0, last = -1; quiet < 5; QTest::qWait(20))
                quiet = std::exchange(last, db->checkpointer()->passes()) == last ? quiet + 1 : 0;
            const WalIndex held = walIndex(path);
            QVERIFY2(held.frames > 3000, qPrintable(QString::number(held.frames)));
            QVERIFY(held.frames - held.copied > 3000);
            QVERIFY(snapshot.exec(QStringLiteral("COMMIT")));
        }
        // The first save after the snapshot ends returns before the backlog is copied: SQLite's own
        // checkpoint would have copied all of it (16 MB, then a sync) inside this save.
        QVERIFY(saveTwentyPages(*db));
        const WalIndex after = walIndex(path);
        QVERIFY2(after.frames - after.copied > 3000,
                 qPrintable(QStringLiteral("%1 of %2 copied").arg(after.copied).arg(after.frames)));
        // The thread copies it; the next saves copy only what it left and start the log over.
        QTRY_VERIFY_WITH_TIMEOUT(walIndex(path).copied + 3000 > after.frames, 20000);
        for (int i = 0; i < 5 && walIndex(path).frames > 1000; ++i)
            QVERIFY(saveTwentyPages(*db));
        QVERIFY2(walIndex(path).frames < 1000, qPrintable(QString::number(walIndex(path).frames)));
        QVERIFY(db->checkpointer()->passes() > 0);
    }

    void theLogStartsOverUnderBackToBackSaves()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("station.sqlite"));
        auto db = stationDatabase(path);
        QVERIFY(db);
        // 600 saves write about 12,000 pages. A thread alone seldom catches a writer that appends
        // meanwhile, and the log would grow to all of them; the saves' own small copies start it
        // over, about once per 1,000 pages (7-11 times here with three busy loops beside it; a thread
        // alone, 0 or now and then 1).
        quint32 longest = 0;
        quint32 previous = 0;
        int restarts = 0;
        for (int i = 0; i < 600; ++i) {
            QVERIFY(saveTwentyPages(*db));
            const quint32 frames = walIndex(path).frames;
            restarts += frames < previous ? 1 : 0;
            previous = frames;
            longest = std::max(longest, frames);
        }
        qInfo("log started over %d times, longest %u pages", restarts, longest);
        QVERIFY2(restarts >= 3, qPrintable(QStringLiteral("longest %1 pages").arg(longest)));
        QCOMPARE(sql::scalar(db->connection(), QStringLiteral("SELECT count(*) FROM filler")).value().toInt(),
                 12000);
        QCOMPARE(sql::scalar(db->connection(), QStringLiteral("PRAGMA integrity_check")).value().toString(),
                 QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "TestWalCheckpointer.moc"
