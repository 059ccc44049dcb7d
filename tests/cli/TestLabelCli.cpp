// `reworkctl label` as a script uses it: copies, the print history with each label's state, a
// Zebra that reports paper out or a head open, cancelling a queued label, and retry reporting
// every label. The real executable on a real database file; fake Zebras on 127.0.0.1.
#include "../labels/FakeZebra.h"
#include "Reworkctl.h"
#include "TestDatabase.h"

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

    QJsonArray prints(const QString& subject)
    {
        t->reopen();
        return reworkctl(t->path(), {"--json", "label", "history", subject}).json().value("prints").toArray();
    }

private slots:
    void initTestCase()
    {
        t = std::make_unique<rework::test::TestDatabase>();
        for (int i = 1; i <= 4; ++i)
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

    /// The shipped templates are drawn for 300 dpi stock; --dpi 203 lays one out in a 203 dpi
    /// printer's dots, so it prints the same 70 × 40 mm.
    void dpiOfThePrinter()
    {
        QTemporaryDir out;
        const QString zpl = out.filePath("u203.zpl");
        const Run printed =
            reworkctl(t->path(), {"label", "unit-label", units.at(0), "--zpl", zpl, "--dpi", "203",
                                  "--reason", "a 203 dpi printer", "--operator", "OP1"});
        QCOMPARE(printed.exitCode, 0);
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
        QTRY_COMPARE(zebra.closed(), 1);
        QCOMPARE(zebra.received(), QByteArray("~HS"));
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
};

QTEST_MAIN(TestLabelCli)
#include "TestLabelCli.moc"
