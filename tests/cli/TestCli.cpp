// reworkctl as a script or test rig uses it: the real executable, a real database file.
#include "Reworkctl.h"
#include "TcpListener.h"
#include "TestDatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using rework::test::reworkctl;

namespace {

/// Every file under `folder` with the SHA-256 of its content, one line each; empty when none.
QString folderDigest(const QString& folder)
{
    QStringList lines;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("unreadable ") + f.fileName();
        lines << QDir(folder).relativeFilePath(f.fileName()) + QLatin1Char(' ') +
                     QString::fromLatin1(
                         QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
    }
    lines.sort();
    return lines.join(QLatin1Char('\n'));
}

} // namespace
using rework::test::Run;

class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    QString db;
    QString mountedUnit, testedUnit, strippedDie, reballedDie;

    /// A test rig's report of GPU `uuid` under load (derived from the real RTX 4090 fixture).
    QString rigReportFile(const QString& uuid, int gen = 4, const QString& pstate = QStringLiteral("P0"))
    {
        const QString path = dir.filePath(uuid + pstate + QString::number(gen) + QStringLiteral(".xml"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) ||
            f.write(rework::test::TestDatabase::rigReport(uuid, gen, 16, pstate)) < 0)
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    Run ok(const QStringList& args)
    {
        Run r = reworkctl(db, args);
        if (r.exitCode != 0)
            qWarning("reworkctl %s failed: %s", qPrintable(args.join(' ')), qPrintable(r.err));
        return r;
    }

private slots:
    void initTestCase()
    {
        db = dir.filePath(QStringLiteral("cli.sqlite"));
        QCOMPARE(ok({"init"}).exitCode, 0);
        // The first admin of an empty database is the one change made without proof.
        QCOMPARE(ok({"operator", "add", "ADM1", "--name", "Zhao Min", "--role", "admin", "--pin", "1234"})
                     .exitCode,
                 0);
        for (const char* step : {"intake", "strip", "reball", "mount", "inspect", "test", "pack"}) {
            const QString s = QString::fromLatin1(step);
            Run r = ok({"station", "add", s.toUpper() + "-1", "--step", s, "--operator", "ADM1"});
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.lastLine(), s.toUpper() + "-1");
        }
        QCOMPARE(ok({"operator", "add", "OP1", "--name", "Li Wei", "--role", "operator", "--pin", "1234",
                     "--operator", "ADM1"})
                     .exitCode,
                 0);
        QCOMPARE(ok({"operator", "add", "SUP1", "--name", "Liu Yang", "--role", "supervisor", "--pin", "1234",
                     "--operator", "ADM1"})
                     .exitCode,
                 0);
        auto step = [&](const QString& s, const QStringList& fields) {
            Run r =
                ok(QStringList{"record", s, "--station", s.toUpper() + "-1", "--operator", "OP1"} + fields);
            if (r.exitCode != 0)
                qFatal("setup failed");
            return r.lastLine();
        };
        // a card per state, for the bad-input table below
        step("intake", {"card=CARD00000001", "model=RTX4090", "lot=LOT-1"});
        strippedDie = step("strip", {"card=CARD00000001"});
        step("intake", {"card=CARD00000002", "model=RTX4090", "lot=LOT-1"});
        reballedDie = step("strip", {"card=CARD00000002"});
        step("reball", {"die=" + reballedDie});
        step("intake", {"card=CARD00000003", "model=RTX4090", "lot=LOT-1"});
        const QString d3 = step("strip", {"card=CARD00000003"});
        step("reball", {"die=" + d3});
        mountedUnit = step("mount", {"die=" + d3, "board=SB00000003"});
        step("intake", {"card=CARD00000005", "model=RTX4090", "lot=LOT-1"});
        step("intake", {"card=CARD00000004", "model=RTX4090", "lot=LOT-1",
                        "gpu_uuid=GPU-11111111-2222-3333-4444-555555555555"});
        const QString d4 = step("strip", {"card=CARD00000004"});
        step("reball", {"die=" + d4});
        testedUnit = step("mount", {"die=" + d4, "board=SB00000004"});
        step("inspect", {"unit=" + testedUnit, "result=pass"});
        step("test", {"unit=" + testedUnit, "result=pass",
                      "smi=" + rigReportFile("GPU-11111111-2222-3333-4444-555555555555")});
    }

    void wholeFlowOnAFreshDatabase()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("flow.sqlite"));
        QCOMPARE(reworkctl(path, {"init"}).exitCode, 0);
        Run demo = reworkctl(path, {"demo", "--units", "60", "--seed", "11"});
        QCOMPARE(demo.exitCode, 0);
        QVERIFY(demo.out.contains(QStringLiteral("donor cards")));
        // Once only: the file is in use now.
        const QString filled = rework::test::dumpFile(path);
        Run again = reworkctl(path, {"demo", "--units", "5"});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("only into a new database")), qPrintable(again.err));
        QCOMPARE(rework::test::dumpFile(path), filled);

        auto rec = [&](const QString& s, const QStringList& fields) {
            return reworkctl(
                path,
                QStringList{"record", s, "--station", s.toUpper() + "-01", "--operator", "OP001"} + fields);
        };
        QCOMPARE(
            rec("intake", {"card=ZT4090A123456", "model=RTX4090", "lot=LOT-77", "partner=zotac"}).exitCode,
            0);
        Run strip = rec("strip", {"card=ZT4090A123456", "date_code=2334"});
        QCOMPARE(strip.exitCode, 0);
        const QString die = strip.lastLine();
        QVERIFY2(QRegularExpression(QStringLiteral("^D[0-9A-Z]{12}$")).match(die).hasMatch(),
                 qPrintable(die));
        QCOMPARE(rec("reball", {"die=" + die, "stencil=ST-1", "flux_lot=FX1"}).exitCode, 0);
        Run mount = rec("mount", {"die=" + die, "board=SB99999999", "peak_c=241", "tal_s=72"});
        QCOMPARE(mount.exitCode, 0);
        const QString unit = mount.lastLine();
        QVERIFY2(unit.startsWith(QLatin1Char('U')) && unit.size() == 13, qPrintable(unit));
        QCOMPARE(rec("inspect", {"unit=" + unit, "result=pass", "void_pct=8"}).exitCode, 0);
        // what the rig's report says is typed the same: welcome, the report decides
        QCOMPARE(rec("test", {"unit=" + unit, "result=pass", "pcie_gen=4", "pcie_width=16", "mem_mib=24564",
                              "smi=" + rigReportFile("GPU-99999999-2222-3333-4444-555555555555")})
                     .exitCode,
                 0);
        QCOMPARE(rec("pack", {"unit=" + unit, "batch=B-CLI-001"}).exitCode, 0);
        QCOMPARE(reworkctl(path, {"batch", "close", "B-CLI-001", "--operator", "OP001"}).exitCode, 0);

        Run trace = reworkctl(path, {"trace", unit});
        QCOMPARE(trace.exitCode, 0);
        int at = 0;
        for (const char* s : {"intake", "strip", "reball", "mount", "inspect", "test", "pack", "close"}) {
            const int found = trace.out.indexOf(QStringLiteral("  ") + QString::fromLatin1(s), at);
            QVERIFY2(found > 0, s);
            at = found;
        }
        Run json = reworkctl(path, {"--json", "trace", "ZT4090A123456"});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json().value("unit").toObject().value("serial").toString(), unit);

        // any demo unit's history runs from donor card to test
        QString demoUnit;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            c.setDatabaseName(path);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("SELECT serial FROM units WHERE state = 'shipped' LIMIT 1")) &&
                    q.next());
            demoUnit = q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        Run demoTrace = reworkctl(path, {"trace", demoUnit});
        QCOMPARE(demoTrace.exitCode, 0);
        for (const char* s : {"intake", "strip", "mount", "test", "pack", "ship"})
            QVERIFY2(demoTrace.out.contains(QString::fromLatin1(s)), s);
        QCOMPARE(reworkctl(path, {"check"}).exitCode, 0);
    }

    void jsonResultsAreParseable()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("json.sqlite"));
        QCOMPARE(
            reworkctl(path, {"operator", "add", "ADM1", "--name", "A", "--role", "admin", "--pin", "1234"})
                .exitCode,
            0);
        Run r = reworkctl(path,
                          {"--json", "station", "add", "INTAKE-9", "--step", "intake", "--operator", "ADM1"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().value("ok").toBool(), true);
        QCOMPARE(r.json().value("id").toString(), QStringLiteral("INTAKE-9"));
        Run bad = reworkctl(path, {"--json", "record", "intake", "--station", "INTAKE-9", "--operator",
                                   "NOBODY", "card=ZT4090A123456", "model=RTX4090", "lot=L1"});
        QCOMPARE(bad.exitCode, 1);
        QCOMPARE(bad.json().value("ok").toBool(), false);
        QCOMPARE(bad.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("unknown_operator"));
    }

    void badInputIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        const QStringList intake{"record", "intake", "--station", "INTAKE-1", "--operator", "OP1"};
        const QStringList strip{"record", "strip", "--station", "STRIP-1", "--operator", "OP1"};
        const QStringList reball{"record", "reball", "--station", "REBALL-1", "--operator", "OP1"};
        const QStringList mount{"record", "mount", "--station", "MOUNT-1", "--operator", "OP1"};
        const QStringList inspect{"record", "inspect", "--station", "INSPECT-1", "--operator", "OP1"};
        const QStringList test{"record", "test", "--station", "TEST-1", "--operator", "OP1"};
        const QStringList pack{"record", "pack", "--station", "PACK-1", "--operator", "OP1"};
        const QStringList goodCard{"card=NEWCARD0001", "model=RTX4090", "lot=LOT-1"};

        QTest::newRow("no command") << QStringList{} << 2 << ""
                                    << "";
        QTest::newRow("unknown command") << QStringList{"frobnicate"} << 2 << "usage"
                                         << "";
        QTest::newRow("unknown step") << QStringList{"record", "polish"} << 2 << "usage"
                                      << "";
        QTest::newRow("unknown option") << intake + goodCard + QStringList{"--colour", "red"} << 2 << "usage"
                                        << "";
        QTest::newRow("missing station")
            << QStringList{"record", "intake", "--operator", "OP1"} + goodCard << 1 << "missing_field"
            << "station";
        QTest::newRow("missing operator")
            << QStringList{"record", "intake", "--station", "INTAKE-1"} + goodCard << 1 << "missing_field"
            << "operator";
        // An unknown operator is a failed proof, audited: TestCliAuthority::anUnknownOperatorIsRefused.
        QTest::newRow("unknown station")
            << QStringList{"record", "intake", "--station", "NOWHERE", "--operator", "OP1"} + goodCard << 1
            << "unknown_station"
            << "station";
        QTest::newRow("wrong station")
            << QStringList{"record", "intake", "--station", "STRIP-1", "--operator", "OP1"} + goodCard << 1
            << "wrong_station"
            << "station";
        QTest::newRow("missing card")
            << intake + QStringList{"model=RTX4090", "lot=LOT-1"} << 1 << "missing_field"
            << "card";
        QTest::newRow("missing model")
            << intake + QStringList{"card=NEWCARD0001", "lot=LOT-1"} << 1 << "missing_field"
            << "model";
        QTest::newRow("unknown model")
            << intake + QStringList{"card=NEWCARD0001", "model=GTX1080", "lot=LOT-1"} << 1 << "invalid_value"
            << "model";
        QTest::newRow("malformed card")
            << intake + QStringList{"card=AB", "model=RTX4090", "lot=LOT-1"} << 1 << "malformed_serial"
            << "card";
        QTest::newRow("sql injection card")
            << intake + QStringList{"card='; DROP TABLE events; --", "model=RTX4090", "lot=LOT-1"} << 1
            << "malformed_serial"
            << "card";
        QTest::newRow("format string")
            << intake + QStringList{"card=%s%s%n%x", "model=RTX4090", "lot=LOT-1"} << 1 << "malformed_serial"
            << "card";
        QTest::newRow("duplicate card")
            << intake + QStringList{"card=CARD00000001", "model=RTX4090", "lot=LOT-1"} << 1 << "already_used"
            << "card";
        QTest::newRow("unknown field")
            << intake + goodCard + QStringList{"colour=red"} << 1 << "unknown_field"
            << "colour";
        QTest::newRow("not key=value") << intake + goodCard + QStringList{"loose"} << 2 << "usage"
                                       << "loose";
        QTest::newRow("bad partner") << intake + goodCard + QStringList{"partner=acme"} << 1
                                     << "invalid_value"
                                     << "partner";
        QTest::newRow("duplicate gpu uuid")
            << intake + goodCard + QStringList{"gpu_uuid=GPU-11111111-2222-3333-4444-555555555555"} << 1
            << "duplicate_gpu_uuid"
            << "gpu_uuid";
        QTest::newRow("strip unknown card")
            << strip + QStringList{"card=NEVERSEEN01"} << 1 << "unknown_serial"
            << "card";
        QTest::newRow("strip twice") << strip + QStringList{"card=CARD00000001"} << 1 << "already_used"
                                     << "card";
        QTest::newRow("bad date code")
            << strip + QStringList{"card=CARD00000005", "date_code=99"} << 1 << "malformed_serial"
            << "date_code";
        QTest::newRow("bake without hours")
            << QStringList{"record",     "bake", "--station",         "REBALL-1",
                           "--operator", "OP1",  "die=" + strippedDie}
            << 1 << "missing_field"
            << "hours";
        QTest::newRow("bake too hot") << QStringList{"record",     "bake", "--station",          "REBALL-1",
                                                     "--operator", "OP1",  "die=" + strippedDie, "hours=9",
                                                     "temp_c=300"}
                                      << 1 << "out_of_range"
                                      << "temp_c";
        QTest::newRow("reball unknown die")
            << reball + QStringList{"die=D0000000000ZZ"} << 1 << "unknown_serial"
            << "die";
        QTest::newRow("reball malformed die") << reball + QStringList{"die=DIE-1"} << 1 << "malformed_serial"
                                              << "die";
        QTest::newRow("ball too big")
            << reball + QStringList{"die=" + strippedDie, "ball_mm=0.95"} << 1 << "out_of_range"
            << "ball_mm";
        QTest::newRow("mount before reball")
            << mount + QStringList{"die=" + strippedDie, "board=SB00000009"} << 1 << "out_of_order"
            << "die";
        QTest::newRow("board used twice")
            << mount + QStringList{"die=" + reballedDie, "board=SB00000003"} << 1 << "already_used"
            << "board";
        QTest::newRow("peak too hot")
            << mount + QStringList{"die=" + reballedDie, "board=SB00000009", "peak_c=262"} << 1
            << "out_of_range"
            << "peak_c";
        QTest::newRow("peak implausible")
            << mount + QStringList{"die=" + reballedDie, "board=SB00000009", "peak_c=9999"} << 1
            << "out_of_range"
            << "peak_c";
        QTest::newRow("peak not a number")
            << mount + QStringList{"die=" + reballedDie, "board=SB00000009", "peak_c=hot"} << 1
            << "invalid_value"
            << "peak_c";
        QTest::newRow("test before inspect")
            << test + QStringList{"unit=" + mountedUnit, "result=pass"} << 1 << "out_of_order"
            << "unit";
        QTest::newRow("inspect pass over void limit")
            << inspect + QStringList{"unit=" + mountedUnit, "result=pass", "void_pct=40"} << 1
            << "contradiction"
            << "result";
        QTest::newRow("inspect fail without defect")
            << inspect + QStringList{"unit=" + mountedUnit, "result=fail"} << 1 << "missing_field"
            << "defect";
        QTest::newRow("bad result") << inspect + QStringList{"unit=" + mountedUnit, "result=ok"} << 1
                                    << "invalid_value"
                                    << "result";
        QTest::newRow("unknown unit")
            << inspect + QStringList{"unit=U0000000000ZZ", "result=pass"} << 1 << "unknown_serial"
            << "unit";
        QTest::newRow("pack untested unit")
            << pack + QStringList{"unit=" + mountedUnit, "batch=B-NEW-1"} << 1 << "out_of_order"
            << "unit";
        QTest::newRow("pack malformed batch")
            << pack + QStringList{"unit=" + testedUnit, "batch=X"} << 1 << "malformed_serial"
            << "batch";
        QTest::newRow("close unknown batch")
            << QStringList{"batch", "close", "B-NONE-1", "--operator", "OP1"} << 1 << "unknown_serial"
            << "batch";
        QTest::newRow("void as operator")
            << QStringList{"void", "01a2250f-ce05-745a-99ca-3f8f5217b394", "--reason", "x", "--operator",
                           "OP1"}
            << 1 << "not_permitted"
            << "operator";
        QTest::newRow("void unknown event")
            << QStringList{"void", "01a2250f-ce05-745a-99ca-3f8f5217b394", "--reason", "x", "--operator",
                           "SUP1"}
            << 1 << "unknown_serial"
            << "event";
        QTest::newRow("operator bad role")
            << QStringList{"operator", "add",   "X1",   "--name",     "X",   "--role",
                           "god",      "--pin", "1234", "--operator", "ADM1"}
            << 1 << "invalid_value"
            << "role";
        QTest::newRow("operator bad pin")
            << QStringList{"operator", "add",   "X1", "--name",     "X",   "--role",
                           "operator", "--pin", "12", "--operator", "ADM1"}
            << 1 << "invalid_value"
            << "pin";
        QTest::newRow("station bad step")
            << QStringList{"station", "add", "X-1", "--step", "polish", "--operator", "ADM1"} << 1
            << "invalid_value"
            << "step";
        QTest::newRow("trace unknown") << QStringList{"trace", "NOTHING-HERE"} << 1 << "unknown_serial"
                                       << "serial";
        QTest::newRow("demo bad units") << QStringList{"demo", "--units", "-5"} << 2 << "usage"
                                        << "";
        // Demo accounts (an admin among them, PIN known to all) never join a line in use.
        QTest::newRow("demo into a line in use")
            << QStringList{"demo", "--units", "5", "--seed", "3"} << 1 << "not_permitted"
            << "db";
        QTest::newRow("config bad key")
            << QStringList{"config", "set", "colour", "3", "--operator", "ADM1"} << 1 << "unknown_field"
            << "key";
        QTest::newRow("very long value") << intake + QStringList{"card=NEWCARD0001", "model=RTX4090",
                                                                 "lot=LOT-1", "notes=" + QString(100000, 'x')}
                                         << 1 << "invalid_value"
                                         << "notes";
        QTest::newRow("right-to-left lot")
            << intake + QStringList{"card=NEWCARD0001", "model=RTX4090",
                                    QStringLiteral("lot=LOT") + QChar(0x202E) + "1"}
            << 1 << "malformed_serial"
            << "lot";
    }
    void badInputIsRefusedAndChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, code);
        QFETCH(QString, field);
        const QString before = rework::test::dumpFile(db);
        Run r = reworkctl(db, QStringList{"--json"} + args);
        QCOMPARE(r.exitCode, exitCode);
        if (!code.isEmpty()) {
            const QJsonObject error = r.json().value("error").toObject();
            QCOMPARE(error.value("code").toString(), code);
            QCOMPARE(error.value("field").toString(), field);
            QVERIFY(!error.value("message").toString().isEmpty());
            // one line on stderr naming the problem
            QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
            QVERIFY(r.err.startsWith(QStringLiteral("error: ")));
        }
        QCOMPARE(rework::test::dumpFile(db), before);
    }

    /// Each mistake on the command line is named as what it is, with nothing written: a repeated
    /// option, an option the command does not take, a flag that does not apply, a missing or
    /// extra argument, a word where a number goes, a number out of its range.
    void eachMistakeIsNamedAsItself_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("says");
        const QString pdf = dir.filePath(QStringLiteral("never.pdf"));
        const QString offset = QStringLiteral("shift.utc_offset_minutes");
        QTest::newRow("a repeated option")
            << QStringList{"kpi", "--from", "2026-01-01", "--from", "2026-02-01"} << 2 << "usage"
            << "--from is given twice; give it once";
        QTest::newRow("a repeated option, once with =")
            << QStringList{"kpi", "--from=2026-01-01", "--to", "2026-03-01", "--from", "2026-02-01"} << 2
            << "usage"
            << "--from is given twice";
        QTest::newRow("a repeated global option") << QStringList{"--db", db, "kpi"} << 2 << "usage"
                                                  << "--db is given twice";
        QTest::newRow("a start after today, no end given")
            << QStringList{"kpi", "--from", "2999-01-01"} << 2 << "usage"
            << "--from 2999-01-01 is after today's production day";
        QTest::newRow("a start after the end")
            << QStringList{"kpi", "--from", "2026-02-01", "--to", "2026-01-01"} << 2 << "usage"
            << "--from is after --to";
        // An option whose value was left out is named, not the option after it taken as the value.
        QTest::newRow("a value left out before the next option")
            << QStringList{"report", "daily", "--pdf", "--date", "2026-11-30"} << 2 << "usage"
            << "give --pdf FILE";
        QTest::newRow("a value left out before the next option, record")
            << QStringList{"record", "intake", "--station", "--operator", "OP1", "card=CARD7777"} << 1
            << "missing_field"
            << "--station is required";
        QTest::newRow("a night daily report")
            << QStringList{"report", "daily", "--night", "--pdf", pdf} << 2 << "usage"
            << "--night is for report shift";
        QTest::newRow("a batch report with a station")
            << QStringList{"report", "batch", "B-NONE-1", "--station", "X", "--pdf", pdf} << 2 << "usage"
            << "unknown option --station";
        QTest::newRow("a batch report without a batch")
            << QStringList{"report", "batch", "--pdf", pdf} << 2 << "usage"
            << "give the batch id";
        QTest::newRow("a batch report of two batches")
            << QStringList{"report", "batch", "B-1", "B-2", "--pdf", pdf} << 2 << "usage"
            << "unexpected argument \"B-2\"";
        QTest::newRow("an unknown report") << QStringList{"report", "weekly"} << 2 << "usage"
                                           << "unknown report \"weekly\"; use daily, shift or batch";
        QTest::newRow("an option kpi does not take") << QStringList{"kpi", "--bogus"} << 2 << "usage"
                                                     << "unknown option --bogus";
        QTest::newRow("--json twice") << QStringList{"--json", "kpi"} << 2 << "usage"
                                      << "--json is given twice";
        QTest::newRow("a report of a day to come")
            << QStringList{"report", "daily", "--date", "2999-01-01", "--pdf", pdf} << 2 << "usage"
            << "--date 2999-01-01 is after today's production day";
        QTest::newRow("config set with an unknown option")
            << QStringList{"config", "set", offset, "60", "--bogus", "3", "--operator", "ADM1"} << 2
            << "usage"
            << "unknown option --bogus";
        QTest::newRow("config set without a value")
            << QStringList{"config", "set", offset, "--operator", "ADM1"} << 2 << "usage"
            << "give KEY and VALUE";
        QTest::newRow("config set with two values")
            << QStringList{"config", "set", offset, "60", "120", "--operator", "ADM1"} << 2 << "usage"
            << "unexpected argument \"120\"";
        QTest::newRow("config list with an argument")
            << QStringList{"config", "list", "shift"} << 2 << "usage"
            << "unexpected argument \"shift\"";
        QTest::newRow("an offset that is a word")
            << QStringList{"config", "set", offset, "abc", "--operator", "ADM1"} << 1 << "invalid_value"
            << "must be a whole number from -720 to 840";
        QTest::newRow("an offset west of every zone")
            << QStringList{"config", "set", "--operator", "ADM1", offset, "--", "-840"} << 1 << "out_of_range"
            << "must be a whole number from -720 to 840";
        QTest::newRow("an offset east of every zone")
            << QStringList{"config", "set", offset, "855", "--operator", "ADM1"} << 1 << "out_of_range"
            << "from -720 to 840";
    }

    void eachMistakeIsNamedAsItself()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, code);
        QFETCH(QString, says);
        const QString before = rework::test::dumpFile(db);
        const Run r = reworkctl(db, QStringList{"--json"} + args);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(r.json().value("error").toObject().value("code").toString(), code);
        QVERIFY2(r.err.contains(says), qPrintable(r.err));
        QCOMPARE(rework::test::dumpFile(db), before);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("never.pdf"))));
    }

    /// `config list` shows every setting in force, a default marked as one: the shift offset
    /// nobody set is this PC's (Kathmandu's +05:45 here).
    void configListShowsEveryValueInForce()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("config.sqlite"));
        QCOMPARE(reworkctl(path, {"init"}).exitCode, 0);
        const QByteArray tz = qgetenv("TZ");
        qputenv("TZ", "Asia/Kathmandu");
        const Run listed = reworkctl(path, {"--json", "config", "list"});
        const Run text = reworkctl(path, {"config", "list"});
        tz.isNull() ? qunsetenv("TZ") : qputenv("TZ", tz);
        QCOMPARE(listed.exitCode, 0);
        const QJsonObject json = listed.json();
        QCOMPARE(json.value("shift.utc_offset_minutes").toInt(), 345);
        QCOMPARE(json.value("repair.max_attempts").toInt(), 2);
        QCOMPARE(json.value("pack.carton_capacity").toInt(), 10);
        QCOMPARE(json.value("session.idle_lock_minutes").toInt(), 5);
        // Four were nowhere in the list before; the other six the first schema stores.
        QCOMPARE(json.value("defaults").toArray().size(), 4);
        QCOMPARE(json.size(), 12); // ten settings, "defaults" and "ok"
        QVERIFY2(text.out.contains(QStringLiteral("shift.day_start_hour = 6 (default)\n")),
                 qPrintable(text.out));
        QCOMPARE(text.out.count(QStringLiteral("(default)")), 4);

        // A hand-edited file: a value the key does not take is named, not shown as in force; a
        // key in other letters, or with a %, is listed as stored and does not stop the list.
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
            c.setDatabaseName(path);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(
                q.exec(QStringLiteral("INSERT OR REPLACE INTO config (key, value) VALUES "
                                      "('shift.day_start_hour', '30'), ('Throughput.target_per_shift.ST1', "
                                      "'5'), ('throughput.target_per_shift.X%2', '7')")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("edit"));
        const Run edited = reworkctl(path, {"config", "list"});
        QCOMPARE(edited.exitCode, 0);
        QVERIFY2(
            edited.out.contains(QStringLiteral("shift.day_start_hour = 6 (default: the stored value \"30\"")),
            qPrintable(edited.out));
        QVERIFY2(edited.out.contains(QStringLiteral("throughput.target_per_shift.X%2 = 7\n")),
                 qPrintable(edited.out));
        QVERIFY(!edited.out.contains(QStringLiteral("Throughput")));
        const QJsonObject editedJson = reworkctl(path, {"--json", "config", "list"}).json();
        QCOMPARE(editedJson.value("refused").toObject().value("shift.day_start_hour").toString(),
                 QStringLiteral("30"));
        QCOMPARE(editedJson.value("shift.day_start_hour").toInt(), 6);
    }

    /// A mistyped --db is not a new, empty line found sound: a command that reads the record
    /// refuses a file that is not there, and creates none.
    void aMissingDatabaseIsNotCreatedByAReader()
    {
        const QString typo = dir.filePath(QStringLiteral("typo/station.sqlite"));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("typo"))));
        for (const QStringList& args :
             {QStringList{"check"}, QStringList{"verify"}, QStringList{"kpi"},
              QStringList{"trace", "ZT4090A123456"}, QStringList{"backup"},
              QStringList{"report", "daily", "--pdf", dir.filePath("typo.pdf")},
              QStringList{"operator", "list"}, QStringList{"station", "list"}, QStringList{"config", "list"},
              QStringList{"conflicts"}, QStringList{"plan", "list"}, QStringList{"label", "list"},
              QStringList{"sync", "status"}, QStringList{"spc", "voltage"}}) {
            const Run r = reworkctl(typo, args);
            QCOMPARE(r.exitCode, 3);
            QVERIFY2(r.err.contains(QStringLiteral("there is no database at %1").arg(typo)),
                     qPrintable(r.err));
            QVERIFY(!QFile::exists(typo));
        }
        QVERIFY(!QFile::exists(dir.filePath("typo.pdf")));
    }

    /// A report or a sheet written to a name that is taken replaces only a PDF written before:
    /// never the database (the name typed after --pdf by mistake), another file, or what a link
    /// points at.
    void aPdfNeverReplacesAnythingElse()
    {
        const QString before = rework::test::dumpFile(db);
        const QByteArray file = [&] {
            QFile f(db);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        const QString link = dir.filePath(QStringLiteral("link.pdf"));
        QVERIFY(QFile::link(db, link));
        const QString notes = dir.filePath(QStringLiteral("notes.txt"));
        {
            QFile f(notes);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write("shift notes\n") > 0);
        }
        // An empty file is of no kind: SQLite's own -wal and -journal are empty between writes.
        const QString wal = dir.filePath(QStringLiteral("empty.sqlite-wal"));
        {
            QFile f(wal);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        for (const QString& target : {db, link, notes, wal}) {
            for (const QStringList& args : {QStringList{"report", "daily", "--pdf", target},
                                            QStringList{"commands", "--pdf", target}}) {
                const Run r = reworkctl(db, args);
                QCOMPARE(r.exitCode, 1);
                QVERIFY2(r.err.contains(QStringLiteral("[invalid_value]")), qPrintable(r.err));
            }
        }
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), file);
        QCOMPARE(rework::test::dumpFile(db), before);
        QFile n(notes);
        QVERIFY(n.open(QIODevice::ReadOnly));
        QCOMPARE(n.readAll(), QByteArray("shift notes\n"));
        // A report written again replaces the one before.
        const QString pdf = dir.filePath(QStringLiteral("again.pdf"));
        QCOMPARE(reworkctl(db, {"report", "daily", "--pdf", pdf}).exitCode, 0);
        QCOMPARE(reworkctl(db, {"report", "daily", "--pdf", pdf}).exitCode, 0);
    }

    void everyCommandHasHelp_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expect");
        QTest::newRow("main") << QStringList{"--help"} << "Commands:";
        for (const char* c :
             {"init", "demo", "operator", "station", "batch", "void", "trace", "check", "config"})
            QTest::newRow(c) << QStringList{QString::fromLatin1(c), "--help"} << "Usage";
        QTest::newRow("record intake") << QStringList{"record", "intake", "--help"} << "partner";
        QTest::newRow("record strip") << QStringList{"record", "strip", "--help"} << "memory_chips";
        QTest::newRow("record reball") << QStringList{"record", "reball", "--help"} << "flux_lot";
        QTest::newRow("record mount") << QStringList{"record", "mount", "--help"} << "peak_c";
        QTest::newRow("record inspect") << QStringList{"record", "inspect", "--help"} << "void_pct";
        QTest::newRow("record test") << QStringList{"record", "test", "--help"} << "gpu_uuid";
        QTest::newRow("record pack") << QStringList{"record", "pack", "--help"} << "batch";
    }
    void everyCommandHasHelp()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expect);
        Run r = reworkctl(db, args);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(expect), qPrintable(r.out));
    }

    void newerSchemaIsRefusedWithExitCode3()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("future.sqlite"));
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            c.setDatabaseName(path);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 42")));
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (x)")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        Run r = reworkctl(path, {"init"});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QStringLiteral("schema_too_new")));
    }

    void importsNvidiaSmiReports()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("smi.sqlite"));
        const QString smi4090 =
            QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/netdata_rtx-4090-driver-535.xml");
        const QString smi3090 = QStringLiteral(REWORK_FIXTURES_DIR "/nvidia-smi/influxdata_3090-v13.xml");
        QCOMPARE(reworkctl(path, {"demo", "--units", "2", "--seed", "3"}).exitCode, 0);
        auto rec = [&](const QString& s, const QStringList& fields) {
            return reworkctl(path, QStringList{"--json", "record", s, "--station", s.toUpper() + "-01",
                                               "--operator", "OP001"} +
                                       fields);
        };
        auto unitFor = [&](const QString& card, const QString& board, const QStringList& intakeExtra) {
            if (rec("intake", QStringList{"card=" + card, "model=RTX4090", "lot=L1"} + intakeExtra)
                    .exitCode != 0)
                return QString();
            const QString die = rec("strip", {"card=" + card}).json().value("created").toString();
            // a step that creates nothing says null, not ""
            const QJsonObject reballed = rec("reball", {"die=" + die}).json();
            if (!reballed.value("created").isNull() || reballed.value("outcome").toString() != "reballed")
                return QString();
            const QString unit =
                rec("mount", {"die=" + die, "board=" + board}).json().value("created").toString();
            rec("inspect", {"unit=" + unit, "result=pass"});
            return unit;
        };
        // intake captures the donor's identity from its report, partner included
        const QString unit = unitFor("GB4090X0001", "SB10000001", {"smi=" + smi4090});
        QVERIFY(!unit.isEmpty());
        Run trace = reworkctl(path, {"--json", "trace", "GB4090X0001"});
        QCOMPARE(trace.json().value("card").toObject().value("gpu_uuid").toString(),
                 QStringLiteral("GPU-71d1acc2-662d-2166-bf9f-65272d2fc437"));
        QVERIFY(trace.out.contains(QStringLiteral("\"partner\":\"gigabyte\"")));

        // an RTX 3090's report on an RTX 4090 unit: the wrong product, named both ways, nothing stored
        const QString before = rework::test::dumpFile(path);
        Run swapped = rec("test", {"unit=" + unit, "result=pass", "smi=" + smi3090});
        QCOMPARE(swapped.exitCode, 1);
        QCOMPARE(swapped.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("wrong_product"));
        QVERIFY2(swapped.err.contains(QStringLiteral("RTX 3090")) &&
                     swapped.err.contains(QStringLiteral("2204")) &&
                     swapped.err.contains(QStringLiteral("2684")),
                 qPrintable(swapped.err));
        // the right card, but captured idle on a Gen3 host: the link proves nothing, a pass is refused
        Run idle = rec("test", {"unit=" + unit, "result=pass", "smi=" + smi4090});
        QCOMPARE(idle.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("report_required"));
        QVERIFY2(idle.err.contains(QStringLiteral("under load")), qPrintable(idle.err));
        // a typed value over the report's is refused, not silently preferred
        Run typedOver = rec("test", {"unit=" + unit, "result=fail", "defect=THERMAL", "smi=" + smi4090,
                                     "gpu_uuid=GPU-71d1acc2-662d-2166-bf9f-000000000000"});
        QCOMPARE(typedOver.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("report_contradiction"));
        Run typedGen =
            rec("test", {"unit=" + unit, "result=fail", "defect=THERMAL", "smi=" + smi4090, "pcie_gen=4"});
        QCOMPARE(typedGen.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("report_contradiction"));
        QCOMPARE(rework::test::dumpFile(path), before);
        // an idle report shows no finding of its own: the tester names the defect
        Run failed = rec("test", {"unit=" + unit, "result=fail", "defect=PCIE_DEGRADED", "smi=" + smi4090});
        QCOMPARE(failed.exitCode, 0);
        QCOMPARE(failed.json().value("outcome").toString(), QStringLiteral("repair"));
        // smi= keeps the report as evidence, as the form does
        const QByteArray report = [&] {
            QFile f(smi4090);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        const QString hash =
            QString::fromLatin1(QCryptographicHash::hash(report, QCryptographicHash::Sha256).toHex());
        Run traced = reworkctl(path, {"--json", "trace", unit});
        QVERIFY2(traced.out.contains(QStringLiteral("sha256:") + hash), qPrintable(traced.out.left(400)));
        QVERIFY(QFile::exists(fresh.filePath("evidence/" + hash.left(2) + "/" + hash + ".xml")));
        QVERIFY(traced.out.contains(QStringLiteral("\"report_product\":\"NVIDIA GeForce RTX 4090\"")));

        // the same GPU on a second unit is refused
        const QString other = unitFor("GB4090X0002", "SB10000002", {});
        Run duplicate = rec("test", {"unit=" + other, "result=fail", "smi=" + smi4090});
        QCOMPARE(duplicate.exitCode, 1);
        QCOMPARE(duplicate.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("duplicate_gpu_uuid"));

        Run missing = rec("test", {"unit=" + other, "result=pass", "smi=/nonexistent.xml"});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.json().value("error").toObject().value("field").toString(), QStringLiteral("smi"));

        // without a report only a supervisor passes a unit, with a reason that is kept
        Run noReport = rec("test", {"unit=" + other, "result=pass"});
        QCOMPARE(noReport.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("report_required"));
        Run notSupervisor = rec("test", {"unit=" + other, "result=pass", "override_reason=rig is down"});
        QCOMPARE(notSupervisor.json().value("error").toObject().value("code").toString(),
                 QStringLiteral("not_permitted"));
        Run overridden = reworkctl(path, {"--json", "record", "test", "--station", "TEST-01", "--operator",
                                          "SUP01", "unit=" + other, "result=pass",
                                          "override_reason=rig is down, burn-in log attached"});
        QCOMPARE(overridden.exitCode, 0);
        QVERIFY(reworkctl(path, {"--json", "trace", other})
                    .out.contains(QStringLiteral("rig is down, burn-in log attached")));
    }

    /// One identity per serial on the command line: an issued id or a known board is no donor card,
    /// and `resolve` says what any serial is and where it goes next, in text and JSON.
    void resolvesEverySerialAndRefusesOwnIdsAsCards()
    {
        const QString before = rework::test::dumpFile(db);
        for (const QString& own :
             {mountedUnit, strippedDie, QStringLiteral("SB00000003"), QStringLiteral("U0000000000AB")}) {
            Run r = reworkctl(db, {"--json", "record", "intake", "--station", "INTAKE-1", "--operator", "OP1",
                                   "card=" + own, "model=RTX4090", "lot=LOT-1"});
            QCOMPARE(r.exitCode, 1);
            QCOMPARE(r.json().value("error").toObject().value("code").toString(),
                     QStringLiteral("wrong_kind"));
            QVERIFY2(r.err.contains(QStringLiteral("donor card")), qPrintable(r.err));
        }
        QCOMPARE(rework::test::dumpFile(db), before);

        Run board = reworkctl(db, {"--json", "resolve", "sb00000003"});
        QCOMPARE(board.exitCode, 0);
        QCOMPARE(board.json().value("serial").toString(), mountedUnit);
        QCOMPARE(board.json().value("scanned_kind").toString(), QStringLiteral("board"));
        QCOMPARE(board.json().value("next_step").toString(), QStringLiteral("inspect"));
        QVERIFY(board.json().value("where").toString().contains(QStringLiteral("server board of unit")));
        Run text = reworkctl(db, {"resolve", strippedDie});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("needs reball next")), qPrintable(text.out));
        Run unknown = reworkctl(db, {"--json", "resolve", "NOSUCHSERIAL1"});
        QCOMPARE(unknown.exitCode, 0); // a card-shaped new serial goes to intake
        QCOMPARE(unknown.json().value("next_step").toString(), QStringLiteral("intake"));
        Run foreign = reworkctl(db, {"--json", "resolve", "U0000000000AB"});
        QCOMPARE(foreign.exitCode, 1);
        QVERIFY(!foreign.err.contains(QLatin1Char('^'))); // never a regular expression
    }

    void attachesEvidenceByItsHash()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("ev.sqlite"));
        QCOMPARE(reworkctl(path, {"demo", "--units", "2", "--seed", "5"}).exitCode, 0);
        QFile xray(fresh.filePath(QStringLiteral("xray.png")));
        QVERIFY(xray.open(QIODevice::WriteOnly));
        xray.write("not really a png, but evidence all the same");
        xray.close();
        Run r =
            reworkctl(path, {"--json", "record", "intake", "--station", "INTAKE-01", "--operator", "OP001",
                             "card=EVIDENCE0001", "model=RTX4090", "lot=L1", "evidence=" + xray.fileName()});
        QCOMPARE(r.exitCode, 0);
        Run trace = reworkctl(path, {"--json", "trace", "EVIDENCE0001"});
        const QString evidence = trace.json()
                                     .value("events")
                                     .toArray()
                                     .first()
                                     .toObject()
                                     .value("payload")
                                     .toObject()
                                     .value("evidence")
                                     .toString();
        QVERIFY2(evidence.startsWith(QStringLiteral("sha256:")), qPrintable(evidence));
        const QString hash = evidence.section(':', 1, 1);
        QCOMPARE(hash,
                 QString::fromLatin1(QCryptographicHash::hash("not really a png, but evidence all the same",
                                                              QCryptographicHash::Sha256)
                                         .toHex()));
        QVERIFY(QFile::exists(fresh.filePath("evidence/" + hash.left(2) + "/" + hash + ".png")));

        const QString before = rework::test::dumpFile(path);
        Run missing =
            reworkctl(path, {"--json", "record", "intake", "--station", "INTAKE-01", "--operator", "OP001",
                             "card=EVIDENCE0002", "model=RTX4090", "lot=L1", "evidence=/nonexistent.png"});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.json().value("error").toObject().value("field").toString(),
                 QStringLiteral("evidence"));
        Run forged =
            reworkctl(path, {"--json", "record", "intake", "--station", "INTAKE-01", "--operator", "OP001",
                             "card=EVIDENCE0002", "model=RTX4090", "lot=L1", "evidence=sha256:abc:x.png"});
        QCOMPARE(forged.exitCode, 1);
        // a well-formed hash with no stored file behind it
        Run noFile = reworkctl(path, {"--json", "record", "intake", "--station", "INTAKE-01", "--operator",
                                      "OP001", "card=EVIDENCE0002", "model=RTX4090", "lot=L1",
                                      "evidence=sha256:" + QString(64, '0') + ":xray.jpg"});
        QCOMPARE(noFile.exitCode, 1);
        QCOMPARE(noFile.json().value("error").toObject().value("field").toString(),
                 QStringLiteral("evidence"));
        QCOMPARE(rework::test::dumpFile(path), before);

        // A refused record copies nothing: the evidence folder is byte for byte what it was.
        const QString evidenceBefore = folderDigest(fresh.filePath("evidence"));
        QFile other(fresh.filePath("other-xray.png"));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("a second picture, of a card recorded twice");
        other.close();
        Run refused =
            reworkctl(path, {"--json", "record", "intake", "--station", "INTAKE-01", "--operator", "OP001",
                             "card=EVIDENCE0001", "model=RTX4090", "lot=L1", "evidence=" + other.fileName()});
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(folderDigest(fresh.filePath("evidence")), evidenceBefore);
        QCOMPARE(folderDigest(fresh.filePath("evidence-staging")), QString());
        QCOMPARE(rework::test::dumpFile(path), before);
        // and the same file with a record that is taken is stored
        Run taken =
            reworkctl(path, {"--json", "record", "intake", "--station", "INTAKE-01", "--operator", "OP001",
                             "card=EVIDENCE0003", "model=RTX4090", "lot=L1", "evidence=" + other.fileName()});
        QCOMPARE(taken.exitCode, 0);
        QVERIFY(folderDigest(fresh.filePath("evidence")) != evidenceBefore);
        QCOMPARE(folderDigest(fresh.filePath("evidence-staging")), QString());
    }

    void kpiFiguresForScripts()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("kpi.sqlite"));
        QCOMPARE(reworkctl(path, {"demo", "--units", "60", "--seed", "9"}).exitCode, 0);
        const QString today = QDate::currentDate().toString(Qt::ISODate);
        const QString monthAgo = QDate::currentDate().addDays(-30).toString(Qt::ISODate);
        Run r = reworkctl(path, {"--json", "kpi", "--from", monthAgo, "--to", today});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject k = r.json();
        QCOMPARE(k.value("cards_received").toInt(), 60);
        const double fpy = k.value("first_pass_yield").toObject().value("inspect").toDouble();
        QVERIFY(fpy > 0.5 && fpy < 1.0);
        QVERIFY(!k.value("defect_pareto").toArray().isEmpty());
        QVERIFY(k.value("wip").toObject().contains("pack"));
        Run text = reworkctl(path, {"kpi"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("first-pass yield")));
        // Each station's throughput, as the JSON has it, and when the WIP is from.
        const QJsonObject throughput =
            reworkctl(path, {"--json", "kpi"}).json().value("throughput").toObject();
        QVERIFY(throughput.size() >= 7);
        const qsizetype line = text.out.indexOf(QStringLiteral("throughput by station: "));
        QVERIFY2(line >= 0, qPrintable(text.out));
        const QString stationLine = text.out.mid(line).section(QLatin1Char('\n'), 0, 0);
        for (auto it = throughput.constBegin(); it != throughput.constEnd(); ++it)
            // the whole number: "INSPECT-01 4" must not pass for 40
            QVERIFY2(QRegularExpression(QStringLiteral("%1 %2[,;( \\n]|%1 %2$")
                                            .arg(it.key())
                                            .arg(it.value().toObject().value("events").toInt()))
                         .match(stationLine)
                         .hasMatch(),
                     qPrintable(stationLine));
        QVERIFY2(text.out.contains(QStringLiteral("WIP at ")), qPrintable(text.out));
        QCOMPARE(reworkctl(path, {"kpi", "--from", "yesterday"}).exitCode, 2);
        // Only a whole date: what QDate's ISO reading would let through is refused too.
        for (const char* bad : {"2026-11-20xyz", "2026-11-20T00:00", "2026-2-3", " 2026-11-20"}) {
            const Run refused = reworkctl(path, {"kpi", "--from", bad});
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(QStringLiteral("2026-11-29")), qPrintable(refused.err));
            QCOMPARE(reworkctl(path, {"report", "daily", "--date", bad, "--pdf", fresh.filePath("bad.pdf")})
                         .exitCode,
                     2);
        }
        QVERIFY(!QFile::exists(fresh.filePath("bad.pdf")));
        // The header says which shift the figures are of.
        const Run nights = reworkctl(path, {"kpi", "--shift", "night"});
        QCOMPARE(nights.exitCode, 0);
        QVERIFY2(nights.out.contains(QStringLiteral("night shifts only")), qPrintable(nights.out));
        QCOMPARE(reworkctl(path, {"kpi", "--from", today, "--to", monthAgo}).exitCode, 2);
        QCOMPARE(reworkctl(path, {"kpi", "--shift", "evening"}).exitCode, 2);
        // --to alone: the 30 days that end there
        const Run before = reworkctl(path, {"kpi", "--to", monthAgo});
        QCOMPARE(before.exitCode, 0);
        QVERIFY2(
            before.out.contains(QDate::currentDate().addDays(-59).toString(Qt::ISODate) + " .. " + monthAgo),
            qPrintable(before.out));
        // A name the database has never had is a mistake, not a line that did nothing.
        for (const QStringList& unknown :
             {QStringList{"--station", "NOPE-01"}, QStringList{"--model", "RTX9999"},
              QStringList{"--batch", "B-NOPE"}}) {
            const Run refused = reworkctl(path, QStringList{"kpi"} + unknown);
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(unknown.last()), qPrintable(refused.err));
        }
        QCOMPARE(reworkctl(path, {"kpi", "--station", "TEST-01", "--model", "RTX4090"}).exitCode, 0);

        // Day and night shifts split the range's station work between them, hour for hour.
        auto stationEvents = [&](const QStringList& extra) {
            Run shift =
                reworkctl(path, QStringList{"--json", "kpi", "--from", monthAgo, "--to", today} + extra);
            QMap<QString, int> out;
            const QJsonObject stations = shift.json().value("throughput").toObject();
            for (auto it = stations.begin(); it != stations.end(); ++it)
                out[it.key()] = it.value().toObject().value("events").toInt();
            return out;
        };
        const QMap<QString, int> all = stationEvents({});
        const QMap<QString, int> day = stationEvents({"--shift", "day"});
        const QMap<QString, int> night = stationEvents({"--shift", "night"});
        QVERIFY(!all.isEmpty());
        for (auto it = all.begin(); it != all.end(); ++it)
            QCOMPARE(day.value(it.key()) + night.value(it.key()), it.value());
        int shiftSum = 0;
        const QJsonObject intake = k.value("throughput").toObject().value("INTAKE-01").toObject();
        for (const QJsonValue v : intake.value("by_shift").toObject())
            shiftSum += v.toInt();
        QCOMPARE(shiftSum, intake.value("events").toInt());
        // The demo sets a target its line can just about reach; the figures carry it.
        const Run config = reworkctl(path, {"--json", "config", "list"});
        QCOMPARE(config.exitCode, 0);
        const int target = config.json().value("throughput.target_per_shift").toInt();
        QVERIFY(target > 0 && target < 100);
        QCOMPARE(intake.value("target_per_shift").toInt(), target);
        QCOMPARE(reworkctl(path, {"config", "set", "throughput.target_per_shift.INTAKE-01", "7", "--operator",
                                  "ADMIN"})
                     .exitCode,
                 0);
        const Run withStationTarget = reworkctl(path, {"--json", "kpi"});
        QCOMPARE(withStationTarget.json()
                     .value("throughput")
                     .toObject()
                     .value("INTAKE-01")
                     .toObject()
                     .value("target_per_shift")
                     .toInt(),
                 7);
        // After `--` everything is positional, as in every Unix tool: a negative offset, or a
        // value that looks like an option.
        QCOMPARE(reworkctl(path,
                           {"config", "set", "shift.utc_offset_minutes", "--operator", "ADMIN", "--", "-330"})
                     .exitCode,
                 0);
        QCOMPARE(
            reworkctl(path, {"--json", "config", "list"}).json().value("shift.utc_offset_minutes").toInt(),
            -330);
        const Run asValue =
            reworkctl(path, {"config", "set", "--operator", "ADMIN", "--", "reflow.limit", "--json"});
        QCOMPARE(asValue.exitCode, 1);
        QVERIFY2(asValue.err.contains(QStringLiteral("whole number")), qPrintable(asValue.err));
        const Run typo =
            reworkctl(path, {"config", "set", "shift.utc_offset_minutes", "-320", "--operator", "ADMIN"});
        QCOMPARE(typo.exitCode, 1);
        QVERIFY2(typo.err.contains(QStringLiteral("multiple of 15")), qPrintable(typo.err));
        // Told back as stored, not as typed.
        const Run plus =
            reworkctl(path, {"config", "set", "shift.utc_offset_minutes", "+330", "--operator", "ADMIN"});
        QCOMPARE(plus.exitCode, 0);
        QCOMPARE(plus.out.trimmed(), QStringLiteral("shift.utc_offset_minutes = 330"));
        QCOMPARE(reworkctl(path, {"config", "set", "shift.utc_offset_minutes", "0", "--operator", "ADMIN"})
                     .exitCode,
                 0);

        // A batch: its own units, whatever the dates.
        QString batch;
        int inBatch = 0;
        {
            QSqlDatabase c =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("kpi-batch"));
            c.setDatabaseName(path);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("SELECT batch_id, count(*) FROM units WHERE batch_id IS NOT NULL "
                                          "GROUP BY 1 ORDER BY 2 DESC LIMIT 1")));
            QVERIFY(q.next());
            batch = q.value(0).toString();
            inBatch = q.value(1).toInt();
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("kpi-batch"));
        Run byBatch = reworkctl(
            path, {"--json", "kpi", "--batch", batch, "--from", "2000-01-01", "--to", "2000-01-02"});
        QCOMPARE(byBatch.exitCode, 0);
        QCOMPARE(byBatch.json().value("units_mounted").toInt(), inBatch);
        QCOMPARE(
            byBatch.json().value("throughput").toObject().value("PACK-01").toObject().value("events").toInt(),
            inBatch);
    }

    void labelsToFilesAndPrinters()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("labels.sqlite"));
        QCOMPARE(reworkctl(path, {"demo", "--units", "30", "--seed", "5"}).exitCode, 0);
        QString batch;
        {
            QSqlDatabase c =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("labels-cli"));
            c.setDatabaseName(path);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("SELECT id FROM batches WHERE state = 'closed' LIMIT 1")) &&
                    q.next());
            batch = q.value(0).toString();
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("labels-cli"));

        const Run list = reworkctl(path, {"--json", "label", "list"});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(list.json().value("templates").toArray().size(),
                 4); // die traveler, unit traveler, unit label, batch label

        // The batch label as ZPL to a file, then the same label sent to a printer: a reprint,
        // so it needs a reason; the printer receives exactly the file's bytes.
        const QString zpl = fresh.filePath(QStringLiteral("batch.zpl"));
        const Run file =
            reworkctl(path, {"label", "batch-label", batch, "--zpl", zpl, "--operator", "SUP01"});
        QCOMPARE(file.exitCode, 0);
        QFile zplFile(zpl);
        QVERIFY(zplFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = zplFile.readAll();
        QVERIFY(bytes.startsWith("^XA") && bytes.contains(batch.toUtf8()));
        rework::test::TcpListener printerPort;
        QVERIFY(printerPort.listening);
        const Run noReason = reworkctl(
            path, {"label", "batch-label", batch, "--send", printerPort.target(), "--operator", "SUP01"});
        QCOMPARE(noReason.exitCode, 1);
        QVERIFY(noReason.err.contains(QStringLiteral("reason")));
        const Run sent = reworkctl(path, {"label", "batch-label", batch, "--send", printerPort.target(),
                                          "--reason", "box relabelled", "--operator", "SUP01"});
        QCOMPARE(sent.exitCode, 0);
        QTRY_COMPARE(printerPort.closed, 2);
        // Its resolution asked (no answer: the template's own, as the file), then on a second
        // connection the host status query and the file's bytes; the listener reads both only
        // after reworkctl is done, so in either order.
        QCOMPARE(printerPort.received.size(), 3 + 3 + bytes.size());
        QVERIFY(printerPort.received.contains("~HI"));
        QVERIFY(printerPort.received.contains("~HS" + bytes));

        // A printer that is off: a clear error, the label queued, sent by `label retry` later.
        quint16 port = 0;
        {
            rework::test::TcpListener gone;
            port = gone.server.serverPort();
        }
        const QString target = QStringLiteral("127.0.0.1:%1").arg(port);
        const Run off = reworkctl(path, {"label", "batch-label", batch, "--send", target, "--reason",
                                         "second box", "--operator", "SUP01"});
        QCOMPARE(off.exitCode, 1);
        QVERIFY(off.err.contains(QStringLiteral("printer_unreachable")));
        QVERIFY(off.err.contains(target));
        rework::test::TcpListener back(port);
        QVERIFY(back.listening);
        const Run retry = reworkctl(path, {"--json", "label", "retry"});
        QCOMPARE(retry.exitCode, 0);
        QCOMPARE(retry.json().value("sent").toInt(), 1);
        QTRY_COMPARE(back.closed, 2); // its resolution asked, then the label
        QCOMPARE(back.received.size(), 3 + 3 + bytes.size());
        QVERIFY(back.received.contains("~HI"));
        QVERIFY(back.received.contains("~HS" + bytes));

        const Run history = reworkctl(path, {"--json", "label", "history", batch});
        const QJsonArray prints = history.json().value("prints").toArray();
        QCOMPARE(prints.size(), 3);
        QCOMPARE(prints.at(1).toObject().value("reason").toString(), QStringLiteral("box relabelled"));
        QVERIFY(prints.at(2).toObject().value("reprint").toBool());

        // Bad input: unknown template, unknown batch, no output, two outputs, bad address.
        const QString before = rework::test::dumpFile(path);
        QCOMPARE(reworkctl(path, {"label", "pallet-label", batch, "--pdf", "x.pdf"}).exitCode, 1);
        QCOMPARE(
            reworkctl(path, {"label", "batch-label", "B-NOPE", "--pdf", fresh.filePath("x.pdf")}).exitCode,
            1);
        QCOMPARE(reworkctl(path, {"label", "batch-label", batch}).exitCode, 2);
        QCOMPARE(
            reworkctl(path, {"label", "batch-label", batch, "--pdf", "a.pdf", "--zpl", "b.zpl"}).exitCode, 2);
        QCOMPARE(reworkctl(path, {"label", "batch-label", batch, "--send", "printer;rm -rf", "--reason", "x"})
                     .exitCode,
                 1);
        QCOMPARE(rework::test::dumpFile(path), before);
        // An unknown operator is refused; the attempt is audited as a failed proof.
        QCOMPARE(reworkctl(path, {"label", "batch-label", batch, "--pdf", fresh.filePath("y.pdf"), "--reason",
                                  "x", "--operator", "NOBODY"})
                     .exitCode,
                 1);
    }

    void backupAndRestoreFromTheCommandLine()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("live.sqlite"));
        QCOMPARE(reworkctl(path, {"demo", "--units", "5", "--seed", "2"}).exitCode, 0);
        const QString copy = fresh.filePath(QStringLiteral("copy.sqlite"));
        const Run backup = reworkctl(path, {"backup", "--to", copy});
        QCOMPARE(backup.exitCode, 0);
        QCOMPARE(backup.lastLine(), copy);
        const QString atBackup = rework::test::dumpFile(path);
        QCOMPARE(reworkctl(path, {"record", "intake", "--station", "INTAKE-01", "--operator", "OP001",
                                  "card=ZT4090R000001", "model=RTX4090", "lot=LOT-R"})
                     .exitCode,
                 0);
        QVERIFY(rework::test::dumpFile(path) != atBackup);
        // The backup has one event less than the station: taken only when forced, with a reason.
        QCOMPARE(reworkctl(path, {"restore", copy}).exitCode, 1);
        QCOMPARE(reworkctl(path, {"restore", copy, "--force"}).exitCode, 2);
        // A forced restore is an admin's act: without one, or by an operator, refused and nothing changed.
        const QString beforeForce = rework::test::dumpFile(path);
        QCOMPARE(reworkctl(path, {"restore", copy, "--force", "--reason", "wrong card taken in"}).exitCode,
                 1);
        QCOMPARE(reworkctl(path, {"restore", copy, "--force", "--reason", "wrong card taken in", "--operator",
                                  "OP001"})
                     .exitCode,
                 1);
        QCOMPARE(QString(rework::test::dumpFile(path))
                     .remove(QRegularExpression(
                         QStringLiteral("## (audit_log|login_failures|sqlite_sequence)\n[^#]*"))),
                 QString(beforeForce)
                     .remove(QRegularExpression(
                         QStringLiteral("## (audit_log|login_failures|sqlite_sequence)\n[^#]*"))));
        QCOMPARE(reworkctl(path, {"restore", copy, "--force", "--reason", "wrong card taken in", "--operator",
                                  "ADMIN"})
                     .exitCode,
                 0);
        // The backup again, and the restore in its audit log (which the sequence table counts).
        static const QRegularExpression audit(QStringLiteral("## (audit_log|sqlite_sequence)\n[^#]*"));
        const QString restored = rework::test::dumpFile(path);
        QCOMPARE(QString(restored).remove(audit), QString(atBackup).remove(audit));
        QVERIFY(
            restored.contains(QStringLiteral("restore_forced|ADMIN|-|forced: wrong card taken in; events")));
        // Rotated backups in the data folder; bad input refused.
        const Run rotated = reworkctl(path, {"--json", "backup", "--keep", "2"});
        QCOMPARE(rotated.exitCode, 0);
        QVERIFY(QFile::exists(rotated.json().value("backup").toString()));
        QCOMPARE(reworkctl(path, {"backup", "--keep", "0"}).exitCode, 2);
        QCOMPARE(reworkctl(path, {"restore"}).exitCode, 2);
        QCOMPARE(reworkctl(path, {"restore", fresh.filePath(QStringLiteral("missing.sqlite"))}).exitCode, 1);
        QCOMPARE(rework::test::dumpFile(path), restored);
    }

    void recallListsWhatSharesALot()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("recall.sqlite"));
        QCOMPARE(reworkctl(path, {"demo", "--units", "30", "--seed", "4"}).exitCode, 0);
        Run r = reworkctl(path, {"--json", "recall", "NOSUCH-SERIAL", "--by", "lot"});
        QCOMPARE(r.exitCode, 1); // unknown serial
        QString card;
        {
            QSqlDatabase c =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("recallpeek"));
            c.setDatabaseName(path);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral(
                        "SELECT serial FROM cards WHERE lot = (SELECT lot FROM cards GROUP BY lot "
                        "HAVING count(*) > 1 LIMIT 1) LIMIT 1")) &&
                    q.next());
            card = q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("recallpeek"));
        Run lot = reworkctl(path, {"--json", "recall", card, "--by", "lot"});
        QCOMPARE(lot.exitCode, 0);
        const QJsonArray items = lot.json().value("items").toArray();
        QVERIFY(!items.isEmpty());
        for (const QJsonValue& v : items)
            QVERIFY(
                v.toObject().value("shared").toArray().first().toString().startsWith(QStringLiteral("lot ")));
        QCOMPARE(reworkctl(path, {"recall", card, "--by", "colour"}).exitCode, 2);
    }

    void writesReports()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("rep.sqlite"));
        QCOMPARE(reworkctl(path, {"demo", "--units", "40", "--seed", "8"}).exitCode, 0);
        QString batch;
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reppeek"));
            c.setDatabaseName(path);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("SELECT id FROM batches LIMIT 1")) && q.next());
            batch = q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("reppeek"));
        const QString pdf = fresh.filePath(QStringLiteral("batch.pdf"));
        Run r = reworkctl(path, {"report", "batch", batch, "--pdf", pdf});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.lastLine(), pdf);
        QVERIFY(QFile(pdf).size() > 1000);
        const QString daily = fresh.filePath(QStringLiteral("daily.pdf"));
        QCOMPARE(reworkctl(path, {"report", "daily", "--date", QDate::currentDate().toString(Qt::ISODate),
                                  "--pdf", daily})
                     .exitCode,
                 0);
        QVERIFY(QFile(daily).size() > 1000);
        QCOMPARE(reworkctl(path, {"report", "weekly", "--pdf", daily}).exitCode, 2);
        QCOMPARE(reworkctl(path, {"report", "batch", "B-NONE-1", "--pdf", daily}).exitCode, 1);
    }

    void speaksChineseInAChineseLocale()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
        env.insert(QStringLiteral("REWORKTRACK_PIN"), rework::test::kPin);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(REWORKCTL_PATH), {"--db", db, "record", "strip", "--station", "STRIP-1",
                                                 "--operator", "OP1", "card=NEVERSEEN01"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("未入库")), qPrintable(err));
    }

    void versionIsPrinted()
    {
        Run r = reworkctl(db, {"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("reworkctl ")));
    }

    void environmentVariableChoosesTheDatabase()
    {
        QTemporaryDir fresh;
        const QString path = fresh.filePath(QStringLiteral("env.sqlite"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REWORKTRACK_DB"), path);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(REWORKCTL_PATH), {"init"});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QFile::exists(path));
        QVERIFY(QFile::exists(fresh.filePath(QStringLiteral("reworktrack.log"))));
    }

    void operatorAccountsAreManagedAndAudited()
    {
        QTemporaryDir own;
        const QString file = own.filePath(QStringLiteral("ops.sqlite"));
        QCOMPARE(reworkctl(file, {"init"}).exitCode, 0);
        // The first admin needs no proof; every later change is made by ADM9 with ADM9's PIN.
        QCOMPARE(reworkctl(file, {"operator", "add", "ADM9", "--name", "Zhao Min", "--role", "admin", "--pin",
                                  "9876"})
                     .exitCode,
                 0);
        const QString pin = QStringLiteral("9876");
        const auto admin = [&](QStringList args) {
            return reworkctl(file, args << QStringLiteral("--operator") << QStringLiteral("ADM9"), pin);
        };
        QCOMPARE(admin({"operator", "add", "OP9", "--name", "Sun Li", "--role", "operator", "--pin", "1111"})
                     .exitCode,
                 0);
        Run disabled = admin({"operator", "disable", "op9"});
        QCOMPARE(disabled.exitCode, 0);
        QCOMPARE(disabled.lastLine(), QStringLiteral("OP9"));
        QVERIFY(reworkctl(file, {"--json", "operator", "list"})
                    .out.contains(QStringLiteral("{\"active\":false,\"id\":\"OP9\"")));
        QCOMPARE(admin({"operator", "enable", "OP9"}).exitCode, 0);
        QCOMPARE(admin({"operator", "reset-pin", "OP9", "--pin", "2222"}).exitCode, 0);
        QCOMPARE(admin({"operator", "role", "OP9", "supervisor"}).exitCode, 0);
        // Refused: bad role, short PIN, unknown operator, the last admin, missing arguments.
        QCOMPARE(admin({"operator", "role", "OP9", "boss"}).exitCode, 1);
        QCOMPARE(admin({"operator", "reset-pin", "OP9", "--pin", "1"}).exitCode, 1);
        QCOMPARE(admin({"operator", "disable", "GHOST"}).exitCode, 1);
        Run last = admin({"operator", "disable", "ADM9"});
        QCOMPARE(last.exitCode, 1);
        QVERIFY(last.err.contains(QStringLiteral("last active admin")));
        QCOMPARE(admin({"operator", "reset-pin", "OP9"}).exitCode, 2);
        QCOMPARE(admin({"operator", "role", "OP9"}).exitCode, 2);
        // Without the admin's proof nothing changes: no --operator, or another operator's PIN.
        QCOMPARE(reworkctl(file, {"operator", "disable", "OP9"}).exitCode, 1);
        QCOMPARE(reworkctl(file, {"operator", "disable", "OP9", "--operator", "OP9"}, QStringLiteral("2222"))
                     .exitCode,
                 1);
        // Every change is in the audit chain, which verifies.
        Run verify = reworkctl(file, {"verify"});
        QCOMPARE(verify.exitCode, 0);
    }

    void syncIfConfiguredIsQuietWithoutAServer()
    {
        QTemporaryDir own;
        const QString file = own.filePath(QStringLiteral("nosync.sqlite"));
        QCOMPARE(reworkctl(file, {"init"}).exitCode, 0);
        Run quiet = reworkctl(file, {"sync", "--if-configured"});
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY(quiet.out.contains(QStringLiteral("not set up")));
        QCOMPARE(reworkctl(file, {"sync"}).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
