// The station form's layout as the operator meets it (issue #18): an imported report's readings
// as a read-only panel with each value's limit and a green or red mark, the rarely used fields
// folded until a value lands in one, and the test form whole on a 1366x768 screen with a
// report in it.
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "RigLogs.h"
#include "TestDatabase.h"
#include "common/ResultBanner.h"
#include "shell/MainWindow.h"
#include "stations/ReadingsPanel.h"
#include "stations/StepForm.h"
#include "storage/LimitStore.h"
#include "storage/Sql.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>

using namespace rework;

namespace {

const QString kRtx4090Report =
    QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/netdata_rtx-4090-driver-535.xml");

} // namespace

class TestStationFormLayout : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    std::unique_ptr<MainWindow> w;

    QWidget* focused() const { return QApplication::focusWidget(); }
    StepForm* form() const { return w->currentForm(); }
    void loginAt(const QString& station)
    {
        test::logInAt(*w, station);
        QVERIFY(form());
    }
    QString inspectedUnit()
    {
        const QString unit = t->mountedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        [&] { QVERIFY(t->record(Step::Inspect, {"unit=" + unit, "result=pass"}).ok()); }();
        return unit;
    }
    /// Seen by the operator: shown in the window and not clipped away.
    static bool inSight(QWidget* widget) { return widget->isVisible() && !widget->visibleRegion().isEmpty(); }

