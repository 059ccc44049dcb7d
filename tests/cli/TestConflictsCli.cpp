// `reworkctl conflicts`: conflicts between stations and set-aside events listed with plain
// reasons, and a supervisor's resolution with its PIN; usage errors exit 2, refusals 1.
#include "Reworkctl.h"
#include "TestDatabase.h"
#include "storage/Sql.h"

#include <QJsonArray>
#include <QTest>

using namespace rework;
using test::reworkctl;
using test::Run;

namespace {

const QString kOther = QStringLiteral("0190aaaa-bbbb-7ccc-8ddd-eeeeffff0002");

struct Line
{
    std::unique_ptr<test::TestDatabase> t = std::make_unique<test::TestDatabase>();
    QString unit, die, mountId;

    /// A tested unit here whose mount the server found at another station too (record kOther).
    Line()
    {
        unit = t->testedUnit(QStringLiteral("CARDL0001"), QStringLiteral("BRDL0001"));
        die = value(QStringLiteral("SELECT die_id FROM units WHERE serial = ?"), {unit}).toString();
        mountId = value(QStringLiteral("SELECT id FROM events WHERE step = 'mount'")).toString();
        exec(QStringLiteral(
                 "INSERT INTO sync_anomalies (server_id, kind, subject, detail, found_at, event_ids) "
                 "VALUES (7, 'die_mounted_twice', ?, ?, '2026-11-01T08:00:00.000Z', ?)"),
             {die, QStringLiteral("die %1 mounted twice").arg(die), mountId + QLatin1Char(' ') + kOther});
        t->reopen(); // reworkctl writes the file next
    }
    QVariant value(const QString& statement, const QVariantList& values = {})
    {
        return sql::scalar(t->db().connection(), statement, values).value();
    }
    void exec(const QString& statement, const QVariantList& values = {})
    {
        if (!sql::exec(t->db().connection(), statement, values))
            qFatal("%s", qPrintable(statement));
    }
};

} // namespace

class TestConflictsCli : public QObject
{
    Q_OBJECT

private slots:
    void listsConflictsAndSetAsideEvents()
    {
        Line line;
        line.exec(
            QStringLiteral(
                "INSERT INTO sync_rejected (server_seq, event_id, station_id, step, subject, reason, "
                "seen_at) VALUES (41, ?, 'MOUNT-2', 'mount', ?, ?, '2026-11-01T08:00:00.000Z')"),
            {kOther, line.die,
             QStringLiteral(R"({"source":"die %1 is already mounted here as unit %2","args":["%3","%4"]})")
                 .arg(line.die, line.unit)});
        const Run text = reworkctl(line.t->path(), {QStringLiteral("conflicts")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("conflict 7 [open] die_mounted_twice")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(line.mountId) && text.out.contains(kOther));
        // The reason in words, never the stored JSON.
        QVERIFY2(text.out.contains(QStringLiteral("is already mounted here as unit %1").arg(line.unit)),
                 qPrintable(text.out));
        QVERIFY(!text.out.contains(QStringLiteral("\"source\"")));

        const Run json = reworkctl(line.t->path(), {QStringLiteral("conflicts"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray conflicts = json.json().value(QStringLiteral("conflicts")).toArray();
        QCOMPARE(conflicts.size(), 1);
        const QJsonObject c = conflicts.first().toObject();
        QCOMPARE(c.value(QStringLiteral("id")).toInteger(), 7);
        QCOMPARE(c.value(QStringLiteral("resolved")).toBool(), false);
        QCOMPARE(c.value(QStringLiteral("event_ids")).toArray().size(), 2);
        const QJsonArray kept = json.json().value(QStringLiteral("set_aside")).toArray();
        QCOMPARE(kept.size(), 1);
        QVERIFY(kept.first()
                    .toObject()
                    .value(QStringLiteral("reason"))
                    .toString()
                    .startsWith(QStringLiteral("die ")));
    }

    void supervisorResolvesWithPin()
    {
        Line line;
        const QString db = line.t->path();
        auto resolve = [&](const QStringList& extra, const QString& pin = test::kPin) {
            return reworkctl(db, QStringList{QStringLiteral("conflicts"), QStringLiteral("resolve")} + extra,
                             pin);
        };
        // Usage: a number, --keep.
        QCOMPARE(
            resolve({QStringLiteral("seven"), QStringLiteral("--keep"), kOther, QStringLiteral("--reason"),
                     QStringLiteral("r"), QStringLiteral("--operator"), QStringLiteral("SUP1")})
                .exitCode,
            2);
        QCOMPARE(resolve({QStringLiteral("7"), QStringLiteral("--reason"), QStringLiteral("r"),
                          QStringLiteral("--operator"), QStringLiteral("SUP1")})
                     .exitCode,
                 2);
        QCOMPARE(reworkctl(db, {QStringLiteral("conflicts"), QStringLiteral("close")}).exitCode, 2);
        // Refused: an operator's role, a wrong PIN, a record this station has not got.
        const QStringList keepOther{QStringLiteral("7"), QStringLiteral("--keep"), kOther,
                                    QStringLiteral("--reason"), QStringLiteral("MOUNT-2 holds the die")};
        Run r = resolve(keepOther + QStringList{QStringLiteral("--operator"), QStringLiteral("OP1")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("may not")), qPrintable(r.err));
        QCOMPARE(resolve(keepOther + QStringList{QStringLiteral("--operator"), QStringLiteral("SUP1")},
                         QStringLiteral("9999"))
                     .exitCode,
                 1);
        r = resolve({QStringLiteral("7"), QStringLiteral("--keep"), line.mountId, QStringLiteral("--reason"),
                     QStringLiteral("ours"), QStringLiteral("--operator"), QStringLiteral("SUP1")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("has not reached this station yet")), qPrintable(r.err));

        // Keeping the other station's record voids the mount here and what builds on it.
        r = reworkctl(db, QStringList{QStringLiteral("--json"), QStringLiteral("conflicts"),
                                      QStringLiteral("resolve")} +
                              keepOther + QStringList{QStringLiteral("--operator"), QStringLiteral("SUP1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.json().value(QStringLiteral("voided")).toInt() >= 3);
        line.t->reopen();
        QVERIFY(!line.value(QStringLiteral("SELECT 1 FROM units WHERE serial = ?"), {line.unit}).isValid());
        QCOMPARE(line.value(QStringLiteral("SELECT count(*) FROM audit_log WHERE kind = 'conflict_resolved'"))
                     .toInt(),
                 1);
        const Run after = reworkctl(db, {QStringLiteral("conflicts")});
        QVERIFY2(after.out.contains(QStringLiteral("conflict 7 [resolved]")), qPrintable(after.out));
        // Once is enough.
        QCOMPARE(
            resolve(keepOther + QStringList{QStringLiteral("--operator"), QStringLiteral("SUP1")}).exitCode,
            1);
    }
};

QTEST_GUILESS_MAIN(TestConflictsCli)
#include "TestConflictsCli.moc"
