// A supervisor closes a conflict between stations from the dashboard's anomaly list: the Resolve
// action (supervisors only), the dialog with both records, a refusal in plain words, the voids
// that follow, the audit entry, and the list showing the conflict as resolved.
#include "GuiDriver.h"
#include "TestDatabase.h"
#include "dashboard/AnomalyModel.h"
#include "dashboard/ConflictDialog.h"
#include "dashboard/DashboardPage.h"
#include "login/LoginPage.h"
#include "shell/MainWindow.h"
#include "storage/Sql.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>

using namespace rework;

class TestConflicts : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    std::unique_ptr<MainWindow> w;
    QString unit, die, mountId;
    const QString otherId = QStringLiteral("0190aaaa-bbbb-7ccc-8ddd-eeeeffff0001");

    void login(const QString& op)
    {
        w->logout();
        LoginPage* page = w->loginPage();
        page->stationPicker()->setCurrentIndex(page->stationPicker()->findData(QStringLiteral("MOUNT-1")));
        page->operatorField()->setFocus();
        test::scan(op);
        test::scan(QStringLiteral("1234"));
    }

    QVariant scalar(const QString& statement, const QVariantList& values = {})
    {
        return sql::scalar(t->db().connection(), statement, values).value();
    }

    /// Shows the dashboard's anomaly list, refreshed, with the conflict's line selected.
    void selectConflict()
    {
        DashboardPage* d = w->dashboard();
        QSignalSpy refreshed(d, &DashboardPage::refreshed);
        // The dashboard scrolls inside its tab: the tab's page is the one that holds it.
        for (int i = 0; i < w->tabs()->count(); ++i) {
            if (w->tabs()->widget(i)->isAncestorOf(d))
                w->tabs()->setCurrentIndex(i);
        }
        d->refresh();
        QVERIFY(refreshed.wait(20000) || !refreshed.isEmpty());
        QTabWidget* tabs = d->findChild<QTabWidget*>();
        tabs->setCurrentWidget(d->anomalyView());
        int row = -1;
        for (int i = 0; i < d->anomalyModel()->rowCount(); ++i) {
            if (d->anomalyModel()->rowAt(i).conflict == 7)
                row = i;
        }
        QVERIFY(row >= 0);
        d->anomalyView()->selectRow(row);
    }

