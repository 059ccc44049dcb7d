// `reworkctl label` as a script uses it: copies, the print history with each label's state, a
// Zebra that reports paper out or a head open, cancelling a queued label, and retry reporting
// every label. The real executable on a real database file; fake Zebras on 127.0.0.1.
#include "../labels/FakeZebra.h"
#include "Reworkctl.h"
#include "TestDatabase.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using rework::test::FakeZebra;
using rework::test::reworkctl;
using rework::test::Run;

class TestLabelCli : public QObject
{
    Q_OBJECT

    std::unique_ptr<rework::test::TestDatabase> t;
    QStringList units;
    /// reworkctl's settings (this PC's bound station) live here, not in the user's own.
    QTemporaryDir config;

    /// Binds this PC to `station` as the app's Settings does (station/id); empty: to none.
    void bindStation(const QString& station)
    {
        QDir().mkpath(config.filePath(QStringLiteral("ReworkTrack")));
        QFile conf(config.filePath(QStringLiteral("ReworkTrack/ReworkTrack.conf")));
        QVERIFY(conf.open(QIODevice::WriteOnly | QIODevice::Truncate));
        if (!station.isEmpty())
            conf.write("[station]\nid=" + station.toUtf8() + "\n");
    }

    QJsonArray prints(const QString& subject)
    {
        t->reopen();
        return reworkctl(t->path(), {"--json", "label", "history", subject}).json().value("prints").toArray();
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
        t = std::make_unique<rework::test::TestDatabase>();
        for (int i = 1; i <= 9; ++i)
            units << t->testedUnit(QStringLiteral("CARDK000%1").arg(i), QStringLiteral("SB0000K00%1").arg(i));
    }

