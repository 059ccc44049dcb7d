// The acting session as the core keeps it: start, idle lock (audited), resume by the same
// operator at the same station only, logout, and the check for an operator disabled meanwhile.
#include "TestDatabase.h"
#include "auth/OperatorAdmin.h"
#include "auth/SessionController.h"
#include "storage/Sql.h"

#include <QSignalSpy>
#include <QTest>

using namespace rework;

namespace {

Session sessionOf(const QString& op, const QString& station, const QString& id)
{
    Session s;
    s.operatorInfo.id = op;
    s.operatorInfo.name = op;
    s.operatorInfo.role = QStringLiteral("operator");
    s.station = StationInfo{station, QStringLiteral("pack")};
    s.id = id;
    return s;
}

} // namespace

class TestSessionController : public QObject
{
    Q_OBJECT

private slots:
    /// The core proves a login: a wrong PIN and an unknown station open no session; a good one
    /// opens a session at the station the line has, not yet started.
    void authenticateProvesPinAndStation()
    {
        test::TestDatabase t;
        SessionController c(t.db().connection(), t.clock());
        const auto failures = [&t] {
            return sql::scalar(t.db().connection(),
                               QStringLiteral("SELECT count(*) FROM audit_log WHERE kind LIKE 'login%fail%'"))
                .value()
                .toInt();
        };
        const int before = failures();
        Result<Session> wrong =
            c.authenticate(QStringLiteral("OP1"), QStringLiteral("9999"), QStringLiteral("PACK-1"));
        QVERIFY(!wrong.ok());
        QVERIFY(failures() > before);
        Result<Session> nowhere =
            c.authenticate(QStringLiteral("OP1"), QStringLiteral("1234"), QStringLiteral("NO-SUCH-STATION"));
        QVERIFY(!nowhere.ok());
        QCOMPARE(nowhere.error().code, ErrorCode::UnknownStation);
        Result<Session> good =
            c.authenticate(QStringLiteral("op1"), QStringLiteral("1234"), QStringLiteral("PACK-1"));
        QVERIFY2(good.ok(), good.ok() ? "" : qPrintable(good.error().oneLine()));
        QCOMPARE(good->operatorInfo.id, QStringLiteral("OP1"));
        QCOMPARE(good->station.id, QStringLiteral("PACK-1"));
        QCOMPARE(good->station.step, QStringLiteral("pack"));
        QVERIFY(!good->id.isEmpty());
        QVERIFY(c.acting().isEmpty()); // proven, not started
    }

    void lockKeepsTheSessionForItsOperatorOnly()
    {
        test::TestDatabase t;
        SessionController c(t.db().connection(), t.clock());
        QSignalSpy started(&c, &SessionController::started);
        QVERIFY(!c.lock(std::chrono::minutes(5))); // nobody to lock
        QVERIFY(!c.start(sessionOf("OP1", "PACK-1", "s1")));
        QCOMPARE(c.acting().operatorInfo.id, QStringLiteral("OP1"));
        QVERIFY(!c.isLocked());

        const auto audited = [&t] {
            return sql::scalar(t.db().connection(),
                               QStringLiteral("SELECT count(*) FROM audit_log WHERE kind = ?"),
                               {QStringLiteral("session_locked")})
                .value()
                .toInt();
        };
        const int before = audited();
        QVERIFY(c.lock(std::chrono::minutes(5)));
        QVERIFY(c.isLocked());
        QVERIFY(c.acting().isEmpty()); // nobody acts while the screen is locked
        QCOMPARE(c.locked().id, QStringLiteral("s1"));
        QCOMPARE(audited(), before + 1);

        // the same operator at another station starts fresh
        QVERIFY(!c.start(sessionOf("OP1", "PACK-2", "s2")));
        QVERIFY(!c.isLocked());
        QVERIFY(c.lock(std::chrono::minutes(5)));
        // someone else: fresh, and the kept session is dropped
        QVERIFY(!c.start(sessionOf("SUP1", "PACK-2", "s3")));
        QVERIFY(!c.isLocked());
        QVERIFY(c.lock(std::chrono::minutes(5)));
        // the one who was locked out, at the same station: resumes
        QVERIFY(c.start(sessionOf("SUP1", "PACK-2", "s4")));
        QCOMPARE(c.acting().id, QStringLiteral("s4"));
        QCOMPARE(started.size(), 4);

        c.logout();
        QVERIFY(c.acting().isEmpty());
        QVERIFY(!c.isLocked());
    }

    void aDisabledHolderIsNamed()
    {
        test::TestDatabase t;
        SessionController c(t.db().connection(), t.clock());
        QVERIFY(c.disabledHolder().ok());
        QVERIFY(!c.disabledHolder().value());
        c.start(sessionOf("OP1", "PACK-1", "s1"));
        QVERIFY(!c.disabledHolder().value());
        QVERIFY(c.lock(std::chrono::minutes(5)));
        QVERIFY(OperatorAdmin(t.db().connection(), t.recorder().config(), t.admin(), QStringLiteral("PACK-1"))
                    .setActive(QStringLiteral("OP1"), false)
                    .ok());
        // locked, yet holding this PC: still named
        Result<std::optional<OperatorInfo>> holder = c.disabledHolder();
        QVERIFY(holder.ok());
        QVERIFY(holder.value());
        QCOMPARE(holder.value()->id, QStringLiteral("OP1"));
    }

    void idleTimeoutComesFromTheSettings()
    {
        test::TestDatabase t;
        SessionController c(t.db().connection(), t.clock());
        QCOMPARE(c.idleTimeout(), std::chrono::minutes(5));
    }
};

QTEST_GUILESS_MAIN(TestSessionController)
#include "TestSessionController.moc"
