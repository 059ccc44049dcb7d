// The admin's settings dialog, driven as an admin would: each setting is saved where it belongs
// and the window uses it at once; bad values are refused with a reason and nothing is saved.
#include "GuiDriver.h"
#include "LoginDriver.h"
#include "TestDatabase.h"
#include "auth/OperatorAccounts.h"
#include "common/IdleWatcher.h"
#include "settings/DisplayScale.h"
#include "settings/LimitsModel.h"
#include "settings/SettingsDialog.h"
#include "shell/MainWindow.h"
#include "storage/ConfigStore.h"
#include "storage/LimitStore.h"
#include "storage/Sql.h"
#include "sync/SyncSettings.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimeEdit>

using namespace rework;
using namespace std::chrono_literals;

namespace {

SettingsDialog* openSettings(MainWindow& w)
{
    w.settingsAction()->trigger();
    auto* dialog = w.findChild<SettingsDialog*>();
    if (dialog) // the limits as loaded from the test database, and through every edit and product change
        new QAbstractItemModelTester(dialog->limitsModel(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal, dialog);
    return dialog;
}

int limitRow(const LimitsModel* limits, const QString& name)
{
    for (int i = 0; i < limits->rowCount(); ++i) {
        if (limits->index(i, LimitsModel::Limit).data().toString() == name)
            return i;
    }
    return -1;
}

/// What typing into a bound's cell does: the view's editor hands the text to the model.
void typeBound(SettingsDialog* dialog, int row, LimitsModel::Column column, const QString& text)
{
    LimitsModel* limits = dialog->limitsModel();
    const QModelIndex cell = limits->index(row, column);
    QVERIFY(limits->flags(cell) & Qt::ItemIsEditable);
    QVERIFY(limits->setData(cell, text, Qt::EditRole));
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

    // OP1 and SUP1 come with every test database; ADM1 (PIN 9876) opens the settings.
    static void addAdmin(test::TestDatabase& t)
    {
        QVERIFY(OperatorAccounts(t.db().connection()).addOperator("ADM1", "Zhao Min", "admin", "9876").ok());
        QVERIFY(t.recorder().reloadConfig().ok());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a throw-away place
        QCoreApplication::setOrganizationName(QStringLiteral("ReworkTrackTest"));
        QCoreApplication::setApplicationName(QStringLiteral("SettingsDialog"));
    }

    void init() { QSettings().clear(); }

    void onlyAnAdminOpensTheSettings()
    {
        test::TestDatabase t;
        addAdmin(t);
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        QVERIFY(!w.settingsAction()->isEnabled());
        test::logInAt(w, QStringLiteral("INTAKE-1"), QStringLiteral("SUP1"));
        QVERIFY(!w.settingsAction()->isEnabled());
        test::logInAt(w, QStringLiteral("INTAKE-1"), QStringLiteral("ADM1"), QStringLiteral("9876"));
        QVERIFY(w.settingsAction()->isEnabled());
        w.logout();
        QVERIFY(!w.settingsAction()->isEnabled());
    }

    void settingsAreSavedAndUsedAtOnce()
    {
        test::TestDatabase t;
        addAdmin(t);
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("INTAKE-1"), QStringLiteral("ADM1"), QStringLiteral("9876"));
        SettingsDialog* dialog = openSettings(w);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());

        dialog->stationField()->setCurrentIndex(dialog->stationField()->findData(QStringLiteral("TEST-1")));
        dialog->idleField()->setValue(7);
        dialog->serverField()->setText(QStringLiteral("postgresql://rework:secret@127.0.0.1:5999/rework"));
        dialog->nightlyField()->setTime(QTime(3, 15));
        dialog->serverPasswordField()->setText(QStringLiteral("typed-pw"));
        const QString ca = t.folder() + QStringLiteral("/ca.crt");
        {
            QFile f(ca);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("-----BEGIN CERTIFICATE-----\n");
        }
        dialog->caFileField()->setText(ca);
        QComboBox* unitPrinter = dialog->printerField(LabelTemplate::Kind::Unit);
        unitPrinter->setCurrentIndex(unitPrinter->findData(QStringLiteral("zebra")));
        dialog->targetField(LabelTemplate::Kind::Unit)->setText(QStringLiteral("10.0.0.20:9100"));
        dialog->productField()->setCurrentIndex(dialog->productField()->findData(QStringLiteral("RTX4090")));
        const int mem = limitRow(dialog->limitsModel(), QStringLiteral("test.mem_mib"));
        const int temp = limitRow(dialog->limitsModel(), QStringLiteral("test.temp_max_c"));
        QVERIFY(mem >= 0 && temp >= 0);
        typeBound(dialog, temp, LimitsModel::Highest, QStringLiteral("83"));
        QSignalSpy station(dialog, &SettingsDialog::stationChanged);
        QVERIFY2(dialog->apply(), qPrintable(dialog->messageLabel()->text()));

        // This PC: QSettings, and the login page is bound to the station at once.
        QCOMPARE(QSettings().value(QStringLiteral("station/id")).toString(), QStringLiteral("TEST-1"));
        QCOMPARE(station.size(), 1);
        w.logout();
        QVERIFY(w.loginPage()->stationPicker()->isHidden());
        QCOMPARE(w.loginPage()->stationPicker()->currentData().toString(), QStringLiteral("TEST-1"));
        // The idle lock: the database, and the running watcher.
        QCOMPARE(ConfigStore(t.db().connection()).configNumber("session.idle_lock_minutes", 5).value(), 7);
        QCOMPARE(w.idleWatcher()->timeout(), std::chrono::milliseconds(7min));
        // Sync: the owner-only file.
        auto sync = SyncSettings::load(t.folder());
        QVERIFY2(sync.ok(), sync.ok() ? "" : qPrintable(sync.error().message));
        QCOMPARE(sync->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(sync->port, 5999);
        QCOMPARE(sync->nightlyAt, QStringLiteral("03:15"));
        QCOMPARE(sync->password, QStringLiteral("typed-pw")); // the password field wins over the URL's
        QCOMPARE(sync->caFile, ca);
        QCOMPARE(QFile(SyncSettings::filePath(t.folder())).permissions() &
                     (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
        // Labels: the keys the print dialog reads.
        QCOMPARE(QSettings().value(QStringLiteral("labels/TEST-1/unit/destination")).toString(),
                 QStringLiteral("zebra"));
        QCOMPARE(QSettings().value(QStringLiteral("labels/TEST-1/unit/target")).toString(),
                 QStringLiteral("10.0.0.20:9100"));
        // Limits: the product's own row, used by the rules, audited; other products keep the default.
        QCOMPARE(t.recorder().config().limits.value(QStringLiteral("test.temp_max_c|RTX4090")).max, 83.0);
        auto rtx3090 = LimitStore(t.db().connection()).limitsFor(QStringLiteral("RTX3090")).value();
        for (const auto& r : rtx3090) {
            if (r.name == QLatin1StringView("test.temp_max_c"))
                QCOMPARE(*r.max, 85.0);
        }
        QCOMPARE(sql::scalar(t.db().connection(), "SELECT count(*) FROM audit_log WHERE kind = 'limit'")
                     .value()
                     .toInt(),
                 1);
        test::screenshot(dialog, QStringLiteral("settings"));
    }

    /// A product's test plan is chosen beside its limits: recorded as a reference change by the
    /// admin, used by the rules at once; "the station's own" takes it away again.
    void aProductsTestPlanIsChosenBesideItsLimits()
    {
        test::TestDatabase t;
        addAdmin(t);
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("INTAKE-1"), QStringLiteral("ADM1"), QStringLiteral("9876"));
        SettingsDialog* dialog = openSettings(w);
        QVERIFY(dialog);
        dialog->productField()->setCurrentIndex(dialog->productField()->findData(QStringLiteral("RTX4090")));
        QComboBox* plan = dialog->testPlanField();
        QCOMPARE(plan->currentData().toString(), QString()); // the station's own
        QVERIFY(plan->findData(QStringLiteral("strict")) > 0);
        plan->setCurrentIndex(plan->findData(QStringLiteral("strict")));
        QVERIFY2(dialog->apply(), qPrintable(dialog->messageLabel()->text()));
        QCOMPARE(t.recorder().config().testPlanOf(QStringLiteral("RTX4090")), QStringLiteral("strict"));
        QCOMPARE(
            t.recorder().config().planRequiredRuns.value(QStringLiteral("strict")),
            (QStringList{QStringLiteral("gpu-burn"), QStringLiteral("dcgm"), QStringLiteral("memtest")}));
        QCOMPARE(
            sql::scalar(
                t.db().connection(),
                "SELECT count(*) FROM audit_log WHERE kind = 'test_plan_assigned' AND operator_id = 'ADM1'")
                .value()
                .toInt(),
            1);
        // Saving again changes nothing; a product without a plan keeps none.
        QVERIFY(dialog->apply());
        QCOMPARE(sql::scalar(t.db().connection(), "SELECT count(*) FROM product_plans").value().toInt(), 1);
        dialog->productField()->setCurrentIndex(dialog->productField()->findData(QStringLiteral("RTX4090")));
        QCOMPARE(plan->currentData().toString(), QStringLiteral("strict"));
        auto* tabs = dialog->findChild<QTabWidget*>();
        QVERIFY(tabs);
        tabs->setCurrentIndex(tabs->count() - 1);
        test::screenshot(dialog, QStringLiteral("settings-test-plan"));
        plan->setCurrentIndex(0);
        QVERIFY2(dialog->apply(), qPrintable(dialog->messageLabel()->text()));
        QCOMPARE(t.recorder().config().testPlanOf(QStringLiteral("RTX4090")), QString());
        QCOMPARE(sql::scalar(t.db().connection(), "SELECT count(*) FROM product_plans").value().toInt(), 0);
        QCOMPARE(sql::scalar(t.db().connection(),
                             "SELECT count(*) FROM audit_log WHERE kind = 'test_plan_unassigned' AND "
                             "operator_id = 'ADM1'")
                     .value()
                     .toInt(),
                 1);
    }

    void badValuesAreRefused()
    {
        test::TestDatabase t;
        addAdmin(t);
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("INTAKE-1"), QStringLiteral("ADM1"), QStringLiteral("9876"));
        SettingsDialog* dialog = openSettings(w);
        QVERIFY(dialog);
        const int temp = limitRow(dialog->limitsModel(), QStringLiteral("test.temp_max_c"));
        typeBound(dialog, temp, LimitsModel::Highest, QStringLiteral("hot"));
        QVERIFY(!dialog->apply());
        QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("test.temp_max_c")));
        typeBound(dialog, temp, LimitsModel::Lowest, QStringLiteral("90"));
        typeBound(dialog, temp, LimitsModel::Highest, QStringLiteral("80"));
        QVERIFY(!dialog->apply());
        QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("lower bound")));
        typeBound(dialog, temp, LimitsModel::Lowest, QString());
        typeBound(dialog, temp, LimitsModel::Highest, QStringLiteral("85"));
        dialog->serverField()->setText(QStringLiteral("mysql://nope"));
        QVERIFY(!dialog->apply());
        QVERIFY(!dialog->messageLabel()->text().isEmpty());
        QVERIFY(!QFile::exists(SyncSettings::filePath(t.folder())));
        // A CA file that is not there: said plainly, nothing kept.
        dialog->serverField()->setText(
            QStringLiteral("postgresql://rework@127.0.0.1:5999/rework?sslmode=verify-full"));
        dialog->caFileField()->setText(t.folder() + QStringLiteral("/missing-ca.crt"));
        QVERIFY(!dialog->apply());
        QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("cannot be read")),
                 qPrintable(dialog->messageLabel()->text()));
        QVERIFY(!QFile::exists(SyncSettings::filePath(t.folder())));
        // No product row for the refused limit, no audit entry for it, no sync file.
        QCOMPARE(sql::scalar(t.db().connection(),
                             "SELECT count(*) FROM limits WHERE name = 'test.temp_max_c' AND model <> ''")
                     .value()
                     .toInt(),
                 0);
        QCOMPARE(sql::scalar(t.db().connection(), "SELECT count(*) FROM audit_log WHERE kind = 'limit'")
                     .value()
                     .toInt(),
                 0);
    }

    void aNewLanguageIsAnnounced()
    {
        test::TestDatabase t;
        addAdmin(t);
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("INTAKE-1"), QStringLiteral("ADM1"), QStringLiteral("9876"));
        QSignalSpy chosen(&w, &MainWindow::languageChosen);
        SettingsDialog* dialog = openSettings(w);
        QVERIFY(dialog);
        dialog->languageField()->setCurrentIndex(dialog->languageField()->findData(QStringLiteral("zh_CN")));
        QVERIFY(dialog->apply());
        QTRY_COMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().first().toString(), QStringLiteral("zh_CN"));
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
    }

    /// The display scale is this PC's: saved from the dialog, and turned into Qt's scale factor at
    /// the next start unless the environment already sets one; an out-of-range value is ignored.
    void displayScaleIsSavedForTheNextStart()
    {
        test::TestDatabase t;
        addAdmin(t);
        MainWindow w(t.db(), t.recorder());
        test::showAndActivate(w);
        test::logInAt(w, QStringLiteral("INTAKE-1"), QStringLiteral("ADM1"), QStringLiteral("9876"));
        QSignalSpy chosen(&w, &MainWindow::languageChosen);
        SettingsDialog* dialog = openSettings(w);
        QVERIFY(dialog);
        QCOMPARE(dialog->scaleField()->count(), 5); // 100 ... 200 %
        QCOMPARE(dialog->scaleField()->currentData().toInt(), 100);
        // 200 % of any screen under 2732 x 1536 leaves less than the forms' 1366 x 768: said so.
        dialog->scaleField()->setCurrentIndex(dialog->scaleField()->findData(200));
        auto* note = dialog->findChild<QLabel*>(QStringLiteral("displayScaleNote"));
        QVERIFY(note);
        QVERIFY2(note->text().contains(QStringLiteral("would scroll")), qPrintable(note->text()));
        dialog->scaleField()->setCurrentIndex(dialog->scaleField()->findData(150));
        QVERIFY(dialog->apply());
        QCOMPARE(QSettings().value(QStringLiteral("ui/scale_percent")).toInt(), 150);
        QCOMPARE(DisplayScale::savedPercent(), 150);
        // No language was saved before and none was chosen: the window is not rebuilt.
        QTest::qWait(50);
        QCOMPARE(chosen.size(), 0);

        const QByteArray before = qgetenv("QT_SCALE_FACTOR");
        auto restore = qScopeGuard([&] {
            if (before.isNull())
                qunsetenv("QT_SCALE_FACTOR");
            else
                qputenv("QT_SCALE_FACTOR", before);
        });
        qunsetenv("QT_SCALE_FACTOR");
        DisplayScale::applySaved();
        QCOMPARE(qgetenv("QT_SCALE_FACTOR"), QByteArray("1.50"));
        qputenv("QT_SCALE_FACTOR", "1.25");
        DisplayScale::applySaved();
        QCOMPARE(qgetenv("QT_SCALE_FACTOR"), QByteArray("1.25")); // the environment's choice wins
        QSettings().setValue(QStringLiteral("ui/scale_percent"), 500);
        QCOMPARE(DisplayScale::savedPercent(), 100);
        qunsetenv("QT_SCALE_FACTOR");
        DisplayScale::applySaved();
        QVERIFY(!qEnvironmentVariableIsSet("QT_SCALE_FACTOR")); // 100 %: nothing to scale
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