    void historyWithoutASerialSaysWhatToGive()
    {
        const Run none = reworkctl(t->path(), {"label", "history"});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains("give the serial or batch whose prints to show"), qPrintable(none.err));
        QVERIFY(!none.err.contains("unexpected arguments"));
        const Run two = reworkctl(t->path(), {"label", "history", units.at(0), units.at(1)});
        QCOMPARE(two.exitCode, 2);
        QVERIFY2(two.err.contains("give one serial or batch"), qPrintable(two.err));
        // A serial with no print at all (or mistyped): said, not an empty answer.
        const Run nothing = reworkctl(t->path(), {"label", "history", "NOSUCH123"});
        QCOMPARE(nothing.exitCode, 0);
        QVERIFY2(nothing.out.contains("no label of NOSUCH123 was ever printed here"),
                 qPrintable(nothing.out));
    }

    void copiesAndTheHistoryOfAPrint()
    {
        QTemporaryDir out;
        const QString zpl = out.filePath("u.zpl");
        const Run printed =
            reworkctl(t->path(), {"label", "unit-label", units.at(0), "--zpl", zpl, "--copies", "3",
                                  "--operator", "OP1", "--station", "PACK-1"});
        QCOMPARE(printed.exitCode, 0);
        QFile file(zpl);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().endsWith("^PQ3\n^XZ\n"));
        const QJsonArray history = prints(units.at(0));
        QCOMPARE(history.size(), 1);
        const QJsonObject p = history.first().toObject();
        QCOMPARE(p.value("copies").toInt(), 3);
        QCOMPARE(p.value("state").toString(), QStringLiteral("delivered"));
        QCOMPARE(p.value("station").toString(), QStringLiteral("PACK-1"));
        QCOMPARE(p.value("operator").toString(), QStringLiteral("OP1"));
        QCOMPARE(p.value("target").toString(), zpl);
        QVERIFY(!p.value("printed_at").toString().isEmpty());
        QVERIFY(!p.value("id").toString().isEmpty());
        // The text form says the same on one line.
        const Run text = reworkctl(t->path(), {"label", "history", units.at(0)});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("×3") && text.out.contains("PACK-1/OP1") && text.out.contains("delivered"),
                 qPrintable(text.out));
        // Bad copies: a usage error, nothing written.
        const QString before = rework::test::dumpFile(t->path());
        for (const char* bad : {"0", "100", "two"})
            QCOMPARE(reworkctl(t->path(), {"label", "unit-label", units.at(1), "--zpl", out.filePath("x.zpl"),
                                           "--copies", bad, "--operator", "OP1"})
                         .exitCode,
                     2);
        QCOMPARE(reworkctl(t->path(), {"label", "unit-label", units.at(1), "--zpl", out.filePath("x.zpl"),
                                       "--dpi", "250", "--operator", "OP1"})
                     .exitCode,
                 2);
        QCOMPARE(rework::test::dumpFile(t->path()), before);
        QVERIFY(!QFile::exists(out.filePath("x.zpl")));
    }

    /// --dpi 203 picks the template's variant drawn for 203 dpi stock, in that printer's dots, so
    /// it prints the same 70 × 40 mm.
    void dpiOfThePrinter()
    {
        QTemporaryDir out;
        const QString zpl = out.filePath("u203.zpl");
        const Run printed =
            reworkctl(t->path(), {"label", "unit-label", units.at(0), "--zpl", zpl, "--dpi", "203",
                                  "--reason", "a 203 dpi printer", "--operator", "OP1"});
        QCOMPARE(printed.exitCode, 0);
        QVERIFY2(printed.out.contains("laid out for 203 dpi (--dpi)"), qPrintable(printed.out));
        QFile file(zpl);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(bytes.contains("^PW559\n^LL320\n"), bytes.left(80).constData()); // 70 × 40 mm at 8 dots/mm
    }

    /// A Zebra with its paper out keeps the label queued, in plain words; it can be cancelled
    /// (audited, with a reason) and is then not sent by retry; the next print is a first print.
    void paperOutThenCancel()
    {
        FakeZebra zebra(FakeZebra::PaperOut);
        const Run sent = reworkctl(t->path(), {"label", "unit-label", units.at(1), "--send", zebra.target(),
                                               "--operator", "OP1", "--station", "PACK-1"});
        QCOMPARE(sent.exitCode, 1);
        QVERIFY2(sent.err.contains("reports: paper out") && sent.err.contains("stays queued"),
                 qPrintable(sent.err));
        QTRY_COMPARE(zebra.closed(), 2);
        QCOMPARE(zebra.received(), QByteArray("~HI~HS"));
        QJsonObject p = prints(units.at(1)).last().toObject();
        QCOMPARE(p.value("state").toString(), QStringLiteral("queued"));
        QVERIFY(p.value("detail").toString().contains("paper out"));
        const QString id = p.value("id").toString();

        // Refused cancels change nothing: no reason, no id, an unknown id.
        const QString before = rework::test::dumpFile(t->path());
        QCOMPARE(reworkctl(t->path(), {"label", "cancel", id, "--operator", "OP1"}).exitCode, 1);
        QCOMPARE(reworkctl(t->path(), {"label", "cancel", "--reason", "x", "--operator", "OP1"}).exitCode, 2);
        QCOMPARE(
            reworkctl(t->path(), {"label", "cancel", "nope", "--reason", "x", "--operator", "OP1"}).exitCode,
            1);
        QCOMPARE(rework::test::dumpFile(t->path()), before);
        // A wrong PIN is refused too (the failed login is audited, nothing else changes).
        QVERIFY(reworkctl(t->path(), {"label", "cancel", id, "--reason", "x", "--operator", "OP1"}, "9999")
                    .exitCode != 0);
        QCOMPARE(prints(units.at(1)).last().toObject().value("state").toString(), QStringLiteral("queued"));

        const Run cancelled = reworkctl(t->path(), {"--json", "label", "cancel", id, "--reason",
                                                    "printed at PACK-2 instead", "--operator", "OP1"});
        QCOMPARE(cancelled.exitCode, 0);
        QCOMPARE(cancelled.json().value("state").toString(), QStringLiteral("cancelled"));
        p = prints(units.at(1)).last().toObject();
        QCOMPARE(p.value("state").toString(), QStringLiteral("cancelled"));
        QCOMPARE(p.value("detail").toString(), QStringLiteral("printed at PACK-2 instead"));
        const Run retry = reworkctl(t->path(), {"--json", "label", "retry"});
        QCOMPARE(retry.exitCode, 0);
        QCOMPARE(retry.json().value("sent").toInt(), 0);
        QCOMPARE(retry.json().value("labels").toArray().size(), 0);
        // Nothing reached paper: the next print needs no reason.
        QTemporaryDir out;
        QCOMPARE(reworkctl(t->path(), {"label", "unit-label", units.at(1), "--pdf", out.filePath("u.pdf"),
                                       "--operator", "OP1"})
                     .exitCode,
                 0);
    }

    /// `label retry` reports every label: the one delivered and the one still kept, with why.
    void retryReportsEveryLabel()
    {
        FakeZebra ready(FakeZebra::HeadOpen), open(FakeZebra::HeadOpen);
        for (const auto& [unit, zebra] : {std::pair{units.at(2), &ready}, std::pair{units.at(3), &open}})
            QCOMPARE(reworkctl(t->path(),
                               {"label", "unit-label", unit, "--send", zebra->target(), "--operator", "OP1"})
                         .exitCode,
                     1);
        ready.setAnswer(FakeZebra::Ready);
        const Run retry = reworkctl(t->path(), {"--json", "label", "retry"});
        QCOMPARE(retry.exitCode, 1); // one is still not delivered
        QCOMPARE(retry.json().value("sent").toInt(), 1);
        QCOMPARE(retry.json().value("kept").toInt(), 1);
        QStringList seen;
        for (const auto& v : retry.json().value("labels").toArray()) {
            const QJsonObject o = v.toObject();
            seen << o.value("subject").toString() + ' ' + o.value("state").toString() + ' ' +
                        o.value("error").toObject().value("message").toString().section(';', 0, 0);
        }
        seen.sort();
        QCOMPARE(seen,
                 (QStringList{units.at(2) + " delivered ", units.at(3) + " queued the printer at " +
                                                               open.target() + " reports: print head open"}));
        // In text, one line for each label and a summary.
        open.setAnswer(FakeZebra::PaperOut);
        const Run text = reworkctl(t->path(), {"label", "retry"});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains(units.at(3)) && text.out.contains("paper out") &&
                     text.out.contains("still queued"),
                 qPrintable(text.out));
        open.setAnswer(FakeZebra::Ready);
        const Run done = reworkctl(t->path(), {"label", "retry"});
        QCOMPARE(done.exitCode, 0);
        QVERIFY2(done.out.contains(units.at(3)) && done.out.contains("delivered"), qPrintable(done.out));
        QCOMPARE(prints(units.at(3)).last().toObject().value("state").toString(),
                 QStringLiteral("delivered"));
    }

    /// A Zebra says its resolution: a 203 dpi one gets the 203 dpi variant, and the output says
    /// which resolution was used and why.
    void theZebraSaysItsResolution()
    {
        FakeZebra zebra(FakeZebra::Ready, 203);
        const Run sent = reworkctl(t->path(), {"--json", "label", "unit-label", units.at(4), "--send",
                                               zebra.target(), "--operator", "OP1", "--station", "PACK-1"});
        QCOMPARE(sent.exitCode, 0);
        QCOMPARE(sent.json().value("dpi").toInt(), 203);
        QCOMPARE(sent.json().value("dpi_from").toString(), QStringLiteral("printer"));
        QTRY_COMPARE(zebra.closed(), 2);
        QVERIFY(zebra.received().startsWith("~HI~HS^XA"));
        QVERIFY(zebra.received().contains("^PW559\n^LL320\n"));
    }

    /// A ZPL file that exists is never replaced without --force: refused with a clear message,
    /// a non-zero exit, the file and the database as they were. --force replaces an earlier label
    /// only: never the database, another kind of file, or an empty one.
    void zplNeverOverwritesWithoutForce()
    {
        QTemporaryDir out;
        const QString zpl = out.filePath("mine.zpl");
        const QByteArray earlier("^XA^FDsomeone else's label^FS^XZ\n");
        {
            QFile mine(zpl);
            QVERIFY(mine.open(QIODevice::WriteOnly));
            mine.write(earlier);
        }
        const QString notes = out.filePath("notes.txt");
        {
            QFile f(notes);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write("shift notes\n") > 0);
        }
        const QString empty = out.filePath("station.sqlite-wal");
        {
            QFile f(empty);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const QString dump = rework::test::dumpFile(t->path());
        for (const QString& other : {t->path(), notes, empty}) {
            const Run refused = reworkctl(t->path(), {"label", "unit-label", units.at(5), "--zpl", other,
                                                      "--force", "--operator", "OP1", "--station", "PACK-1"});
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains("is not a file of this kind"), qPrintable(refused.err));
        }
        {
            QFile f(t->path());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.read(16).startsWith("SQLite format 3")); // still the database
            QCOMPARE(rework::test::dumpFile(t->path()), dump);
            QFile n(notes);
            QVERIFY(n.open(QIODevice::ReadOnly));
            QCOMPARE(n.readAll(), QByteArray("shift notes\n"));
            QCOMPARE(QFileInfo(empty).size(), 0);
        }
        const QString before = rework::test::dumpFile(t->path());
        const Run refused = reworkctl(t->path(), {"label", "unit-label", units.at(5), "--zpl", zpl,
                                                  "--operator", "OP1", "--station", "PACK-1"});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains("already exists") && refused.err.contains("--force"),
                 qPrintable(refused.err));
        QCOMPARE(rework::test::dumpFile(t->path()), before);
        QFile mine(zpl);
        QVERIFY(mine.open(QIODevice::ReadOnly));
        QCOMPARE(mine.readAll(), earlier);
        mine.close();
        const Run forced = reworkctl(t->path(), {"label", "unit-label", units.at(5), "--zpl", zpl, "--force",
                                                 "--operator", "OP1", "--station", "PACK-1"});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY(mine.open(QIODevice::ReadOnly));
        QVERIFY(mine.readAll().startsWith("^XA"));
    }

    /// Without --station a print is logged at the station this PC is bound to; bound to none
    /// (or to a station this database does not know) it is SYSTEM, and the history says why.
    void printWithoutStationIsLoggedAtTheBoundStation()
    {
        QTemporaryDir out;
        bindStation(QStringLiteral("pack-1"));
        const Run bound = reworkctl(t->path(), {"label", "unit-label", units.at(6), "--zpl",
                                                out.filePath("b.zpl"), "--operator", "OP1"});
        QCOMPARE(bound.exitCode, 0);
        QVERIFY2(bound.out.contains("logged at station PACK-1"), qPrintable(bound.out));
        QJsonObject p = prints(units.at(6)).last().toObject();
        QCOMPARE(p.value("station").toString(), QStringLiteral("PACK-1"));
        QVERIFY(p.value("station_bound").toBool());

        for (const QString& station : {QString(), QStringLiteral("NO-SUCH-STATION")}) {
            bindStation(station);
            const QString unit = station.isEmpty() ? units.at(7) : units.at(8);
            const Run unbound = reworkctl(t->path(), {"label", "unit-label", unit, "--zpl",
                                                      out.filePath(unit + ".zpl"), "--operator", "OP1"});
            QCOMPARE(unbound.exitCode, 0);
            QVERIFY2(unbound.out.contains("no station is bound to this PC"), qPrintable(unbound.out));
            p = prints(unit).last().toObject();
            QCOMPARE(p.value("station").toString(), QStringLiteral("SYSTEM"));
            QVERIFY(!p.value("station_bound").toBool());
            const Run history = reworkctl(t->path(), {"label", "history", unit});
            QVERIFY2(history.out.contains("SYSTEM (no station bound to the PC)"), qPrintable(history.out));
        }
        bindStation(QString());
    }

    /// Only a delivered label makes the next print a reprint. A label sent but unconfirmed, or
    /// still queued, does not, but the history says it exists.
    void unconfirmedOrQueuedIsNoReprintButIsShown()
    {
        rework::test::TestDatabase own;
        const QString unit = own.testedUnit(QStringLiteral("CARDU0001"), QStringLiteral("SB0000U001"));
        own.reopen();
        FakeZebra silent(FakeZebra::Silent);
        const Run sent = reworkctl(own.path(), {"label", "unit-label", unit, "--send", silent.target(),
                                                "--operator", "OP1", "--station", "PACK-1"});
        QCOMPARE(sent.exitCode, 0);
        QVERIFY2(sent.out.contains("unconfirmed"), qPrintable(sent.out));
        FakeZebra paperOut(FakeZebra::PaperOut);
        // Not a reprint: no reason asked.
        const Run queued = reworkctl(own.path(), {"label", "unit-label", unit, "--send", paperOut.target(),
                                                  "--operator", "OP1", "--station", "PACK-1"});
        QCOMPARE(queued.exitCode, 1);
        QVERIFY2(queued.err.contains("paper out"), qPrintable(queued.err));
        const Run text = reworkctl(own.path(), {"label", "history", unit});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("1 print(s) sent but unconfirmed and 1 queued") &&
                     text.out.contains("no reprint"),
                 qPrintable(text.out));
        const Run json = reworkctl(own.path(), {"--json", "label", "history", unit});
        const QJsonArray outstanding = json.json().value("outstanding").toArray();
        QCOMPARE(outstanding.size(), 1);
        QCOMPARE(outstanding.first().toObject().value("unconfirmed").toInt(), 1);
        QCOMPARE(outstanding.first().toObject().value("queued").toInt(), 1);
        QVERIFY(!outstanding.first().toObject().value("next_is_reprint").toBool());
        QCOMPARE(json.json().value("prints").toArray().size(), 2);
        // A delivered one: the next needs a reason.
        QTemporaryDir out;
        const Run file =
            reworkctl(own.path(), {"--json", "label", "unit-label", unit, "--pdf", out.filePath("u.pdf"),
                                   "--operator", "OP1", "--station", "PACK-1"});
        QCOMPARE(file.exitCode, 0);
        QVERIFY(!file.json().value("reprint").toBool());
        const Run again = reworkctl(own.path(), {"label", "unit-label", unit, "--pdf", out.filePath("v.pdf"),
                                                 "--operator", "OP1", "--station", "PACK-1"});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("printed before"), qPrintable(again.err));
    }
};

QTEST_MAIN(TestLabelCli)
#include "TestLabelCli.moc"
