// Each station form driven as an operator does it: scans, Enter, Ctrl+Enter to save. Checks what
// the screen says and what the database holds, on the good path and on every kind of mistake.
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "TestDatabase.h"
#include "common/ResultBanner.h"
#include "common/ScanConfirmDialog.h"
#include "common/TimelineModel.h"
#include "login/LoginPage.h"
#include "shell/MainWindow.h"
#include "stations/StepForm.h"
#include "storage/EvidenceStore.h"
#include "storage/Sql.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>

#include <functional>

using namespace rework;

class TestStationForms : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    std::unique_ptr<MainWindow> w;

    QString value(const QString& statement)
    {
        auto v = sql::scalar(t->db().connection(), statement);
        return v.ok() ? v.value().toString() : QString();
    }
    QWidget* focused() const { return QApplication::focusWidget(); }
    StepForm* form() const { return w->currentForm(); }
    void loginAt(const QString& station)
    {
        test::logInAt(*w, station);
        QVERIFY(!w->loginPage()->isVisible());
    }
    void scanAnything(const QString& serial)
    {
        w->scanAnythingField()->setFocus();
        test::scan(serial);
    }
    void expectRefused(const QString& before, const QString& field)
    {
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY(!form()->banner()->text().isEmpty());
        QCOMPARE(t->dump(), before);
        if (!field.isEmpty())
            QCOMPARE(focused(), form()->field(field));
    }

    /// Whether the operator sees all of `widget`: inside the window, not clipped by a scroll area
    /// or a parent.
    static bool wholeInSight(QWidget* widget)
    {
        QWidget* top = widget->window();
        const QRect inWindow(widget->mapTo(top, QPoint(0, 0)), widget->size());
        return widget->isVisible() && top->rect().contains(inWindow) &&
               widget->visibleRegion() == QRegion(widget->rect());
    }
    /// The window as a maximised station PC shows it (the screen less a taskbar).
    void fitWindowTo(const QSize& screen)
    {
        w->showNormal();
        w->resize(screen - QSize(0, 40));
        QTest::qWait(20);
        if (w->size() != screen - QSize(0, 40)) {
            for (int i = 0; i < w->tabs()->count(); ++i)
                qWarning() << "tab" << i << w->tabs()->widget(i)->minimumSizeHint();
            qWarning() << "login" << w->loginPage()->minimumSizeHint();
            for (Step st : {Step::Intake, Step::Test, Step::Pack})
                qWarning() << "form" << stepName(st) << w->form(st)->minimumSizeHint();
        }
        QCOMPARE(w->size(), screen - QSize(0, 40)); // nothing forces the window past the screen
    }
    static void clickButton(QWidget* dialog, const QString& text)
    {
        for (QAbstractButton* b : dialog->findChildren<QAbstractButton*>()) {
            if (b->text().remove(QLatin1Char('&')).contains(text)) {
                QTest::mouseClick(b, Qt::LeftButton);
                return;
            }
        }
        QStringList shown;
        for (QAbstractButton* b : dialog->findChildren<QAbstractButton*>())
            shown << b->text();
        if (auto* d = qobject_cast<QDialog*>(dialog))
            d->reject(); // never leave the test waiting on it
        QFAIL(qPrintable(QStringLiteral("no button %1 in %2 among: %3")
                             .arg(text, QString::fromLatin1(dialog->metaObject()->className()),
                                  shown.join(QStringLiteral(" | ")))));
    }
    QString inspectedUnit(const QString& card, const QString& board)
    {
        const QString unit = t->mountedUnit(card, board);
        [&] { QVERIFY(t->record(Step::Inspect, {"unit=" + unit, "result=pass"}).ok()); }();
        return unit;
    }

