// Labels offered at the right moments on the station forms: after strip the die traveler goes
// to a (stand-in) Zebra with F9, a reprint asks why, the choice is remembered for the station,
// and a batch label can be written to PDF when the batch is closed.
#include "../labels/FakeZebra.h"
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "TcpListener.h"
#include "TestDatabase.h"
#include "common/ResultBanner.h"
#include "common/ScanConfirmDialog.h"
#include "labels/ZplWriter.h"
#include "login/LoginPage.h"
#include "printing/LabelPrintDialog.h"
#include "shell/MainWindow.h"
#include "stations/StepForm.h"
#include "storage/Sql.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

using namespace rework;

class TestLabelPrinting : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    std::unique_ptr<MainWindow> w;

    StepForm* form() const { return w->currentForm(); }
    void loginAt(const QString& station) { test::logInAt(*w, station); }
    LabelPrintDialog* openDialog()
    {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F9);
        LabelPrintDialog* d = w->findChild<LabelPrintDialog*>();
        return d && QTest::qWaitFor([d] { return d->isVisible(); }) ? d : nullptr;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a throw-away place
        QSettings().clear();
        t = std::make_unique<test::TestDatabase>();
        w = std::make_unique<MainWindow>(t->db(), t->recorder());
        w->show();
        QApplication::setActiveWindow(w.get());
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
    }

    void dieTravelerAfterStripToANetworkPrinter()
    {
        QVERIFY(t->record(Step::Intake, {"card=ZT4090A100001", "model=RTX4090", "lot=LOT-7"}).ok());
        loginAt(QStringLiteral("STRIP-1"));
        QCOMPARE(form()->step(), Step::Strip);
        QVERIFY(!form()->printButton()->isEnabled()); // nothing to label yet
        form()->field("card")->setFocus();
        test::scan(QStringLiteral("ZT4090A100001"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        const QString die =
            sql::scalar(t->db().connection(), QStringLiteral("SELECT id FROM dies")).value().toString();
        QVERIFY(form()->printButton()->isEnabled());
        QCOMPARE(form()->pendingLabel().second, die);

        test::FakeZebra zebra(test::FakeZebra::Ready, 203);
        LabelPrintDialog* d = openDialog();
        QVERIFY(d);
        QCOMPARE(d->templatePicker()->currentData().toString(), QStringLiteral("die-traveler"));
        d->destinationPicker()->setCurrentIndex(
            d->destinationPicker()->findData(LabelPrintDialog::zebraDestination()));
        QVERIFY(!d->reasonField()->isEnabled()); // a first print needs no reason
        // Typed, as an operator does: the printer is asked for its resolution and it is shown.
        QVERIFY(d->dpiLabel()->text().contains(QStringLiteral("asked")));
        QTest::keyClicks(d->targetField(), zebra.target());
        QCOMPARE(d->targetField()->text(), zebra.target());
        QTRY_VERIFY2(d->dpiLabel()->text().contains(QStringLiteral("203 dpi")),
                     qPrintable(d->dpiLabel()->text()));
        test::screenshot(d, QStringLiteral("label-dialog"));
        QTest::mouseClick(d->printButton(), Qt::LeftButton);
        // Its resolution, then the host status query and the label, laid out for 203 dpi.
        // A busy PC: the resolution and status queries are each a connection of their own.
        QTRY_VERIFY_WITH_TIMEOUT(zebra.received().contains("^XZ"), 15000);
        QVERIFY(zebra.received().contains("~HS^XA"));
        QVERIFY(zebra.received().contains("^PW480\n")); // 60 mm at 203 dpi
        QVERIFY(zebra.received().contains(die.toUtf8()));
        QTRY_VERIFY(!w->findChild<LabelPrintDialog*>());
        QVERIFY(form()->banner()->text().contains(die));

        // F9 again: the dialog remembers the Zebra, and this time asks why.
        d = openDialog();
        QVERIFY(d);
        QCOMPARE(d->destinationPicker()->currentData().toString(), LabelPrintDialog::zebraDestination());
        QCOMPARE(d->targetField()->text(), zebra.target());
        QVERIFY(d->reasonField()->isEnabled()); // delivered: this is a reprint
        QVERIFY(d->historyLabel()->text().contains(QStringLiteral("reprint")));
        QTest::mouseClick(d->printButton(), Qt::LeftButton);
        QVERIFY(d->isVisible());
        QVERIFY(!d->messageLabel()->text().isEmpty());
        QCOMPARE(zebra.received().count("^XA"), 1); // nothing sent without a reason
        d->reasonField()->setText(QStringLiteral("label fell off the tray"));
        QTest::mouseClick(d->printButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(zebra.received().count("^XZ"), 2, 15000);
        QCOMPARE(sql::scalar(t->db().connection(),
                             QStringLiteral("SELECT reason FROM label_prints WHERE reprint = 1"))
                     .value()
                     .toString(),
                 QStringLiteral("label fell off the tray"));
    }

    void scannedPrintCommandOpensTheDialog()
    {
        form()->field("card")->setFocus();
        test::scan(QStringLiteral("#PRINT"));
        LabelPrintDialog* d = w->findChild<LabelPrintDialog*>();
        QVERIFY(d);
        QTRY_VERIFY(d->isVisible());
        d->reject();
        QTRY_VERIFY(!w->findChild<LabelPrintDialog*>());
    }

    void aLabelThePrinterDidNotConfirmIsSaidSo()
    {
        // A Zebra that takes the label but never answers its status: the label went, but nobody
        // knows it came out, so the banner asks the operator to look instead of saying "printed".
        test::FakeZebra silent(test::FakeZebra::Silent);
        form()->field("card")->setFocus();
        LabelPrintDialog* d = openDialog();
        QVERIFY(d);
        d->destinationPicker()->setCurrentIndex(
            d->destinationPicker()->findData(LabelPrintDialog::zebraDestination()));
        d->targetField()->setText(silent.target());
        d->reasonField()->setText(QStringLiteral("printer swapped"));
        QTest::mouseClick(d->printButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w->findChild<LabelPrintDialog*>(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(silent.received().contains("^XZ"), 5000);
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(form()->banner()->text().contains(QStringLiteral("check that the label came out")),
                 qPrintable(form()->banner()->text()));
        QCOMPARE(sql::scalar(t->db().connection(),
                             QStringLiteral("SELECT d.state FROM label_prints p JOIN label_delivery d "
                                            "ON d.print_id = p.id WHERE p.reason = 'printer swapped'"))
                     .value()
                     .toString(),
                 QStringLiteral("sent_unconfirmed"));
    }

    void aPrinterThatDoesNotAnswerNeverHoldsTheWindow()
    {
        // A printer whose queue is full: the kernel takes no more connections, so a connect to it
        // hangs as to a Zebra that is switched off behind a switch.
        QTcpServer full;
        full.setListenBacklogSize(0);
        QVERIFY(full.listen(QHostAddress::LocalHost));
        full.pauseAccepting();
        QTcpSocket filler;
        filler.connectToHost(QHostAddress::LocalHost, full.serverPort());
        QVERIFY(filler.waitForConnected(2000));
        const auto queued = [this] {
            return sql::scalar(t->db().connection(), QStringLiteral("SELECT count(*) FROM label_queue"))
                .value()
                .toInt();
        };
        const int queuedBefore = queued();

        form()->field("card")->setFocus();
        LabelPrintDialog* d = openDialog();
        QVERIFY(d);
        d->destinationPicker()->setCurrentIndex(
            d->destinationPicker()->findData(LabelPrintDialog::zebraDestination()));
        d->targetField()->setText(QStringLiteral("127.0.0.1:%1").arg(full.serverPort()));
        d->reasonField()->setText(QStringLiteral("printer test"));
        QTest::mouseClick(d->printButton(), Qt::LeftButton);
        QVERIFY(d->isSending());
        QVERIFY(d->sendingBar()->isVisible());
        QVERIFY(!d->printButton()->isEnabled()); // one send at a time

        // The event loop goes on while the printer does not answer: a 20 ms timer ticks.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(20);
        QTest::qWait(1000);
        ticker.stop();
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks))); // 50 at most; none when blocked
        QVERIFY2(d->isSending(), qPrintable(d->messageLabel()->text()));

        // Cancel stops the send within moments; the label stays queued for a retry, said so.
        QElapsedTimer cancelled;
        cancelled.start();
        QTest::mouseClick(d->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!d->isSending());
        QVERIFY2(cancelled.elapsed() < 2000, qPrintable(QString::number(cancelled.elapsed())));
        QVERIFY(d->isVisible());
        QVERIFY(!d->sendingBar()->isVisible());
        QVERIFY(!d->messageLabel()->text().isEmpty());
        QVERIFY(d->printButton()->isEnabled());
        QCOMPARE(queued(), queuedBefore + 1);
        // Cancel again closes it, and the scanner's keys go to the form.
        QTest::mouseClick(d->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!w->findChild<LabelPrintDialog*>());
        QTRY_COMPARE(QApplication::focusWidget(), form()->firstField());
    }

    void batchLabelOnCloseToPdf()
    {
        QStringList units;
        for (int i = 1; i <= 2; ++i)
            units << t->testedUnit(QStringLiteral("ZT4090B10000%1").arg(i),
                                   QStringLiteral("SB00000B0%1").arg(i));
        for (const QString& u : units)
            QVERIFY(t->record(Step::Pack, {"unit=" + u, "batch=B-GUI-1"}).ok());
        loginAt(QStringLiteral("PACK-1"));
        QCOMPARE(form()->step(), Step::Pack);
        form()->setValue(QStringLiteral("batch"), QStringLiteral("B-GUI-1"));
        // the confirmation, answered as the operator does
        QTimer::singleShot(0, this, [] {
            auto* ask = qobject_cast<ScanConfirmDialog*>(QApplication::activeModalWidget());
            QVERIFY(ask);
            QTest::mouseClick(ask->findChild<QPushButton*>(QStringLiteral("confirmClose")), Qt::LeftButton);
        });
        QTest::mouseClick(form()->closeBatchButton(), Qt::LeftButton);
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QTRY_VERIFY(QApplication::focusWidget()); // the station window has the keys again
        QCOMPARE(form()->pendingLabel().second, QStringLiteral("B-GUI-1"));
        QTemporaryDir out;
        const QString pdf = out.filePath(QStringLiteral("batch.pdf"));
        LabelPrintDialog* d = openDialog();
        QVERIFY(d);
        QCOMPARE(d->templatePicker()->currentData().toString(), QStringLiteral("batch-label"));
        d->destinationPicker()->setCurrentIndex(
            d->destinationPicker()->findData(LabelPrintDialog::pdfDestination()));
        d->targetField()->setText(pdf);
        QTest::mouseClick(d->printButton(), Qt::LeftButton);
        QTRY_VERIFY(QFile(pdf).size() > 1000);
        QCOMPARE(sql::scalar(t->db().connection(),
                             QStringLiteral("SELECT count(*) FROM label_prints WHERE subject = 'B-GUI-1'"))
                     .value()
                     .toInt(),
                 1);
    }
    void onDemandFromTheTrace()
    {
        const QString unit =
            sql::scalar(t->db().connection(), QStringLiteral("SELECT serial FROM units LIMIT 1"))
                .value()
                .toString();
        w->tabs()->setCurrentIndex(1);
        w->traceField()->setFocus();
        test::scan(QStringLiteral("ZT4090A100001")); // a card: no label of its own
        QVERIFY(!w->traceLabelButton()->isEnabled());
        test::scan(unit);
        QVERIFY(w->traceLabelButton()->isEnabled());
        QTest::mouseClick(w->traceLabelButton(), Qt::LeftButton);
        LabelPrintDialog* d = w->findChild<LabelPrintDialog*>();
        QVERIFY(d);
        QCOMPARE(d->templatePicker()->currentData().toString(), QStringLiteral("unit-label"));
        d->reject();

        // A unit only mounted has no unit label yet: the dialog offers its traveler instead.
        const QString mounted = t->mountedUnit(QStringLiteral("ZT4090A199999"), QStringLiteral("SB00199999"));
        LabelPrintDialog traveler({t->db().connection(), t->folder(), QStringLiteral("MOUNT-1"),
                                   QStringLiteral("OP1"), t->clock().now()},
                                  LabelTemplate::Kind::Unit, mounted);
        QCOMPARE(traveler.templatePicker()->currentData().toString(), QStringLiteral("unit-traveler"));
    }

    /// The dialog asks the core whether a print is a reprint (only a delivered label makes one):
    /// a label sent but unconfirmed, or still queued, asks no reason, and the dialog says it exists.
    void unconfirmedOrQueuedPrintIsShownButIsNoReprint()
    {
        const QString unit = t->testedUnit(QStringLiteral("ZT4090A177777"), QStringLiteral("SB00177777"));
        const LabelPrintDialog::Context context{t->db().connection(), t->folder(), QStringLiteral("PACK-1"),
                                                QStringLiteral("OP1"), t->clock().now()};
        const auto printTo = [&](const QString& target) {
            auto d = std::make_unique<LabelPrintDialog>(context, LabelTemplate::Kind::Unit, unit);
            d->show();
            d->templatePicker()->setCurrentIndex(d->templatePicker()->findData(QStringLiteral("unit-label")));
            d->destinationPicker()->setCurrentIndex(
                d->destinationPicker()->findData(LabelPrintDialog::zebraDestination()));
            d->targetField()->setText(target);
            QTest::mouseClick(d->printButton(), Qt::LeftButton);
            [&] { QTRY_VERIFY_WITH_TIMEOUT(!d->isSending(), 15000); }();
            return d;
        };
        test::FakeZebra silent(test::FakeZebra::Silent);
        auto sent = printTo(silent.target());
        QCOMPARE(sent->result(), int(QDialog::Accepted)); // sent, unconfirmed

        auto d = std::make_unique<LabelPrintDialog>(context, LabelTemplate::Kind::Unit, unit);
        d->templatePicker()->setCurrentIndex(d->templatePicker()->findData(QStringLiteral("unit-label")));
        QVERIFY(!d->reasonField()->isEnabled());
        QVERIFY2(d->historyLabel()->text().contains(QStringLiteral("First print")) &&
                     d->historyLabel()->text().contains(QStringLiteral("1 print(s) sent but not confirmed")),
                 qPrintable(d->historyLabel()->text()));

        test::FakeZebra paperOut(test::FakeZebra::PaperOut);
        auto queued = printTo(paperOut.target());
        QVERIFY(queued->isVisible()); // kept open, saying why
        QVERIFY2(queued->messageLabel()->text().contains(QStringLiteral("paper out")),
                 qPrintable(queued->messageLabel()->text()));
        QVERIFY(!queued->reasonField()->isEnabled()); // still no reprint
        QVERIFY2(queued->historyLabel()->text().contains(QStringLiteral("1 print(s) still queued")),
                 qPrintable(queued->historyLabel()->text()));

        // Delivered: now a reprint, and it asks why.
        test::FakeZebra ready(test::FakeZebra::Ready);
        auto delivered = printTo(ready.target());
        QCOMPARE(delivered->result(), int(QDialog::Accepted));
        d = std::make_unique<LabelPrintDialog>(context, LabelTemplate::Kind::Unit, unit);
        d->templatePicker()->setCurrentIndex(d->templatePicker()->findData(QStringLiteral("unit-label")));
        QVERIFY(d->reasonField()->isEnabled());
        QVERIFY(d->historyLabel()->text().contains(QStringLiteral("reprint")));
    }
};

QTEST_MAIN(TestLabelPrinting)
#include "TestLabelPrinting.moc"
