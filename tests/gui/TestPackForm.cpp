// The pack form driven like a scanner: the carton's count and capacity, the #CLOSE command with
// its confirmation, a batch label that selects its batch, and defect codes at their own station.
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "TestDatabase.h"
#include "common/ResultBanner.h"
#include "common/ScanConfirmDialog.h"
#include "shell/MainWindow.h"
#include "stations/StepForm.h"
#include "storage/ConfigStore.h"
#include "storage/Sql.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <functional>

using namespace rework;

class TestPackForm : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    std::unique_ptr<MainWindow> w;

    QString value(const QString& statement)
    {
        auto v = sql::scalar(t->db().connection(), statement);
        return v.ok() ? v.value().toString() : QString();
    }
    QWidget* focused() const { return QApplication::focusWidget(); }
    StepForm* form() const { return w->currentForm(); }
    void loginAt(const QString& station)
    {
        test::logInAt(*w, station);
        QVERIFY(!w->loginPage()->isVisible());
    }
    /// Answers the next modal dialog once it is up; `seen` gets its text.
    static void whenDialogOpens(const QString& button, QString* seen = nullptr)
    {
        auto* poll = new QTimer;
        QObject::connect(poll, &QTimer::timeout, poll, [poll, button, seen] {
            QWidget* dialog = QApplication::activeModalWidget();
            if (!dialog)
                return;
            poll->stop();
            poll->deleteLater();
            if (seen)
                *seen = qobject_cast<ScanConfirmDialog*>(dialog)
                            ? qobject_cast<ScanConfirmDialog*>(dialog)->message()
                            : QString();
            for (QAbstractButton* b : dialog->findChildren<QAbstractButton*>()) {
                if (b->text().remove(QLatin1Char('&')).contains(button)) {
                    QTest::mouseClick(b, Qt::LeftButton);
                    return;
                }
            }
            if (auto* d = qobject_cast<QDialog*>(dialog))
                d->reject();
            QFAIL(qPrintable(QStringLiteral("no button %1").arg(button)));
        });
        poll->start(20);
    }
    /// Answers the next confirmation as a scanner would: types each of `scans` into it with Enter.
    /// `stillAsking` gets whether the dialog was still open after all but the last.
    static void whenConfirmationOpens(const QStringList& scans, bool* stillAsking = nullptr)
    {
        auto* poll = new QTimer;
        QObject::connect(poll, &QTimer::timeout, poll, [poll, scans, stillAsking] {
            auto* dialog = qobject_cast<ScanConfirmDialog*>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll->stop();
            poll->deleteLater();
            for (qsizetype i = 0; i < scans.size(); ++i) {
                if (i == scans.size() - 1 && stillAsking)
                    *stillAsking = dialog->isVisible();
                QTest::keyClicks(dialog->scanField(), scans.at(i));
                QTest::keyClick(dialog->scanField(), Qt::Key_Return);
            }
        });
        poll->start(20);
    }
    /// Packs `units` into `batch` with the scanner and returns them.
    QStringList packed(int units, const QString& batch)
    {
        QStringList serials;
        for (int i = 0; i < units; ++i) {
            const QString unit = t->testedUnit(QStringLiteral("ZT4090A12345%1").arg(i),
                                               QStringLiteral("SB0000000%1").arg(i + 1));
            form()->field(QStringLiteral("unit"))->setFocus();
            test::scan(unit);
            if (form()->value(QStringLiteral("batch")).isEmpty())
                test::scan(batch);
            else
                test::saveShortcut();
            serials << unit;
        }
        return serials;
    }

