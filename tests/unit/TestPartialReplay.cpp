// A void replays only the items it touches: the result must equal a full replay of the log
// (IntegrityChecker compares every derived table, rollups included), and the work must not grow
// with the size of the log.
#include "TestDatabase.h"
#include "demo/DemoGenerator.h"
#include "storage/EventStore.h"
#include "storage/IntegrityChecker.h"
#include "storage/Sql.h"
#include "storage/StateProjector.h"
#include "storage/Transaction.h"
#include "workflow/Recorder.h"

#include <QRandomGenerator>
#include <QTest>

using namespace rework;

namespace {

qint64 number(test::TestDatabase& t, const QString& statement, const QVariantList& binds = {})
{
    auto v = sql::scalar(t.db().connection(), statement, binds);
    return v.ok() ? v.value().toLongLong() : -1;
}

QStringList problemsOf(test::TestDatabase& t)
{
    auto problems = IntegrityChecker(t.db().connection()).run();
    return problems.ok() ? problems.value() : QStringList{problems.error().oneLine()};
}

} // namespace

class TestPartialReplay : public QObject
{
    Q_OBJECT

private slots:
    void everyKindOfVoidEqualsAFullReplay()
    {
        DemoGenerator::Options options;
        options.units = 80;
        options.seed = 7;
        test::TestDatabase t(options); // the history ends at the test's clock
        t.clock().advanceSeconds(3600);
        const qint64 events = number(t, QStringLiteral("SELECT count(*) FROM events"));
        QVERIFY(events > 400);
        // What a full replay rewrites, measured in a transaction that is rolled back.
        qint64 fullReplay = 0;
        {
            Transaction tx(t.db().connection());
            QVERIFY(tx.begin().ok());
            const qint64 before = number(t, QStringLiteral("SELECT total_changes()"));
            QVERIFY(StateProjector(t.db().connection()).rebuild().ok());
            fullReplay = number(t, QStringLiteral("SELECT total_changes()")) - before;
            tx.rollback();
        }

        // The newest records are the ones nothing builds on yet: try them newest first, one of
        // each step, until every step that can be voided has been. Work only: the test's own
        // stations and accounts came after the demo, and a reference change is never voided.
        auto candidates = sql::run(t.db().connection(),
                                   QStringLiteral("SELECT id, step FROM events WHERE step NOT IN ('void', "
                                                  "'reference') ORDER BY seq DESC LIMIT 400"));
        QVERIFY(candidates.ok());
        QList<std::pair<QString, QString>> newestFirst;
        while (candidates.value().next())
            newestFirst.append(
                {candidates.value().value(0).toString(), candidates.value().value(1).toString()});
        QSet<QString> voidedSteps;
        int voids = 0;
        for (const auto& [id, step] : std::as_const(newestFirst)) {
            if (voids >= 40)
                break;
            if (voidedSteps.contains(step) && voids >= 12)
                continue;
            const qint64 changesBefore = number(t, QStringLiteral("SELECT total_changes()"));
            auto v = t.record(Step::Void, {"event=" + id, "reason=test " + step}, "SUP1");
            if (!v.ok()) {
                QVERIFY2(v.error().code == ErrorCode::VoidBlocked, qPrintable(v.error().oneLine()));
                continue;
            }
            const qint64 changed = number(t, QStringLiteral("SELECT total_changes()")) - changesBefore;
            ++voids;
            voidedSteps.insert(step);
            const QStringList problems = problemsOf(t);
            QVERIFY2(problems.isEmpty(), qPrintable(step + ": " + problems.join(QStringLiteral("; "))));
            // One item's replay (a shipped batch at most) touches a small share of the rows.
            QVERIFY2(changed * 4 < fullReplay,
                     qPrintable(QStringLiteral("%1 of %2 rows changed by voiding a %3")
                                    .arg(changed)
                                    .arg(fullReplay)
                                    .arg(step)));
        }
        QVERIFY2(voids >= 5, qPrintable(QString::number(voids)));
        for (const char* step : {"pack", "test"})
            QVERIFY2(voidedSteps.contains(QLatin1StringView(step)), step);
    }

    /// `check SERIAL`: one item's genealogy replayed alone equals its rows, for every kind of
    /// item; a row changed behind the log is named, others are not, and nothing is written.
    void oneItemIsCheckedByItsGenealogyAlone()
    {
        DemoGenerator::Options options;
        options.units = 60;
        options.seed = 11;
        test::TestDatabase t(options); // the history ends at the test's clock
        const QSqlDatabase db = t.db().connection();
        const QString unit =
            sql::scalar(db, QStringLiteral("SELECT serial FROM units WHERE batch_id IS NOT NULL LIMIT 1"))
                .value()
                .toString();
        const QStringList items{
            unit,
            sql::scalar(db, QStringLiteral("SELECT batch_id FROM units WHERE serial = ?"), {unit})
                .value()
                .toString(),
            sql::scalar(db, QStringLiteral("SELECT card_serial FROM units WHERE serial = ?"), {unit})
                .value()
                .toString(),
            sql::scalar(db, QStringLiteral("SELECT id FROM dies WHERE state = 'scrapped' LIMIT 1"))
                .value()
                .toString(),
        };
        const qint64 all = number(t, QStringLiteral("SELECT count(*) FROM events"));
        for (const QString& item : items) {
            QVERIFY2(!item.isEmpty(), "the demo lacks an item kind");
            qint64 replayed = 0;
            auto problems = IntegrityChecker(db).checkItem(item, &replayed);
            QVERIFY2(problems.ok(), qPrintable(problems.ok() ? QString() : problems.error().oneLine()));
            QVERIFY2(problems->isEmpty(), qPrintable(problems->join(QLatin1Char('\n'))));
            QVERIFY(replayed > 0);
            QVERIFY2(replayed < all / 2, qPrintable(QString::number(replayed))); // the genealogy, not the log
        }
        auto unknown = IntegrityChecker(db).checkItem(QStringLiteral("ZT4090A000000"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, ErrorCode::UnknownSerial);
        // A state written behind the log's back.
        QVERIFY(sql::exec(db, QStringLiteral("UPDATE units SET state = 'scrapped' WHERE serial = ?"), {unit})
                    .ok());
        const QString before = t.dump();
        auto found = IntegrityChecker(db).checkItem(unit);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 1);
        QVERIFY2(found->first().contains(unit), qPrintable(found->first()));
        QCOMPARE(t.dump(), before);
        const QString other =
            sql::scalar(db, QStringLiteral("SELECT serial FROM units WHERE batch_id IS NULL LIMIT 1"))
                .value()
                .toString();
        QVERIFY(!other.isEmpty());
        QVERIFY(IntegrityChecker(db).checkItem(other)->isEmpty());
    }

