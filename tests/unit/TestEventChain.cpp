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

    static void run(test::TestDatabase& t, const char* statement)
    {
        QVERIFY2(sql::run(t.db().connection(), QString::fromLatin1(statement)).ok(), statement);
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
        t.testedUnit(QStringLiteral("CARDH0001"), QStringLiteral("SB00000001"));
        auto v = EventChain(t.db().connection()).verify();
        QVERIFY(v.ok());
        QCOMPARE(v->brokenSeq, 0);
        QCOMPARE(v->checked, 6);
        const auto head = EventChain(t.db().connection()).head().value();
        QCOMPARE(head.first, 6);
        QCOMPARE(head.second.size(), 64);
    }

    void aChangedPayloadIsNamed()
    {
        test::TestDatabase t;
        t.testedUnit(QStringLiteral("CARDH0002"), QStringLiteral("SB00000002"));
        // Someone with the file and the sqlite3 shell: triggers dropped, a record edited.
        run(t, "DROP TRIGGER events_append_only_update");
        run(t, "UPDATE events SET payload = replace(payload, 'pass', 'fail') WHERE seq = 5");
        auto v = EventChain(t.db().connection()).verify();
        QCOMPARE(v->brokenSeq, 5);
        QCOMPARE(v->brokenId, idAt(t, 5));
        QVERIFY(v->reason.contains(idAt(t, 5)));
    }

    void aRemovedEventIsNamed()
    {
        test::TestDatabase t;
        t.testedUnit(QStringLiteral("CARDH0003"), QStringLiteral("SB00000003"));
        run(t, "PRAGMA foreign_keys = OFF");
        run(t, "DROP TRIGGER events_append_only_delete");
        run(t, "DELETE FROM event_subjects WHERE event_seq = 6");
        run(t, "DELETE FROM sync_outbox WHERE event_seq = 6");
        run(t, "DELETE FROM events WHERE seq = 6"); // the last one: no later link to trip over
        auto v = EventChain(t.db().connection()).verify();
        QCOMPARE(v->brokenSeq, 6);
        QVERIFY(v->reason.contains(QStringLiteral("removed")));
    }

    void anEventSlippedInIsNamed()
    {
        test::TestDatabase t;
        t.mountedUnit(QStringLiteral("CARDH0004"), QStringLiteral("SB00000004"));
        run(t,
            "INSERT INTO events (id, recorded_at, station_id, operator_id, step, subject, payload) VALUES "
            "('forged', '2026-11-02T09:00:00.000Z', 'TEST-1', 'OP1', 'test', 'X', '{\"result\":\"pass\"}')");
        auto v = EventChain(t.db().connection()).verify();
        QCOMPARE(v->brokenId, QStringLiteral("forged"));
        QVERIFY(v->reason.contains(QStringLiteral("no link")));
    }
};

QTEST_GUILESS_MAIN(TestEventChain)
#include "TestEventChain.moc"
