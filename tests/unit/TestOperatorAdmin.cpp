// Operator accounts as an admin manages them: permissions, audit entries, PIN resets that lift
// a lock, and no way to lock the factory out by removing its last admin.
#include "TestDatabase.h"
#include "auth/Login.h"
#include "auth/OperatorAccounts.h"
#include "auth/OperatorAdmin.h"
#include "storage/AuditLog.h"
#include "storage/Sql.h"

#include <QTest>

using namespace rework;

namespace {

QString auditKinds(test::TestDatabase& t)
{
    auto kinds =
        sql::column(t.db().connection(), QStringLiteral("SELECT kind || ' ' || operator_id || ' ' || "
                                                        "detail FROM audit_log ORDER BY seq"));
    return kinds.ok() ? kinds.value().join(QLatin1Char('\n')) : QStringLiteral("<error>");
}

} // namespace

class TestOperatorAdmin : public QObject
{
    Q_OBJECT

private:
    // OP1 and SUP1 come with every test database; ADM1 is the admin who manages them.
    static void addAdmin(test::TestDatabase& t)
    {
        QVERIFY(OperatorAccounts(t.db().connection()).addOperator("ADM1", "Zhao Min", "admin", "9876").ok());
        QVERIFY(t.recorder().reloadConfig().ok());
    }

private slots:
    void onlyAnAdminManagesOperators()
    {
        test::TestDatabase t;
        addAdmin(t);
        const QString before = t.dump();
        for (const char* actor : {"OP1", "SUP1", "NOBODY"}) {
            OperatorAdmin admin(t.db().connection(), t.recorder().config(), actor, "INTAKE-1");
            auto refused = admin.add("OP7", "Sun Li", "operator", "5555");
            QVERIFY(!refused.ok());
            QCOMPARE(admin.setActive("OP1", false).ok(), false);
            QCOMPARE(admin.setRole("OP1", "admin").ok(), false);
        }
        QCOMPARE(t.dump(), before);

        OperatorAdmin admin(t.db().connection(), t.recorder().config(), "ADM1", "INTAKE-1");
        QVERIFY(admin.add("op7", "Sun Li", "operator", "5555").ok());
        QVERIFY(Login(t.db().connection()).login("OP7", "5555", "INTAKE-1").ok());
        QVERIFY(auditKinds(t).contains(QStringLiteral("operator_added ADM1 OP7 as operator")));
        // Bad input is refused with the reason, and nothing is added.
        const QString withOp7 = t.dump();
        QCOMPARE(admin.add("OP8", "Sun Li", "boss", "5555").error().code, ErrorCode::InvalidValue);
        QCOMPARE(admin.add("OP8", "Sun Li", "operator", "12").error().code, ErrorCode::InvalidValue);
        QCOMPARE(admin.add("OP7", "Again", "operator", "5555").error().code, ErrorCode::AlreadyUsed);
        QCOMPARE(admin.setRole("OP7", "'; DROP TABLE operators; --").error().code, ErrorCode::InvalidValue);
        QCOMPARE(admin.setActive("GHOST", false).error().code, ErrorCode::UnknownOperator);
        QCOMPARE(t.dump(), withOp7);
    }

    void aDisabledOperatorCannotLogInOrRecord()
    {
        test::TestDatabase t;
        addAdmin(t);
        OperatorAdmin admin(t.db().connection(), t.recorder().config(), "ADM1", "INTAKE-1");
        QVERIFY(admin.setActive("OP1", false).ok());
        QCOMPARE(OperatorAdmin::isActive(t.db().connection(), "OP1").value(), false);
        QCOMPARE(Login(t.db().connection()).login("OP1", "1234", "INTAKE-1").error().code,
                 ErrorCode::OperatorInactive);
        auto refused = t.record(Step::Intake, {"card=ZT4090P000001", "model=RTX4090", "lot=LOT-1"});
        QCOMPARE(refused.error().code, ErrorCode::OperatorInactive);
        QVERIFY(admin.setActive("OP1", true).ok());
        QVERIFY(OperatorAdmin::isActive(t.db().connection(), "OP1").value());
        QVERIFY(t.record(Step::Intake, {"card=ZT4090P000001", "model=RTX4090", "lot=LOT-1"}).ok());
        const QString audit = auditKinds(t);
        QVERIFY(audit.contains(QStringLiteral("operator_disabled ADM1 OP1")));
        QVERIFY(audit.contains(QStringLiteral("operator_enabled ADM1 OP1")));
        QCOMPARE(AuditLog(t.db().connection()).verify().value(), 0);
    }

