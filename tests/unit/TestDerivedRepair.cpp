// `reworkctl check --repair`: derived state that differs from a sound event log is replaced by a
// replay, by an admin, audited; anything else is refused and left exactly as it was.
#include "TestDatabase.h"
#include "storage/DerivedRepair.h"
#include "storage/IntegrityChecker.h"
#include "storage/Sql.h"

#include <QRegularExpression>
#include <QTest>

using namespace rework;

namespace {

QString value(test::TestDatabase& t, const QString& statement, const QVariantList& binds = {})
{
    auto v = sql::scalar(t.db().connection(), statement, binds);
    return v.ok() ? v.value().toString() : QStringLiteral("<error>");
}

void exec(test::TestDatabase& t, const QString& statement, const QVariantList& binds = {})
{
    if (Status st = sql::exec(t.db().connection(), statement, binds); !st)
        QFAIL(qPrintable(st.error().message));
}

/// The dump without the audit log (append-only) and its sequence: what a repair must leave as it was.
QString withoutAudit(QString dump)
{
    const qsizetype from = dump.indexOf(QStringLiteral("## audit_log\n"));
    const qsizetype to = dump.indexOf(QStringLiteral("\n## "), from + 1);
    if (from >= 0 && to >= 0)
        dump = dump.left(from) + dump.mid(to + 1);
    static const QRegularExpression sequence(QStringLiteral("\naudit_log\\|\\d+\n"));
    return dump.replace(sequence, QStringLiteral("\n"));
}

} // namespace

class TestDerivedRepair : public QObject
{
    Q_OBJECT

private slots:
    /// Items and rollups changed by hand are put back as the events say, with one audit entry
    /// that names the admin, the rows and the reason; the check is clean after.
    void anAdminReplaysDerivedStateThatDrifted()
    {
        test::TestDatabase t;
        t.testedUnit("ZT4090A123456", "SB00000001");
        t.testedUnit("ZT4090A123457", "SB00000002");
        const QString admin = t.admin(); // made on first use: before the dumps
        const QString sound = t.dump();
        // Rows counted here, not by the check: two cards, every daily operator row, both units'
        // rollup rows.
        const int dailyRows = value(t, "SELECT count(*) FROM kpi_operator_daily").toInt();
        QVERIFY(dailyRows > 0);
        exec(t, QStringLiteral("UPDATE cards SET state = 'scrapped'"));
        exec(t, QStringLiteral("UPDATE kpi_operator_daily SET events = events + 1"));
        exec(t, QStringLiteral("DELETE FROM kpi_units"));
        const qint64 rows = 2 + dailyRows + 2;
        auto found = IntegrityChecker(t.db().connection()).findings();
        QVERIFY(found.ok());
        QCOMPARE(IntegrityChecker::rows(found.value()), rows);
        const QString audits = value(t, "SELECT count(*) FROM audit_log");
        Result<qint64> repaired =
            DerivedRepair(t.db().connection()).run(admin, QStringLiteral("disk trouble"));
        QVERIFY2(repaired.ok(), repaired.ok() ? "" : qPrintable(repaired.error().message));
        QCOMPARE(repaired.value(), rows);
        QVERIFY(IntegrityChecker(t.db().connection()).run().value().isEmpty());
        QCOMPARE(value(t, "SELECT count(*) FROM audit_log"), QString::number(audits.toInt() + 1));
        QCOMPARE(
            value(t, "SELECT operator_id || ' ' || detail FROM audit_log WHERE kind = 'derived_repaired'"),
            QStringLiteral("%1 %2 derived rows replayed from the events: disk trouble").arg(admin).arg(rows));
        // Nothing else changed: the derived rows are as before the damage.
        QCOMPARE(withoutAudit(t.dump()), withoutAudit(sound));
    }

