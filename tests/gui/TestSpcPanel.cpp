// The dashboard's SPC tab as a supervisor reads it: the control chart of the chosen measurement
// with its limits and the values that break a rule marked, the figures beside it, and the alarm
// list; a measurement with too few values says so instead of drawing.
#include "GuiDriver.h"
#include "TestDatabase.h"
#include "dashboard/DashboardPage.h"
#include "dashboard/SpcAlarmModel.h"
#include "dashboard/SpcPanel.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace rework;

class TestSpcPanel : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;

private slots:
    void initTestCase()
    {
        t = std::make_unique<test::TestDatabase>();
        // 24 inspections around 10 % voids, then one far above (within the 25 % limit): rule 1 (beyond 3σ).
        for (int i = 0; i < 25; ++i) {
            const QString unit = t->mountedUnit(QStringLiteral("CARDS%1").arg(i, 4, 10, QLatin1Char('0')),
                                                QStringLiteral("BRDS%1").arg(i, 4, 10, QLatin1Char('0')));
            const QString voids = i == 24 ? QStringLiteral("20") : QString::number(10 + (i % 5) * 0.5);
            QVERIFY(t->record(Step::Inspect, {"unit=" + unit, "result=pass", "void_pct=" + voids}).ok());
        }
    }

    void chartAndAlarmsShowTheBrokenRule()
    {
        DashboardPage d(t->db().path(), t->clock());
        QAbstractItemModelTester tester(d.spcAlarmModel());
        QSignalSpy shown(&d, &DashboardPage::spcShown);
        d.refresh();
        QVERIFY(shown.wait(20000));
        SpcPanel* spc = d.spcPanel();
        QCOMPARE(spc->measurement(), QStringLiteral("void_pct"));
        const QString figures = spc->figuresLabel()->text();
        QVERIFY2(figures.startsWith(QStringLiteral("n 25 · mean")), qPrintable(figures));
        QVERIFY2(figures.contains(QStringLiteral("values breaking a rule: 1")), qPrintable(figures));
        QScatterSeries* broken = nullptr;
        for (QAbstractSeries* s : spc->chart()->series()) {
            if (auto* scatter = qobject_cast<QScatterSeries*>(s))
                broken = scatter;
        }
        QVERIFY(broken);
        QCOMPARE(broken->count(), 1);
        QCOMPARE(broken->at(0).y(), 20.0);
        QCOMPARE(broken->at(0).x(), 24.0);

        // As the supervisor sees it (REWORK_SCREENSHOT_DIR keeps the picture).
        d.resize(1366, 728);
        d.QWidget::show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        for (QWidget* p = spc->parentWidget(); p; p = p->parentWidget()) {
            if (auto* tabs = qobject_cast<QTabWidget*>(p))
                tabs->setCurrentWidget(spc);
        }
        QVERIFY(spc->isVisible());
        test::screenshot(&d, QStringLiteral("spc-chart"));

        QCOMPARE(d.spcAlarmModel()->rowCount(), 1);
        QCOMPARE(d.spcAlarmModel()->index(0, SpcAlarmModel::Rule).data().toString(), SpcQuery::ruleText(1));
        QCOMPARE(d.spcAlarmModel()->index(0, SpcAlarmModel::Value).data().toString(), QStringLiteral("20"));
        QCOMPARE(d.spcAlarmModel()->index(0, SpcAlarmModel::Station).data().toString(),
                 QStringLiteral("RTX4090 · INSPECT-1")); // the chart the alarm is on
    }

    void tooFewValuesSaySo()
    {
        DashboardPage d(t->db().path(), t->clock());
        QSignalSpy shown(&d, &DashboardPage::spcShown);
        d.refresh();
        QVERIFY(shown.wait(20000));
        QComboBox* picker = d.spcPanel()->measurementPicker();
        picker->setCurrentIndex(picker->findData(QStringLiteral("burnin_gflops")));
        QVERIFY(shown.wait(20000));
        QVERIFY2(d.spcPanel()->figuresLabel()->text().contains(QStringLiteral("Too few values")),
                 qPrintable(d.spcPanel()->figuresLabel()->text()));
        QVERIFY(d.spcPanel()->chart()->series().isEmpty());
    }
};

QTEST_MAIN(TestSpcPanel)
#include "TestSpcPanel.moc"