private slots:
    void init()
    {
        t = std::make_unique<test::TestDatabase>();
        w = std::make_unique<MainWindow>(t->db(), t->recorder());
        test::showAndActivate(*w);
    }
    void cleanup()
    {
        w.reset();
        t.reset();
    }

    void cartonShowsItsCountAndCapacity()
    {
        QVERIFY(ConfigStore(t->db().connection())
                    .setConfigValue(QStringLiteral("pack.carton_capacity"), QStringLiteral("2"), t->admin(),
                                    QStringLiteral("PACK-1"))
                    .ok());
        QVERIFY(t->recorder().reloadConfig().ok()); // as the settings dialog does after a change
        loginAt(QStringLiteral("PACK-1"));
        QLabel* carton = form()->cartonLabel();
        QVERIFY(carton->isVisible());
        QVERIFY2(carton->text().contains(QStringLiteral("No carton open")), qPrintable(carton->text()));
        packed(1, QStringLiteral("B2611-001"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY2(carton->text().contains(QStringLiteral("B2611-001: 1 of 2 packed")),
                 qPrintable(carton->text()));
        const QString second = t->testedUnit(QStringLiteral("ZT4090A223456"), QStringLiteral("SB00000009"));
        form()->field(QStringLiteral("unit"))->setFocus();
        test::scan(second);
        test::saveShortcut();
        QVERIFY2(carton->text().contains(QStringLiteral("2 of 2 packed, full")), qPrintable(carton->text()));
    }

    void closeCommandAsksBeforeClosing()
    {
        loginAt(QStringLiteral("PACK-1"));
        packed(2, QStringLiteral("B2611-002"));
        QCOMPARE(focused(), form()->field(QStringLiteral("unit")));
        // Cancel: nothing changes, the cursor is back where the next scan goes.
        const QString before = t->dump();
        whenDialogOpens(QStringLiteral("Cancel"));
        test::scan(QStringLiteral("#CLOSE"));
        QCOMPARE(t->dump(), before);
        QCOMPARE(value("SELECT state FROM batches WHERE id = 'B2611-002'"), QStringLiteral("open"));
        QTRY_COMPARE(focused(), form()->field(QStringLiteral("unit")));
        QCOMPARE(qobject_cast<QLineEdit*>(focused())->text(), QString()); // the command is no value
        // Confirmed: closed, said so with its count, the batch label offered.
        QString asked;
        whenDialogOpens(QStringLiteral("Close batch B2611-002"), &asked);
        test::scan(QStringLiteral("#close"));
        QVERIFY2(asked.contains(QStringLiteral("2 of 10")), qPrintable(asked));
        QCOMPARE(value("SELECT state FROM batches WHERE id = 'B2611-002'"), QStringLiteral("closed"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY(form()->banner()->text().contains(QStringLiteral("2 units")));
        QVERIFY(form()->printButton()->isEnabled());
        QCOMPARE(form()->value(QStringLiteral("batch")), QString());
        QTRY_COMPARE(focused(), form()->field(QStringLiteral("unit")));
    }

    /// A full carton takes no further unit: the core refuses it with the reason and records
    /// nothing, whatever the form shows.
    void fullCartonRefusesTheNextUnit()
    {
        QVERIFY(ConfigStore(t->db().connection())
                    .setConfigValue(QStringLiteral("pack.carton_capacity"), QStringLiteral("2"), t->admin(),
                                    QStringLiteral("PACK-1"))
                    .ok());
        QVERIFY(t->recorder().reloadConfig().ok());
        loginAt(QStringLiteral("PACK-1"));
        packed(2, QStringLiteral("B2611-004"));
        QCOMPARE(value("SELECT count(*) FROM units WHERE batch_id = 'B2611-004'"), QStringLiteral("2"));
        const QString third = t->testedUnit(QStringLiteral("ZT4090A323456"), QStringLiteral("SB00000019"));
        const QString before = t->dump();
        form()->field(QStringLiteral("unit"))->setFocus();
        test::scan(third);
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(form()->banner()->text().contains(QStringLiteral("full (2 of 2 units)")),
                 qPrintable(form()->banner()->text()));
        QCOMPARE(t->dump(), before);
        // its label scanned again: selected, and said to be full
        qobject_cast<QLineEdit*>(form()->field(QStringLiteral("unit")))->clear();
        form()->field(QStringLiteral("unit"))->setFocus();
        test::scan(QStringLiteral("B2611-004"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(form()->banner()->text().contains(QStringLiteral("full")),
                 qPrintable(form()->banner()->text()));
        QCOMPARE(t->dump(), before);
    }

    /// A new batch id scanned where the unit goes names the carton to open; it is no unit.
    void newBatchIdAtTheUnitFieldSelectsIt()
    {
        loginAt(QStringLiteral("PACK-1"));
        const QString before = t->dump();
        form()->field(QStringLiteral("unit"))->setFocus();
        test::scan(QStringLiteral("b2611-777"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY2(form()->banner()->text().contains(QStringLiteral("New batch B2611-777")),
                 qPrintable(form()->banner()->text()));
        QCOMPARE(form()->value(QStringLiteral("batch")), QStringLiteral("B2611-777"));
        QCOMPARE(form()->value(QStringLiteral("unit")), QString());
        QCOMPARE(focused(), form()->field(QStringLiteral("unit")));
        QCOMPARE(t->dump(), before);
        // an unknown serial in no batch format is still a unit: refused as one
        test::scan(QStringLiteral("U0000000000ZZ"));
        test::saveShortcut();
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QCOMPARE(form()->value(QStringLiteral("batch")), QStringLiteral("B2611-777"));
        QCOMPARE(t->dump(), before);
    }

    /// The confirmation is answered with the scanner: Enter alone and another barcode confirm
    /// nothing; #CLOSE scanned again closes.
    void closeIsConfirmedByScanningItAgain()
    {
        loginAt(QStringLiteral("PACK-1"));
        packed(1, QStringLiteral("B2611-005"));
        bool stillAsking = false;
        whenConfirmationOpens(
            {QString(), QStringLiteral("#SAVE"), QStringLiteral("B2611-005"), QStringLiteral("#close")},
            &stillAsking);
        test::scan(QStringLiteral("#CLOSE"));
        QVERIFY(stillAsking);
        QCOMPARE(value("SELECT state FROM batches WHERE id = 'B2611-005'"), QStringLiteral("closed"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QTRY_COMPARE(focused(), form()->field(QStringLiteral("unit")));
    }

    /// The batch stays for the next unit; scanned again where the cursor lands, it replaces the
    /// field's text, never runs on after it (no carton "B…B…" opened by a second scan).
    void aRescannedBatchReplacesTheKeptOne()
    {
        loginAt(QStringLiteral("PACK-1"));
        packed(1, QStringLiteral("B2611-006"));
        QCOMPARE(form()->value(QStringLiteral("batch")), QStringLiteral("B2611-006"));
        const QString next = t->testedUnit(QStringLiteral("ZT4090A623456"), QStringLiteral("SB00000029"));
        form()->field(QStringLiteral("unit"))->setFocus();
        test::scan(next); // Enter: on to the batch field, which still holds the carton
        QCOMPARE(focused(), form()->field(QStringLiteral("batch")));
        test::scan(QStringLiteral("B2611-006")); // the last field: saved
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QCOMPARE(value("SELECT count(*) FROM units WHERE batch_id = 'B2611-006'"), QStringLiteral("2"));
        QCOMPARE(value("SELECT count(*) FROM batches"), QStringLiteral("1"));
    }

    void closeCommandWithoutABatchNamesTheField()
    {
        loginAt(QStringLiteral("PACK-1"));
        const QString before = t->dump();
        form()->field(QStringLiteral("unit"))->setFocus();
        test::scan(QStringLiteral("#CLOSE"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(form()->banner()->text().startsWith(QStringLiteral("✖ Batch id")),
                 qPrintable(form()->banner()->text()));
        QCOMPARE(focused(), form()->field(QStringLiteral("batch")));
        QCOMPARE(t->dump(), before);
    }

    void closeCommandElsewhereIsRefused()
    {
        loginAt(QStringLiteral("TEST-1"));
        const QString before = t->dump();
        test::scan(QStringLiteral("#CLOSE"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(form()->banner()->text().contains(QStringLiteral("pack station")),
                 qPrintable(form()->banner()->text()));
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(t->dump(), before);
    }

    void batchLabelSelectsItsBatch()
    {
        loginAt(QStringLiteral("PACK-1"));
        packed(1, QStringLiteral("B2611-003"));
        form()->setValue(QStringLiteral("batch"), QString());
        const QString before = t->dump();
        form()->field(QStringLiteral("unit"))->setFocus();
        test::scan(QStringLiteral("b2611-003"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QVERIFY(!form()->banner()->text().contains(QStringLiteral("required")));
        QCOMPARE(form()->value(QStringLiteral("batch")), QStringLiteral("B2611-003"));
        QVERIFY2(form()->cartonLabel()->text().contains(QStringLiteral("1 of 10")),
                 qPrintable(form()->cartonLabel()->text()));
        QCOMPARE(focused(), form()->field(QStringLiteral("unit")));
        QCOMPARE(t->dump(), before);

        // a closed batch's label: selected, and said to take no more units
        whenDialogOpens(QStringLiteral("Close batch B2611-003"));
        test::scan(QStringLiteral("#CLOSE"));
        QCOMPARE(value("SELECT state FROM batches WHERE id = 'B2611-003'"), QStringLiteral("closed"));
        QTRY_COMPARE(focused(), form()->field(QStringLiteral("unit")));
        test::scan(QStringLiteral("B2611-003"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY2(form()->banner()->text().contains(QStringLiteral("closed")),
                 qPrintable(form()->banner()->text()));
        QCOMPARE(form()->value(QStringLiteral("unit")), QString());
    }

    /// #19: a defect code of intake, strip or reball works at its own station: it scraps the item
    /// in hand after a confirmation; a code of another step is refused there.
    void defectCommandAtItsOwnStation()
    {
        QVERIFY(t->record(Step::Intake, {QStringLiteral("card=ZT4090A123456"),
                                         QStringLiteral("model=RTX4090"), QStringLiteral("lot=LOT-1")})
                    .ok());
        loginAt(QStringLiteral("STRIP-1"));
        const QString before = t->dump();
        // another step's code: refused, no question asked
        test::scan(QStringLiteral("ZT4090A123456"));
        test::scan(QStringLiteral("#DEFECT:VOIDS"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY(form()->banner()->text().contains(QStringLiteral("does not belong")));
        QCOMPARE(t->dump(), before);
        // its own code, cancelled: nothing changes
        whenDialogOpens(QStringLiteral("Cancel"));
        test::scan(QStringLiteral("#DEFECT:PADS_LIFTED"));
        QCOMPARE(t->dump(), before);
        QCOMPARE(value("SELECT state FROM cards WHERE serial = 'ZT4090A123456'"), QStringLiteral("received"));
        // confirmed: scrapped with that defect
        QString asked;
        whenDialogOpens(QStringLiteral("Scrap ZT4090A123456"), &asked);
        QTRY_VERIFY(focused());
        test::scan(QStringLiteral("#DEFECT:PADS_LIFTED"));
        QVERIFY2(asked.contains(QStringLiteral("PADS_LIFTED")), qPrintable(asked));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Success);
        QCOMPARE(value("SELECT state FROM cards WHERE serial = 'ZT4090A123456'"), QStringLiteral("scrapped"));
        QCOMPARE(value("SELECT json_extract(payload, '$.defect') FROM events WHERE step = 'scrap'"),
                 QStringLiteral("PADS_LIFTED"));
        // with no item in the form the field is named, nothing asked
        const QString after = t->dump();
        QTRY_VERIFY(focused());
        form()->clear();
        test::scan(QStringLiteral("#DEFECT:PADS_LIFTED"));
        QCOMPARE(form()->banner()->kind(), ResultBanner::Kind::Failure);
        QVERIFY(!QApplication::activeModalWidget());
        QCOMPARE(focused(), form()->firstField());
        QCOMPARE(t->dump(), after);
    }
};

QTEST_MAIN(TestPackForm)
#include "TestPackForm.moc"
