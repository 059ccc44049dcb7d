// Shared PCs: the screen locks itself when nobody touches it, and the same operator finds their
// unsaved form again; a disabled operator is logged out; admins manage accounts on their own tab.
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "TestDatabase.h"
#include "admin/OperatorAccountsModel.h"
#include "admin/OperatorsPage.h"
#include "auth/Login.h"
#include "auth/OperatorAccounts.h"
#include "auth/OperatorAdmin.h"
#include "common/IdleWatcher.h"
#include "common/ResultBanner.h"
#include "dashboard/DashboardPage.h"
#include "login/LoginPage.h"
#include "shell/MainWindow.h"
#include "stations/StepForm.h"
#include "storage/ConfigStore.h"
#include "storage/Sql.h"
#include "syncstatus/SyncPanel.h"
#include "tracing/TracePage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>

using namespace rework;
using namespace std::chrono_literals;

namespace {

QLineEdit* cardField(MainWindow& w)
{
    return qobject_cast<QLineEdit*>(w.form(Step::Intake)->field(QStringLiteral("card")));
}

} // namespace

class TestSessionSecurity : public QObject
{
    Q_OBJECT

private slots:
    /// The GUI's entry points per role: the void button, the dashboard and operators tabs, "Sync
    /// now" and the settings follow the permissions table (as granted, and with every grant
    /// flipped), never a role name in a widget.
    void theScreenOffersWhatTheRoleMay_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("flipped");
        for (const char* role : {"operator", "supervisor", "admin"}) {
            QTest::addRow("%s", role) << QString::fromLatin1(role) << false;
            QTest::addRow("%s flipped", role) << QString::fromLatin1(role) << true;
        }
    }

    void theScreenOffersWhatTheRoleMay()
    {
        QFETCH(QString, role);
        QFETCH(bool, flipped);
        test::TestDatabase t;
        const QString admin = t.admin();
        const QString actor = role == QLatin1StringView("admin")        ? admin
                              : role == QLatin1StringView("supervisor") ? QStringLiteral("SUP1")
                                                                        : QStringLiteral("OP1");
        const QStringList actions{"record.void", "dashboard.view", "operators.manage", "sync.run",
                                  "settings.change"};
        QHash<QString, bool> granted;
        for (const QString& action : actions) {
            granted[action] =
                sql::scalar(t.db().connection(),
                            QStringLiteral("SELECT 1 FROM permissions WHERE role = ? AND action = ?"),
                            {role, action})
                    .value()
                    .isValid();
            if (flipped) {
                QVERIFY(
                    sql::exec(t.db().connection(),
                              granted[action]
                                  ? QStringLiteral("DELETE FROM permissions WHERE role = ? AND action = ?")
                                  : QStringLiteral("INSERT INTO permissions (role, action) VALUES (?, ?)"),
                              {role, action})
                        .ok());
                granted[action] = !granted[action];
            }
        }
        QVERIFY(t.recorder().reloadConfig().ok());
        MainWindow w(t.db(), t.recorder());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        test::logInAt(w, QStringLiteral("INTAKE-1"), actor);
        QCOMPARE(w.session().operatorInfo.id, actor);
        QCOMPARE(w.voidButton()->isVisibleTo(w.tracePage()), granted["record.void"]);
        int dashboardTab = -1;
        for (int i = 0; i < w.tabs()->count(); ++i) {
            if (w.tabs()->widget(i)->isAncestorOf(w.dashboard()) || w.tabs()->widget(i) == w.dashboard())
                dashboardTab = i;
        }
        QVERIFY(dashboardTab >= 0);
        QCOMPARE(w.tabs()->isTabVisible(dashboardTab), granted["dashboard.view"]);
        QCOMPARE(w.tabs()->isTabVisible(w.operatorsTab()), granted["operators.manage"]);
        QCOMPARE(w.syncAction()->isEnabled(), granted["sync.run"]);
        QCOMPARE(w.settingsAction()->isEnabled(), granted["settings.change"]);
    }

    void theIdleTimeComesFromTheSettings()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("INTAKE-1"));
        QCOMPARE(w.idleWatcher()->timeout(), std::chrono::milliseconds(5min));
        QVERIFY(w.idleWatcher()->isRunning());
        QVERIFY(ConfigStore(t.db().connection())
                    .setConfigValue("session.idle_lock_minutes", "2", t.admin())
                    .ok());
        QCOMPARE(ConfigStore(t.db().connection())
                     .setConfigValue("session.idle_lock_minutes", "-1", t.admin())
                     .error()
                     .code,
                 ErrorCode::OutOfRange);
        test::logInAt(w, QStringLiteral("INTAKE-1"));
        QCOMPARE(w.idleWatcher()->timeout(), std::chrono::milliseconds(2min));
        w.logout();
        QVERIFY(!w.idleWatcher()->isRunning());
    }

    void anIdleLockKeepsTheFormForTheSameOperator()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("INTAKE-1"));
        const QString firstSession = w.session().id;
        QVERIFY(!firstSession.isEmpty());
        cardField(w)->setFocus();
        QTest::keyClicks(cardField(w), QStringLiteral("ZT4090P000123"));

        // Input keeps it awake: ten minutes of key presses, one a minute, against a two-minute
        // timeout; the test moves the clock instead of waiting.
        w.idleWatcher()->setTimeout(2min);
        for (int i = 0; i < 10; ++i) {
            t.clock().advanceSeconds(60);
            QTest::keyClick(cardField(w), Qt::Key_Shift);
            w.idleWatcher()->check();
        }
        QVERIFY(!w.isLocked());
        t.clock().advanceSeconds(119);
        w.idleWatcher()->check();
        QVERIFY(!w.isLocked());
        t.clock().advanceSeconds(1);
        w.idleWatcher()->check();
        QVERIFY(w.isLocked());
        QCOMPARE(w.session().operatorInfo.id, QString());
        QVERIFY(w.loginPage()->isVisible());
        QVERIFY(w.loginPage()->noticeLabel()->text().contains(QStringLiteral("OP1")));
        // Nothing was saved; the lock itself is in the audit trail.
        QCOMPARE(sql::scalar(t.db().connection(), "SELECT count(*) FROM events WHERE step <> 'reference'")
                     .value()
                     .toInt(),
                 0);
        QCOMPARE(
            sql::scalar(t.db().connection(), "SELECT count(*) FROM audit_log WHERE kind = 'session_locked'")
                .value()
                .toInt(),
            1);

        // The same operator logs in again: the form is as they left it, with the cursor in it.
        LoginPage* page = w.loginPage();
        page->operatorField()->setFocus();
        test::scan(QStringLiteral("OP1"));
        test::scan(QStringLiteral("1234"));
        QVERIFY(!w.isLocked());
        QCOMPARE(w.session().operatorInfo.id, QStringLiteral("OP1"));
        QVERIFY(w.session().id != firstSession); // every login is a new session
        QCOMPARE(cardField(w)->text(), QStringLiteral("ZT4090P000123"));
        QCOMPARE(QApplication::focusWidget(), cardField(w));
        // ...and finishes it.
        test::scan(QString()); // Enter: on to the model
        w.form(Step::Intake)->setValue(QStringLiteral("model"), QStringLiteral("RTX4090"));
        w.form(Step::Intake)->setValue(QStringLiteral("lot"), QStringLiteral("LOT-1"));
        test::saveShortcut();
        QTRY_COMPARE(sql::scalar(t.db().connection(), "SELECT count(*) FROM cards").value().toInt(), 1);
    }

    void anotherOperatorAfterTheLockStartsFresh()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("INTAKE-1"));
        cardField(w)->setFocus();
        QTest::keyClicks(cardField(w), QStringLiteral("ZT4090P000123"));
        w.lockScreen();
        QVERIFY(w.isLocked());
        LoginPage* page = w.loginPage();
        page->operatorField()->setFocus();
        test::scan(QStringLiteral("SUP1"));
        test::scan(QStringLiteral("1234"));
        QCOMPARE(w.session().operatorInfo.id, QStringLiteral("SUP1"));
        QCOMPARE(cardField(w)->text(), QString());
    }

    void aDisabledOperatorIsLoggedOut()
    {
        test::TestDatabase t;
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("INTAKE-1"));
        QCOMPARE(w.session().operatorInfo.id, QStringLiteral("OP1"));
        w.checkOperatorStillActive();
        QCOMPARE(w.session().operatorInfo.id, QStringLiteral("OP1"));
        // An admin elsewhere disables OP1.
        QVERIFY(OperatorAccounts(t.db().connection()).addOperator("ADM1", "Zhao Min", "admin", "1234").ok());
        QVERIFY(OperatorAdmin(t.db().connection(), t.recorder().config(), QStringLiteral("ADM1"), {})
                    .setActive("OP1", false)
                    .ok());
        w.checkOperatorStillActive();
        QCOMPARE(w.session().operatorInfo.id, QString());
        QVERIFY(w.loginPage()->isVisible());
        QVERIFY(w.loginPage()->noticeLabel()->text().contains(QStringLiteral("disabled")));
        // And cannot come back.
        test::logInAt(w, QStringLiteral("INTAKE-1"));
        QCOMPARE(w.session().operatorInfo.id, QString());
        QVERIFY(w.loginPage()->errorLabel()->text().contains(QStringLiteral("disabled")));
    }

    void anAdminManagesOperatorsOnTheirTab()
    {
        test::TestDatabase t;
        QVERIFY(OperatorAccounts(t.db().connection()).addOperator("ADM1", "Zhao Min", "admin", "9876").ok());
        QVERIFY(t.recorder().reloadConfig().ok());
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("INTAKE-1"));
        QVERIFY(!w.tabs()->isTabVisible(w.operatorsTab()));
        test::logInAt(w, QStringLiteral("INTAKE-1"), QStringLiteral("SUP1"));
        QVERIFY(!w.tabs()->isTabVisible(w.operatorsTab()));
        test::logInAt(w, QStringLiteral("INTAKE-1"), QStringLiteral("ADM1"), QStringLiteral("9876"));
        QVERIFY(w.tabs()->isTabVisible(w.operatorsTab()));
        w.tabs()->setCurrentIndex(w.operatorsTab());
        OperatorsPage* page = w.operatorsPage();
        OperatorAccountsModel* accounts = page->accountsModel();
        // The accounts as listed from the test database, and through every reload after a change.
        new QAbstractItemModelTester(accounts, QAbstractItemModelTester::FailureReportingMode::Fatal, page);
        const int before = accounts->rowCount();
        QVERIFY(before >= 3);

        // Add: a PIN that is too short is refused, then a good one.
        page->idField()->setText(QStringLiteral("OP20"));
        page->nameField()->setText(QStringLiteral("Wang Fang"));
        page->roleField()->setCurrentIndex(page->roleField()->findData(QStringLiteral("operator")));
        page->pinField()->setText(QStringLiteral("12"));
        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        QCOMPARE(page->banner()->kind(), ResultBanner::Kind::Failure);
        QCOMPARE(accounts->rowCount(), before);
        page->pinField()->setText(QStringLiteral("4321"));
        QTest::mouseClick(page->addButton(), Qt::LeftButton);
        QCOMPARE(page->banner()->kind(), ResultBanner::Kind::Success);
        QCOMPARE(accounts->rowCount(), before + 1);
        QVERIFY(page->pinField()->text().isEmpty());
        QVERIFY(Login(t.db().connection()).login("OP20", "4321").ok());

        // Disable the new operator by picking the row.
        const auto rows = accounts->match(accounts->index(0, OperatorAccountsModel::Id), Qt::DisplayRole,
                                          QStringLiteral("OP20"), -1, Qt::MatchExactly);
        QCOMPARE(rows.size(), 1);
        page->table()->selectRow(rows.first().row());
        QCOMPARE(page->activeButton()->text(), QStringLiteral("Disable"));
        QTest::mouseClick(page->activeButton(), Qt::LeftButton);
        QCOMPARE(page->banner()->kind(), ResultBanner::Kind::Success);
        QCOMPARE(OperatorAdmin::isActive(t.db().connection(), "OP20").value(), false);
        QCOMPARE(page->activeButton()->text(), QStringLiteral("Enable"));

        // Make OP1 a supervisor; demoting the only admin is refused.
        page->table()->selectRow(accounts->rowOf(QStringLiteral("OP1")));
        page->roleField()->setCurrentIndex(page->roleField()->findData(QStringLiteral("supervisor")));
        QTest::mouseClick(page->roleButton(), Qt::LeftButton);
        QCOMPARE(page->banner()->kind(), ResultBanner::Kind::Success);
        page->table()->selectRow(accounts->rowOf(QStringLiteral("ADM1")));
        page->roleField()->setCurrentIndex(page->roleField()->findData(QStringLiteral("operator")));
        QTest::mouseClick(page->roleButton(), Qt::LeftButton);
        QCOMPARE(page->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY(page->banner()->text().contains(QStringLiteral("last active admin")));

        // Reset a PIN.
        page->table()->selectRow(accounts->rowOf(QStringLiteral("SUP1")));
        page->pinField()->setText(QStringLiteral("11223344"));
        QTest::mouseClick(page->resetPinButton(), Qt::LeftButton);
        QCOMPARE(page->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY(Login(t.db().connection()).login("SUP1", "11223344").ok());
        test::screenshot(&w, QStringLiteral("operators"));
    }
};

QTEST_MAIN(TestSessionSecurity)
#include "TestSessionSecurity.moc"