private slots:
    void initTestCase()
    {
        t = std::make_unique<test::TestDatabase>();
        // A die mounted here, inspected and tested on top; the server says another station mounted
        // it too (its record has not come down yet).
        unit = t->testedUnit(QStringLiteral("CARDC0001"), QStringLiteral("BRDC0001"));
        die = scalar(QStringLiteral("SELECT die_id FROM units WHERE serial = ?"), {unit}).toString();
        mountId = scalar(QStringLiteral("SELECT id FROM events WHERE step = 'mount' AND subject = ?"), {die})
                      .toString();
        if (mountId.isEmpty())
            mountId = scalar(QStringLiteral("SELECT id FROM events WHERE step = 'mount'")).toString();
        QVERIFY(!mountId.isEmpty());
        QVERIFY(sql::exec(
                    t->db().connection(),
                    QStringLiteral("INSERT INTO sync_anomalies (server_id, kind, subject, detail, found_at, "
                                   "event_ids) VALUES (7, 'die_mounted_twice', ?, ?, ?, ?)"),
                    {die,
                     QStringLiteral("die %1 mounted as unit %2 at MOUNT-1 and as unit U-OTHER at MOUNT-2")
                         .arg(die, unit),
                     t->clock().now().toString(Qt::ISODateWithMs), mountId + QLatin1Char(' ') + otherId})
                    .ok());
        w = std::make_unique<MainWindow>(t->db(), t->recorder());
        new QAbstractItemModelTester(w->dashboard()->anomalyModel(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal, w.get());
        w->resize(1920, 1080);
        test::showAndActivate(*w);
    }

    void operatorsMayNotResolve()
    {
        login(QStringLiteral("OP1"));
        selectConflict();
        QVERIFY(!w->dashboard()->resolveButton()->isEnabled());
    }

    void supervisorResolvesFromTheDashboard()
    {
        login(QStringLiteral("SUP1"));
        selectConflict();
        DashboardPage* d = w->dashboard();
        QVERIFY(d->resolveButton()->isVisible());
        QVERIFY(d->resolveButton()->isEnabled());
        QTest::mouseClick(d->resolveButton(), Qt::LeftButton);
        ConflictDialog* dialog = d->findChild<ConflictDialog*>(QStringLiteral("conflictDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // Both records: the one here with its station and step, the other not here yet.
        auto* here = dialog->findChild<QRadioButton*>(QStringLiteral("keep0"));
        auto* there = dialog->findChild<QRadioButton*>(QStringLiteral("keep1"));
        QVERIFY(here && there);
        QVERIFY2(here->text().contains(mountId) && here->text().contains(QStringLiteral("MOUNT-1")) &&
                     here->text().contains(QStringLiteral("Mount")),
                 qPrintable(here->text()));
        QVERIFY(there->text().contains(otherId) &&
                there->text().contains(QStringLiteral("not at this station")));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("conflictDetail"))
                    ->text()
                    .contains(QStringLiteral("U-OTHER")));

        // A reason is required before anything happens.
        QVERIFY(dialog->choose(mountId));
        QVERIFY(!dialog->resolveButton()->isEnabled());
        dialog->reasonField()->setFocus();
        QTest::keyClicks(dialog->reasonField(), QStringLiteral("die seen on MOUNT-1's bench"));
        QVERIFY(dialog->resolveButton()->isEnabled());
        test::screenshot(dialog, QStringLiteral("resolve-conflict"));

        // Keeping ours voids a record this station has not got: refused, nothing changes.
        const QString before = t->dump();
        QTest::mouseClick(dialog->resolveButton(), Qt::LeftButton);
        QVERIFY2(dialog->resultLabel()->text().contains(QStringLiteral("has not reached this station yet")),
                 qPrintable(dialog->resultLabel()->text()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(t->dump(), before);

        // Keeping the other station's: our mount and what builds on it (inspect, test) are void.
        QSignalSpy resolved(d, &DashboardPage::conflictResolved);
        QSignalSpy refreshed(d, &DashboardPage::refreshed);
        QVERIFY(dialog->choose(otherId));
        QTest::mouseClick(dialog->resolveButton(), Qt::LeftButton);
        QCOMPARE(resolved.count(), 1);
        QVERIFY2(d->noticeLine()->text().contains(QStringLiteral("3 record(s) voided")),
                 qPrintable(d->noticeLine()->text()));
        QVERIFY(refreshed.wait(20000));
        QVERIFY(!scalar(QStringLiteral("SELECT 1 FROM units WHERE serial = ?"), {unit}).isValid());
        QCOMPARE(scalar(QStringLiteral("SELECT state FROM dies WHERE id = ?"), {die}).toString(),
                 QStringLiteral("reballed"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM voided_events WHERE event_id = ?"), {mountId})
                     .toInt(),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE kind = 'conflict_resolved' AND "
                                       "operator_id = 'SUP1'"))
                     .toInt(),
                 1);
        // The list says so, and there is nothing left to resolve.
        bool shownResolved = false;
        for (int i = 0; i < d->anomalyModel()->rowCount(); ++i) {
            const KpiReport::Anomaly& a = d->anomalyModel()->rowAt(i);
            if (a.conflict == 7) {
                shownResolved =
                    a.resolved && d->anomalyModel()->index(i, AnomalyModel::Conflict).data().toString() ==
                                      QStringLiteral("resolved");
                d->anomalyView()->selectRow(i);
            }
        }
        QVERIFY(shownResolved);
        QVERIFY(!d->resolveButton()->isEnabled());
        test::screenshot(w.get(), QStringLiteral("dashboard-conflict-resolved"));
    }
};

QTEST_MAIN(TestConflicts)
#include "TestConflicts.moc"
