// Who acts through `reworkctl`: every command that acts as an operator needs that operator's PIN
// (REWORKTRACK_PIN, --pin-stdin or a prompt), checked by the GUI's login policy; the role's
// permissions decide; SYSTEM is no account; and tampering with the chain is not undone by a key.
#include "Reworkctl.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/EventChain.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using rework::test::reworkctl;
using rework::test::Run;

namespace {

const char* const kUnknownEvent = "01a2250f-ce05-745a-99ca-3f8f5217b394";

/// Runs `statements` on the file directly, as a local attacker (or a test) would; returns the
/// first column of the last statement's first row.
QVariant sqlOn(const QString& path, const QStringList& statements)
{
    QVariant last;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        for (const QString& statement : statements) {
            QSqlQuery q(db);
            if (!q.exec(statement))
                qFatal("%s: %s", qPrintable(statement), qPrintable(q.lastError().text()));
            last = q.next() ? q.value(0) : QVariant();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return last;
}

int failuresOf(const QString& path, const QString& id)
{
    return sqlOn(path, {QStringLiteral("SELECT coalesce(max(failures), 0) FROM login_failures WHERE "
                                       "operator_id = '%1'")
                            .arg(id)})
        .toInt();
}

} // namespace

class TestCliAuthority : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_line; // a small line: ADM1, SUP1, OP1 (PIN 1234), stations INTAKE-1 and STRIP-1
    int m_copies = 0;

    /// A fresh copy of the small line, for a test that changes it.
    QString freshLine()
    {
        const QString path = m_dir.filePath(QStringLiteral("copy-%1.sqlite").arg(++m_copies));
        if (!QFile::copy(m_line, path))
            qFatal("cannot copy the line");
        return path;
    }

private slots:
    void initTestCase()
    {
        m_line = m_dir.filePath(QStringLiteral("line.sqlite"));
        for (const QStringList& args :
             {QStringList{"init"},
              {"operator", "add", "ADM1", "--name", "Zhao Min", "--role", "admin", "--pin", "1234"},
              {"operator", "add", "SUP1", "--name", "Liu Yang", "--role", "supervisor", "--pin", "1234",
               "--operator", "ADM1"},
              {"operator", "add", "OP1", "--name", "Li Wei", "--role", "operator", "--pin", "1234",
               "--operator", "ADM1"},
              {"station", "add", "INTAKE-1", "--step", "intake", "--operator", "ADM1"},
              {"station", "add", "STRIP-1", "--step", "strip", "--operator", "ADM1"}}) {
            const Run r = reworkctl(m_line, args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(' ') + QStringLiteral(": ") + r.err));
        }
        // A checkpointed, single file that copies whole.
        sqlOn(m_line, {QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")});
        // An older backup of the line, for the forced restore.
        QCOMPARE(reworkctl(m_line, {"backup", "--to", m_dir.filePath(QStringLiteral("line-backup.sqlite"))})
                     .exitCode,
                 0);
    }

    void actingCommandsNeedProof_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("withPin"); // error code with the right PIN, empty: success
        const QStringList intake{"record",     "intake", "--station",          "INTAKE-1",
                                 "--operator", "OP1",    "card=ZT4090A123456", "model=RTX4090",
                                 "lot=LOT-7"};
        QTest::newRow("record") << intake << "OP1"
                                << "";
        QTest::newRow("batch close") << QStringList{"batch", "close", "B-NONE-1", "--operator", "OP1"}
                                     << "OP1"
                                     << "unknown_serial";
        QTest::newRow("void") << QStringList{"void", kUnknownEvent, "--reason", "x", "--operator", "SUP1"}
                              << "SUP1"
                              << "unknown_serial";
        QTest::newRow("operator add")
            << QStringList{"operator", "add",   "OP2",  "--name",     "Sun Li", "--role",
                           "operator", "--pin", "5678", "--operator", "ADM1"}
            << "ADM1"
            << "";
        QTest::newRow("operator disable")
            << QStringList{"operator", "disable", "OP1", "--operator", "ADM1"} << "ADM1"
            << "";
        QTest::newRow("operator reset-pin")
            << QStringList{"operator", "reset-pin", "OP1", "--pin", "5678", "--operator", "ADM1"} << "ADM1"
            << "";
        QTest::newRow("operator role")
            << QStringList{"operator", "role", "OP1", "supervisor", "--operator", "ADM1"} << "ADM1"
            << "";
        QTest::newRow("config set") << QStringList{"config", "set", "reflow.limit", "4", "--operator", "ADM1"}
                                    << "ADM1"
                                    << "";
        QTest::newRow("station add") << QStringList{"station", "add",        "TEST-1", "--step",
                                                    "test",    "--operator", "ADM1"}
                                     << "ADM1"
                                     << "";
        QTest::newRow("label") << QStringList{"label", "batch-label", "B-NONE-1", "--zpl",
                                              "x.zpl", "--operator",  "SUP1"}
                               << "SUP1"
                               << "unknown_serial";
    }