    /// A sound database is left alone: nothing written, not even an audit entry.
    void nothingToRepairWritesNothing()
    {
        test::TestDatabase t;
        t.testedUnit("ZT4090A123456", "SB00000001");
        const QString admin = t.admin();
        const QString before = t.dump();
        Result<qint64> repaired = DerivedRepair(t.db().connection()).run(admin, QStringLiteral("routine"));
        QVERIFY(repaired.ok());
        QCOMPARE(repaired.value(), 0);
        QCOMPARE(t.dump(), before);
    }

    void refusalsChangeNothing_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("actor"); // empty: the admin
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field"); // which gate: the check, the chain walk, the reason
        const QString drift = QStringLiteral("UPDATE cards SET state = 'scrapped'");
        QTest::newRow("a supervisor") << drift << QStringLiteral("SUP1") << QStringLiteral("x")
                                      << int(ErrorCode::NotPermitted) << QStringLiteral("operator");
        QTest::newRow("an operator") << drift << QStringLiteral("OP1") << QStringLiteral("x")
                                     << int(ErrorCode::NotPermitted) << QStringLiteral("operator");
        QTest::newRow("a reason over two lines") << drift << QString() << QStringLiteral("a\nb")
                                                 << int(ErrorCode::InvalidValue) << QStringLiteral("reason");
        // The record itself: a replay would bless it.
        // Someone with the file and the sqlite3 shell: the append-only trigger dropped, a test failed.
        QTest::newRow("an event's payload changed")
            << QStringLiteral("DROP TRIGGER events_append_only_update; UPDATE events SET payload = "
                              "replace(payload, '\"pass\"', '\"fail\"') WHERE step = 'test'")
            << QString() << QStringLiteral("x") << int(ErrorCode::Contradiction) << QStringLiteral("check");
        QTest::newRow("an event link lost")
            << QStringLiteral("DELETE FROM event_subjects WHERE kind = 'card' AND event_seq = "
                              "(SELECT max(seq) FROM events WHERE step = 'test')")
            << QString() << QStringLiteral("x") << int(ErrorCode::Contradiction) << QStringLiteral("check");
        // A link added to a batch's close would put a product on its rollup rows: a replay would
        // make it look recorded.
        QTest::newRow("a card link added to a close")
            << QStringLiteral(
                   "INSERT INTO event_subjects SELECT seq, 'card', (SELECT min(serial) FROM cards) "
                   "FROM events WHERE step = 'close'")
            << QString() << QStringLiteral("x") << int(ErrorCode::Contradiction) << QStringLiteral("check");
        QTest::newRow("an operator added by hand")
            << QStringLiteral(
                   "INSERT INTO operators SELECT 'EVIL', 'Mallory', 'admin', pin_hash, 1, created_at "
                   "FROM operators WHERE id = 'SUP1'")
            << QString() << QStringLiteral("x") << int(ErrorCode::Contradiction) << QStringLiteral("check");
    }

    void refusalsChangeNothing()
    {
        QFETCH(QString, damage);
        QFETCH(QString, actor);
        QFETCH(QString, reason);
        QFETCH(int, code);
        QFETCH(QString, field);
        test::TestDatabase t;
        const QString unit = t.testedUnit("ZT4090A123456", "SB00000001");
        QVERIFY(t.record(Step::Pack, {"unit=" + unit, "batch=B-REP-1"}).ok());
        QVERIFY(t.record(Step::Close, {"batch=B-REP-1"}, "SUP1").ok());
        const QString admin = t.admin();
        exec(t, QStringLiteral("PRAGMA foreign_keys = OFF"));
        for (const QString& statement : damage.split(QStringLiteral("; ")))
            exec(t, statement);
        exec(t, QStringLiteral("UPDATE dies SET reflow_count = 7")); // drift a replay would put right
        const QString before = t.dump();
        Result<qint64> repaired =
            DerivedRepair(t.db().connection()).run(actor.isEmpty() ? admin : actor, reason);
        QVERIFY(!repaired.ok());
        QCOMPARE(int(repaired.error().code), code);
        QCOMPARE(repaired.error().field, field);
        QCOMPARE(t.dump(), before);
    }
};

QTEST_GUILESS_MAIN(TestDerivedRepair)
#include "TestDerivedRepair.moc"
