// The status bar's counts: a full count once, then only the rows added since, equal to a full count
// at every point; a void (which deletes rows below the marks) asks for a full count again.
#include "TestDatabase.h"

#include "storage/TableCounts.h"

#include <QTest>

using namespace rework;

class TestTableCounts : public QObject
{
    Q_OBJECT

private slots:
    void sinceEqualsAFullCount()
    {
        test::TestDatabase t;
        const TableCounts counts(t.db().connection());
        const TableCounts::Counts base = counts.full().value();
        // The set-up's stations and operators are reference changes in the log; no card yet.
        QCOMPARE(base.events, counts.events().value());
        QCOMPARE(base.rows[TableCounts::Cards], 0);
        t.mountedUnit(QStringLiteral("ZT4090A000001"), QStringLiteral("SB00000001"));
        t.testedUnit(QStringLiteral("ZT4090A000002"), QStringLiteral("SB00000002"));
        const std::optional<TableCounts::Counts> now = counts.since(base).value();
        QVERIFY(now);
        const TableCounts::Counts full = counts.full().value();
        QCOMPARE(now->rows, full.rows);
        QCOMPARE(now->events, full.events);
        QCOMPARE(full.rows[TableCounts::Cards], 2);
        QCOMPARE(full.rows[TableCounts::Units], 2);
        QCOMPARE(counts.events().value(), full.events);
        // Counting on from the result, as the status bar does after every save, adds nothing twice.
        QVERIFY(t.record(Step::Intake, {"card=ZT4090A000005", "model=RTX4090", "lot=L1"}).ok());
        const std::optional<TableCounts::Counts> again = counts.since(*now).value();
        QVERIFY(again);
        const std::optional<TableCounts::Counts> same = counts.since(*again).value();
        QVERIFY(same);
        const TableCounts::Counts after = counts.full().value();
        QCOMPARE(again->rows, after.rows);
        QCOMPARE(same->rows, after.rows);
        QCOMPARE(same->events, after.events);
        QCOMPARE(after.rows[TableCounts::Cards], 3);
    }

    void aVoidAsksForAFullCount()
    {
        test::TestDatabase t;
        const TableCounts counts(t.db().connection());
        auto intake = t.record(Step::Intake, {"card=ZT4090A000003", "model=RTX4090", "lot=L1"});
        QVERIFY(intake.ok());
        const TableCounts::Counts base = counts.full().value();
        QCOMPARE(base.rows[TableCounts::Cards], 1);
        QVERIFY(t.record(Step::Void, {"event=" + intake->event.id, "reason=typo"}, "SUP1").ok());
        QVERIFY(!counts.since(base).value());
        QCOMPARE(counts.full().value().rows[TableCounts::Cards], 0);
    }
};

QTEST_GUILESS_MAIN(TestTableCounts)
#include "TestTableCounts.moc"