private slots:
    void init()
    {
        t = std::make_unique<test::TestDatabase>();
        w = std::make_unique<MainWindow>(t->db(), t->recorder());
        new QAbstractItemModelTester(w->historyModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, w.get());
        w->resize(1280, 860); // as on a station PC, not the 800x600 offscreen screen
        w->show();
        QApplication::setActiveWindow(w.get());
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
    }
    void cleanup()
    {
        w.reset();
        t.reset();
    }

    /// The operator scans a server board's sticker where the donor card is asked for: a loud
    /// refusal that says what it is, where it is and what to scan; nothing recorded.
    void aBoardScannedAsADonorCardIsNamedAndRefused()
    {
        const QString unit = t->mountedUnit(QStringLiteral("ZT4090A000001"), QStringLiteral("SB00077700"));
        loginAt(QStringLiteral("INTAKE-1"));
        const QString before = t->dump();
        test::scan(QStringLiteral("SB00077700"));
        test::scan(QStringLiteral("RTX4090"));
        test::scan(QStringLiteral("LOT-7"));
        test::saveShortcut();
        expectRefused(before, QStringLiteral("card"));
        const QString text = form()->banner()->text();
        QVERIFY2(text.contains(QStringLiteral("server board of unit ") + unit), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("scan the donor card's serial sticker")), qPrintable(text));
        // a correct rescan and save clears the red banner
        form()->field("card")->setFocus();
        qobject_cast<QLineEdit*>(focused())->selectAll();
        test::scan(QStringLiteral("ZT4090A000002"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
    }

    /// A list's empty choice says what the line stores when it is left empty; a checklist left
    /// empty stores nothing.
    void defaultsAreShownNeverHidden()
    {
        StepForm reball(Step::Reball, t->recorder());
        auto* alloy = qobject_cast<QComboBox*>(reball.field("alloy"));
        QVERIFY(alloy);
        QVERIFY2(alloy->itemText(0).contains(QStringLiteral("sac305")), qPrintable(alloy->itemText(0)));
        QCOMPARE(reball.value("alloy"), QString()); // still empty: the core fills in what it shows
        StepForm intake(Step::Intake, t->recorder());
        QCOMPARE(intake.value("condition"), QString());
    }

    /// F2 on a mounted board's sticker opens the unit's next step, never intake; the board's
    /// serial then stands for the unit in the form.
    void scanAnythingOnABoardOpensItsUnit()
    {
        const QString unit = t->mountedUnit(QStringLiteral("ZT4090A000001"), QStringLiteral("SB00077700"));
        loginAt(QStringLiteral("INSPECT-1"));
        scanAnything(QStringLiteral("sb00077700"));
        QCOMPARE(form()->step(), Step::Inspect);
        QCOMPARE(form()->value("unit"), unit);
        form()->setValue(QStringLiteral("unit"), QStringLiteral("SB00077700")); // the sticker itself
        form()->setValue(QStringLiteral("result"), QStringLiteral("pass"));
        QVERIFY(form()->save());
        QCOMPARE(value("SELECT state FROM units"), QStringLiteral("inspected"));
        QVERIFY2(form()->banner()->text().contains(unit), qPrintable(form()->banner()->text()));
    }

    void oneDonorCardThroughTheWholeLineByScansAlone_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << "en";
        QTest::newRow("Chinese") << "zh_CN";
    }
    void oneDonorCardThroughTheWholeLineByScansAlone()
    {
        QFETCH(QString, language);
        QTranslator translator;
        if (language != QLatin1String("en")) {
            QVERIFY(translator.load(QLocale(language), QStringLiteral("reworktrack"), QStringLiteral("_"),
                                    QStringLiteral(":/i18n")));
            QApplication::installTranslator(&translator);
            // the window is built again so that every label is in the chosen language
            w = std::make_unique<MainWindow>(t->db(), t->recorder());
            w->resize(1280, 860); // as on a station PC, not the 800x600 offscreen screen
            w->show();
            QApplication::setActiveWindow(w.get());
            QVERIFY(QTest::qWaitForWindowActive(w.get()));
        }
        auto cleanupTranslator = qScopeGuard([&] { QApplication::removeTranslator(&translator); });
        const QString recorded =
            language == QLatin1String("en") ? QStringLiteral("recorded") : QStringLiteral("已记录");
        loginAt(QStringLiteral("INTAKE-1"));
        QCOMPARE(form()->step(), Step::Intake);
        QCOMPARE(focused(), form()->field("card"));
        test::scan(QStringLiteral("zt4090a123456"));
        QCOMPARE(focused(), form()->field("model")); // the scan moved on
        QTest::keyClicks(focused(), QStringLiteral("RTX4090"));
        QTest::keyClick(focused(), Qt::Key_Return);
        QCOMPARE(focused(), form()->field("lot"));
        test::scan(QStringLiteral("LOT-7"));
        QCOMPARE(focused(), form()->field("partner"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY2(form()->banner()->text().contains(recorded), qPrintable(form()->banner()->text()));
        QCOMPARE(value("SELECT model FROM cards WHERE serial = 'ZT4090A123456'"), QStringLiteral("RTX4090"));
        QCOMPARE(value("SELECT lot FROM cards"), QStringLiteral("LOT-7"));
        // cleared, ready for the next card
        QCOMPARE(form()->value("card"), QString());
        QCOMPARE(focused(), form()->field("card"));
        test::screenshot(w.get(), QStringLiteral("intake-saved-") + language);

        // Strip: scan anything opens the card's next step with the card filled in
        scanAnything(QStringLiteral("ZT4090A123456"));
        QCOMPARE(form()->step(), Step::Strip);
        QCOMPARE(form()->value("card"), QStringLiteral("ZT4090A123456"));
        QCOMPARE(focused(), form()->field("marking"));
        QCOMPARE(w->historyModel()->rowCount(), 1);
        QCOMPARE(w->historyModel()->event(0).step, QStringLiteral("intake"));
        test::scan(QStringLiteral("AD102-300-A1"));
        test::scan(QStringLiteral("2334"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        const QString die = value("SELECT id FROM dies");
        QVERIFY(form()->banner()->text().contains(die));
        QCOMPARE(value("SELECT date_code FROM dies"), QStringLiteral("2334"));

        scanAnything(die);
        QCOMPARE(form()->step(), Step::Reball);
        test::saveShortcut();
        QCOMPARE(value("SELECT state FROM dies"), QStringLiteral("reballed"));

        scanAnything(die);
        QCOMPARE(form()->step(), Step::Mount);
        QCOMPARE(focused(), form()->field("board"));
        test::scan(QStringLiteral("SB00000001"));
        QCOMPARE(focused(), form()->field("profile"));
        QTest::keyClick(focused(), Qt::Key_Return);
        test::scan(QStringLiteral("241"));
        test::scan(QStringLiteral("72"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        const QString unit = value("SELECT serial FROM units");
        QVERIFY(form()->banner()->text().contains(unit));

        scanAnything(unit);
        QCOMPARE(form()->step(), Step::Inspect);
        QCOMPARE(focused(), form()->field("result"));
        test::saveShortcut(); // no result chosen: refused, a cleared form never means pass
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QCOMPARE(value("SELECT state FROM units"), QStringLiteral("mounted"));
        test::scan(QStringLiteral("#PASS")); // from the command sheet
        test::saveShortcut();
        QCOMPARE(value("SELECT state FROM units"), QStringLiteral("inspected"));

        scanAnything(unit);
        QCOMPARE(form()->step(), Step::Test);
        QVERIFY(form()->importReport(
            QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/netdata_rtx-4090-driver-535.xml")));
        QCOMPARE(form()->value("mem_mib"), QStringLiteral("24564"));
        QCOMPARE(form()->value("gpu_uuid"), QStringLiteral("GPU-71d1acc2-662d-2166-bf9f-65272d2fc437"));
        QCOMPARE(form()->value("pcie_gen"), QStringLiteral("1")); // the link as it ran: idle, Gen 1
        test::screenshot(w.get(), QStringLiteral("test-report-locked-") + language);
        QVERIFY(form()->banner()->text().contains(QStringLiteral("idle")) ||
                form()->banner()->text().contains(QStringLiteral("空闲")));
        QCOMPARE(focused(), form()->field("result")); // the scanner goes on with #PASS
        // that capture was taken idle: a pass cannot be proven, nothing is saved
        const QString beforeTest = t->dump();
        test::scan(QStringLiteral("#PASS"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QCOMPARE(t->dump(), beforeTest);
        // the reading is locked: typing over it changes nothing
        auto* gen = qobject_cast<QLineEdit*>(form()->field("pcie_gen"));
        QVERIFY(gen->isReadOnly());
        gen->setFocus();
        QTest::keyClicks(gen, QStringLiteral("4"));
        QCOMPARE(form()->value("pcie_gen"), QStringLiteral("1"));
        // retested in a Gen4 rig under load: the new report replaces the old one and passes
        const QString rig = t->folder() + QStringLiteral("/rig.xml");
        {
            QFile f(rig);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                test::TestDatabase::rigReport(QStringLiteral("GPU-71d1acc2-662d-2166-bf9f-65272d2fc437")));
        }
        QVERIFY(form()->importReport(rig));
        QCOMPARE(form()->value("pcie_gen"), QStringLiteral("4"));
        test::scan(QStringLiteral("#PASS"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY(!form()->hasReport()); // a saved form starts the next unit without it
        QCOMPARE(value("SELECT state FROM units"), QStringLiteral("tested"));
        QCOMPARE(value("SELECT gpu_uuid FROM units"),
                 QStringLiteral("GPU-71d1acc2-662d-2166-bf9f-65272d2fc437"));

        scanAnything(unit);
        QCOMPARE(form()->step(), Step::Pack);
        QCOMPARE(focused(), form()->field("batch"));
        test::scan(QStringLiteral("B2611-001")); // Enter on the last field saves
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QCOMPARE(value("SELECT batch_id FROM units"), QStringLiteral("B2611-001"));
        QCOMPARE(form()->value("batch"),
                 QStringLiteral("B2611-001")); // ready for the next unit of the carton
        QCOMPARE(focused(), form()->field("unit"));
        QCOMPARE(w->historyModel()->rowCount(), 7);
        QCOMPARE(w->historyModel()->event(6).step, QStringLiteral("pack"));
        QVERIFY(w->historyView()->text().contains(QStringLiteral("B2611-001")));
        test::screenshot(w.get(), QStringLiteral("pack-saved-") + language);

        // every step is in the unit's history, in order
        QCOMPARE(value("SELECT group_concat(step, ',') FROM (SELECT step FROM events WHERE step <> "
                       "'reference' ORDER BY seq)"),
                 QStringLiteral("intake,strip,reball,mount,inspect,test,pack"));
    }

    void refusesStepOutOfOrder()
    {
        QVERIFY(t->record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).ok());
        loginAt(QStringLiteral("REBALL-1"));
        const QString before = t->dump();
        test::scan(QStringLiteral("D0000000000AB"));
        test::saveShortcut();
        expectRefused(before, QStringLiteral("die"));
        QVERIFY(qobject_cast<QLineEdit*>(focused())->hasSelectedText()); // ready for a rescan
        // the scan-anything field says where the card is and sends it to strip
        scanAnything(QStringLiteral("ZT4090A123456"));
        QCOMPARE(form()->step(), Step::Strip);
    }

    void refusesDuplicateDonorCard()
    {
        QVERIFY(t->record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).ok());
        loginAt(QStringLiteral("INTAKE-1"));
        const QString before = t->dump();
        test::scan(QStringLiteral("ZT4090A123456"));
        QTest::keyClicks(focused(), QStringLiteral("RTX4090"));
        QTest::keyClick(focused(), Qt::Key_Return);
        test::scan(QStringLiteral("LOT-1"));
        test::saveShortcut();
        expectRefused(before, QStringLiteral("card"));
        QVERIFY(form()->banner()->text().contains(QStringLiteral("already received")));
    }

    void refusesMalformedScan()
    {
        loginAt(QStringLiteral("INTAKE-1"));
        const QString before = t->dump();
        test::scan(QStringLiteral("AB#1"));
        test::scan(QStringLiteral("RTX4090"));
        test::scan(QStringLiteral("LOT-1"));
        test::saveShortcut();
        expectRefused(before, QStringLiteral("card"));
        QVERIFY(form()->banner()->text().contains(QStringLiteral("not a valid")));
        // the values stay for correction; only the card is rescanned
        QCOMPARE(form()->value("lot"), QStringLiteral("LOT-1"));
    }

    void refusesReadingsOutsideLimits()
    {
        QVERIFY(t->record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).ok());
        const QString die = t->record(Step::Strip, {"card=ZT4090A123456"}).value().createdId();
        QVERIFY(t->record(Step::Reball, {"die=" + die}).ok());
        loginAt(QStringLiteral("MOUNT-1"));
        const QString before = t->dump();
        test::scan(die);
        test::scan(QStringLiteral("SB00000001"));
        QTest::keyClick(focused(), Qt::Key_Return);
        test::scan(QStringLiteral("262"));
        test::saveShortcut();
        expectRefused(before, QStringLiteral("peak_c"));
        QVERIFY(form()->banner()->text().contains(QStringLiteral("230..250")));
        // corrected reading: saved
        QTest::keyClicks(focused(), QStringLiteral("244"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
    }

    void failedInspectionSendsTheDieBackToReball()
    {
        const QString unit = t->mountedUnit("ZT4090A123456", "SB00000001");
        loginAt(QStringLiteral("INSPECT-1"));
        test::scan(unit);
        QTest::keyClicks(focused(), QStringLiteral("f"));
        QCOMPARE(form()->value("result"), QStringLiteral("fail"));
        QTest::keyClick(focused(), Qt::Key_Return);
        test::scan(QStringLiteral("31"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY(form()->banner()->text().contains(QStringLiteral("reball")));
        QCOMPARE(value("SELECT state FROM units"), QStringLiteral("repair"));
        scanAnything(unit);
        QCOMPARE(form()->step(), Step::Reball); // the unit's die goes back
    }

    void packRefusesFailedOrDuplicateUnits()
    {
        const QString tested = t->testedUnit("ZT4090A123456", "SB00000001");
        const QString mounted = t->mountedUnit("ZT4090A999999", "SB00000002");
        loginAt(QStringLiteral("PACK-1"));
        test::scan(tested);
        test::scan(QStringLiteral("B2611-001"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QString before = t->dump();
        test::scan(tested);
        test::saveShortcut();
        expectRefused(before, QStringLiteral("unit"));
        form()->clear();
        form()->setValue("batch", "B2611-001");
        form()->field("unit")->setFocus();
        test::scan(mounted);
        test::saveShortcut();
        expectRefused(before, QStringLiteral("unit"));
        QVERIFY(form()->banner()->text().contains(QStringLiteral("inspect")));
    }

    void expiredDieIsSentToTheOvenFirst()
    {
        QVERIFY(t->record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).ok());
        const QString die = t->record(Step::Strip, {"card=ZT4090A123456"}).value().createdId();
        t->clock().advanceSeconds(10 * 24 * 3600);
        loginAt(QStringLiteral("REBALL-1"));
        test::scan(die);
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY(form()->banner()->text().contains(QStringLiteral("bake")));
        scanAnything(die);
        QCOMPARE(form()->step(), Step::Bake);
        QCOMPARE(focused(), form()->field("hours"));
        test::scan(QStringLiteral("9"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        scanAnything(die);
        QCOMPARE(form()->step(), Step::Reball);
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QCOMPARE(value("SELECT state FROM dies"), QStringLiteral("reballed"));
    }

    void commandBarcodesFinishAFormWithoutTheKeyboard()
    {
        const QString unit = t->mountedUnit("ZT4090A123456", "SB00000001");
        loginAt(QStringLiteral("INSPECT-1"));
        test::scan(unit);
        test::scan(QStringLiteral("#DEFECT:VOIDS"));
        QCOMPARE(form()->value("defect"), QStringLiteral("VOIDS"));
        QCOMPARE(form()->value("result"), QStringLiteral("fail"));
        test::scan(QStringLiteral("#DEFECT:FAN_FAILURE")); // a test defect, not an inspection one
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QCOMPARE(form()->value("defect"), QStringLiteral("VOIDS"));
        test::scan(QStringLiteral("#PASS"));
        QCOMPARE(form()->value("result"), QStringLiteral("pass"));
        test::scan(QStringLiteral("#FAIL"));
        test::scan(QStringLiteral("#SAVE"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QCOMPARE(value("SELECT json_extract(payload, '$.defect') FROM events WHERE step = 'inspect'"),
                 QStringLiteral("VOIDS"));
        QCOMPARE(value("SELECT state FROM units"), QStringLiteral("repair"));
        // #CLEAR empties a half-filled form
        scanAnything(QStringLiteral("ZT4090A123456")); // the die, back to reball
        QCOMPARE(form()->step(), Step::Reball);
        test::scan(QStringLiteral("#CLEAR"));
        QCOMPARE(form()->value("die"), QString());
    }

    void attachedImageIsStoredWithTheRecord()
    {
        const QString unit = t->mountedUnit("ZT4090A123456", "SB00000001");
        QFile image(t->folder() + QStringLiteral("/../xray-") + unit + QStringLiteral(".png"));
        QVERIFY(image.open(QIODevice::WriteOnly));
        image.write("x-ray of the BGA");
        image.close();
        loginAt(QStringLiteral("INSPECT-1"));
        test::scan(unit);
        test::scan(QStringLiteral("#PASS"));
        form()->attachEvidence(image.fileName());
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        const QString evidence =
            value("SELECT json_extract(payload, '$.evidence') FROM events WHERE step = 'inspect'");
        QVERIFY2(evidence.startsWith(QStringLiteral("sha256:")), qPrintable(evidence));
        QVERIFY(QFile::exists(EvidenceStore(t->folder()).pathFor(evidence)));
        image.remove();
    }

    void runsNvidiaSmiWhenThePcHasIt()
    {
        // A stand-in nvidia-smi on PATH that prints a real report.
        QTemporaryDir bin;
        QFile fake(bin.filePath(QStringLiteral("nvidia-smi")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("#!/bin/sh\ncat '" REWORK_FIXTURES_DIR "/nvidia-smi/influxdata_3090-v13.xml'\n");
        fake.close();
        fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", bin.path().toUtf8() + ':' + oldPath);
        StepForm testForm(Step::Test, t->recorder());
        qputenv("PATH", oldPath);
        QVERIFY(!testForm.runSmiButton()->isHidden());
        QTest::mouseClick(testForm.runSmiButton(), Qt::LeftButton);
        // nvidia-smi runs in the background: its readings arrive when it ends
        QTRY_COMPARE(testForm.value("gpu_uuid"), QStringLiteral("GPU-12345678-aaaa-bbbb-cccc-0123456789ab"));
        QCOMPARE(testForm.value("mem_mib"), QStringLiteral("24576"));
        QCOMPARE(testForm.value("driver"), QStringLiteral("590.44.01"));
        // the report is kept as evidence and goes with the record
        QVERIFY(testForm.hasReport());
        QVERIFY(EvidenceStore::isReferenceList(testForm.report()->evidence));
        QVERIFY(QFile::exists(EvidenceStore(t->folder()).pathFor(testForm.report()->evidence)));
        QVERIFY(qobject_cast<QLineEdit*>(testForm.field("gpu_uuid"))->isReadOnly());
        // without nvidia-smi the button is not offered
        qputenv("PATH", "/nonexistent");
        StepForm without(Step::Test, t->recorder());
        qputenv("PATH", oldPath);
        QVERIFY(without.runSmiButton()->isHidden());
    }

    void slowNvidiaSmiLeavesTheFormLiveAndCancelLeavesNothing()
    {
        // A stand-in nvidia-smi that hangs like a card that stalls the driver: it notes its
        // process id, then sleeps in that same process (exec).
        QTemporaryDir bin;
        const QString pidFile = bin.filePath(QStringLiteral("pid"));
        QFile fake(bin.filePath(QStringLiteral("nvidia-smi")));
        QVERIFY(fake.open(QIODevice::WriteOnly));
        fake.write("#!/bin/sh\necho $$ > '" + pidFile.toUtf8() + "'\nexec sleep 60\n");
        fake.close();
        fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", bin.path().toUtf8() + ':' + oldPath);
        StepForm testForm(Step::Test, t->recorder());
        qputenv("PATH", oldPath);
        test::showAndActivate(testForm);
        testForm.firstField()->setFocus();
        const QString before = t->dump();

        QTest::mouseClick(testForm.runSmiButton(), Qt::LeftButton);
        QVERIFY(testForm.smiProgress());
        QTRY_VERIFY(testForm.smiProgress()->isVisible());
        QTRY_VERIFY(QFile::exists(pidFile) && QFile(pidFile).size() > 0);
        QFile pidText(pidFile);
        QVERIFY(pidText.open(QIODevice::ReadOnly));
        const QString proc = QStringLiteral("/proc/") + QString::fromLatin1(pidText.readAll().trimmed());
        QVERIFY2(QFile::exists(proc), qPrintable(proc));
        QVERIFY(!testForm.runSmiButton()->isEnabled()); // one run at a time

        // The event loop goes on while nvidia-smi sleeps: a 20 ms timer ticks through a second.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(20);
        QElapsedTimer elapsed;
        elapsed.start();
        QTest::qWait(1000);
        ticker.stop();
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks))); // 50 at most; none when blocked
        QVERIFY(elapsed.elapsed() < 5000);
        QVERIFY(testForm.smiProgress() && testForm.smiProgress()->isVisible()); // still reading

        // Cancel: the process is gone, nothing was recorded, and the scan field has the cursor.
        auto* cancel = testForm.smiProgress()->findChild<QPushButton*>(QStringLiteral("cancelSmi"));
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY(!testForm.smiProgress());
        QTRY_VERIFY2(!QFile::exists(proc), qPrintable(proc));
        QCOMPARE(testForm.banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY(!testForm.hasReport());
        QVERIFY(testForm.value("gpu_uuid").isEmpty());
        QVERIFY(testForm.runSmiButton()->isEnabled());
        QTRY_COMPARE(QApplication::focusWidget(), testForm.firstField());
        QCOMPARE(t->dump(), before);
    }

    void closingABatchFromThePackForm()
    {
        const QString unit = t->testedUnit("ZT4090A123456", "SB00000001");
        loginAt(QStringLiteral("PACK-1"));
        QTest::mouseClick(form()->closeBatchButton(), Qt::LeftButton);
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure); // no batch given
        QCOMPARE(focused(), form()->field("batch"));                     // ...and asked for there
        form()->field("unit")->setFocus();
        test::scan(unit);
        test::scan(QStringLiteral("B2611-009"));
        test::whenDialogOpens(
            [](QWidget* dialog) { clickButton(dialog, QStringLiteral("Close batch B2611-009")); });
        QTest::mouseClick(form()->closeBatchButton(), Qt::LeftButton);
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QCOMPARE(value("SELECT state FROM batches WHERE id = 'B2611-009'"), QStringLiteral("closed"));
        QCOMPARE(form()->value("batch"), QString());
        QTRY_COMPARE(focused(), form()->field("unit"));
    }

    void resultAndButtonsStayInSightOnShopScreens_data()
    {
        QTest::addColumn<QSize>("screen");
        QTest::newRow("1366x768") << QSize(1366, 768);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
    }
    /// The banner, Save and the step's own buttons never scroll away; on the long test form a
    /// refusal shows whole, its reason included.
    void resultAndButtonsStayInSightOnShopScreens()
    {
        QFETCH(QSize, screen);
        const QString unit = inspectedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        fitWindowTo(screen);
        // readable at arm's length: wide login fields, form text of 12 pt or more
        w->logout();
        QTest::qWait(20);
        for (QWidget* field : {static_cast<QWidget*>(w->loginPage()->operatorField()),
                               static_cast<QWidget*>(w->loginPage()->pinField())}) {
            QVERIFY2(field->width() >= 400, qPrintable(QString::number(field->width())));
            QVERIFY(wholeInSight(field));
        }
        test::screenshot(w.get(), QStringLiteral("login-") +
                                      QStringLiteral("%1x%2").arg(screen.width()).arg(screen.height()));
        loginAt(QStringLiteral("INTAKE-1"));
        QVERIFY2(form()->field("card")->font().pointSizeF() >= 12,
                 qPrintable(QString::number(form()->field("card")->font().pointSizeF())));
        QVERIFY(wholeInSight(form()->saveButton()));
        QVERIFY(wholeInSight(form()->importButton()));
        QVERIFY(wholeInSight(form()->banner()));
        const QString name = QStringLiteral("%1x%2").arg(screen.width()).arg(screen.height());
        test::screenshot(w.get(), QStringLiteral("intake-") + name);

        loginAt(QStringLiteral("TEST-1"));
        QCOMPARE(form()->step(), Step::Test);
        test::scan(unit);
        QVERIFY(form()->importReport(
            QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/netdata_rtx-4090-driver-535.xml")));
        test::scan(QStringLiteral("#PASS"));
        // the operator has scrolled to the bottom of the fields, where Save used to be
        form()->fieldsArea()->verticalScrollBar()->setValue(
            form()->fieldsArea()->verticalScrollBar()->maximum());
        test::scan(QStringLiteral("#SAVE"));
        ResultBanner* banner = form()->banner();
        QCOMPARE(banner->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(banner->text().length() > 40, qPrintable(banner->text())); // a reason, not two words
        QTest::qWait(20);
        QVERIFY(wholeInSight(banner));
        QVERIFY2(banner->heightForWidth(banner->width()) <= banner->height(),
                 qPrintable(QStringLiteral("%1 px of text in %2 px")
                                .arg(banner->heightForWidth(banner->width()))
                                .arg(banner->height())));
        QVERIFY(wholeInSight(form()->saveButton()));
        QVERIFY(wholeInSight(form()->importButton()));
        // and the field the refusal points at is scrolled into sight
        if (QWidget* f = focused(); f && form()->isAncestorOf(f))
            QVERIFY(!f->visibleRegion().isEmpty());
        test::screenshot(w.get(), QStringLiteral("test-refused-") + name);
    }

    /// After the import dialog the scanner goes on: #PASS and #SAVE finish the test with no
    /// keyboard or mouse; a cancelled dialog leaves the cursor where it was.
    void scansGoOnAfterTheImportDialog()
    {
        const QString unit = inspectedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        const QString rig = t->folder() + QStringLiteral("/rig.xml");
        {
            QFile f(rig);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(test::TestDatabase::rigReport(test::TestDatabase::gpuUuid(1)));
        }
        loginAt(QStringLiteral("TEST-1"));
        test::scan(unit);
        QWidget* before = focused();
        QVERIFY(before && form()->isAncestorOf(before));
        test::whenDialogOpens([](QWidget* dialog) { qobject_cast<QDialog*>(dialog)->reject(); });
        QTest::mouseClick(form()->importButton(), Qt::LeftButton);
        QTRY_COMPARE(focused(), before);

        bool wasFileDialog = false;
        test::whenDialogOpens([&](QWidget* dialog) {
            auto* files = qobject_cast<QFileDialog*>(dialog);
            wasFileDialog = files != nullptr;
            if (!files)
                return;
            // the operator types the file's path and presses Enter
            auto* name = files->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
            if (!name) {
                files->reject();
                return;
            }
            name->setText(rig);
            QTest::keyClick(name, Qt::Key_Return);
            if (files->isVisible())
                files->reject(); // never leave the test waiting on it
        });
        QTest::mouseClick(form()->importButton(), Qt::LeftButton);
        QVERIFY(wasFileDialog);
        QVERIFY(form()->hasReport());
        QTRY_COMPARE(focused(), form()->field("result"));
        test::scan(QStringLiteral("#PASS"));
        test::scan(QStringLiteral("#SAVE"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QCOMPARE(value("SELECT state FROM units"), QStringLiteral("tested"));
    }

    /// A red banner is over when the operator rescans or presses Esc.
    void aRescanOrEscClearsTheRedBanner()
    {
        loginAt(QStringLiteral("REBALL-1"));
        test::scan(QStringLiteral("D0000000000AB"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QTest::keyClick(focused(), Qt::Key_Escape);
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::None);
        QCOMPARE(form()->banner()->text(), QString());

        loginAt(QStringLiteral("INTAKE-1"));
        test::scan(QStringLiteral("AB#1"));
        test::scan(QStringLiteral("RTX4090"));
        test::scan(QStringLiteral("LOT-1"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QCOMPARE(focused(), form()->field("card"));
        test::scan(QStringLiteral("ZT4090A123456")); // the right sticker this time
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::None);
    }

    /// The next operator starts clean: no banner and no label offered from the one before,
    /// whether the last one logged out or the screen locked.
    void theNextOperatorSeesNothingOfTheLast()
    {
        QVERIFY(t->record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).ok());
        QVERIFY(t->record(Step::Intake, {"card=ZT4090A123457", "model=RTX4090", "lot=L1"}).ok());
        loginAt(QStringLiteral("STRIP-1"));
        test::scan(QStringLiteral("ZT4090A123456"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY(form()->printButton()->isEnabled());
        test::logInAt(*w, QStringLiteral("STRIP-1"), QStringLiteral("SUP1"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::None);
        QVERIFY(!form()->printButton()->isEnabled());
        QCOMPARE(form()->pendingLabel().second, QString());

        test::scan(QStringLiteral("ZT4090A123457"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        w->lockScreen();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::None);
        w->loginPage()->operatorField()->setFocus();
        test::scan(QStringLiteral("OP1"));
        test::scan(QStringLiteral("1234"));
        QCOMPARE(w->session().operatorInfo.id, QStringLiteral("OP1"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::None);
        QVERIFY(!form()->printButton()->isEnabled());
    }

    /// The station tab has one banner: a scan-anything refusal replaces the last green result.
    void aRedAndAGreenBannerNeverShowTogether()
    {
        loginAt(QStringLiteral("INTAKE-1"));
        test::scan(QStringLiteral("ZT4090A123456"));
        form()->setValue(QStringLiteral("model"), QStringLiteral("RTX4090"));
        form()->setValue(QStringLiteral("lot"), QStringLiteral("LOT-1"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        scanAnything(QStringLiteral("U0000000000ZZ"));
        int shown = 0;
        for (ResultBanner* b : w->findChildren<ResultBanner*>())
            shown += b->isVisible() && b->kind() != ResultBanner::Kind::None ? 1 : 0;
        QCOMPARE(shown, 1);
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
    }

    /// Pack: the carton's count follows each unit; the batch label scanned as a unit is named
    /// for what it is; closing asks first, and an empty batch field is named and keeps the cursor.
    void packCountsTheCartonAndConfirmsTheClose()
    {
        const QString first = t->testedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        const QString second = t->testedUnit(QStringLiteral("ZT4090A123457"), QStringLiteral("SB00000002"));
        loginAt(QStringLiteral("PACK-1"));
        QLabel* carton = form()->cartonLabel();
        QVERIFY(carton && carton->isVisible());
        QVERIFY2(carton->text().contains(QStringLiteral("No carton")), qPrintable(carton->text()));
        test::scan(first);
        test::scan(QStringLiteral("B2611-001"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY2(carton->text().contains(QStringLiteral("1 of 10 packed")), qPrintable(carton->text()));
        test::scan(second);
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY2(carton->text().contains(QStringLiteral("2 of 10 packed")), qPrintable(carton->text()));

        // the batch label where the unit is asked for selects that batch: nothing saved
        form()->setValue(QStringLiteral("batch"), QString());
        const QString before = t->dump();
        QCOMPARE(focused(), form()->field("unit"));
        test::scan(QStringLiteral("B2611-001"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY2(form()->banner()->text().contains(QStringLiteral("B2611-001 selected")),
                 qPrintable(form()->banner()->text()));
        QVERIFY(!form()->banner()->text().contains(QStringLiteral("required")));
        QCOMPARE(form()->value(QStringLiteral("batch")), QStringLiteral("B2611-001"));
        QCOMPARE(form()->value(QStringLiteral("unit")), QString());
        QVERIFY2(carton->text().contains(QStringLiteral("2 of 10 packed")), qPrintable(carton->text()));
        QCOMPARE(focused(), form()->field("unit"));
        QCOMPARE(t->dump(), before);

        // closing asks; Cancel keeps the batch open and the cursor in the form
        test::whenDialogOpens([](QWidget* dialog) { clickButton(dialog, QStringLiteral("Cancel")); });
        QTest::mouseClick(form()->closeBatchButton(), Qt::LeftButton);
        QCOMPARE(value("SELECT state FROM batches WHERE id = 'B2611-001'"), QStringLiteral("open"));
        QTRY_COMPARE(focused(), form()->field("unit"));
        QString asked;
        test::whenDialogOpens([&](QWidget* dialog) {
            asked = qobject_cast<ScanConfirmDialog*>(dialog)->message();
            clickButton(dialog, QStringLiteral("Close batch B2611-001"));
        });
        QTest::mouseClick(form()->closeBatchButton(), Qt::LeftButton);
        QVERIFY2(asked.contains(QStringLiteral("2 of 10")), qPrintable(asked));
        QCOMPARE(value("SELECT state FROM batches WHERE id = 'B2611-001'"), QStringLiteral("closed"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY(form()->banner()->text().contains(QStringLiteral("2 units")));
        QTRY_COMPARE(focused(), form()->field("unit"));

        // no batch given: the field is named and takes the cursor
        QTest::mouseClick(form()->closeBatchButton(), Qt::LeftButton);
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(form()->banner()->text().startsWith(QStringLiteral("✖ Batch id")),
                 qPrintable(form()->banner()->text()));
        QCOMPARE(focused(), form()->field("batch"));
    }

    void functionKeysReachScanAnythingAndTrace()
    {
        loginAt(QStringLiteral("STRIP-1"));
        QTest::keyClick(focused(), Qt::Key_F2);
        QCOMPARE(focused(), w->scanAnythingField());
        QTest::keyClick(focused(), Qt::Key_F3);
        QCOMPARE(focused(), w->traceField());
        QCOMPARE(w->tabs()->currentIndex(), 1);
        QTest::keyClick(focused(), Qt::Key_F2);
        QCOMPARE(w->tabs()->currentIndex(), 0);
    }

    void escapeClearsTheForm()
    {
        loginAt(QStringLiteral("INTAKE-1"));
        test::scan(QStringLiteral("ZT4090A123456"));
        QTest::keyClick(focused(), Qt::Key_Escape);
        QCOMPARE(form()->value("card"), QString());
        QCOMPARE(focused(), form()->field("card"));
    }

    void scanOfUnknownSerialSaysSo()
    {
        loginAt(QStringLiteral("STRIP-1"));
        scanAnything(QStringLiteral("U0000000000ZZ"));
        QCOMPARE(w->scanBanner()->kind(), ResultBanner::Kind::Failure);
        QCOMPARE(form()->step(), Step::Strip);
        scanAnything(QStringLiteral("NEWCARD0001"));
        QCOMPARE(form()->step(), Step::Intake); // a new card goes to intake
        QCOMPARE(form()->value("card"), QStringLiteral("NEWCARD0001"));
    }
};

QTEST_MAIN(TestStationForms)
#include "TestStationForms.moc"
