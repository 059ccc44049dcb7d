// `reworkctl check`, `verify` and `backup` while a station records (issue 21): none of them takes the
// write lock for long, so every record meanwhile succeeds at once, and each still answers about one
// consistent state of the file.
#include "Reworkctl.h"
#include "TestDatabase.h"

#include "demo/DemoGenerator.h"
#include "storage/Backup.h"
#include "storage/Sql.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

using rework::test::TestDatabase;

namespace {

struct Load
{
    int recorded = 0; // while the command ran
    int failed = 0;   // any refusal or storage error ("database is busy")
    qint64 slowestMs = 0;
    QString firstFailure;
    int exitCode = -1;
    QString out, err;
};

} // namespace

class TestMaintenanceUnderLoad : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_t;
    int m_card = 0;

    /// Starts reworkctl with `args` on the test database and records one intake every `gapMs`
    /// until it ends.
    Load recordWhile(const QStringList& args, int gapMs)
    {
        Load load;
        QProcess p;
        p.start(QStringLiteral(REWORKCTL_PATH), QStringList{QStringLiteral("--db"), m_t->path()} + args);
        if (!p.waitForStarted())
            qFatal("reworkctl did not start");
        QElapsedTimer total;
        total.start();
        while (p.state() != QProcess::NotRunning && total.elapsed() < 120000) {
            QElapsedTimer one;
            one.start();
            auto r = m_t->record(rework::Step::Intake,
                                 {QStringLiteral("card=ZT4090L%1").arg(++m_card, 6, 10, QLatin1Char('0')),
                                  QStringLiteral("model=RTX4090"), QStringLiteral("lot=LOT-LOAD")});
            load.slowestMs = std::max(load.slowestMs, one.elapsed());
            if (!r) {
                ++load.failed;
                if (load.firstFailure.isEmpty())
                    load.firstFailure = r.error().message;
            } else if (p.state() != QProcess::NotRunning) {
                ++load.recorded;
            }
            p.waitForFinished(gapMs);
        }
        p.waitForFinished(120000);
        load.exitCode = p.exitCode();
        load.out = QString::fromUtf8(p.readAllStandardOutput());
        load.err = QString::fromUtf8(p.readAllStandardError());
        return load;
    }

    qint64 lastSeq(const QSqlDatabase& db)
    {
        return rework::sql::scalar(db, QStringLiteral("SELECT coalesce(max(seq), 0) FROM events"))
            .value()
            .toLongLong();
    }

private slots:
    void initTestCase()
    {
        // A few thousand units of history, ending before the test's clock.
        rework::DemoGenerator::Options options;
        options.units = 2500;
        options.seed = 21;
        options.end = TestDatabase::start().addSecs(-3600);
        m_t = std::make_unique<TestDatabase>(options);
        // As a station's app does: the first save after a long snapshot must not copy the log
        // that the snapshot held back.
        m_t->db().checkpointInBackground();
    }

    void checkNeverBlocksRecording()
    {
        const Load load = recordWhile({QStringLiteral("check")}, 5);
        QVERIFY2(load.exitCode == 0, qPrintable(load.out + load.err));
        QVERIFY2(load.failed == 0, qPrintable(load.firstFailure));
        QVERIFY(load.recorded > 0);
        qInfo("check: %d records meanwhile, slowest %lld ms", load.recorded, load.slowestMs);
        // A write lock held by check shows as a wait as long as its replay (up to the 5 s busy timeout);
        // a record takes milliseconds, so half a second is slack for a loaded machine, not for a lock.
        QVERIFY2(load.slowestMs < 500, qPrintable(QString::number(load.slowestMs)));
    }

    void verifyNeverBlocksRecording()
    {
        const Load load = recordWhile({QStringLiteral("verify")}, 2);
        QVERIFY2(load.exitCode == 0, qPrintable(load.out + load.err));
        QVERIFY2(load.failed == 0, qPrintable(load.firstFailure));
        QVERIFY(load.recorded > 0);
        qInfo("verify: %d records meanwhile, slowest %lld ms", load.recorded, load.slowestMs);
        QVERIFY2(load.slowestMs < 500, qPrintable(QString::number(load.slowestMs)));
    }

    void backupCompletesUnderRecording()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("copy.sqlite"));
        const qint64 before = lastSeq(m_t->db().connection());
        const Load load = recordWhile({QStringLiteral("backup"), QStringLiteral("--to"), copy}, 10);
        QVERIFY2(load.exitCode == 0, qPrintable(load.out + load.err));
        QVERIFY2(load.failed == 0, qPrintable(load.firstFailure));
        QVERIFY(load.recorded > 0);
        qInfo("backup: %d records meanwhile, slowest %lld ms", load.recorded, load.slowestMs);
        QVERIFY(rework::Backup::check(copy).ok());
        // Every event committed before the backup began is in the copy, with its chain link.
        const QString name = QStringLiteral("copy");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(copy);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT count(*), count(c.event_seq) FROM events e LEFT JOIN "
                                          "event_chain c ON c.event_seq = e.seq WHERE e.seq <= %1")
                               .arg(before)));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toLongLong(), before);
            QCOMPARE(q.value(1).toLongLong(), before);
        }
        QSqlDatabase::removeDatabase(name);
    }
};

QTEST_GUILESS_MAIN(TestMaintenanceUnderLoad)
#include "TestMaintenanceUnderLoad.moc"
