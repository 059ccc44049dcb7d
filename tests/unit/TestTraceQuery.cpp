#include "TestDatabase.h"
#include "trace/TraceQuery.h"

#include <QJsonArray>
#include <QTest>

using namespace rework;

class TestTraceQuery : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    QString unit, die;
    const QString uuid = QStringLiteral("GPU-2d3f0a1b-0c4d-5e6f-7a8b-9c0d1e2f3a4b");

private slots:
    void initTestCase()
    {
        t = std::make_unique<test::TestDatabase>();
        QVERIFY(
            t->record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=LOT-9", "gpu_uuid=" + uuid})
                .ok());
        die = t->record(Step::Strip, {"card=ZT4090A123456"}).value().createdId();
        QVERIFY(t->record(Step::Reball, {"die=" + die}).ok());
        unit = t->record(Step::Mount, {"die=" + die, "board=SB00000001"}).value().createdId();
        QVERIFY(t->record(Step::Inspect, {"unit=" + unit, "result=fail", "void_pct=30"}).ok());
        QVERIFY(t->record(Step::Reball, {"die=" + die}).ok());
        QVERIFY(t->record(Step::Mount, {"die=" + die, "board=SB00000001"}).ok());
        QVERIFY(t->record(Step::Inspect, {"unit=" + unit, "result=pass"}).ok());
        QVERIFY(t->record(Step::Test, {"unit=" + unit, "result=pass"}, t->report(uuid)).ok());
        QVERIFY(t->record(Step::Pack, {"unit=" + unit, "batch=B2611-001"}).ok());
        QVERIFY(t->record(Step::Close, {"batch=B2611-001"}, "SUP1").ok());
    }

    void everySerialLeadsToTheSameHistory_data()
    {
        QTest::addColumn<QString>("serial");
        QTest::addColumn<QString>("kind");
        QTest::newRow("card") << "ZT4090A123456"
                              << "card";
        QTest::newRow("card lower case") << "zt4090a123456"
                                         << "card";
        QTest::newRow("die") << die << "die";
        QTest::newRow("board") << "SB00000001"
                               << "board";
        QTest::newRow("unit") << unit << "unit";
        QTest::newRow("gpu uuid") << uuid.toUpper() << "unit";
    }
    void everySerialLeadsToTheSameHistory()
    {
        QFETCH(QString, serial);
        QFETCH(QString, kind);
        auto trace = TraceQuery(t->db().connection()).find(serial);
        QVERIFY2(trace.ok(), trace.ok() ? "" : qPrintable(trace.error().message));
        QCOMPARE(trace->foundKind, kind);
        QVERIFY(trace->card && trace->die && trace->board && trace->unit && trace->batch);
        QCOMPARE(trace->unit->serial, unit);
        QCOMPARE(trace->card->lot, QStringLiteral("LOT-9"));
        QStringList steps;
        for (const EventRecord& e : trace->events)
            steps << e.step;
        QCOMPARE(steps, (QStringList{"intake", "strip", "reball", "mount", "inspect", "reball", "mount",
                                     "inspect", "test", "pack", "close"}));
        const QString text = trace->toText();
        for (const QString& s : {QStringLiteral("intake"), QStringLiteral("test"), unit, die})
            QVERIFY2(text.contains(s), qPrintable(s));
        QCOMPARE(trace->toJson().value("events").toArray().size(), 11);
    }

    void batchTraceListsItsUnits()
    {
        auto trace = TraceQuery(t->db().connection()).find(QStringLiteral("B2611-001"));
        QVERIFY(trace.ok());
        QCOMPARE(trace->foundKind, QStringLiteral("batch"));
        QCOMPARE(trace->batchUnits.size(), 1);
        QCOMPARE(trace->batchUnits.first().serial, unit);
        QCOMPARE(trace->events.size(), 2); // pack and close
    }

    void unknownOrHostileSerialsAreClearErrors_data()
    {
        QTest::addColumn<QString>("serial");
        QTest::newRow("unknown") << "NOSUCHSERIAL";
        QTest::newRow("empty") << "  ";
        QTest::newRow("sql") << "' OR 1=1 --";
        QTest::newRow("huge") << QString(10000, QLatin1Char('9'));
    }
    void unknownOrHostileSerialsAreClearErrors()
    {
        QFETCH(QString, serial);
        auto trace = TraceQuery(t->db().connection()).find(serial);
        QVERIFY(!trace.ok());
        QVERIFY(trace.error().code == ErrorCode::UnknownSerial ||
                trace.error().code == ErrorCode::MalformedSerial);
    }

    void voidedRecordsStayVisibleAndMarked()
    {
        test::TestDatabase db;
        QVERIFY(db.record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).ok());
        auto strip = db.record(Step::Strip, {"card=ZT4090A123456", "marking=AD102-301-A1"});
        QVERIFY(db.record(Step::Void, {"event=" + strip->event.id, "reason=wrong card"}, "SUP1").ok());
        auto trace = TraceQuery(db.db().connection()).find(QStringLiteral("ZT4090A123456"));
        QVERIFY(trace.ok());
        QCOMPARE(trace->card->state, QStringLiteral("received"));
        QVERIFY(!trace->die);
        bool sawVoided = false;
        for (const EventRecord& e : trace->events)
            sawVoided |= (e.step == QLatin1String("strip") && e.voided);
        QVERIFY(sawVoided);
        QCOMPARE(trace->events.last().step, QStringLiteral("void"));
        QVERIFY(trace->toText().contains(QStringLiteral("VOID")));
    }
};

QTEST_GUILESS_MAIN(TestTraceQuery)
#include "TestTraceQuery.moc"
