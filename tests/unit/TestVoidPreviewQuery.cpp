// "What does voiding record X undo?": the items, a later record in the way, labels printed since
// and batches already closed, read without changing anything.
#include "TestDatabase.h"
#include "labels/LabelPrintLog.h"
#include "trace/VoidPreviewQuery.h"

#include <QTest>

using namespace rework;

class TestVoidPreviewQuery : public QObject
{
    Q_OBJECT

    /// A label printed to a PDF, or (`queued`) sent to a network printer that has not taken it.
    static QString printLabel(test::TestDatabase& t, const QString& templateName, const QString& subject,
                              bool queued = false)
    {
        LabelPrintLog::Print p;
        p.template_ = templateName;
        p.subject = subject;
        p.output = QStringLiteral("pdf");
        p.target = QStringLiteral("/tmp/label.pdf");
        p.stationId = QStringLiteral("PACK-1");
        p.operatorId = QStringLiteral("OP1");
        t.clock().advanceSeconds(60);
        p.printedAt = t.clock().now();
        Result<LabelPrintLog::Print> recorded =
            LabelPrintLog(t.db().connection()).record(p, queued ? QByteArray("^XA^XZ") : QByteArray());
        return recorded.ok() ? recorded->id : QString();
    }

private slots:
    void closeUndoesTheCloseAndNamesTheBatchLabel()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        // a unit label printed after its test, before the batch: not made wrong by voiding the close
        printLabel(t, QStringLiteral("unit-label"), unit);
        auto pack = t.record(Step::Pack, {"unit=" + unit, "batch=B2611-001"});
        QVERIFY(pack.ok());
        auto close = t.record(Step::Close, {QStringLiteral("batch=B2611-001")});
        QVERIFY(close.ok());
        printLabel(t, QStringLiteral("batch-label"), QStringLiteral("B2611-001"));
        const QString before = t.dump();

        Result<VoidPreview> p = VoidPreviewQuery(t.db().connection()).of(close->event.id);
        QVERIFY(p.ok());
        QVERIFY(p->voidable());
        QCOMPARE(p->event.step, QStringLiteral("close"));
        QVERIFY(p->items.contains(QStringLiteral("B2611-001")));
        QCOMPARE(p->printedLabels.size(), 1);
        QCOMPARE(p->printedLabels.first().templateName, QStringLiteral("batch-label"));
        QCOMPARE(p->closedBatches.size(), 1);
        const QString said = p->effects().join(QLatin1Char('\n'));
        QVERIFY2(said.contains(QStringLiteral("Batch B2611-001 opens again")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("\"batch-label\" of B2611-001")), qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("unit-label")), qPrintable(said));
        QCOMPARE(t.dump(), before); // a question, never a change

        // the pack under the close: blocked by it, and the closed batch is said
        Result<VoidPreview> packed = VoidPreviewQuery(t.db().connection()).of(pack->event.id);
        QVERIFY(packed.ok());
        QVERIFY(!packed->voidable());
        QCOMPARE(packed->blockedBy, close->event.id);
        const QString packSaid = packed->effects().join(QLatin1Char('\n'));
        QVERIFY2(packSaid.contains(QStringLiteral("void that one first")), qPrintable(packSaid));
        QVERIFY2(packSaid.contains(QStringLiteral("Batch B2611-001 is already closed")),
                 qPrintable(packSaid));
        QVERIFY2(packSaid.contains(QStringLiteral("leaves batch B2611-001")), qPrintable(packSaid));
        QCOMPARE(t.dump(), before);
    }

    /// A label cancelled before it printed is not on any carton: not named. One still queued is
    /// not on paper either, but would print what no longer holds: named as waiting, to cancel.
    void onlyLabelsOnPaperAreToTakeOffAndWaitingOnesToCancel()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        auto pack = t.record(Step::Pack, {"unit=" + unit, "batch=B2611-001"});
        auto close = t.record(Step::Close, {QStringLiteral("batch=B2611-001")});
        QVERIFY(pack.ok() && close.ok());
        const QString cancelled =
            printLabel(t, QStringLiteral("batch-label"), QStringLiteral("B2611-001"), true);
        QVERIFY(!cancelled.isEmpty());
        Result<LabelPrintLog::Print> cancelledNow =
            LabelPrintLog(t.db().connection())
                .cancel(cancelled, QStringLiteral("wrong printer"), QStringLiteral("OP1"),
                        QStringLiteral("PACK-1"), t.clock().now());
        QVERIFY2(cancelledNow.ok(), cancelledNow.ok() ? "" : qPrintable(cancelledNow.error().message));
        Result<VoidPreview> p = VoidPreviewQuery(t.db().connection()).of(close->event.id);
        QVERIFY(p.ok());
        QVERIFY(p->printedLabels.isEmpty());
        QVERIFY(!printLabel(t, QStringLiteral("batch-label"), QStringLiteral("B2611-001"), true).isEmpty());
        p = VoidPreviewQuery(t.db().connection()).of(close->event.id);
        QVERIFY(p.ok());
        QCOMPARE(p->printedLabels.size(), 1);
        QVERIFY(p->printedLabels.first().waiting);
        const QString said = p->effects().join(QLatin1Char('\n'));
        QVERIFY2(said.contains(QStringLiteral("is still waiting for")), qPrintable(said));
        QVERIFY2(!said.contains(QStringLiteral("take it off")), qPrintable(said));
    }

    void aVoidAndAnUnknownIdAreSaidSo()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        auto pack = t.record(Step::Pack, {"unit=" + unit, "batch=B2611-001"});
        QVERIFY(pack.ok());
        auto voided = t.record(Step::Void, {"event=" + pack->event.id, QStringLiteral("reason=wrong carton")},
                               QStringLiteral("SUP1"));
        QVERIFY2(voided.ok(), voided.ok() ? "" : qPrintable(voided.error().message));
        Result<VoidPreview> again = VoidPreviewQuery(t.db().connection()).of(pack->event.id);
        QVERIFY(again.ok());
        QVERIFY(again->alreadyVoid);
        QVERIFY(!again->voidable());
        Result<VoidPreview> ofVoid = VoidPreviewQuery(t.db().connection()).of(voided->event.id);
        QVERIFY(ofVoid.ok());
        QVERIFY(ofVoid->isVoid);
        QVERIFY(!ofVoid->voidable());
        Result<VoidPreview> unknown =
            VoidPreviewQuery(t.db().connection()).of(QStringLiteral("00000000-0000-0000-0000-000000000000"));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, ErrorCode::UnknownSerial);
    }
};

QTEST_GUILESS_MAIN(TestVoidPreviewQuery)
#include "TestVoidPreviewQuery.moc"
