#include "TestDatabase.h"
#include "auth/Login.h"
#include "auth/OperatorAccounts.h"
#include "auth/PinHasher.h"
#include "reports/ShiftCalendar.h"
#include "storage/ConfigStore.h"
#include "storage/Sql.h"
#include "storage/StationRegistry.h"
#include "storage/WorkflowConfigLoader.h"

#include <QSqlQuery>
#include <QTest>

#include <tuple>

using namespace rework;

class TestReferenceData : public QObject
{
    Q_OBJECT

private slots:
    void loginChecksThePinHash()
    {
        test::TestDatabase t;
        Login loginCheck(t.db().connection());
        auto ok = loginCheck.login(QStringLiteral("op1"), QStringLiteral("1234"));
        QVERIFY2(ok.ok(), qPrintable(ok ? QString() : ok.error().message));
        QCOMPARE(ok->id, QStringLiteral("OP1"));
        QCOMPARE(ok->role, QStringLiteral("operator"));
        const QString stored =
            sql::scalar(t.db().connection(), QStringLiteral("SELECT pin_hash FROM operators "
                                                            "WHERE id = 'OP1'"))
                .value()
                .toString();
        QVERIFY(stored.startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(!stored.contains(QStringLiteral("1234")));
        // a wrong PIN and an unknown id give the same answer: no hint which one was wrong
        auto wrongPin = loginCheck.login(QStringLiteral("OP1"), QStringLiteral("9999"));
        auto unknown = loginCheck.login(QStringLiteral("NOBODY"), QStringLiteral("1234"));
        QVERIFY(!wrongPin.ok() && !unknown.ok());
        QCOMPARE(wrongPin.error().message, unknown.error().message);
        // SYSTEM, the headless identity, has no PIN at all
        QVERIFY(!loginCheck.login(QStringLiteral("SYSTEM"), QStringLiteral("1234")).ok());
    }

    void disabledOperatorCannotLogInOrRecord()
    {
        test::TestDatabase t;
        QVERIFY(
            sql::run(t.db().connection(), QStringLiteral("UPDATE operators SET active = 0 WHERE id = 'OP1'"))
                .ok());
        QCOMPARE(Login(t.db().connection()).login(QStringLiteral("OP1"), QStringLiteral("1234")).error().code,
                 ErrorCode::OperatorInactive);
        QCOMPARE(t.record(Step::Intake, {"card=ZT4090A123456", "model=RTX4090", "lot=L1"}).error().code,
                 ErrorCode::OperatorInactive);
    }

    void rejectsBadOperators_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<QString>("field");
        QTest::newRow("duplicate") << "OP1"
                                   << "operator"
                                   << "1234"
                                   << "id";
        QTest::newRow("bad role") << "OP9"
                                  << "boss"
                                  << "1234"
                                  << "role";
        QTest::newRow("short pin") << "OP9"
                                   << "operator"
                                   << "12"
                                   << "pin";
        QTest::newRow("letters in pin") << "OP9"
                                        << "operator"
                                        << "12ab"
                                        << "pin";
        QTest::newRow("long pin") << "OP9"
                                  << "operator"
                                  << "1234567890123"
                                  << "pin";
        QTest::newRow("bad id") << "OP 9;DROP"
                                << "operator"
                                << "1234"
                                << "operator";
    }
    void rejectsBadOperators()
    {
        QFETCH(QString, id);
        QFETCH(QString, role);
        QFETCH(QString, pin);
        QFETCH(QString, field);
        test::TestDatabase t;
        const QString before = t.dump();
        Status st = OperatorAccounts(t.db().connection()).addOperator(id, QStringLiteral("Name"), role, pin);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().field, field);
        QCOMPARE(t.dump(), before);
    }

    void rejectsBadStations()
    {
        test::TestDatabase t;
        StationRegistry stationRegistry(t.db().connection());
        QCOMPARE(stationRegistry.addStation(QStringLiteral("STRIP-1"), QStringLiteral("strip")).error().code,
                 ErrorCode::AlreadyUsed);
        QCOMPARE(stationRegistry.addStation(QStringLiteral("X-1"), QStringLiteral("ship")).error().field,
                 QStringLiteral("step"));
        QCOMPARE(stationRegistry.addStation(QStringLiteral("X 1"), QStringLiteral("strip")).error().code,
                 ErrorCode::MalformedSerial);
        QVERIFY(stationRegistry.addStation(QStringLiteral("strip-2"), QStringLiteral("strip")).ok());
        QCOMPARE(stationRegistry.stations().value().size(), 8);
    }

    void configValuesAreChecked()
    {
        test::TestDatabase t;
        ConfigStore configStore(t.db().connection());
        WorkflowConfigLoader configLoader(t.db().connection());
        QCOMPARE(
            configStore.setConfigValue(QStringLiteral("nope"), QStringLiteral("1"), t.admin()).error().code,
            ErrorCode::UnknownField);
        // Not a number is not a number out of range.
        QCOMPARE(configStore.setConfigValue(QStringLiteral("reflow.limit"), QStringLiteral("x"), t.admin())
                     .error()
                     .code,
                 ErrorCode::InvalidValue);
        QCOMPARE(configStore.setConfigValue(QStringLiteral("reflow.limit"), QStringLiteral("99"), t.admin())
                     .error()
                     .code,
                 ErrorCode::OutOfRange);
        QVERIFY(
            configStore.setConfigValue(QStringLiteral("reflow.limit"), QStringLiteral("5"), t.admin()).ok());
        QCOMPARE(configLoader.loadConfig()->reflowLimit, 5);
        // Each setting has its own range; per-station targets need a known station.
        QVERIFY(configStore
                    .setConfigValue(QStringLiteral("throughput.target_per_shift"), QStringLiteral("250"),
                                    t.admin())
                    .ok());
        QCOMPARE(configStore
                     .setConfigValue(QStringLiteral("throughput.target_per_shift"), QStringLiteral("-1"),
                                     t.admin())
                     .error()
                     .code,
                 ErrorCode::OutOfRange);
        QVERIFY(configStore
                    .setConfigValue(QStringLiteral("throughput.target_per_shift.TEST-1"),
                                    QStringLiteral("40"), t.admin())
                    .ok());
        QCOMPARE(configStore
                     .setConfigValue(QStringLiteral("throughput.target_per_shift.NOPE-9"),
                                     QStringLiteral("40"), t.admin())
                     .error()
                     .code,
                 ErrorCode::UnknownStation);
        QVERIFY(
            configStore.setConfigValue(QStringLiteral("shift.day_start_hour"), QStringLiteral("7"), t.admin())
                .ok());
        QCOMPARE(configStore
                     .setConfigValue(QStringLiteral("shift.day_start_hour"), QStringLiteral("24"), t.admin())
                     .error()
                     .code,
                 ErrorCode::OutOfRange);
        QVERIFY(
            configStore
                .setConfigValue(QStringLiteral("shift.utc_offset_minutes"), QStringLiteral("480"), t.admin())
                .ok());
        const ShiftCalendar calendar = ShiftCalendar::load(t.db().connection()).value();
        QCOMPARE(calendar.dayStartHour, 7);
        QCOMPARE(calendar.utcOffsetMinutes, 480);
        // Every time zone is a multiple of 15 minutes from UTC: 330 (India) and -210
        // (Newfoundland) are, 20 is a typing mistake and changes nothing.
        const QString before = t.dump();
        for (const char* typo : {"20", "335", "-200"}) {
            const auto refused = configStore.setConfigValue(QStringLiteral("shift.utc_offset_minutes"),
                                                            QString::fromLatin1(typo), t.admin());
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, ErrorCode::OutOfRange);
            QVERIFY2(refused.error().message.contains(QStringLiteral("15")),
                     qPrintable(refused.error().message));
        }
        QCOMPARE(t.dump(), before);
        for (const char* offset : {"330", "-210", "345"}) {
            QVERIFY(configStore
                        .setConfigValue(QStringLiteral("shift.utc_offset_minutes"),
                                        QString::fromLatin1(offset), t.admin())
                        .ok());
            QCOMPARE(ShiftCalendar::load(t.db().connection()).value().utcOffsetMinutes,
                     QByteArray(offset).toInt());
        }
    }

    /// Saving a setting at the value it holds (a settings dialog saves every field) records no
    /// reference event and no audit entry: the audit shows changes, not saves. An operator without
    /// the permission is still refused.
    void aSettingSavedUnchangedRecordsNothing()
    {
        test::TestDatabase t;
        ConfigStore configStore(t.db().connection(), t.clock());
        const QString key = QStringLiteral("session.idle_lock_minutes");
        QVERIFY(configStore.setConfigValue(key, QStringLiteral("9"), t.admin()).ok());
        const QString before = t.dump();
        QVERIFY(configStore.setConfigValue(key, QStringLiteral("9"), t.admin()).ok());
        QVERIFY(configStore.setConfigValue(key, QStringLiteral(" 09"), t.admin()).ok());
        QCOMPARE(t.dump(), before);
        QCOMPARE(configStore.setConfigValue(key, QStringLiteral("9"), QStringLiteral("OP1")).error().code,
                 ErrorCode::NotPermitted);
        QCOMPARE(t.dump(), before);
        // A default made explicit is a change: the key had no value of its own.
        const QString target = QStringLiteral("throughput.target_per_shift");
        const auto defaultTarget = configStore.configNumber(target, -1);
        QVERIFY(defaultTarget.ok());
        if (defaultTarget.value() == -1) {
            QVERIFY(configStore.setConfigValue(target, QStringLiteral("100"), t.admin()).ok());
            QVERIFY(t.dump() != before);
        }
        QVERIFY(configStore.setConfigValue(key, QStringLiteral("10"), t.admin()).ok());
        QVERIFY(t.dump() != before);
    }

    /// Every setting has one default, listed with it while nobody has set it; the value in
    /// force is the same for every reader of it. A new file holds the first schema's values of
    /// six settings; the other four were nowhere to be seen before (their defaults lived with
    /// their readers).
    void everySettingShowsTheValueInForce()
    {
        test::TestDatabase t;
        ConfigStore configStore(t.db().connection(), t.clock());
        const int thisPc = t.clock().now().toLocalTime().offsetFromUtc() / 60;
        const QList<std::tuple<QString, int, bool>> expected = {
            {"login.lock_minutes", 15, false},    {"login.max_failures", 5, false},
            {"pack.carton_capacity", 10, true},   {"reflow.limit", 3, false},
            {"repair.max_attempts", 2, false},    {"session.idle_lock_minutes", 5, true},
            {"shift.day_start_hour", 6, true},    {"shift.utc_offset_minutes", thisPc, true},
            {"sync.interval_minutes", 15, false}, {"throughput.target_per_shift", 100, false},
        };
        const QList<ConfigStore::Setting> fresh = configStore.inForce().value();
        QCOMPARE(fresh.size(), expected.size());
        for (int i = 0; i < fresh.size(); ++i) {
            const auto& [key, value, isDefault] = expected[i];
            QCOMPARE(fresh[i].key, key);
            QCOMPARE(fresh[i].value, value);
            QCOMPARE(fresh[i].isDefault, isDefault);
            QCOMPARE(configStore.number(key).value(), value);
            QCOMPARE(configStore.defaultValue(key).value(), value); // the first schema's are the defaults
        }
        // What the rules, the calendar and the KPI read is what the list says.
        const WorkflowConfig rules = WorkflowConfigLoader(t.db().connection()).loadConfig().value();
        QCOMPARE(rules.maxRepairAttempts, 2);
        QCOMPARE(rules.reflowLimit, 3);
        QCOMPARE(rules.cartonCapacity, 10);
        QCOMPARE(ShiftCalendar::load(t.db().connection()).value().dayStartHour, 6);

        // Set: no longer marked as a default; a station's own target is listed once set, and a
        // station without one holds the line's.
        QVERIFY(
            configStore.setConfigValue(QStringLiteral("reflow.limit"), QStringLiteral("4"), t.admin()).ok());
        QVERIFY(configStore
                    .setConfigValue(QStringLiteral("throughput.target_per_shift"), QStringLiteral("80"),
                                    t.admin())
                    .ok());
        QVERIFY(configStore
                    .setConfigValue(QStringLiteral("throughput.target_per_shift.TEST-1"),
                                    QStringLiteral("40"), t.admin())
                    .ok());
        QList<ConfigStore::Setting> set = configStore.inForce().value();
        QCOMPARE(set.size(), expected.size() + 1);
        QCOMPARE(set[expected.size()].key, QStringLiteral("throughput.target_per_shift.TEST-1"));
        QCOMPARE(set[expected.size()].isDefault, false);
        QCOMPARE(set[6].key, QStringLiteral("shift.day_start_hour"));
        QCOMPARE(set[6].isDefault, true);
        QCOMPARE(configStore.number(QStringLiteral("throughput.target_per_shift.TEST-1")).value(), 40);
        QCOMPARE(configStore.number(QStringLiteral("throughput.target_per_shift.PACK-1")).value(), 80);
        QCOMPARE(configStore.number(QStringLiteral("nope")).error().code, ErrorCode::UnknownField);
    }

    /// A value setConfigValue() refuses can only be in a hand-edited file. Each reader used to
    /// read it its own way (the rules took "abc" repairs as 0, the login "0 failures" as a lock
    /// at the first wrong PIN); now all fall back to the default, and the list says so.
    void aHandEditedSettingIsReadAsItsDefaultByEveryReader()
    {
        test::TestDatabase t;
        QSqlQuery edit(t.db().connection());
        for (const char* row : {"('repair.max_attempts', 'abc')", "('pack.carton_capacity', '-3')",
                                "('login.max_failures', '0')", "('shift.day_start_hour', '30')",
                                "('shift.utc_offset_minutes', '100')", "('reflow.limit', ' 4 ')"})
            QVERIFY(edit.exec(QStringLiteral("INSERT OR REPLACE INTO config (key, value) VALUES ") +
                              QLatin1String(row)));
        const WorkflowConfig rules = WorkflowConfigLoader(t.db().connection()).loadConfig().value();
        QCOMPARE(rules.maxRepairAttempts, 2);
        QCOMPARE(rules.cartonCapacity, 10);
        QCOMPARE(rules.reflowLimit, 4); // spaces around a number are the number, as when it is set
        const ShiftCalendar calendar = ShiftCalendar::load(t.db().connection()).value();
        QCOMPARE(calendar.dayStartHour, 6);
        QCOMPARE(calendar.utcOffsetMinutes, t.clock().now().toLocalTime().offsetFromUtc() / 60);
        // Four wrong PINs do not lock the account: the default allows five.
        Login login(t.db().connection(), t.clock());
        for (int i = 0; i < 4; ++i)
            QVERIFY(!login.login(QStringLiteral("OP1"), QStringLiteral("0000")).ok());
        QVERIFY(login.login(QStringLiteral("OP1"), QStringLiteral("1234")).ok());
        // Listed as defaults, with the values in force: the edited values are not.
        const QList<ConfigStore::Setting> listed = ConfigStore(t.db().connection()).inForce().value();
        for (const ConfigStore::Setting& s : listed) {
            if (s.key == QLatin1String("repair.max_attempts") ||
                s.key == QLatin1String("login.max_failures") ||
                s.key == QLatin1String("pack.carton_capacity") ||
                s.key == QLatin1String("shift.day_start_hour")) {
                QVERIFY2(s.isDefault, qPrintable(s.key));
                QVERIFY2(!s.refused.isEmpty(), qPrintable(s.key)); // and the value it did not take
                QCOMPARE(s.value, ConfigStore(t.db().connection()).defaultValue(s.key).value());
            }
        }
    }

    void pinHashesAreSaltedAndVerifiable()
    {
        auto a = PinHasher::hash(QStringLiteral("4321"));
        auto b = PinHasher::hash(QStringLiteral("4321"));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.value() != b.value());
        QVERIFY(PinHasher::verify(a.value(), QStringLiteral("4321")));
        QVERIFY(!PinHasher::verify(a.value(), QStringLiteral("4322")));
        QVERIFY(!PinHasher::verify(QStringLiteral("garbage"), QStringLiteral("4321")));
    }
};

QTEST_GUILESS_MAIN(TestReferenceData)
#include "TestReferenceData.moc"
