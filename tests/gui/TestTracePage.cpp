// The Trace tab driven like a supervisor with a scanner: the genealogy tree, the timeline with
// translated steps and figures, evidence opened from its row, and a void chosen by selecting a
// row, confirmed (or cancelled) in a dialog that says what it undoes.
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "RigLogs.h"
#include "TestDatabase.h"
#include "common/ReflowCurveView.h"
#include "common/ResultBanner.h"
#include "common/TimelineModel.h"
#include "domain/EventPayload.h"
#include "importers/RigRunReader.h"
#include "importers/TestPlan.h"
#include "labels/LabelPrintLog.h"
#include "shell/MainWindow.h"
#include "stations/StationPage.h"
#include "storage/EvidenceStore.h"
#include "storage/Sql.h"
#include "tracing/GenealogyModel.h"
#include "tracing/TracePage.h"
#include "tracing/VoidDialog.h"
#include "workflow/StepSchema.h"

#include <QAbstractItemModelTester>
#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QUrl>

using namespace rework;

/// Takes the desktop's "open this file" instead of a viewer.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl& url) { opened << url; }
};

class TestTracePage : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    std::unique_ptr<MainWindow> w;

    TracePage* page() const { return w->tracePage(); }
    QString value(const QString& statement)
    {
        auto v = sql::scalar(t->db().connection(), statement);
        return v.ok() ? v.value().toString() : QString();
    }
    /// Logs in at PACK-1 and traces `serial` from the Trace tab with the scanner.
    void traceAs(const QString& op, const QString& serial)
    {
        test::logInAt(*w, QStringLiteral("PACK-1"), op);
        w->tabs()->setCurrentWidget(page());
        page()->traceField()->setFocus();
        test::scan(serial);
    }
    QString cell(const QModelIndex& itemIndex, int column) const
    {
        return itemIndex.siblingAtColumn(column).data().toString();
    }
    int rowOfStep(const QString& step) const
    {
        for (int r = 0; r < page()->timelineModel()->rowCount(); ++r) {
            if (page()->timelineModel()->event(r).step == step)
                return r;
        }
        return -1;
    }
    struct Closed
    {
        QString unit, packId, closeId;
    };
    /// A unit packed into B2611-001, the batch closed and its label printed.
    Closed closedBatch()
    {
        Closed c;
        c.unit = t->testedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        auto pack = t->record(Step::Pack, {"unit=" + c.unit, QStringLiteral("batch=B2611-001")});
        auto close = t->record(Step::Close, {QStringLiteral("batch=B2611-001")});
        [&] { QVERIFY(pack.ok() && close.ok()); }();
        c.packId = pack.ok() ? pack->event.id : QString();
        c.closeId = close.ok() ? close->event.id : QString();
        LabelPrintLog::Print p;
        p.template_ = QStringLiteral("batch-label");
        p.subject = QStringLiteral("B2611-001");
        p.output = QStringLiteral("pdf");
        p.target = QStringLiteral("/tmp/b.pdf");
        p.stationId = QStringLiteral("PACK-1");
        p.operatorId = QStringLiteral("OP1");
        t->clock().advanceSeconds(60);
        p.printedAt = t->clock().now();
        [&] { QVERIFY(LabelPrintLog(t->db().connection()).record(p).ok()); }();
        return c;
    }

