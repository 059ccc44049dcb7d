// Kill -9 while recording: a child process records as fast as it can and prints each event id
// after its commit; it is killed with SIGKILL at a random moment after its first commit, 25 times. After
// every kill the file passes PRAGMA integrity_check, every printed id is in the database (with its outbox
// row, so the sync will send it), and the derived state equals a replay of the log.
#include "TestDatabase.h"
#include "storage/IntegrityChecker.h"
#include "storage/Sql.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using namespace rework;

class TestCrashSafety : public QObject
{
    Q_OBJECT

private slots:
    void everyCommittedEventSurvivesKill9()
    {
        test::TestDatabase t;
        const QString path = t.path();
        QRandomGenerator rng(20261129);
        int printedTotal = 0;
        const int kills = 25;
        for (int round = 1; round <= kills; ++round) {
            QProcess child;
            child.start(QStringLiteral(CRASH_RECORDER_PATH), {path, QString::number(round)});
            QVERIFY(child.waitForStarted());
            // Pull the plug at a random moment while it records: after its first commit, which
            // takes ~80 ms from start in an optimised build and ~450 ms under the sanitizers (a
            // fixed wait from start killed most sanitized children before they had recorded).
            QElapsedTimer started;
            started.start();
            while (!child.canReadLine() && started.elapsed() < 30000)
                child.waitForReadyRead(10);
            QVERIFY2(child.canReadLine(), "the child recorded nothing in 30 s");
            QTest::qWait(static_cast<int>(rng.bounded(300)));
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            const QStringList printed =
                QString::fromUtf8(child.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            printedTotal += static_cast<int>(printed.size());

            t.reopen();
            QSqlDatabase db = t.db().connection();
            QCOMPARE(sql::scalar(db, QStringLiteral("PRAGMA integrity_check")).value().toString(),
                     QStringLiteral("ok"));
            for (const QString& id : printed) {
                QVERIFY2(
                    sql::scalar(db,
                                QStringLiteral("SELECT count(*) FROM events e JOIN sync_outbox o ON "
                                               "o.event_seq = e.seq WHERE e.id = ?"),
                                {id})
                            .value()
                            .toInt() == 1,
                    qPrintable(QStringLiteral("round %1: committed event %2 is missing").arg(round).arg(id)));
            }
        }
        QVERIFY2(printedTotal > kills * 5, "the child recorded too little to prove anything");
        auto problems = IntegrityChecker(t.db().connection()).run();
        QVERIFY(problems.ok());
        QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
        qInfo("%d kills, %d committed events printed, all present", kills, printedTotal);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "TestCrashSafety.moc"
