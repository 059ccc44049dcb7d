// The shell offscreen, driven like an operator: scan a badge, type a PIN, scan serials.
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "TestDatabase.h"
#include "common/ResultBanner.h"
#include "common/TimelineModel.h"
#include "domain/Clock.h"
#include "login/LoginPage.h"
#include "shell/MainWindow.h"
#include "stations/StepForm.h"
#include "storage/Backup.h"
#include "storage/Database.h"
#include "storage/Sql.h"
#include "storage/TableCounts.h"
#include "tracing/GenealogyModel.h"
#include "tracing/TracePage.h"
#include "tracing/VoidDialog.h"
#include "workflow/Recorder.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTranslator>

using namespace rework;

namespace {

void login(MainWindow& w, const QString& op, const QString& pin, const QString& station)
{
    LoginPage* page = w.loginPage();
    page->stationPicker()->setCurrentIndex(page->stationPicker()->findData(station));
    page->operatorField()->setFocus();
    test::scan(op);
    QCOMPARE(QApplication::focusWidget(), page->pinField());
    test::scan(pin);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void dailyBackupWhileTheAppRuns()
    {
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {"card=CARDW0001", "model=RTX4090", "lot=LOT-1"}).ok());
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        QSignalSpy finished(&w, &MainWindow::backupFinished);
        const QDir backups(Backup::folder(t.folder()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000); // reported back to the UI thread
        QCOMPARE(finished.first().at(1).toString(), QString());
        QVERIFY(w.statusBar()->currentMessage().contains(finished.first().at(0).toString()));
        QTRY_COMPARE_WITH_TIMEOUT(
            backups.entryList({QStringLiteral("reworktrack-*.sqlite")}, QDir::Files).size(), 1, 10000);
        QVERIFY(Backup::check(
                    backups.filePath(backups.entryList({QStringLiteral("reworktrack-*.sqlite")}).first()))
                    .ok());
    }