private slots:
    void init()
    {
        t = std::make_unique<test::TestDatabase>();
        w = std::make_unique<MainWindow>(t->db(), t->recorder());
        new QAbstractItemModelTester(page()->genealogyModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, w.get());
        new QAbstractItemModelTester(page()->timelineModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, w.get());
        test::showAndActivate(*w);
    }
    void cleanup()
    {
        w.reset();
        t.reset();
    }

    void treeShowsTheGenealogy()
    {
        const Closed c = closedBatch();
        const QString unit = c.unit;
        traceAs(QStringLiteral("OP1"), unit);
        GenealogyModel* m = page()->genealogyModel();
        // card → die → board → unit → batch, one generation under the other
        const QModelIndex card = m->index(0, GenealogyModel::Item);
        QCOMPARE(cell(card, GenealogyModel::Serial), QStringLiteral("ZT4090A123456"));
        const QModelIndex die = m->index(0, GenealogyModel::Item, card);
        QCOMPARE(cell(die, GenealogyModel::Item), QStringLiteral("Die"));
        QVERIFY2(cell(die, GenealogyModel::Details).contains(QStringLiteral("reflows: ")),
                 qPrintable(cell(die, GenealogyModel::Details)));
        const QModelIndex board = m->index(0, GenealogyModel::Item, die);
        QCOMPARE(cell(board, GenealogyModel::Serial), QStringLiteral("SB00000001"));
        const QModelIndex unitRow = m->index(0, GenealogyModel::Item, board);
        QCOMPARE(cell(unitRow, GenealogyModel::Serial), unit);
        QVERIFY2(cell(unitRow, GenealogyModel::Details).contains(QStringLiteral("GPU GPU-")),
                 qPrintable(cell(unitRow, GenealogyModel::Details)));
        QVERIFY(unitRow.data(Qt::FontRole).value<QFont>().bold()); // the item asked for
        const QModelIndex batch = m->index(0, GenealogyModel::Item, unitRow);
        QCOMPARE(cell(batch, GenealogyModel::Serial), QStringLiteral("B2611-001"));
        QCOMPARE(cell(batch, GenealogyModel::State), QStringLiteral("closed"));
        QVERIFY(page()->genealogyView()->isExpanded(unitRow));

        // the timeline: translated step names, outcomes, the test's figures; no event ids typed
        TimelineModel* tl = page()->timelineModel();
        const int test = rowOfStep(QStringLiteral("test"));
        QVERIFY(test >= 0);
        QCOMPARE(tl->index(test, TimelineModel::StepColumn).data().toString(), QStringLiteral("Test"));
        QVERIFY2(!tl->index(test, TimelineModel::Figures).data().toString().isEmpty(),
                 "the test's readings are shown");
        QVERIFY(rowOfStep(QStringLiteral("close")) > rowOfStep(QStringLiteral("pack")));

        // a batch asked for lists its units under it
        page()->traceField()->setFocus();
        test::scan(QStringLiteral("B2611-001"));
        const QModelIndex batchRoot = m->index(0, GenealogyModel::Item);
        QCOMPARE(cell(batchRoot, GenealogyModel::Serial), QStringLiteral("B2611-001"));
        QCOMPARE(m->rowCount(batchRoot), 1);
        QCOMPARE(cell(m->index(0, GenealogyModel::Item, batchRoot), GenealogyModel::Serial), unit);
    }

    /// A board that carried another die before (its mount voided: the wrong die went on) names
    /// that die in the tree, with the one it carries now as the unit's.
    void aBoardNamesTheOtherDiesItCarried()
    {
        const QString first = t->mountedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        const QString firstDie =
            value(QStringLiteral("SELECT die_id FROM units WHERE serial = '%1'").arg(first));
        const QString mountId =
            value(QStringLiteral("SELECT id FROM events WHERE step = 'mount' ORDER BY seq DESC LIMIT 1"));
        QVERIFY(!firstDie.isEmpty() && !mountId.isEmpty());
        QVERIFY(t->record(Step::Void, {"event=" + mountId, QStringLiteral("reason=wrong die on the board")},
                          QStringLiteral("SUP1"))
                    .ok());
        const QString second = t->mountedUnit(QStringLiteral("ZT4090A654321"), QStringLiteral("SB00000001"));
        const QString secondDie =
            value(QStringLiteral("SELECT die_id FROM units WHERE serial = '%1'").arg(second));
        QVERIFY(!secondDie.isEmpty() && secondDie != firstDie);
        traceAs(QStringLiteral("OP1"), QStringLiteral("SB00000001"));
        const QModelIndex board = page()->genealogyModel()->find(QStringLiteral("SB00000001"));
        QVERIFY(board.isValid());
        const QString details = cell(board, GenealogyModel::Details);
        QVERIFY2(details.contains(QStringLiteral("other dies it carried: ") + firstDie), qPrintable(details));
        QVERIFY2(!details.contains(secondDie), qPrintable(details)); // the die it carries is its own row
        QCOMPARE(cell(page()->genealogyModel()->find(secondDie), GenealogyModel::Serial), secondDie);
    }

    void evidenceOpensFromItsRow()
    {
        const QString unit = t->mountedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        const QString xray = t->folder() + QStringLiteral("/xray-1.png");
        {
            QFile f(xray);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\x89PNG\r\n\x1a\nnot really");
        }
        Result<QString> stored = EvidenceStore(t->folder()).storeList(xray);
        QVERIFY(stored.ok());
        auto inspect = t->record(
            Step::Inspect, {"unit=" + unit, QStringLiteral("result=pass"), "evidence=" + stored.value()});
        QVERIFY2(inspect.ok(), inspect.ok() ? "" : qPrintable(inspect.error().message));
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
        traceAs(QStringLiteral("OP1"), unit);
        const int row = page()->rowOf(inspect->event.id);
        QVERIFY(row >= 0);
        QVERIFY(page()
                    ->timelineModel()
                    ->index(row, TimelineModel::Evidence)
                    .data()
                    .toString()
                    .contains(QStringLiteral("xray-1.png")));
        QVERIFY(!page()->evidenceButton()->isEnabled());
        page()->selectRow(row);
        QVERIFY(page()->evidenceButton()->isEnabled());
        QTest::mouseClick(page()->evidenceButton(), Qt::LeftButton);
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QCOMPARE(catcher.opened.size(), 1);
        QVERIFY(catcher.opened.first().isLocalFile());
        QVERIFY(QFile::exists(catcher.opened.first().toLocalFile()));
        QCOMPARE(page()->banner()->kind(), ResultBanner::Kind::None);
    }

    void aScanAfterAClickOnARowOrAButtonIsNotLost()
    {
        const Closed c = closedBatch();
        traceAs(QStringLiteral("SUP1"), c.unit);
        // a row clicked with the mouse: the table has the keyboard, the scan must still land
        QTableView* table = page()->timelineView();
        const int row = rowOfStep(QStringLiteral("pack"));
        QVERIFY(row >= 0);
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {},
            table->visualRect(page()->timelineModel()->index(row, TimelineModel::StepColumn)).center());
        QCOMPARE(QApplication::focusWidget(), table);
        test::scan(QStringLiteral("B2611-001"));
        QCOMPARE(cell(page()->genealogyModel()->index(0, GenealogyModel::Item), GenealogyModel::Serial),
                 QStringLiteral("B2611-001"));
        QCOMPARE(page()->traceField()->text(), QStringLiteral("B2611-001"));

        // a button and the dialog it opens: the keyboard is back in the field when it closes
        QVERIFY(page()->labelButton()->isEnabled());
        test::whenDialogOpens([](QWidget* dialog) { static_cast<QDialog*>(dialog)->reject(); });
        QTest::mouseClick(page()->labelButton(), Qt::LeftButton);
        QTRY_VERIFY(QApplication::activeModalWidget() == nullptr);
        QCOMPARE(QApplication::focusWidget(), page()->traceField());
        test::scan(c.unit);
        QCOMPARE(cell(page()->genealogyModel()->index(0, GenealogyModel::Item), GenealogyModel::Serial),
                 QStringLiteral("ZT4090A123456"));
        QCOMPARE(page()->banner()->kind(), ResultBanner::Kind::None);
    }

    void voidFromARowSaysWhatItUndoes()
    {
        const Closed c = closedBatch();
        traceAs(QStringLiteral("SUP1"), QStringLiteral("B2611-001"));
        const int row = page()->rowOf(c.closeId);
        QVERIFY(row >= 0);
        page()->selectRow(row);
        QVERIFY(page()->voidButton()->isEnabled());

        // Cancel: the dialog said what would happen, nothing changed
        const QString before = t->dump();
        QTest::mouseClick(page()->voidButton(), Qt::LeftButton);
        auto* dialog = page()->findChild<VoidDialog*>();
        QVERIFY(dialog);
        const QString said = dialog->findChild<QLabel*>(QStringLiteral("voidEffects"))->text();
        QVERIFY2(said.contains(QStringLiteral("Batch B2611-001 opens again")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("\"batch-label\" of B2611-001")), qPrintable(said));
        QTRY_COMPARE(QApplication::focusWidget(), dialog->reasonField());
        QTest::keyClicks(dialog->reasonField(), QStringLiteral("changed my mind"));
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QCOMPARE(t->dump(), before);
        QCOMPARE(page()->banner()->kind(), ResultBanner::Kind::None);
        QTRY_VERIFY(!page()->findChild<VoidDialog*>());
        QTRY_COMPARE(QApplication::focusWidget(), page()->traceField());

        // Confirmed with a reason: the core voids it, the timeline marks it, the batch reopens
        page()->selectRow(page()->rowOf(c.closeId));
        QTest::mouseClick(page()->voidButton(), Qt::LeftButton);
        dialog = page()->findChild<VoidDialog*>();
        QVERIFY(dialog);
        QTRY_COMPARE(QApplication::focusWidget(), dialog->reasonField());
        test::scan(QStringLiteral("closed too early"));
        QCOMPARE(page()->banner()->kind(), ResultBanner::Kind::Success);
        QCOMPARE(value("SELECT state FROM batches WHERE id = 'B2611-001'"), QStringLiteral("open"));
        QVERIFY(page()->timelineModel()->event(page()->rowOf(c.closeId)).voided);
        QCOMPARE(value("SELECT count(*) FROM voided_events"), QStringLiteral("1"));
        QTRY_VERIFY(!page()->findChild<VoidDialog*>());
    }

    void aVoidTheCoreWouldRefuseIsNotOffered()
    {
        const Closed c = closedBatch();
        const QString unit = c.unit;
        traceAs(QStringLiteral("SUP1"), unit);
        page()->selectRow(page()->rowOf(c.packId));
        const QString before = t->dump();
        QTest::mouseClick(page()->voidButton(), Qt::LeftButton);
        auto* dialog = page()->findChild<VoidDialog*>();
        QVERIFY(dialog);
        const QString said = dialog->findChild<QLabel*>(QStringLiteral("voidEffects"))->text();
        QVERIFY2(said.contains(QStringLiteral("void that one first")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("Batch B2611-001 is already closed")), qPrintable(said));
        QVERIFY(!dialog->confirmButton()->isEnabled());
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QCOMPARE(t->dump(), before);
    }

    void operatorsAreNotOfferedAVoid()
    {
        const Closed c = closedBatch();
        const QString unit = c.unit;
        traceAs(QStringLiteral("OP1"), unit);
        page()->selectRow(0);
        QVERIFY(page()->voidButton()->isHidden());
        QVERIFY(!page()->voidButton()->isEnabled());
    }

    void screenshotsAtShopScreenSizes_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1366x768") << QSize(1366, 768);
    }
    /// Everything of the page in sight on both screens: tree, timeline, buttons.
    void screenshotsAtShopScreenSizes()
    {
        QFETCH(QSize, screen);
        const Closed c = closedBatch();
        const QString unit = c.unit;
        traceAs(QStringLiteral("SUP1"), unit);
        w->showNormal();
        w->resize(screen - QSize(0, 40));
        QTest::qWait(50);
        QCOMPARE(w->size(), screen - QSize(0, 40));
        page()->selectRow(page()->rowOf(c.closeId));
        for (QWidget* b :
             {static_cast<QWidget*>(page()->voidButton()), static_cast<QWidget*>(page()->labelButton())}) {
            const QRect inWindow(b->mapTo(w.get(), QPoint(0, 0)), b->size());
            QVERIFY(w->rect().contains(inWindow));
        }
        const QString size = QStringLiteral("%1x%2").arg(screen.width()).arg(screen.height());
        test::screenshot(w.get(), QStringLiteral("trace-") + size);
        // the confirmation, as large as what it says
        QTest::mouseClick(page()->voidButton(), Qt::LeftButton);
        auto* dialog = page()->findChild<VoidDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        test::screenshot(dialog, QStringLiteral("void-dialog-") + size);
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        // the station's history beside the pack form: its outcome column in sight
        w->tabs()->setCurrentWidget(w->stationPage());
        w->stationPage()->showHistory(unit);
        QTest::qWait(50);
        auto* history = w->findChild<QTableView*>(QStringLiteral("historyTable"));
        QVERIFY(history);
        const int outcomeRight = history->columnViewportPosition(TimelineModel::Outcome) +
                                 history->columnWidth(TimelineModel::Outcome);
        QVERIFY2(outcomeRight <= history->viewport()->width(), qPrintable(QString::number(outcomeRight)));
        test::screenshot(w.get(), QStringLiteral("station-history-") + size);
    }

    /// A mount that imported a thermocouple log: the trace draws its curve with the liquidus and
    /// the peak window it was held to; a stored log altered since is refused, never drawn.
    void reflowCurveFromTheRecordedLog()
    {
        QVERIFY(t->record(Step::Intake, {"card=ZT4090P000104", "model=RTX4090", "lot=LOT-1"}).ok());
        const QString die = t->record(Step::Strip, {"card=ZT4090P000104"}).value().createdId();
        QVERIFY(t->record(Step::Reball, {"die=" + die}).ok());
        QFile csv(QDir(t->folder()).filePath(QStringLiteral("oven.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write(test::profileCsv(0.5, 240, 0.8));
        csv.close();
        Result<RigRunReader::Arguments> runs =
            RigRunReader::takeArguments(Step::Mount,
                                        {"die=" + die, QStringLiteral("board=SB00000104"),
                                         QStringLiteral("profile_log=") + csv.fileName()},
                                        t->folder(), TestPlan::defaultPlan());
        QVERIFY(runs.ok());
        Result<QJsonObject> fields = StepSchema::parse(Step::Mount, runs->rest);
        QVERIFY(fields.ok());
        Action a{Step::Mount, QString(), QStringLiteral("OP1"), fields.value()};
        a.runs = runs->runs;
        Result<Recorded> mount = t->record(a);
        QVERIFY2(mount.ok(), mount.ok() ? "" : qPrintable(mount.error().oneLine()));

        traceAs(QStringLiteral("SUP1"), QStringLiteral("SB00000104"));
        page()->selectRow(rowOfStep(QStringLiteral("strip")));
        QVERIFY(!page()->curveButton()->isEnabled()); // a strip imports no curve
        page()->selectRow(rowOfStep(QStringLiteral("mount")));
        QVERIFY(page()->curveButton()->isEnabled());
        QTest::mouseClick(page()->curveButton(), Qt::LeftButton);
        auto* dialog = w->findChild<QDialog*>(QStringLiteral("reflowCurveDialog"));
        QVERIFY(dialog);
        auto* view = dialog->findChild<ReflowCurveView*>();
        QVERIFY(view);
        // the thermocouple, the liquidus, the peak window's two bounds
        QCOMPARE(view->chart()->series().size(), 4);
        const QString title = view->chart()->title();
        QVERIFY2(title.contains(QStringLiteral("Peak 240.0 °C (window 230–250)")), qPrintable(title));
        QVERIFY2(title.contains(QStringLiteral("profile passed")), qPrintable(title));
        test::screenshot(dialog, QStringLiteral("reflow-curve"));
        dialog->close();

        // The stored copy altered behind the record's back: refused in words.
        const QString reference = mount->event.payload.value(payload::RigRuns)
                                      .toObject()
                                      .value(QStringLiteral("profile_log"))
                                      .toObject()
                                      .value(QStringLiteral("evidence"))
                                      .toString();
        QFile stored(EvidenceStore(t->folder()).storedPathFor(reference));
        stored.setPermissions(stored.permissions() | QFileDevice::WriteOwner);
        QVERIFY(stored.open(QIODevice::Append));
        stored.write("300,260\n");
        stored.close();
        QTest::mouseClick(page()->curveButton(), Qt::LeftButton);
        QCOMPARE(page()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(page()->banner()->text().contains(QStringLiteral("no longer matches")),
                 qPrintable(page()->banner()->text()));
    }
};

QTEST_MAIN(TestTracePage)
#include "TestTracePage.moc"
