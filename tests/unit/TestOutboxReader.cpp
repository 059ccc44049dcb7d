// The push's outbox reader: one batch ahead on a thread and a connection of its own. Every event
// of the outbox comes once and in order, events recorded meanwhile come too, and a push that
// stops early (a refused batch) stops the reader at once.
#include "SpecialFiles.h"
#include "TestDatabase.h"

#include "storage/Sql.h"
#include "sync/OutboxReader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace rework;

class TestOutboxReader : public QObject
{
    Q_OBJECT

    static void intake(test::TestDatabase& t, int n)
    {
        QVERIFY(t.record(Step::Intake, {QStringLiteral("card=ZT4090A%1").arg(n, 6, 10, QLatin1Char('0')),
                                        "model=RTX4090", "lot=L1"})
                    .ok());
    }
    static QList<qint64> outboxSeqs(test::TestDatabase& t)
    {
        QList<qint64> seqs;
        auto rows =
            sql::run(t.db().connection(), QStringLiteral("SELECT event_seq FROM sync_outbox ORDER BY 1"));
        while (rows.value().next())
            seqs << rows.value().value(0).toLongLong();
        return seqs;
    }
    /// The batch's event numbers, read back from its COPY rows (the third column).
    static QList<qint64> seqsOf(const OutboxBatch& batch)
    {
        QList<qint64> seqs;
        for (const QByteArray& row : batch.copyRows.split('\n'))
            if (!row.isEmpty())
                seqs << row.split('\t').value(2).toLongLong();
        return seqs;
    }

private slots:
    void everyEventComesOnceAndInOrder()
    {
        test::TestDatabase t;
        for (int n = 0; n < 25; ++n)
            intake(t, n);
        const QList<qint64> expected = outboxSeqs(t);
        QVERIFY(expected.size() > 25); // the work and the set-up's stations and accounts
        OutboxReader reader(t.path(), "ORIGIN-1", 7);
        QList<qint64> read;
        for (;;) {
            Result<OutboxBatch> batch = reader.next();
            QVERIFY(batch.ok());
            if (batch->count == 0)
                break;
            QVERIFY(batch->count <= 7);
            const QList<qint64> seqs = seqsOf(batch.value());
            QCOMPARE(seqs.size(), batch->count);
            QCOMPARE(seqs.first(), batch->firstSeq);
            QCOMPARE(seqs.last(), batch->lastSeq);
            QVERIFY(batch->copyRows.contains("\tORIGIN-1\t"));
            read << seqs;
        }
        QCOMPARE(read, expected);
        // The end stays the end: no wait for a batch that will never come.
        QCOMPARE(reader.next().value().count, 0);
    }

    void theStationsOfABatchAreNamedOnceInByteOrder()
    {
        test::TestDatabase t;
        intake(t, 1);
        QVERIFY(t.record(Step::Strip, {"card=ZT4090A000001"}).ok());
        intake(t, 2);
        // Only the work: after the set-up's reference changes.
        const qint64 after = outboxSeqs(t).at(outboxSeqs(t).size() - 4);
        Result<OutboxBatch> batch = OutboxBatch::read(t.db().connection(), "O", after, 100);
        QVERIFY(batch.ok());
        QCOMPARE(batch->count, 3);
        QCOMPARE(batch->stations, QStringLiteral("INTAKE-1 STRIP-1"));
    }

    /// The reader is one batch ahead; what is recorded before it gets there is read too, as the
    /// push that read everything in one thread did.
    void eventsRecordedWhileReadingComeToo()
    {
        test::TestDatabase t;
        for (int n = 0; n < 20; ++n)
            intake(t, n);
        OutboxReader reader(t.path(), "O", 4);
        QList<qint64> read = seqsOf(reader.next().value());
        for (int n = 100; n < 105; ++n)
            intake(t, n);
        const QList<qint64> expected = outboxSeqs(t);
        for (;;) {
            Result<OutboxBatch> batch = reader.next();
            QVERIFY(batch.ok());
            if (batch->count == 0)
                break;
            read << seqsOf(batch.value());
        }
        QCOMPARE(read, expected);
    }

    /// A push that stops after a refused batch leaves the reader with a batch read ahead: it
    /// stops at once, and its connection closes on its own thread.
    void aPushThatStopsEarlyStopsTheReader()
    {
        test::TestDatabase t;
        for (int n = 0; n < 30; ++n)
            intake(t, n);
        QElapsedTimer timer;
        timer.start();
        {
            OutboxReader reader(t.path(), "O", 1);
            QCOMPARE(reader.next().value().count, 1);
        }
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        {
            OutboxReader unused(t.path(), "O", 1); // never asked
        }
        QVERIFY(t.record(Step::Intake, {"card=ZT4090A999999", "model=RTX4090", "lot=L1"}).ok());
    }

    void aFileThatIsNoDatabaseIsAnError()
    {
        QTemporaryDir dir;
        const QString path = test::makeJunkFile(dir, QStringLiteral("station.sqlite"));
        QVERIFY(!path.isEmpty());
        OutboxReader reader(path, "O", 10);
        const Result<OutboxBatch> first = reader.next();
        QVERIFY(!first.ok());
        QCOMPARE(reader.next().value().count, 0); // and then the end, not a wait
    }
};

QTEST_GUILESS_MAIN(TestOutboxReader)
#include "TestOutboxReader.moc"
