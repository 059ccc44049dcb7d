// The hostile corpus of the commands that look after the line rather than record work: operator
// and station ids with Unicode case expansions and look-alikes, names with line breaks, special
// files given to backup, restore and template publishing, dates in the future and a report
// typed over. Each is refused with a message, by the real reworkctl, and the database is
// byte-for-byte what it was; a refused backup leaves no file behind.

#include "Reworkctl.h"
#include "TestDatabase.h"
#include "domain/Step.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace rework;

class TestHostileCommands : public QObject
{
    Q_OBJECT

    QTemporaryDir m_files;

    /// The placeholders of a row: %DIR% (a folder of odd files), %ADM% (an admin), %DIE% (a
    /// stripped die), %UNIT% (an inspected unit), %REPORT% (its GPU's nvidia-smi report).
    QStringList expand(const QStringList& args, const QHash<QString, QString>& values) const
    {
        QStringList out;
        for (QString a : args) {
            for (auto it = values.begin(); it != values.end(); ++it)
                a.replace(it.key(), it.value());
            out << a;
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        const QDir dir(m_files.path());
        QVERIFY(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("fifo"))).constData(), 0600) == 0);
        QFile text(dir.filePath(QStringLiteral("text.txt")));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a database\n");
        text.close();
        QFile empty(dir.filePath(QStringLiteral("empty.sqlite")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), dir.filePath(QStringLiteral("link"))));
        QVERIFY(dir.mkdir(QStringLiteral("folder")));
        // A template whose image lies outside the data folder's labels/.
        QFile outside(dir.filePath(QStringLiteral("outside.json")));
        QVERIFY(outside.open(QIODevice::WriteOnly));
        outside.write(R"({"name": "outside", "kind": "die", "width_mm": 50, "height_mm": 30, "dpi": 300,
            "elements": [{"type": "image", "x_mm": 1, "y_mm": 1, "w_mm": 10, "h_mm": 10,
                          "file": "/etc/passwd"}]})");
        outside.close();
    }

    void refusedAndNothingChanges_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("words"); // in the English refusal
        const QStringList admin{"--operator", "%ADM%"};
        const auto add = [&](const char* name, const QStringList& args, const char* words) {
            QTest::newRow(name) << args << QString::fromUtf8(words);
        };
        // Ids: a case expansion (ß → SS, ﬁ → FI), a dotted capital, full-width and Cyrillic look-alikes.
        for (const char* id : {"opß1", "ﬁ1", "OPİ1", "ＯＰ９", "ОР9", "OP9\u200b", "OP 9", "OP9\x7f", ""}) {
            add(qPrintable(QStringLiteral("operator id %1").arg(QString::fromUtf8(id).toHtmlEscaped())),
                QStringList{"operator", "add", QString::fromUtf8(id), "--name", "Sun Li", "--role",
                            "operator", "--pin", "5678"} +
                    admin,
                "operator");
        }
        add("operator name with a line break",
            QStringList{"operator", "add", "OP9", "--name", "Sun\nLi", "--role", "operator", "--pin",
                        "5678"} +
                admin,
            "name");
        add("operator name 10k characters",
            QStringList{"operator", "add", "OP9", "--name", QString(10000, QLatin1Char('x')), "--role",
                        "operator", "--pin", "5678"} +
                admin,
            "name");
        add("role in capitals",
            QStringList{"operator", "add", "OP9", "--name", "Sun Li", "--role", "ADMIN", "--pin", "5678"} +
                admin,
            "not a role");
        add("full-width PIN",
            QStringList{"operator", "add", "OP9", "--name", "Sun Li", "--role", "operator", "--pin",
                        "５６７８"} +
                admin,
            "PIN");
        add("SYSTEM as an account",
            QStringList{"operator", "add", "SYSTEM", "--name", "x", "--role", "admin", "--pin", "5678"} +
                admin,
            "SYSTEM");
        add("SYSTEM made admin", QStringList{"operator", "role", "SYSTEM", "admin"} + admin, "SYSTEM");
        for (const char* id : {"strasse-ß", "ＳＴ-1", "TEST-1\n", "TÉST-1"}) {
            add(qPrintable(QStringLiteral("station id %1").arg(QString::fromUtf8(id).toHtmlEscaped())),
                QStringList{"station", "add", QString::fromUtf8(id), "--step", "test"} + admin, "station");
        }
        add("station step in capitals", QStringList{"station", "add", "TEST-9", "--step", "Test"} + admin,
            "not a station step");
        add("station name with a line break",
            QStringList{"station", "add", "TEST-9", "--step", "test", "--name", "bench\n2"} + admin, "name");
        // Backups replace nothing and write only regular files in writable folders.
        add("backup to /dev/null", {"backup", "--to", "/dev/null"}, "exists already");
        add("backup to a FIFO", {"backup", "--to", "%DIR%/fifo"}, "exists already");
        add("backup to a folder", {"backup", "--to", "%DIR%/folder"}, "exists already");
        add("backup over a file", {"backup", "--to", "%DIR%/text.txt"}, "exists already");
        add("backup over a link", {"backup", "--to", "%DIR%/link"}, "exists already");
        add("backup into no folder", {"backup", "--to", "/nonexistent/x.sqlite"}, "not a folder");
        add("backup into /proc", {"backup", "--to", "/proc/self/x.sqlite"}, "folder");
        // Restores take only a whole ReworkTrack database.
        add("restore /dev/null", {"restore", "/dev/null"}, "not a regular file");
        add("restore /dev/zero", {"restore", "/dev/zero"}, "not a regular file");
        add("restore a FIFO", {"restore", "%DIR%/fifo"}, "not a regular file");
        add("restore a folder", {"restore", "%DIR%/folder"}, "not a regular file");
        add("restore an empty file", {"restore", "%DIR%/empty.sqlite"}, "not a ReworkTrack database");
        add("restore a text file", {"restore", "%DIR%/text.txt"}, "not a ReworkTrack database");
        add("restore through a link", {"restore", "%DIR%/link"}, "not a ReworkTrack database");
        add("restore with force but no admin", {"restore", "%DIR%/text.txt", "--force", "--reason", "x"},
            "--operator");
        // Templates come from regular files and draw images only from labels/.
        add("publish /dev/zero", QStringList{"label", "publish", "/dev/zero"} + admin, "device");
        add("publish a FIFO", QStringList{"label", "publish", "%DIR%/fifo"} + admin, "FIFO");
        add("publish a text file", QStringList{"label", "publish", "%DIR%/text.txt"} + admin,
            "not a label template");
        add("publish an image from /etc", QStringList{"label", "publish", "%DIR%/outside.json"} + admin,
            "labels");
        // Work: times in the future, a report typed over.
        add("bake ending in 2099",
            {"record", "bake", "--station", "STRIP-1", "--operator", "OP1", "die=%DIE%", "hours=9",
             "end=2099-01-01T00:00:00Z"},
            "in the future");
        add("GPU UUID typed over the report",
            {"record", "test", "--station", "TEST-1", "--operator", "OP1", "unit=%UNIT%", "result=pass",
             "smi=%REPORT%", "gpu_uuid=GPU-00000000-0000-0000-0000-000000000999"},
            "report");
        add("PCIe generation typed over the report",
            {"record", "test", "--station", "TEST-1", "--operator", "OP1", "unit=%UNIT%", "result=pass",
             "smi=%REPORT%", "pcie_gen=5"},
            "report");
    }

    void refusedAndNothingChanges()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, words);
        test::TestDatabase t;
        const QString die = t.record(Step::Intake, {"card=ZT4090A710001", "model=RTX4090", "lot=LOT-H"}).ok()
                                ? t.record(Step::Strip, {"card=ZT4090A710001"}).value().createdId()
                                : QString();
        QVERIFY(!die.isEmpty());
        const QString unit = t.mountedUnit(QStringLiteral("ZT4090A710002"), QStringLiteral("SB00000712"));
        QVERIFY(t.record(Step::Inspect, {"unit=" + unit, "result=pass"}).ok());
        const QString report = QDir(t.folder()).filePath(QStringLiteral("report.xml"));
        QFile xml(report);
        QVERIFY(xml.open(QIODevice::WriteOnly));
        xml.write(test::TestDatabase::rigReport(test::TestDatabase::gpuUuid(71)));
        xml.close();
        const QHash<QString, QString> values{{QStringLiteral("%DIR%"), m_files.path()},
                                             {QStringLiteral("%ADM%"), t.admin()},
                                             {QStringLiteral("%DIE%"), die},
                                             {QStringLiteral("%UNIT%"), unit},
                                             {QStringLiteral("%REPORT%"), report}};
        const QStringList run = expand(args, values);
        const QStringList filesBefore = QDir(m_files.path()).entryList(QDir::AllEntries | QDir::System);
        const QString before = t.dump();
        const test::Run r = test::reworkctl(t.path(), run);
        QVERIFY2(r.exitCode == 1 || r.exitCode == 2, qPrintable(QStringLiteral("accepted: %1").arg(r.out)));
        QVERIFY2(r.err.contains(words, Qt::CaseInsensitive), qPrintable(r.err));
        t.reopen();
        QCOMPARE(t.dump(), before);
        QCOMPARE(QDir(m_files.path()).entryList(QDir::AllEntries | QDir::System), filesBefore);
        QVERIFY(!QFileInfo::exists(QStringLiteral("/nonexistent/x.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestHostileCommands)
#include "TestHostileCommands.moc"