private slots:
    void init()
    {
        t = std::make_unique<test::TestDatabase>();
        w = std::make_unique<MainWindow>(t->db(), t->recorder());
        test::showAndActivate(*w);
    }
    void cleanup()
    {
        w.reset();
        t.reset();
    }

    /// A real RTX 4090 report at test, the model's temperature limit tightened to 35 °C by an
    /// admin: the panel shows each reading with its limit, 40 °C red, the memory green, the idle
    /// Gen 1 link as unproven; the typed inputs give way to it and come back on Clear.
    void theReadingsPanelShowsValueLimitAndMark()
    {
        QVERIFY(LimitStore(t->db().connection(), t->clock())
                    .setLimit(QStringLiteral("test.temp_max_c"), QStringLiteral("RTX4090"), std::nullopt,
                              35.0, t->admin())
                    .ok());
        QVERIFY(t->recorder().reloadConfig().ok());
        const QString unit = inspectedUnit();
        loginAt(QStringLiteral("TEST-1"));
        ReadingsPanel* panel = form()->readingsPanel();
        QVERIFY(panel);
        QVERIFY(!panel->isVisible()); // no report yet: the readings are typed
        QVERIFY(inSight(form()->field(QStringLiteral("temp_max_c"))));
        test::scan(unit);
        QVERIFY(form()->importReport(kRtx4090Report));
        QTRY_VERIFY(inSight(panel));
        QVERIFY(!form()->field(QStringLiteral("temp_max_c"))->isVisible());
        QCOMPARE(form()->value(QStringLiteral("temp_max_c")), QStringLiteral("40")); // saved with the record

        QCOMPARE(panel->valueLabel(QStringLiteral("temp_max_c"))->text(), QStringLiteral("40"));
        QCOMPARE(panel->limitLabel(QStringLiteral("temp_max_c"))->text(), QStringLiteral("at most 35"));
        QCOMPARE(panel->mark(QStringLiteral("temp_max_c")), ReadingCheck::Mark::Outside);
        QLabel* red = panel->markLabel(QStringLiteral("temp_max_c"));
        QTRY_VERIFY(inSight(red));
        QVERIFY(red->autoFillBackground());
        QCOMPARE(red->palette().color(QPalette::Window), QColor(0xc6, 0x28, 0x28));

        QCOMPARE(panel->valueLabel(QStringLiteral("mem_mib"))->text(), QStringLiteral("24564"));
        QCOMPARE(panel->limitLabel(QStringLiteral("mem_mib"))->text(), QStringLiteral("24000 to 24600"));
        QCOMPARE(panel->mark(QStringLiteral("mem_mib")), ReadingCheck::Mark::Within);
        QCOMPARE(panel->markLabel(QStringLiteral("mem_mib"))->palette().color(QPalette::Window),
                 QColor(0x1b, 0x7f, 0x3b));
        QCOMPARE(panel->mark(QStringLiteral("pcie_gen")), ReadingCheck::Mark::Unproven);
        QCOMPARE(panel->valueLabel(QStringLiteral("gpu_uuid"))->text(),
                 QStringLiteral("GPU-71d1acc2-662d-2166-bf9f-65272d2fc437"));
        QCOMPARE(panel->limitLabel(QStringLiteral("vbios"))->text(), QString()); // a fact, no limit
        test::screenshot(w.get(), QStringLiteral("test-readings-panel"));

        // the red mark is the rule's own verdict: a pass is refused, nothing saved
        const QString before = t->dump();
        test::scan(QStringLiteral("#PASS"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QCOMPARE(t->dump(), before);

        QTest::keyClick(focused(), Qt::Key_Escape);
        QVERIFY(!panel->isVisible());
        QVERIFY(inSight(form()->field(QStringLiteral("temp_max_c"))));
        QVERIFY(!qobject_cast<QLineEdit*>(form()->field(QStringLiteral("temp_max_c")))->isReadOnly());
    }

    /// Without a report the readings are typed, and the cursor goes through them like any field.
    void readingsAreTypedWhereNoReportIsImported()
    {
        const QString unit = inspectedUnit();
        loginAt(QStringLiteral("TEST-1"));
        test::scan(unit);
        QCOMPARE(focused(), form()->field(QStringLiteral("result")));
        form()->field(QStringLiteral("mem_mib"))->setFocus();
        test::scan(QStringLiteral("24564"));
        QCOMPARE(focused(), form()->field(QStringLiteral("pcie_gen")));
        QCOMPARE(form()->value(QStringLiteral("mem_mib")), QStringLiteral("24564"));
        QVERIFY(inSight(form()->field(QStringLiteral("pcie_gen"))));
    }

    /// The inspect form's defect is folded; a scanned #DEFECT unfolds it with its code in sight,
    /// and Clear folds it again.
    void aDefectScanUnfoldsItsField()
    {
        const QString unit = t->mountedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        loginAt(QStringLiteral("INSPECT-1"));
        QPushButton* more = form()->moreFieldsButton();
        QVERIFY(more);
        QVERIFY(inSight(more));
        QVERIFY(form()->isFolded(QStringLiteral("defect")));
        QVERIFY(!form()->field(QStringLiteral("defect"))->isVisible());
        test::scan(unit);
        test::scan(QStringLiteral("#DEFECT:VOIDS"));
        QVERIFY(!form()->isFolded(QStringLiteral("defect")));
        QVERIFY(more->isChecked());
        QVERIFY(inSight(form()->field(QStringLiteral("defect"))));
        QCOMPARE(form()->value(QStringLiteral("defect")), QStringLiteral("VOIDS"));
        QCOMPARE(form()->value(QStringLiteral("result")), QStringLiteral("fail"));
        test::scan(QStringLiteral("#CLEAR"));
        QVERIFY(form()->isFolded(QStringLiteral("defect")));
        QVERIFY(!form()->field(QStringLiteral("defect"))->isVisible());
        QCOMPARE(focused(), form()->field(QStringLiteral("unit")));
    }

    /// A refusal that names a folded field unfolds it and puts the cursor in it; nothing saved.
    void aRefusalUnfoldsTheFieldItNames()
    {
        const QString unit = t->mountedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        loginAt(QStringLiteral("INSPECT-1"));
        const QString before = t->dump();
        test::scan(unit);
        test::scan(QStringLiteral("#FAIL"));
        test::saveShortcut(); // a failed inspection needs a defect code
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QCOMPARE(t->dump(), before);
        QVERIFY(!form()->isFolded(QStringLiteral("defect")));
        QVERIFY(inSight(form()->field(QStringLiteral("defect"))));
        QCOMPARE(focused(), form()->field(QStringLiteral("defect")));
    }

    /// An attached file lands in the folded evidence field: it unfolds, the file in sight.
    void anAttachedFileUnfoldsTheEvidence()
    {
        loginAt(QStringLiteral("STRIP-1"));
        QVERIFY(form()->isFolded(QStringLiteral("evidence")));
        form()->attachEvidence(t->folder() + QStringLiteral("/xray.png"));
        QVERIFY(!form()->isFolded(QStringLiteral("evidence")));
        QVERIFY(inSight(form()->field(QStringLiteral("evidence"))));
        QTest::keyClick(form()->firstField(), Qt::Key_Escape);
        QVERIFY(form()->isFolded(QStringLiteral("evidence")));
    }

    /// Folded fields take no scan: Enter before them leaves the cursor where it is (Ctrl+Enter
    /// or #SAVE saves); unfolded, the cursor goes on into them.
    void theCursorSkipsFoldedFields()
    {
        const QString unit = t->mountedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        loginAt(QStringLiteral("INSPECT-1"));
        test::scan(unit);
        test::scan(QStringLiteral("#PASS"));
        QCOMPARE(focused(), form()->field(QStringLiteral("void_pct")));
        form()->field(QStringLiteral("rail_short"))->setFocus();
        const QString before = t->dump();
        QTest::keyClick(focused(), Qt::Key_Return);
        QCOMPARE(focused(), form()->field(QStringLiteral("rail_short")));
        QCOMPARE(t->dump(), before);
        QTest::mouseClick(form()->moreFieldsButton(), Qt::LeftButton);
        QVERIFY(inSight(form()->field(QStringLiteral("defect"))));
        QTest::keyClick(focused(), Qt::Key_Return);
        QCOMPARE(focused(), form()->field(QStringLiteral("defect")));
    }

    /// On a 1366x768 screen the test form holds a report's panel without a scroll bar.
    void aTestFormWithAReportFitsA1366Screen()
    {
        const QString unit = inspectedUnit();
        w->resize(QSize(1366, 768) - QSize(0, 40));
        loginAt(QStringLiteral("TEST-1"));
        test::scan(unit);
        QVERIFY(form()->importReport(kRtx4090Report));
        QTest::qWait(30);
        test::screenshot(w.get(), QStringLiteral("test-readings-panel-1366x768"));
        QCOMPARE(w->size(), QSize(1366, 728));
        QScrollArea* area = form()->fieldsArea();
        QVERIFY2(area->horizontalScrollBar()->maximum() == 0,
                 qPrintable(QStringLiteral("%1 px wider than %2")
                                .arg(area->horizontalScrollBar()->maximum())
                                .arg(area->viewport()->width())));
        QVERIFY2(area->verticalScrollBar()->maximum() == 0,
                 qPrintable(QStringLiteral("%1 px more than %2")
                                .arg(area->verticalScrollBar()->maximum())
                                .arg(area->viewport()->height())));
        QVERIFY(inSight(form()->readingsPanel()));
    }

    /// A rig log picked by hand at mount: the core tells its kind, judges it by the PC's plan and
    /// it goes with the record; a log the step does not take is refused and nothing is kept.
    void aRigLogGoesWithTheRecord()
    {
        QVERIFY(t->record(Step::Intake, {"card=ZT4090P000104", "model=RTX4090", "lot=LOT-1"}).ok());
        const QString die = t->record(Step::Strip, {"card=ZT4090P000104"}).value().createdId();
        QVERIFY(t->record(Step::Reball, {"die=" + die}).ok());
        const QString csv = QDir(t->folder()).filePath(QStringLiteral("oven.csv"));
        QFile out(csv);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(test::profileCsv(0.5, 240, 0.8));
        out.close();
        loginAt(QStringLiteral("MOUNT-1"));
        StepForm* form = w->currentForm();
        QVERIFY(form->findChild<QPushButton*>(QStringLiteral("importRigLog")));
        // A burn-in log is no mount's: refused, nothing staged.
        const QString before = t->dump();
        QVERIFY(!form->importRigLog(
            QStringLiteral(REWORK_FIXTURES_DIR) +
            QStringLiteral("/test-rigs/stibbons1990_hex__gpu-burn-rtx3070ti-float-120s-pass.log")));
        QCOMPARE(form->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(form->banner()->text().contains(QStringLiteral("does not take")),
                 qPrintable(form->banner()->text()));
        QVERIFY(form->rigRuns().isEmpty());
        QVERIFY(form->importRigLog(csv));
        QCOMPARE(form->banner()->kind(), ResultBanner::Kind::Success);
        QCOMPARE(form->rigRuns().size(), 1);
        QCOMPARE(t->dump(), before); // read and staged, nothing recorded yet
        form->setValue(QStringLiteral("die"), die);
        form->setValue(QStringLiteral("board"), QStringLiteral("SB00000104"));
        QVERIFY(form->save());
        QCOMPARE(sql::scalar(t->db().connection(),
                             QStringLiteral(
                                 "SELECT json_extract(payload, '$.peak_c') FROM events WHERE step = 'mount'"))
                     .value()
                     .toDouble(),
                 240.0);
        QVERIFY(!sql::scalar(
                     t->db().connection(),
                     QStringLiteral("SELECT json_extract(payload, '$.rig_runs.profile_log.evidence') FROM "
                                    "events WHERE step = 'mount'"))
                     .value()
                     .toString()
                     .isEmpty());
        QVERIFY(form->rigRuns().isEmpty());
    }
};

QTEST_MAIN(TestStationFormLayout)
#include "TestStationFormLayout.moc"
