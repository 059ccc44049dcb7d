// The hostile-scan corpus (tests/corpus/hostile-scans.txt: SQL injection, format strings, very
// long strings, NUL and control characters, mixed scripts and right-to-left text, malformed
// barcodes and command codes) sent through the CLI and through the station's scan fields: every
// one gets a clear refusal and the database does not change.
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "TestDatabase.h"
#include "common/ResultBanner.h"
#include "login/LoginPage.h"
#include "shell/MainWindow.h"
#include "stations/StepForm.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace rework;

namespace {

QStringList corpus()
{
    QFile f(QStringLiteral(REWORK_SOURCE_DIR "/tests/corpus/hostile-scans.txt"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList out;
    static const QRegularExpression escape(QStringLiteral("\\\\x([0-9a-fA-F]{2})"));
    for (const QString& line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        QString decoded;
        qsizetype last = 0;
        for (auto it = escape.globalMatch(line); it.hasNext();) {
            const auto m = it.next();
            decoded += line.mid(last, m.capturedStart() - last) + QChar(m.captured(1).toInt(nullptr, 16));
            last = m.capturedEnd();
        }
        out << decoded + line.mid(last);
    }
    return out;
}

} // namespace

class TestHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void theCorpusIsLargeEnough() { QVERIFY(corpus().size() >= 200); }

    void throughTheCommandLine()
    {
        test::TestDatabase t;
        t.mountedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        const QString path = t.path();
        const QString before = t.dump();
        int tried = 0;
        for (const QString& input : corpus()) {
            // NUL cannot travel in a process argument, a leading dash is an option, not data, and
            // a leading byte-order mark is dropped when the program decodes its arguments.
            if (input.contains(QChar(0)) || input.startsWith(QLatin1Char('-')) ||
                input.startsWith(QChar(0xFEFF)))
                continue;
            for (const QStringList& args :
                 {QStringList{"record", "intake", "--station", "INTAKE-1", "--operator", "OP1",
                              "card=" + input, "model=RTX4090", "lot=LOT-1"},
                  QStringList{"record", "strip", "--station", "STRIP-1", "--operator", "OP1",
                              "card=" + input},
                  QStringList{"trace", input}}) {
                QProcess p;
                // With OP1's PIN, so that the input itself is refused, not the missing proof.
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                env.insert(QStringLiteral("REWORKTRACK_PIN"), QStringLiteral("1234"));
                p.setProcessEnvironment(env);
                p.start(QStringLiteral(REWORKCTL_PATH), QStringList{"--db", path} + args);
                QVERIFY(p.waitForFinished(30000));
                QVERIFY2(p.exitCode() == 1 || p.exitCode() == 2,
                         qPrintable(QStringLiteral("%1 accepted %2").arg(args.first(), input.left(60))));
                QVERIFY2(!p.readAllStandardError().trimmed().isEmpty(), qPrintable(input.left(60)));
            }
            ++tried;
        }
        QVERIFY(tried >= 190);
        t.reopen();
        QCOMPARE(t.dump(), before);
    }

    void throughTheScanFields()
    {
        test::TestDatabase t;
        t.mountedUnit(QStringLiteral("ZT4090A123456"), QStringLiteral("SB00000001"));
        MainWindow w(t.db(), t.recorder());
        w.show();
        QApplication::setActiveWindow(&w);
        QVERIFY(QTest::qWaitForWindowActive(&w));
        test::logInAt(w, QStringLiteral("INTAKE-1"));
        StepForm* form = w.currentForm();
        QCOMPARE(form->step(), Step::Intake);
        const QString before = t.dump();
        const QStringList inputs = corpus();
        // The intake form's card field, as a keyboard-wedge scanner delivers it: the whole text,
        // then Enter; then save.
        auto* card = qobject_cast<QLineEdit*>(form->field(QStringLiteral("card")));
        QVERIFY(card);
        for (const QString& input : inputs) {
            card->setFocus();
            card->setText(input);
            QTest::keyClick(card, Qt::Key_Return);
            form->setValue(QStringLiteral("model"), QStringLiteral("RTX4090"));
            form->setValue(QStringLiteral("lot"), QStringLiteral("LOT-1"));
            form->save();
            QVERIFY2(form->banner()->kind() == ResultBanner::Kind::Failure, qPrintable(input.left(60)));
            QVERIFY(!form->banner()->text().isEmpty());
            form->clear();
        }
        QCOMPARE(t.dump(), before);
        // The trace field: a refusal or a lookup, never a change.
        w.tabs()->setCurrentIndex(1);
        for (const QString& input : inputs) {
            w.traceField()->setText(input);
            QTest::keyClick(w.traceField(), Qt::Key_Return);
        }
        QCOMPARE(t.dump(), before);
        // "Scan anything": it may open the next step's form for a known item, never record.
        w.tabs()->setCurrentIndex(0);
        for (const QString& input : inputs) {
            w.scanAnythingField()->setFocus();
            w.scanAnythingField()->setText(input);
            QTest::keyClick(w.scanAnythingField(), Qt::Key_Return);
            QVERIFY(w.currentForm());
        }
        QCOMPARE(t.dump(), before);
    }
};

QTEST_MAIN(TestHostileInput)
#include "TestHostileInput.moc"