    void aPinResetLiftsTheLock()
    {
        test::TestDatabase t;
        addAdmin(t);
        Login loginCheck(t.db().connection());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 5; ++i)
            (void)loginCheck.login("OP1", "0000", "INTAKE-1", now);
        QCOMPARE(loginCheck.login("OP1", "1234", "INTAKE-1", now).error().code, ErrorCode::NotPermitted);
        OperatorAdmin admin(t.db().connection(), t.recorder().config(), "ADM1", "INTAKE-1");
        auto accounts = admin.accounts(now);
        QVERIFY(accounts.ok());
        bool sawLock = false;
        for (const auto& a : accounts.value())
            sawLock = sawLock || (a.info.id == QLatin1StringView("OP1") && a.lockedUntil.isValid());
        QVERIFY(sawLock);
        QVERIFY(admin.resetPin("OP1", "24680").ok());
        QCOMPARE(loginCheck.login("OP1", "1234", "INTAKE-1", now).error().code, ErrorCode::UnknownOperator);
        QVERIFY(loginCheck.login("OP1", "24680", "INTAKE-1", now).ok());
        QVERIFY(auditKinds(t).contains(QStringLiteral("operator_pin_reset ADM1 OP1")));
    }

    void theLastAdminStays()
    {
        test::TestDatabase t;
        addAdmin(t);
        OperatorAdmin admin(t.db().connection(), t.recorder().config(), "ADM1", "INTAKE-1");
        const QString before = t.dump();
        QCOMPARE(admin.setActive("ADM1", false).error().code, ErrorCode::NotPermitted);
        QCOMPARE(admin.setRole("ADM1", "operator").error().code, ErrorCode::NotPermitted);
        QCOMPARE(t.dump(), before);
        QVERIFY(admin.setRole("SUP1", "admin").ok());
        QVERIFY(admin.setRole("ADM1", "supervisor").ok());
        // ADM1 is no admin any more: their next change is refused.
        QCOMPARE(admin.setRole("OP1", "supervisor").error().code, ErrorCode::NotPermitted);
        QVERIFY(auditKinds(t).contains(QStringLiteral("operator_role ADM1 SUP1: supervisor -> admin")));
    }

    void theShellMakesOnlyTheFirstAdmin()
    {
        test::TestDatabase t;
        // Once accounts exist, the shell (no login) changes nothing.
        OperatorAdmin shell(t.db().connection(), t.recorder().config(), OperatorAdmin::kShell, QString());
        const QString before = t.dump();
        QCOMPARE(shell.setActive("OP1", false).error().code, ErrorCode::NotPermitted);
        QCOMPARE(shell.add("ADM9", "Zhao Min", "admin", "2468").error().code, ErrorCode::NotPermitted);
        QCOMPARE(t.dump(), before);
        // On an empty database it makes the first account, an admin only.
        QVERIFY(
            sql::run(t.db().connection(), QStringLiteral("DELETE FROM operators WHERE id <> 'SYSTEM'")).ok());
        QCOMPARE(shell.add("OP9", "Sun Li", "operator", "2468").error().code, ErrorCode::NotPermitted);
        QVERIFY(shell.add("ADM9", "Zhao Min", "admin", "2468").ok());
        QVERIFY(auditKinds(t).contains(QStringLiteral("operator_added (shell) ADM9 as admin")));
    }

    /// SYSTEM, the headless jobs' pseudo-account, is no account: nobody edits it, logs in as it
    /// or counts it as an admin.
    void systemIsNoAccount()
    {
        test::TestDatabase t;
        QVERIFY(OperatorAccounts(t.db().connection()).addOperator("ADM1", "Zhao Min", "admin", "1234").ok());
        OperatorAdmin admin(t.db().connection(), t.recorder().config(), QStringLiteral("ADM1"), QString());
        const QString before = t.dump();
        QCOMPARE(admin.resetPin("SYSTEM", "5555").error().code, ErrorCode::NotPermitted);
        QCOMPARE(admin.setRole("SYSTEM", "admin").error().code, ErrorCode::NotPermitted);
        QCOMPARE(admin.setActive("SYSTEM", false).error().code, ErrorCode::NotPermitted);
        QCOMPARE(t.dump(), before);
        // Even an admin SYSTEM row (made behind the program's back) keeps ADM1 the last admin.
        QVERIFY(sql::run(t.db().connection(), QStringLiteral("UPDATE operators SET role = 'admin' WHERE id = "
                                                             "'SYSTEM'"))
                    .ok());
        QCOMPARE(admin.setRole("ADM1", "operator").error().code, ErrorCode::NotPermitted);
        QCOMPARE(Login(t.db().connection()).login("SYSTEM", "!").error().code, ErrorCode::UnknownOperator);
    }
};

QTEST_GUILESS_MAIN(TestOperatorAdmin)
#include "TestOperatorAdmin.moc"