    void emptyDatabaseOffersDemoData()
    {
        // A file nobody has set up: no operators and no stations, only the SYSTEM identity.
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("fresh.sqlite")));
        QVERIFY(db.ok());
        ManualClock clock(QDateTime(QDate(2026, 11, 2), QTime(8, 0), QTimeZone::utc()));
        Recorder recorder(*db.value(), clock);
        MainWindow w(*db.value(), recorder);
        test::showAndActivate(w);
        QVERIFY(w.demoBanner()->isVisible());
        QVERIFY(w.databaseLabel()->text().contains(db.value()->path()));
        QTRY_VERIFY(w.countsLabel()->text().contains(QStringLiteral("Cards 0 "))); // counted on a worker
        QCOMPARE(w.loginPage()->stationPicker()->count(), 0);
        test::screenshot(&w, QStringLiteral("login"));

        QTest::mouseClick(w.demoButton(), Qt::LeftButton);
        QVERIFY(!w.demoBanner()->isVisible());
        QTRY_VERIFY(!w.countsLabel()->text().contains(QStringLiteral("Cards 0 ")));
        QVERIFY(w.loginPage()->stationPicker()->count() > 0); // the demo's own stations joined
    }

    /// A configured station whose line has not started yet is not offered demo data.
    void aConfiguredStationIsNotOfferedDemoData()
    {
        test::TestDatabase t; // stations and operators, no card yet
        QCOMPARE(
            sql::scalar(t.db().connection(), QStringLiteral("SELECT count(*) FROM cards")).value().toInt(),
            0);
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        QVERIFY(!w.demoBanner()->isVisible());
        QCOMPARE(w.loginPage()->stationPicker()->count(), 7);
    }

    /// Nor is a file with a history whose stations and accounts were deleted by hand: the banner
    /// asks the generator's own rule (the log is not empty), not whether anyone is set up.
    void aFileWithAHistoryIsNotOfferedDemoData()
    {
        test::TestDatabase t;
        QVERIFY(t.record(Step::Intake, {"card=CARD0001", "model=RTX4090", "lot=L1"}).ok());
        QSqlQuery cut(t.db().connection());
        QVERIFY(cut.exec(QStringLiteral("DELETE FROM operators WHERE id <> 'SYSTEM'")));
        QVERIFY(cut.exec(QStringLiteral("DELETE FROM stations WHERE id <> 'SYSTEM'")));
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        QVERIFY(!w.demoBanner()->isVisible());
    }

    void loginChecksThePin()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        QCOMPARE(QApplication::focusWidget(), w.loginPage()->operatorField());
        login(w, QStringLiteral("OP1"), QStringLiteral("9999"), QStringLiteral("STRIP-1"));
        QVERIFY(w.loginPage()->isVisible());
        QVERIFY(!w.loginPage()->errorLabel()->text().isEmpty());
        QVERIFY(w.loginPage()->pinField()->text().isEmpty());
        QVERIFY(w.sessionLabel()->text().contains(QStringLiteral("Not logged in")));

        login(w, QStringLiteral("op1"), QStringLiteral("1234"), QStringLiteral("STRIP-1"));
        QVERIFY(!w.loginPage()->isVisible());
        QCOMPARE(w.currentForm()->step(), Step::Strip);
        QCOMPARE(QApplication::focusWidget(), w.currentForm()->field(QStringLiteral("card")));
        QVERIFY(w.sessionLabel()->text().contains(QStringLiteral("Li Wei")));
        QVERIFY(w.sessionLabel()->text().contains(QStringLiteral("STRIP-1")));

        w.logout();
        QVERIFY(w.loginPage()->isVisible());
        QVERIFY(w.sessionLabel()->text().contains(QStringLiteral("Not logged in")));
    }

    /// After picking the station with the mouse, the PIN typed next reaches the PIN field; Enter
    /// there, on the station list or on the Log in button logs in.
    void loginKeysAfterAMousePick()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        LoginPage* page = w.loginPage();
        QComboBox* stations = page->stationPicker();
        page->operatorField()->setFocus();
        test::scan(QStringLiteral("OP1"));
        // the mouse: open the list, click PACK-1
        QTest::mouseClick(stations, Qt::LeftButton);
        QTRY_VERIFY(stations->view()->isVisible());
        const int pack = stations->findData(QStringLiteral("PACK-1"));
        stations->view()->setCurrentIndex(stations->model()->index(pack, 0)); // the pointer on it
        QTest::keyClick(stations->view(), Qt::Key_Return);                    // and chosen
        QTRY_VERIFY(!stations->view()->isVisible());
        QCOMPARE(stations->currentData().toString(), QStringLiteral("PACK-1"));
        QCOMPARE(QApplication::focusWidget(), page->pinField());
        test::scan(QStringLiteral("1234"));
        QVERIFY(!page->isVisible());
        QCOMPARE(w.session().station.id, QStringLiteral("PACK-1"));

        // the keys reach the fields even while the list has the focus; Enter there logs in
        w.logout();
        // like a keyboard: each key to whatever has the focus at that moment
        const auto type = [](const QString& text) {
            for (const QChar c : text)
                QTest::keyClick(QApplication::focusWidget(), c.toLatin1());
        };
        stations->setFocus(Qt::MouseFocusReason);
        type(QStringLiteral("OP1"));
        QCOMPARE(page->operatorField()->text(), QStringLiteral("OP1"));
        stations->setFocus(Qt::MouseFocusReason);
        type(QStringLiteral("1234"));
        QCOMPARE(page->pinField()->text(), QStringLiteral("1234"));
        stations->setFocus(Qt::MouseFocusReason);
        QTest::keyClick(stations, Qt::Key_Return);
        QVERIFY(!page->isVisible());
        QCOMPARE(w.session().operatorInfo.id, QStringLiteral("OP1"));

        // Enter on the Log in button
        w.logout();
        page->operatorField()->setFocus();
        QTest::keyClicks(page->operatorField(), QStringLiteral("SUP1"));
        QTest::keyClicks(page->pinField(), QStringLiteral("1234"));
        page->loginButton()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(page->loginButton(), Qt::Key_Return);
        QVERIFY(!page->isVisible());
        QCOMPARE(w.session().operatorInfo.id, QStringLiteral("SUP1"));
    }

    /// A PC bound to a station logs in there without a list, and says which station it is: on the
    /// login page and in the window's title, before and after a session.
    void aBoundPcNamesItsStationInTheTitle()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        QCOMPARE(w.windowTitle(), QStringLiteral("ReworkTrack"));
        w.setFixedStation(QStringLiteral("STRIP-1"));
        LoginPage* page = w.loginPage();
        QVERIFY(!page->stationPicker()->isVisible());
        QVERIFY(page->boundStationLabel()->isVisible());
        QVERIFY2(page->boundStationLabel()->text().startsWith(QStringLiteral("Station STRIP-1 — Strip")),
                 qPrintable(page->boundStationLabel()->text()));
        QCOMPARE(w.windowTitle(), QStringLiteral("ReworkTrack — STRIP-1"));
        page->operatorField()->setFocus();
        test::scan(QStringLiteral("OP1"));
        test::scan(QStringLiteral("1234"));
        QCOMPARE(w.session().station.id, QStringLiteral("STRIP-1"));
        QCOMPARE(w.windowTitle(), QStringLiteral("ReworkTrack — STRIP-1"));
        w.logout();
        QCOMPARE(w.windowTitle(), QStringLiteral("ReworkTrack — STRIP-1"));

        // a PC bound to a station its database does not know says so instead of an empty list
        w.setFixedStation(QStringLiteral("NOPE-9"));
        QVERIFY2(page->boundStationLabel()->text().contains(QStringLiteral("not set up")),
                 qPrintable(page->boundStationLabel()->text()));

        // unbound again: the list is back, the title names no station until someone logs in
        w.setFixedStation(QString());
        QVERIFY(page->stationPicker()->isVisible());
        QVERIFY(!page->boundStationLabel()->isVisible());
        QCOMPARE(w.windowTitle(), QStringLiteral("ReworkTrack"));
        test::logInAt(w, QStringLiteral("PACK-1"));
        QCOMPARE(w.windowTitle(), QStringLiteral("ReworkTrack — PACK-1"));
    }

    /// Maximised the first time; a language change (a new window) or switching the PC off keeps
    /// the size the operator gave it.
    void opensMaximisedAndKeepsItsSizeAcrossLanguages()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a throw-away place
        QSettings().remove(QStringLiteral("ui/geometry"));
        test::TestDatabase t;
        QSize kept;
        {
            MainWindow w(t.db(), t.recorder());
            w.showForStation();
            QTRY_VERIFY(w.isMaximized());
            const QSize screen = w.screen()->availableGeometry().size();
            QVERIFY(w.width() >= std::min(1280, screen.width()));
            // Smaller than maximised, but no narrower than the station form's two columns need.
            const QSize size(std::max(700, w.minimumSizeHint().width() + 20), 500);
            w.showNormal();
            w.resize(size);
            QTRY_COMPARE(w.width(), size.width());
            kept = w.size(); // the height no less than the window's content needs
            QSignalSpy chosen(&w, &MainWindow::languageChosen);
            for (QAction* a : w.menuBar()->actions().last()->menu()->actions()) {
                if (a->text() == QStringLiteral("English"))
                    a->trigger();
            }
            QCOMPARE(chosen.size(), 1);
        }
        {
            MainWindow again(t.db(), t.recorder());
            again.showForStation();
            QVERIFY(!again.isMaximized());
            QTRY_COMPARE(again.size(), kept);
            // a size given and the PC switched off (no close, no language change): kept as well
            const QByteArray before = QSettings().value(QStringLiteral("ui/geometry")).toByteArray();
            again.resize(kept + QSize(40, 30));
            QTRY_COMPARE(again.size(), kept + QSize(40, 30));
            QTRY_VERIFY(QSettings().value(QStringLiteral("ui/geometry")).toByteArray() != before);
        }
        MainWindow third(t.db(), t.recorder());
        third.showForStation();
        QTRY_COMPARE(third.size(), kept + QSize(40, 30));
        QSettings().remove(QStringLiteral("ui/geometry"));
        QStandardPaths::setTestModeEnabled(false);
    }

    void scanningASerialShowsItsTrace()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit("ZT4090A123456", "SB00000001");
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        QVERIFY(!w.demoBanner()->isVisible());
        login(w, QStringLiteral("OP1"), QStringLiteral("1234"), QStringLiteral("PACK-1"));
        w.tabs()->setCurrentIndex(1);
        w.traceField()->setFocus();
        test::scan(unit.toLower());
        // The genealogy names the unit and its donor card; the timeline holds the test record.
        TracePage* page = w.tracePage();
        QVERIFY(page->genealogyModel()->find(unit).isValid());
        QVERIFY(page->genealogyModel()->find(QStringLiteral("ZT4090A123456")).isValid());
        bool tested = false;
        for (int r = 0; r < page->timelineModel()->rowCount(); ++r)
            tested = tested || page->timelineModel()->event(r).step == QStringLiteral("test");
        QVERIFY(tested);
        test::screenshot(&w, QStringLiteral("trace"));

        // a wrong scan says so instead of showing stale history
        w.traceField()->clear();
        test::scan(QStringLiteral("NOSUCHTHING"));
        QVERIFY(!page->genealogyModel()->find(unit).isValid());
        QCOMPARE(page->timelineModel()->rowCount(), 0);
        QCOMPARE(w.traceBanner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY(w.traceBanner()->text().contains(QStringLiteral("NOSUCHTHING")));
    }

    void supervisorVoidsARecordWithAReason()
    {
        test::TestDatabase t;
        const QString unit = t.testedUnit("ZT4090A123456", "SB00000001");
        auto pack = t.record(Step::Pack, {"unit=" + unit, "batch=B2611-001"});
        QVERIFY(pack.ok());
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        login(w, QStringLiteral("OP1"), QStringLiteral("1234"), QStringLiteral("PACK-1"));
        QVERIFY(!w.voidButton()->isEnabled()); // operators cannot void
        w.tabs()->setCurrentIndex(1);
        QVERIFY(w.voidButton()->isHidden());
        w.logout();
        login(w, QStringLiteral("SUP1"), QStringLiteral("1234"), QStringLiteral("PACK-1"));
        w.tabs()->setCurrentIndex(1);
        w.traceField()->setFocus();
        test::scan(unit);
        TracePage* page = w.tracePage();
        QVERIFY(!w.voidButton()->isHidden());
        QVERIFY(!w.voidButton()->isEnabled()); // nothing selected yet
        const int row = page->rowOf(pack->event.id);
        QVERIFY(row >= 0);
        page->selectRow(row);
        QVERIFY(w.voidButton()->isEnabled());
        // Confirmed without a reason: the core refuses, nothing changes.
        const QString before = t.dump();
        QTest::mouseClick(w.voidButton(), Qt::LeftButton);
        auto* dialog = page->findChild<VoidDialog*>();
        QVERIFY(dialog);
        QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
        QCOMPARE(w.traceBanner()->kind(), ResultBanner::Kind::Failure); // a reason is required
        QCOMPARE(t.dump(), before);
        QTRY_VERIFY(!page->findChild<VoidDialog*>());
        page->selectRow(page->rowOf(pack->event.id));
        QTest::mouseClick(w.voidButton(), Qt::LeftButton);
        dialog = page->findChild<VoidDialog*>();
        QVERIFY(dialog);
        QTRY_COMPARE(QApplication::focusWidget(), dialog->reasonField());
        test::scan(QStringLiteral("wrong carton"));
        QCOMPARE(w.traceBanner()->kind(), ResultBanner::Kind::Success);
        const int voided = page->rowOf(pack->event.id);
        QVERIFY(page->timelineModel()->event(voided).voided);
        QVERIFY(page->timelineModel()
                    ->index(voided, TimelineModel::Outcome)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("VOID")));
        bool reasonShown = false;
        for (int r = 0; r < page->timelineModel()->rowCount(); ++r)
            reasonShown = reasonShown || page->timelineModel()
                                             ->index(r, TimelineModel::Outcome)
                                             .data()
                                             .toString()
                                             .contains(QStringLiteral("wrong carton"));
        QVERIFY(reasonShown);
    }

    void showsChineseWhenTheLanguageIsChinese()
    {
        QTranslator zh;
        QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("reworktrack"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
        QApplication::installTranslator(&zh);
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        QCOMPARE(w.demoButton()->text(), QStringLiteral("载入演示数据"));
        QTRY_VERIFY(w.countsLabel()->text().startsWith(QStringLiteral("来料卡 0")));
        login(w, QStringLiteral("OP1"), QStringLiteral("1234"), QStringLiteral("STRIP-1"));
        test::scan(QStringLiteral("NEVERSEEN01"));
        test::saveShortcut();
        QCOMPARE(w.currentForm()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(w.currentForm()->banner()->text().contains(QStringLiteral("未入库")),
                 qPrintable(w.currentForm()->banner()->text()));
        test::screenshot(&w, QStringLiteral("strip-error-zh_CN"));
        QApplication::removeTranslator(&zh);
    }

    void countsFollowRecordedWork()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        // Counted once on a worker thread; from then on each save adds the rows it made. The
        // set-up's stations and operators are events (reference changes) already.
        const qint64 setup = TableCounts(t.db().connection()).events().value();
        QTRY_VERIFY(w.countsLabel()->text().contains(QStringLiteral("Cards 0")));
        auto intake = t.record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"});
        QVERIFY(intake.ok());
        QVERIFY(w.countsLabel()->text().contains(QStringLiteral("Cards 1")));
        QVERIFY(w.countsLabel()->text().contains(QStringLiteral("Events %1").arg(setup + 1)));
        QVERIFY(!w.demoBanner()->isVisibleTo(&w));
        // A void deletes rows: the counts come from a new full count.
        QVERIFY(t.record(Step::Void, {"event=" + intake->event.id, "reason=typo"}, "SUP1").ok());
        QTRY_VERIFY2(w.countsLabel()->text().contains(QStringLiteral("Cards 0 ")),
                     qPrintable(w.countsLabel()->text()));
        QVERIFY(w.countsLabel()->text().contains(QStringLiteral("Events %1").arg(setup + 2)));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