    void actingCommandsNeedProof()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, actor);
        QFETCH(QString, withPin);
        const QString path = freshLine();
        const QString before = rework::test::dumpFile(path);

        const Run none = reworkctl(path, args, QString());
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("REWORKTRACK_PIN")), qPrintable(none.err));
        QCOMPARE(rework::test::dumpFile(path), before);

        const Run wrong = reworkctl(path, args, QStringLiteral("9999"));
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY2(wrong.err.contains(QStringLiteral("[unknown_operator]")), qPrintable(wrong.err));
        QCOMPARE(failuresOf(path, actor), 1);

        const Run right = reworkctl(path, args);
        if (withPin.isEmpty()) {
            QVERIFY2(right.exitCode == 0, qPrintable(right.err));
            QCOMPARE(failuresOf(path, actor), 0); // a good PIN clears the count, as at login
        } else {
            QCOMPARE(right.exitCode, 1);
            QVERIFY2(right.err.contains(QLatin1Char('[') + withPin + QLatin1Char(']')),
                     qPrintable(right.err));
        }
    }

    void wrongPinsLockTheAccount()
    {
        const QString path = freshLine();
        const QStringList args{"void", kUnknownEvent, "--reason", "x", "--operator", "SUP1"};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(reworkctl(path, args, QStringLiteral("0000")).exitCode, 1);
        const Run locked = reworkctl(path, args);
        QCOMPARE(locked.exitCode, 1);
        QVERIFY2(locked.err.contains(QStringLiteral("locked")), qPrintable(locked.err));
        // The GUI's login sees the same lock.
        QVERIFY(sqlOn(path, {QStringLiteral("SELECT locked_until FROM login_failures WHERE operator_id = "
                                            "'SUP1'")})
                    .isValid());
    }

    void thePinComesFromStdin()
    {
        const QString path = freshLine();
        const QStringList args{"--pin-stdin",   "record",     "intake", "--station",
                               "INTAKE-1",      "--operator", "OP1",    "card=ZT4090A123457",
                               "model=RTX4090", "lot=LOT-7"};
        QCOMPARE(reworkctl(path, args, QString(), "0000\n").exitCode, 1);
        QCOMPARE(failuresOf(path, QStringLiteral("OP1")), 1);
        const Run ok = reworkctl(path, args, QString(), "1234\n");
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
        // --pin-stdin wins over the environment.
        QCOMPARE(reworkctl(path, args, QStringLiteral("1234"), "0000\n").exitCode, 1);
    }

    void anUnknownOperatorIsRefused()
    {
        const QString path = freshLine();
        const Run r = reworkctl(path, {"--json", "record", "intake", "--station", "INTAKE-1", "--operator",
                                       "GHOST", "card=ZT4090A123459", "model=RTX4090", "lot=LOT-7"});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("unknown_operator"));
        QCOMPARE(
            sqlOn(path, {QStringLiteral("SELECT count(*) FROM events WHERE step <> 'reference'")}).toInt(),
            0);
        QCOMPARE(
            sqlOn(path, {QStringLiteral("SELECT kind || ' ' || operator_id FROM audit_log ORDER BY seq DESC "
                                        "LIMIT 1")})
                .toString(),
            QStringLiteral("login_failed GHOST"));
    }

    void aDisabledOperatorIsRefused()
    {
        const QString path = freshLine();
        QCOMPARE(reworkctl(path, {"operator", "disable", "OP1", "--operator", "ADM1"}).exitCode, 0);
        const QString before = rework::test::dumpFile(path);
        const Run r = reworkctl(path, {"record", "intake", "--station", "INTAKE-1", "--operator", "OP1",
                                       "card=ZT4090A123458", "model=RTX4090", "lot=LOT-7"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("[operator_inactive]")), qPrintable(r.err));
        QVERIFY(rework::test::dumpFile(path) != before); // the refusal is audited
        QCOMPARE(
            sqlOn(path, {QStringLiteral("SELECT count(*) FROM events WHERE step <> 'reference'")}).toInt(),
            0);
    }

    void systemIsNoAccount_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("pin");
        QTest::newRow("give SYSTEM a PIN")
            << QStringList{"operator", "reset-pin", "SYSTEM", "--pin", "5555", "--operator", "ADM1"}
            << "1234";
        QTest::newRow("make SYSTEM admin")
            << QStringList{"operator", "role", "SYSTEM", "admin", "--operator", "ADM1"} << "1234";
        QTest::newRow("disable SYSTEM")
            << QStringList{"operator", "disable", "SYSTEM", "--operator", "ADM1"} << "1234";
        QTest::newRow("act as SYSTEM")
            << QStringList{"void", kUnknownEvent, "--reason", "x", "--operator", "SYSTEM"} << "!";
        QTest::newRow("print without operator")
            << QStringList{"label", "batch-label", "B-NONE-1", "--zpl", "x.zpl", "--reason", "x"} << "1234";
        QTest::newRow("close without operator") << QStringList{"batch", "close", "B-NONE-1"} << "1234";
        QTest::newRow("demote the last admin")
            << QStringList{"operator", "role", "ADM1", "operator", "--operator", "ADM1"} << "1234";
    }

    void systemIsNoAccount()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, pin);
        const QString path = freshLine();
        const QString operators =
            sqlOn(path,
                  {QStringLiteral("SELECT group_concat(id || role || pin_hash || active) FROM operators")})
                .toString();
        const Run r = reworkctl(path, args, pin);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(sqlOn(path, {QStringLiteral(
                                 "SELECT group_concat(id || role || pin_hash || active) FROM operators")})
                     .toString(),
                 operators);
        QCOMPARE(
            sqlOn(path, {QStringLiteral("SELECT count(*) FROM events WHERE step <> 'reference'")}).toInt(),
            0);
    }

    void theShellMakesOnlyTheFirstAdmin()
    {
        QTemporaryDir own;
        const QString path = own.filePath(QStringLiteral("first.sqlite"));
        QCOMPARE(reworkctl(path, {"init"}).exitCode, 0);
        QCOMPARE(
            reworkctl(path, {"operator", "add", "OP0", "--name", "X", "--role", "operator", "--pin", "1234"})
                .exitCode,
            1);
        QCOMPARE(reworkctl(path, {"operator", "add", "A0", "--name", "X", "--role", "admin", "--pin", "1234"})
                     .exitCode,
                 0);
        const QString before = rework::test::dumpFile(path);
        const Run second =
            reworkctl(path, {"operator", "add", "A2", "--name", "Y", "--role", "admin", "--pin", "1234"});
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(QStringLiteral("[not_permitted]")), qPrintable(second.err));
        QCOMPARE(rework::test::dumpFile(path), before);
    }

    /// Permission × role through the CLI: the role's `permissions` rows decide, and a refusal
    /// leaves the database as it was.
    void permissionsByRole_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("expected");    // error code, empty: success
        QTest::addColumn<QStringList>("prepare"); // SQL run on the line first: what the action needs
        const QStringList config{"config", "set", "reflow.limit", "4"};
        const QStringList station{"station", "add", "TEST-1", "--step", "test"};
        const QStringList addOperator{"operator", "add",      "OP2",   "--name", "Sun Li",
                                      "--role",   "operator", "--pin", "5678"};
        const QStringList voidEvent{"void", kUnknownEvent, "--reason", "x"};
        const QStringList label{"label", "batch-label", "B-NONE-1", "--zpl", "x.zpl"};
        const QStringList token{"token", "create", "--station", "INTAKE-1", "--steps", "intake"};
        const QStringList repair{"verify", "--repair-chain", "--reason", "links lost in a crash"};
        const QStringList replay{"check", "--repair", "--reason", "rollups lost in a crash"};
        const QStringList publish{"label", "publish",
                                  QStringLiteral(REWORK_SOURCE_DIR "/resources/labels/die-traveler.json")};
        const QStringList restore{"restore", m_dir.filePath(QStringLiteral("line-backup.sqlite")), "--force",
                                  "--reason", "disk replaced"};
        const QStringList resolve{"conflicts", "resolve", "1", "--keep", kUnknownEvent, "--reason", "x"};
        const struct
        {
            const char* name;
            QStringList args;
            const char* operatorCode;
            const char* supervisorCode;
            const char* adminCode;
            QStringList prepare;
        } actions[] = {
            {"settings.change (config)", config, "not_permitted", "not_permitted", "", {}},
            {"settings.change (station)", station, "not_permitted", "not_permitted", "", {}},
            {"operators.manage", addOperator, "not_permitted", "not_permitted", "", {}},
            {"record.void", voidEvent, "not_permitted", "unknown_serial", "unknown_serial", {}},
            {"label.print", label, "unknown_serial", "unknown_serial", "unknown_serial", {}},
            {"tokens.manage", token, "not_permitted", "not_permitted", "", {}},
            {"chain.repair", repair, "not_permitted", "not_permitted", "", {}},
            // Something to repair: an admin's allowed repair writes.
            {"derived.repair",
             replay,
             "not_permitted",
             "not_permitted",
             "",
             {QStringLiteral("INSERT INTO kpi_operator_daily VALUES ('2026-01-05', 'INTAKE-1', 'OP1', "
                             "'intake', 'RTX4090', 3)")}},
            {"templates.edit", publish, "not_permitted", "not_permitted", "", {}},
            {"restore.force", restore, "not_permitted", "not_permitted", "", {}},
            {"conflicts.resolve", resolve, "not_permitted", "unknown_serial", "unknown_serial", {}},
        };
        for (const auto& a : actions) {
            QTest::addRow("%s operator", a.name) << a.args + QStringList{"--operator", "OP1"} << "OP1"
                                                 << QString::fromLatin1(a.operatorCode) << a.prepare;
            QTest::addRow("%s supervisor", a.name) << a.args + QStringList{"--operator", "SUP1"} << "SUP1"
                                                   << QString::fromLatin1(a.supervisorCode) << a.prepare;
            QTest::addRow("%s admin", a.name) << a.args + QStringList{"--operator", "ADM1"} << "ADM1"
                                              << QString::fromLatin1(a.adminCode) << a.prepare;
        }
    }

    void permissionsByRole()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        QFETCH(QStringList, prepare);
        const QString path = freshLine();
        if (!prepare.isEmpty())
            sqlOn(path, prepare);
        const QString before = rework::test::dumpFile(path);
        const Run r = reworkctl(path, args);
        if (expected.isEmpty()) {
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY(rework::test::dumpFile(path) != before);
            return;
        }
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1Char('[') + expected + QLatin1Char(']')), qPrintable(r.err));
        QCOMPARE(rework::test::dumpFile(path), before);
    }

    /// A withdrawn permission is refused at once: the permissions table decides, not the widgets.
    void aWithdrawnPermissionIsRefused()
    {
        const QString path = freshLine();
        sqlOn(path, {QStringLiteral(
                        "DELETE FROM permissions WHERE role = 'supervisor' AND action = 'label.print'")});
        const QString before = rework::test::dumpFile(path);
        const Run r =
            reworkctl(path, {"label", "batch-label", "B-NONE-1", "--zpl", "x.zpl", "--operator", "SUP1"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("[not_permitted]")), qPrintable(r.err));
        QCOMPARE(rework::test::dumpFile(path), before);
    }

    /// The small line after some work: intakes 1-3 by OP1, a setting changed by ADM1 (an audit
    /// entry that saw event 3), intake 4 (an event that saw that entry).
    QString lineWithWork()
    {
        const QString path = freshLine();
        const auto intake = [&](int n) {
            const Run r =
                reworkctl(path, {"record", "intake", "--station", "INTAKE-1", "--operator", "OP1",
                                 QStringLiteral("card=ZT4090A12345%1").arg(n), "model=RTX4090", "lot=LOT-7"});
            if (r.exitCode != 0)
                qFatal("intake: %s", qPrintable(r.err));
        };
        for (int n = 1; n <= 3; ++n)
            intake(n);
        if (reworkctl(path, {"config", "set", "reflow.limit", "4", "--operator", "ADM1"}).exitCode != 0)
            qFatal("config set failed");
        intake(4);
        if (reworkctl(path, {"verify"}).exitCode != 0)
            qFatal("the untouched line does not verify");
        return path;
    }

    /// `verify` walks on from where the last one found the chain intact; `--full` from the first
    /// event. The mark is checked before it is trusted.
    void verifyWalksOnFromItsMark()
    {
        const QString path = lineWithWork(); // verified once: the mark is at its head
        const Run again = reworkctl(path, {"--json", "verify"});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(again.json().value("events").toInt(), 0);
        const int head = sqlOn(path, {QStringLiteral("SELECT max(seq) FROM events")}).toInt();
        QCOMPARE(again.json().value("from_event").toInt(), head);
        QCOMPARE(reworkctl(path, {"record", "intake", "--station", "INTAKE-1", "--operator", "OP1",
                                  "card=ZT4090A123459", "model=RTX4090", "lot=LOT-7"})
                     .exitCode,
                 0);
        const Run one = reworkctl(path, {"--json", "verify"});
        QCOMPARE(one.json().value("events").toInt(), 1);
        const Run full = reworkctl(path, {"--json", "verify", "--full"});
        QCOMPARE(full.json().value("events").toInt(), head + 1);
        QCOMPARE(full.json().value("from_event").toInt(), 0);
    }

    /// What the mark adds: an early event changed and every later link recomputed (as the repair
    /// code would) changes the marked link; a log cut back to an earlier point where both logs and
    /// SQLite's numbers agree still ends before the mark. A change that leaves every link alone
    /// is found by the full walk.
    void theMarkCatchesRewritesAndCutsBehindIt_data()
    {
        QTest::addColumn<QStringList>("tamper");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("reason");
        const QString dropEvents = QStringLiteral("DROP TRIGGER events_append_only_delete");
        const QString dropLinks = QStringLiteral("DROP TRIGGER event_chain_append_only_delete");
        const QString dropAudit = QStringLiteral("DROP TRIGGER audit_log_append_only_delete");
        // The first intake: its payload holds the lot.
        const QString firstLot7 =
            QStringLiteral("%1 (SELECT min(seq) FROM events WHERE payload LIKE '%LOT-7%')");
        QTest::newRow("rewritten and relinked")
            << QStringList{dropLinks, QStringLiteral("DROP TRIGGER events_append_only_update"),
                           firstLot7.arg(
                               QStringLiteral("UPDATE events SET payload = replace(payload, 'LOT-7', "
                                              "'LOT-9') WHERE seq =")),
                           firstLot7.arg(QStringLiteral("DELETE FROM event_chain WHERE event_seq >="))}
            << QStringList{"verify"} << QStringLiteral("rewritten since");
        // Back to before the setting: events 1-3 and no audit entry, every number lowered.
        QTest::newRow("cut back to a consistent point")
            << QStringList{dropEvents,
                           dropLinks,
                           dropAudit,
                           QStringLiteral("DELETE FROM event_chain WHERE event_seq > 3"),
                           QStringLiteral("DELETE FROM events WHERE seq > 3"),
                           QStringLiteral("DELETE FROM audit_log WHERE seq >= (SELECT min(seq) FROM "
                                          "audit_log WHERE event_seq > 3)"),
                           QStringLiteral("UPDATE sqlite_sequence SET seq = 3 WHERE name = 'events'"),
                           QStringLiteral(
                               "UPDATE sqlite_sequence SET seq = (SELECT coalesce(max(seq), 0) FROM "
                               "audit_log) WHERE name = 'audit_log'")}
            << QStringList{"verify"} << QStringLiteral("its last events were cut off");
        QTest::newRow("changed in place, links left")
            << QStringList{QStringLiteral("DROP TRIGGER events_append_only_update"),
                           firstLot7.arg(
                               QStringLiteral("UPDATE events SET payload = replace(payload, 'LOT-7', "
                                              "'LOT-9') WHERE seq ="))}
            << QStringList{"verify", "--full"} << QStringLiteral("does not match its hash");
    }

    void theMarkCatchesRewritesAndCutsBehindIt()
    {
        QFETCH(QStringList, tamper);
        QFETCH(QStringList, args);
        QFETCH(QString, reason);
        const QString path = lineWithWork();
        if (reason.startsWith(QLatin1StringView("rewritten"))) {
            // The attacker's relinking, done with the program's own code path.
            sqlOn(path, tamper);
            auto db = rework::Database::open(path);
            QVERIFY(db.ok());
            QVERIFY(rework::EventChain(db.value()->connection()).linkMissing().ok());
        } else {
            sqlOn(path, tamper);
        }
        if (!reason.startsWith(QLatin1StringView("its last")))
            QVERIFY(sqlOn(path, {QStringLiteral("SELECT count(*) FROM events WHERE payload LIKE '%LOT-9%'")})
                        .toInt() == 1);
        const Run verify = reworkctl(path, args);
        QCOMPARE(verify.exitCode, 1);
        QVERIFY2(verify.err.contains(reason), qPrintable(verify.err));
    }

    /// An attacker with the file deletes links (or forges an event and drops its link) and sets
    /// the hidden key that once made the next start re-link the whole chain: nothing re-links.
    void aChainKeyRelinksNothing_data()
    {
        QTest::addColumn<QStringList>("tamper");
        QTest::newRow("links deleted") << QStringList{"DROP TRIGGER event_chain_append_only_delete",
                                                      "DELETE FROM event_chain WHERE event_seq >= 3"};
        QTest::newRow("event forged") << QStringList{
            "DROP TRIGGER event_chain_append_only_delete", "DROP TRIGGER events_append_only_update",
            "UPDATE events SET payload = replace(payload, 'LOT-7', 'LOT-9') WHERE seq = 2",
            "DELETE FROM event_chain WHERE event_seq >= 2"};
    }

    void aChainKeyRelinksNothing()
    {
        QFETCH(QStringList, tamper);
        const QString path = lineWithWork();
        sqlOn(path,
              tamper << QStringLiteral("INSERT INTO config (key, value) VALUES ('derived.chain', '1')"));
        const int links = sqlOn(path, {QStringLiteral("SELECT count(*) FROM event_chain")}).toInt();
        // The CLI opens the file three times (as the app would at its start).
        reworkctl(path, {"check"});
        reworkctl(path, {"operator", "list"});
        const Run verify = reworkctl(path, {"verify"});
        QCOMPARE(verify.exitCode, 1);
        QVERIFY2(verify.err.contains(QStringLiteral("tampered")), qPrintable(verify.err));
        QCOMPARE(sqlOn(path, {QStringLiteral("SELECT count(*) FROM event_chain")}).toInt(), links);
    }

    /// The same for the derived tables: a changed row stays changed and `check` names it.
    void aRebuildKeyRebuildsNothing()
    {
        const QString path = lineWithWork();
        sqlOn(path, {QStringLiteral("UPDATE cards SET lot = 'LOT-9' WHERE lot = 'LOT-7'"),
                     QStringLiteral("INSERT INTO config (key, value) VALUES ('derived.rebuild', '1')")});
        reworkctl(path, {"operator", "list"});
        const Run check = reworkctl(path, {"check"});
        QCOMPARE(check.exitCode, 3); // problems found: the README's storage code
        QVERIFY2(check.err.contains(QStringLiteral("cards")), qPrintable(check.err));
        // counted by row, each told by its column and both values, with what to do about it
        QVERIFY2(check.err.contains(QStringLiteral("problems found in 4 row(s), all of derived state")),
                 qPrintable(check.err));
        QVERIFY2(check.err.contains(QStringLiteral("lot is 'LOT-9', the events give 'LOT-7'")),
                 qPrintable(check.err));
        QVERIFY2(check.err.contains(QStringLiteral("reworkctl check --repair")), qPrintable(check.err));
        // --json carries the problems themselves, not only their number
        const Run json = reworkctl(path, {"--json", "check"});
        QCOMPARE(json.exitCode, 3);
        const QJsonArray problems = json.json().value("problems").toArray();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().toString().contains(QStringLiteral("cards")), qPrintable(json.out));
        QCOMPARE(json.json().value("rows").toInt(), 4);
        QCOMPARE(json.json().value("repairable").toBool(), true);
        QCOMPARE(sqlOn(path, {QStringLiteral("SELECT count(*) FROM cards WHERE lot = 'LOT-9'")}).toInt(), 4);
    }

    /// Cut-off tails: the last events, or the last audit entries, removed; naively, or with
    /// SQLite's record of the numbers it gave lowered too (then the other log's claim shows it).
    void aCutOffTailIsFound_data()
    {
        QTest::addColumn<QStringList>("tamper");
        QTest::addColumn<QString>("reason");
        const QString dropEvents = QStringLiteral("DROP TRIGGER events_append_only_delete");
        const QString dropLinks = QStringLiteral("DROP TRIGGER event_chain_append_only_delete");
        const QString cutEvents = QStringLiteral("DELETE FROM events WHERE seq >= 3");
        const QString cutLinks = QStringLiteral("DELETE FROM event_chain WHERE event_seq >= 3");
        const QString dropAudit = QStringLiteral("DROP TRIGGER audit_log_append_only_delete");
        const QString cutAudit =
            QStringLiteral("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)");
        QTest::newRow("the last event, after the last audit entry")
            << QStringList{dropEvents, dropLinks,
                           "DELETE FROM event_chain WHERE event_seq = (SELECT max(seq) FROM events)",
                           "DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)"}
            << "its last entries were removed";
        QTest::newRow("last events") << QStringList{dropEvents, dropLinks, cutLinks, cutEvents}
                                     << "last events were cut off";
        QTest::newRow("last events, numbers lowered")
            << QStringList{dropEvents, dropLinks, cutLinks, cutEvents,
                           "UPDATE sqlite_sequence SET seq = 2 WHERE name = 'events'"}
            << "last events were cut off";
        QTest::newRow("last audit entry")
            << QStringList{dropAudit, cutAudit} << "last audit entries were cut off";
        QTest::newRow("last audit entry, numbers lowered")
            << QStringList{dropAudit, cutAudit,
                           "UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'audit_log'"}
            << "last audit entries were cut off";
    }

    void aCutOffTailIsFound()
    {
        QFETCH(QStringList, tamper);
        QFETCH(QString, reason);
        const QString path = lineWithWork();
        sqlOn(path, tamper);
        const Run verify = reworkctl(path, {"verify"});
        QCOMPARE(verify.exitCode, 1);
        QVERIFY2(verify.err.contains(reason), qPrintable(verify.err));
    }

    /// Re-linking is an admin's explicit act: proven, permitted, audited, and listed by every
    /// later verify.
    void aRepairIsExplicitProvenAndReported()
    {
        const QString path = lineWithWork();
        sqlOn(path, {QStringLiteral("DROP TRIGGER event_chain_append_only_delete"),
                     QStringLiteral("DELETE FROM event_chain WHERE event_seq >= 3")});
        const QStringList repair{"verify", "--repair-chain", "--reason", "links lost in a crash",
                                 "--operator"};
        const QString before = rework::test::dumpFile(path);
        QCOMPARE(reworkctl(path, repair + QStringList{"ADM1"}, QString()).exitCode, 1);
        const Run supervisor = reworkctl(path, repair + QStringList{"SUP1"});
        QCOMPARE(supervisor.exitCode, 1);
        QVERIFY2(supervisor.err.contains(QStringLiteral("[not_permitted]")), qPrintable(supervisor.err));
        QCOMPARE(reworkctl(path, {"verify", "--repair-chain", "--operator", "ADM1"}).exitCode, 2);
        QCOMPARE(rework::test::dumpFile(path), before);
        QCOMPARE(reworkctl(path, {"verify"}).exitCode, 1);

        const Run repaired = reworkctl(path, repair + QStringList{"ADM1"});
        QVERIFY2(repaired.exitCode == 0, qPrintable(repaired.err));
        const Run verify = reworkctl(path, {"verify"});
        QVERIFY2(verify.exitCode == 0, qPrintable(verify.err));
        QVERIFY2(verify.out.contains(QStringLiteral("repaired")) &&
                     verify.out.contains(QStringLiteral("ADM1")) &&
                     verify.out.contains(QStringLiteral("links lost in a crash")),
                 qPrintable(verify.out));
    }
    // Names and reasons are one line of bounded length: a line break in a name once made a
    // second, forged-looking line in every list and audit entry.
    void namesAndReasonsAreOneBoundedLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field");
        QTest::newRow("operator name with a line break")
            << QStringList{"operator", "add",      "OP9",   "--name", "Li\nADMIN\tadmin",
                           "--role",   "operator", "--pin", "5678",   "--operator",
                           "ADM1"}
            << "name";
        QTest::newRow("operator name with an escape")
            << QStringList{"operator",
                           "add",
                           "OP9",
                           "--name",
                           QStringLiteral("Li") + QChar(0x1b) + "[2J",
                           "--role",
                           "operator",
                           "--pin",
                           "5678",
                           "--operator",
                           "ADM1"}
            << "name";
        QTest::newRow("station name too long")
            << QStringList{"station",         "add",        "PACK-9", "--step", "pack", "--name",
                           QString(101, 'x'), "--operator", "ADM1"}
            << "name";
        QTest::newRow("station name with a line separator")
            << QStringList{"station",
                           "add",
                           "PACK-9",
                           "--step",
                           "pack",
                           "--name",
                           QStringLiteral("a") + QChar(0x2028) + "b",
                           "--operator",
                           "ADM1"}
            << "name";
        QTest::newRow("chain repair reason with a line break")
            << QStringList{"verify", "--repair-chain", "--reason", "ok\nrepaired by SYSTEM", "--operator",
                           "ADM1"}
            << "reason";
        QTest::newRow("chain repair reason too long")
            << QStringList{"verify", "--repair-chain", "--reason", QString(501, 'r'), "--operator", "ADM1"}
            << "reason";
        QTest::newRow("void reason too long")
            << QStringList{"void", kUnknownEvent, "--reason", QString(501, 'r'), "--operator", "SUP1"}
            << "reason";
    }
    void namesAndReasonsAreOneBoundedLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        const QString path = freshLine();
        const QString before = rework::test::dumpFile(path);
        const Run r = reworkctl(path, QStringList{"--json"} + args);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().value("error").toObject().value("field").toString(), field);
        QCOMPARE(rework::test::dumpFile(path), before);
    }
};

QTEST_GUILESS_MAIN(TestCliAuthority)
#include "TestCliAuthority.moc"
