// Logins: five wrong PINs lock the account for a while, every attempt is in the hash-chained
// audit log, and a PIN hashed with older parameters is re-hashed at the next good login.
#include "TestDatabase.h"
#include "auth/Login.h"
#include "auth/PinHasher.h"
#include "storage/AuditLog.h"
#include "storage/ConfigStore.h"
#include "storage/Sql.h"

#include <QTest>
#include <sodium.h>

using namespace rework;

class TestLoginSecurity : public QObject
{
    Q_OBJECT

private slots:
    void fiveWrongPinsLockTheAccount()
    {
        test::TestDatabase t;
        Login loginCheck(t.db().connection());
        const QDateTime now(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
        for (int i = 1; i <= 4; ++i)
            QCOMPARE(loginCheck.login("OP1", "0000", "STRIP-1", now.addSecs(i)).error().code,
                     ErrorCode::UnknownOperator);
        auto fifth = loginCheck.login("OP1", "0000", "STRIP-1", now.addSecs(5));
        QCOMPARE(fifth.error().code, ErrorCode::NotPermitted);
        QVERIFY(fifth.error().message.contains(QStringLiteral("locked for 15 minutes")));
        // Locked: even the right PIN is refused, and says until when.
        auto locked = loginCheck.login("OP1", "1234", "STRIP-1", now.addSecs(60));
        QCOMPARE(locked.error().code, ErrorCode::NotPermitted);
        QVERIFY(locked.error().message.contains(QStringLiteral("locked until")));
        // Other operators are not affected.
        QVERIFY(loginCheck.login("SUP1", "1234", "STRIP-1", now.addSecs(61)).ok());
        // After the lock time, the right PIN works and the count starts again.
        QVERIFY(loginCheck.login("OP1", "1234", "STRIP-1", now.addSecs(16 * 60)).ok());
        QVERIFY(!loginCheck.login("OP1", "0000", "STRIP-1", now.addSecs(16 * 60 + 1)).ok());
        QVERIFY(loginCheck.login("OP1", "1234", "STRIP-1", now.addSecs(16 * 60 + 2)).ok());

        const QStringList kinds =
            sql::column(t.db().connection(), QStringLiteral("SELECT kind FROM audit_log ORDER BY seq"))
                .value();
        QCOMPARE(kinds, (QStringList{"login_failed", "login_failed", "login_failed", "login_failed",
                                     "login_failed_locked", "login_locked", "login", "login", "login_failed",
                                     "login"}));
        QString reason;
        QCOMPARE(AuditLog(t.db().connection()).verify(&reason).value(), 0);
    }

    void lockSettingsComeFromConfig()
    {
        test::TestDatabase t;
        Login loginCheck(t.db().connection());
        QVERIFY(sql::run(t.db().connection(),
                         QStringLiteral("UPDATE config SET value = '2' WHERE key = 'login.max_failures'"))
                    .ok());
        const QDateTime now(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
        QVERIFY(!loginCheck.login("OP1", "0000", "", now).ok());
        QCOMPARE(loginCheck.login("OP1", "0000", "", now).error().code, ErrorCode::NotPermitted);
    }

    void olderHashParametersAreRenewedAtLogin()
    {
        test::TestDatabase t;
        // A hash made with weaker parameters, as an older release might have stored.
        char weak[crypto_pwhash_STRBYTES];
        QCOMPARE(crypto_pwhash_str(weak, "1234", 4, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN),
                 0);
        QVERIFY(sql::run(t.db().connection(),
                         QStringLiteral("UPDATE operators SET pin_hash = ? WHERE id = 'OP1'"),
                         {QString::fromLatin1(weak)})
                    .ok());
        QVERIFY(PinHasher::needsRehash(QString::fromLatin1(weak)));
        QVERIFY(Login(t.db().connection()).login("OP1", "1234").ok());
        const QString renewed = sql::scalar(t.db().connection(),
                                            QStringLiteral("SELECT pin_hash FROM operators WHERE id = 'OP1'"))
                                    .value()
                                    .toString();
        QVERIFY(renewed != QString::fromLatin1(weak));
        QVERIFY(!PinHasher::needsRehash(renewed));
        QVERIFY(PinHasher::verify(renewed, "1234"));
    }

    void aChangedAuditEntryIsNamed()
    {
        test::TestDatabase t;
        ConfigStore configStore(t.db().connection());
        Login loginCheck(t.db().connection());
        QVERIFY(loginCheck.login("OP1", "1234").ok());
        QVERIFY(!loginCheck.login("OP1", "9999").ok());
        QVERIFY(configStore.setConfigValue("reflow.limit", "4", t.admin()).ok());
        QVERIFY(
            sql::run(t.db().connection(), QStringLiteral("DROP TRIGGER audit_log_append_only_update")).ok());
        QVERIFY(
            sql::run(t.db().connection(), QStringLiteral("UPDATE audit_log SET kind = 'login' WHERE seq = 2"))
                .ok());
        QString reason;
        QCOMPARE(AuditLog(t.db().connection()).verify(&reason).value(), 2);
        QVERIFY(reason.contains(QStringLiteral("#2")));
    }
};

QTEST_GUILESS_MAIN(TestLoginSecurity)
#include "TestLoginSecurity.moc"
