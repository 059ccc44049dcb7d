// The hash chain over the event log: intact after normal work, and every kind of tampering
// (a changed payload, a removed event, an event slipped in) named at the first broken entry.
#include "TestDatabase.h"
#include "storage/EventChain.h"
#include "storage/Sql.h"

#include <QTest>

using namespace rework;

class TestEventChain : public QObject
{
    Q_OBJECT

    static void run(test::TestDatabase& t, const QString& statement)
    {
        QVERIFY2(sql::run(t.db().connection(), statement).ok(), qPrintable(statement));
    }
    /// Events already in the log before the test's work: the set-up's stations and operators,
    /// recorded as reference changes.
    static int before(test::TestDatabase& t)
    {
        return sql::scalar(t.db().connection(), QStringLiteral("SELECT count(*) FROM events"))
            .value()
            .toInt();
    }
    static QString idAt(test::TestDatabase& t, int n)
    {
        return sql::scalar(t.db().connection(),
                           QStringLiteral("SELECT id FROM events ORDER BY seq LIMIT 1 OFFSET ?"), {n - 1})
            .value()
            .toString();
    }

private slots:
    void intactAfterWork()
    {
        test::TestDatabase t;
        const int b = before(t);
        QVERIFY(b > 0);
        t.testedUnit(QStringLiteral("CARDH0001"), QStringLiteral("SB00000001"));
        auto v = EventChain(t.db().connection()).verify();
        QVERIFY(v.ok());
        QCOMPARE(v->brokenSeq, 0);
        QCOMPARE(v->checked, b + 6);
        const auto head = EventChain(t.db().connection()).head().value();
        QCOMPARE(head.first, b + 6);
        QCOMPARE(head.second.size(), 64);
    }

    void aChangedPayloadIsNamed()
    {
        test::TestDatabase t;
        const int b = before(t);
        t.testedUnit(QStringLiteral("CARDH0002"), QStringLiteral("SB00000002"));
        // Someone with the file and the sqlite3 shell: triggers dropped, a record edited.
        run(t, QStringLiteral("DROP TRIGGER events_append_only_update"));
        run(t, QStringLiteral("UPDATE events SET payload = replace(payload, 'pass', 'fail') WHERE seq = %1")
                   .arg(b + 5));
        auto v = EventChain(t.db().connection()).verify();
        QCOMPARE(v->brokenSeq, b + 5);
        QCOMPARE(v->brokenId, idAt(t, b + 5));
        QVERIFY(v->reason.contains(idAt(t, b + 5)));
    }

    void aRemovedEventIsNamed()
    {
        test::TestDatabase t;
        const int last = before(t) + 6;
        t.testedUnit(QStringLiteral("CARDH0003"), QStringLiteral("SB00000003"));
        run(t, QStringLiteral("PRAGMA foreign_keys = OFF"));
        run(t, QStringLiteral("DROP TRIGGER events_append_only_delete"));
        run(t, QStringLiteral("DELETE FROM event_subjects WHERE event_seq = %1").arg(last));
        run(t, QStringLiteral("DELETE FROM sync_outbox WHERE event_seq = %1").arg(last));
        // The last one: no later link to trip over.
        run(t, QStringLiteral("DELETE FROM events WHERE seq = %1").arg(last));
        auto v = EventChain(t.db().connection()).verify();
        QCOMPARE(v->brokenSeq, last);
        QVERIFY(v->reason.contains(QStringLiteral("removed")));
    }

    void anEventSlippedInIsNamed()
    {
        test::TestDatabase t;
        t.mountedUnit(QStringLiteral("CARDH0004"), QStringLiteral("SB00000004"));
        run(t, QStringLiteral("INSERT INTO events (id, recorded_at, station_id, operator_id, step, subject, "
                              "payload) VALUES "
                              "('forged', '2026-11-02T09:00:00.000Z', 'TEST-1', 'OP1', 'test', 'X', "
                              "'{\"result\":\"pass\"}')"));
        auto v = EventChain(t.db().connection()).verify();
        QCOMPARE(v->brokenId, QStringLiteral("forged"));
        QVERIFY(v->reason.contains(QStringLiteral("no link")));
    }
};

QTEST_GUILESS_MAIN(TestEventChain)
#include "TestEventChain.moc"