    void voidingTheFirstCardOfAnHourEmptiesItsCounters()
    {
        test::TestDatabase t;
        auto intake = t.record(Step::Intake, {"card=ZT4090P000001", "model=RTX4090", "lot=LOT-1"});
        QVERIFY(intake.ok());
        QCOMPARE(number(t, QStringLiteral("SELECT count(*) FROM kpi_cards")), 1);
        QVERIFY(t.record(Step::Void, {"event=" + intake->event.id, "reason=wrong card"}, "SUP1").ok());
        QCOMPARE(number(t, QStringLiteral("SELECT count(*) FROM cards")), 0);
        QCOMPARE(number(t, QStringLiteral("SELECT count(*) FROM kpi_cards")), 0);
        QCOMPARE(number(t, QStringLiteral("SELECT count(*) FROM kpi_hourly")), 0);
        QVERIFY(problemsOf(t).isEmpty());
        // The serial is free again.
        QVERIFY(t.record(Step::Intake, {"card=ZT4090P000001", "model=RTX4090", "lot=LOT-2"}).ok());
        QVERIFY(problemsOf(t).isEmpty());
    }

    void voidingAPulledDuplicateGpuReportClearsTheAnomaly()
    {
        test::TestDatabase t;
        const QString gpu = QStringLiteral("GPU-11111111-2222-3333-4444-555555555555");
        const QString first = t.mountedUnit("ZT4090A000001", "SB00000001");
        const QString second = t.mountedUnit("ZT4090A000002", "SB00000002");
        for (const QString& unit : {first, second})
            QVERIFY(t.record(Step::Inspect, {"unit=" + unit, "result=pass"}).ok());
        QVERIFY(t.record(Step::Test, {"unit=" + first, "result=pass"}, t.report(gpu)).ok());
        // The rules refuse a second unit with the same GPU here; another station, offline, did
        // not know and its test arrives by sync, as SyncEngine applies it.
        auto own = t.passTest(second);
        QVERIFY(own.ok());
        QVERIFY(t.record(Step::Void, {"event=" + own->event.id, "reason=retest"}, "SUP1").ok());
        EventRecord pulled = own->event;
        pulled.id = QStringLiteral("01900000-0000-7000-8000-0000000000aa");
        pulled.stationId = QStringLiteral("TEST-9");
        pulled.payload.insert(QStringLiteral("gpu_uuid"), gpu);
        {
            Transaction tx(t.db().connection());
            QVERIFY(tx.begin().ok());
            QVERIFY(EventStore(t.db().connection())
                        .append(pulled, own->decision.subjects, EventStore::Origin::Pulled)
                        .ok());
            QVERIFY(StateProjector(t.db().connection()).apply(pulled).ok());
            QVERIFY(tx.commit().ok());
        }
        QVERIFY(number(t, QStringLiteral("SELECT count(*) FROM kpi_anomalies")) > 0);
        QVERIFY2(problemsOf(t).isEmpty(), qPrintable(problemsOf(t).join("; ")));
        QVERIFY(t.record(Step::Void, {"event=" + pulled.id, "reason=wrong report"}, "SUP1").ok());
        QCOMPARE(number(t, QStringLiteral("SELECT count(*) FROM kpi_anomalies")), 0);
        QCOMPARE(number(t, QStringLiteral("SELECT count(*) FROM units WHERE gpu_uuid = ?"), {gpu}), 1);
        QVERIFY(problemsOf(t).isEmpty());
    }

    void aVoidIsInTheAuditTrail()
    {
        test::TestDatabase t;
        auto intake = t.record(Step::Intake, {"card=ZT4090P000001", "model=RTX4090", "lot=LOT-1"});
        QVERIFY(t.record(Step::Void, {"event=" + intake->event.id, "reason=typo in lot"}, "SUP1").ok());
        auto entry =
            sql::run(t.db().connection(), QStringLiteral("SELECT kind, operator_id, detail FROM audit_log "
                                                         "WHERE kind = 'void'"));
        QVERIFY(entry.ok() && entry.value().next());
        QCOMPARE(entry.value().value(1).toString(), QStringLiteral("SUP1"));
        const QString detail = entry.value().value(2).toString();
        QVERIFY2(detail.contains(intake->event.id) && detail.contains(QStringLiteral("typo in lot")),
                 qPrintable(detail));
    }
};

QTEST_GUILESS_MAIN(TestPartialReplay)
#include "TestPartialReplay.moc"
