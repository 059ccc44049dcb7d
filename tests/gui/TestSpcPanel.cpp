// The dashboard's SPC tab as a supervisor reads it: the control chart of the chosen measurement
// with its limits and the values that break a rule marked, the moving-range chart under it, the
// figures beside it, one chart per product at each station as the alarm list judges them, and the
// alarm list read whole at 1366x768; a measurement with too few values says so instead of drawing.
#include "GuiDriver.h"
#include "TestDatabase.h"
#include "dashboard/DashboardPage.h"
#include "dashboard/SpcAlarmModel.h"
#include "dashboard/SpcPanel.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <cmath>

using namespace rework;

namespace {

/// The void % of the i-th RTX 4090 inspected: around 10 %, the 25th far above (rule 1).
double rtx4090Voids(int i)
{
    return i == 24 ? 20 : 10 + (i % 5) * 0.5;
}

/// The void % of the i-th RTX 3090: steady around 18.4 %, no rule broken.
double rtx3090Voids(int i)
{
    return 18 + (i % 4) * 0.25;
}

/// The series of `chart` named `name`, or null.
template <typename Series> Series* seriesNamed(QChart* chart, const QString& name)
{
    for (QAbstractSeries* s : chart->series()) {
        if (auto* found = qobject_cast<Series*>(s); found && found->name() == name)
            return found;
    }
    return nullptr;
}

/// Shows `page` in its tab.
void bringForward(QWidget* page)
{
    for (QWidget* p = page->parentWidget(); p; p = p->parentWidget()) {
        if (auto* tabs = qobject_cast<QTabWidget*>(p))
            tabs->setCurrentWidget(page);
    }
}

} // namespace

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
            const QString voids = QString::number(rtx4090Voids(i));
            QVERIFY(t->record(Step::Inspect, {"unit=" + unit, "result=pass", "void_pct=" + voids}).ok());
        }
        // Then 30 RTX 3090s at the same station, steady around 18 %: a process of their own, with
        // more values than the 4090s' and no alarm.
        for (int i = 0; i < 30; ++i) {
            const QString unit = t->mountedUnit(QStringLiteral("CARDT%1").arg(i, 4, 10, QLatin1Char('0')),
                                                QStringLiteral("BRDT%1").arg(i, 4, 10, QLatin1Char('0')),
                                                QStringLiteral("RTX3090"));
            QVERIFY(t->record(Step::Inspect,
                              {"unit=" + unit, "result=pass", "void_pct=" + QString::number(rtx3090Voids(i))})
                        .ok());
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
        bringForward(spc);
        QVERIFY(spc->isVisible());
        test::screenshot(&d, QStringLiteral("spc-chart"));

        QCOMPARE(d.spcAlarmModel()->rowCount(), 1);
        QCOMPARE(d.spcAlarmModel()->index(0, SpcAlarmModel::Rule).data().toString(), SpcQuery::ruleText(1));
        QCOMPARE(d.spcAlarmModel()->index(0, SpcAlarmModel::Value).data().toString(), QStringLiteral("20"));
        QCOMPARE(d.spcAlarmModel()->index(0, SpcAlarmModel::Station).data().toString(),
                 QStringLiteral("RTX4090 · INSPECT-1")); // the chart the alarm is on

        // Under the values, on the same x, their moving range: |x(i) - x(i-1)| from the second
        // value on, its centre MR̄ and upper limit D4·MR̄, computed here from the values themselves.
        QChartView* mrView = spc->movingRangeView();
        QVERIFY(mrView->isVisible());
        const QList<QChartView*> views = spc->findChildren<QChartView*>();
        QVERIFY(views.size() == 2 && views.first() != mrView);
        QVERIFY(mrView->geometry().top() >= views.first()->geometry().bottom());
        QChart* mr = spc->movingRangeChart();
        auto* ranges = seriesNamed<QLineSeries>(mr, QStringLiteral("moving range"));
        QVERIFY(ranges);
        QCOMPARE(ranges->count(), 24);
        double sum = 0;
        for (int i = 1; i < 25; ++i) {
            const double range = std::abs(rtx4090Voids(i) - rtx4090Voids(i - 1));
            sum += range;
            QCOMPARE(ranges->at(i - 1), QPointF(i, range));
        }
        const double mrBar = sum / 24, mrUcl = 3.267 * mrBar;
        auto* ucl = seriesNamed<QLineSeries>(mr, QStringLiteral("UCL"));
        QVERIFY(ucl);
        QVERIFY(qFuzzyCompare(ucl->at(0).y(), mrUcl));
        QVERIFY2(mr->title().contains(QString::number(mrUcl, 'f', 2)), qPrintable(mr->title()));
        // The jump to 20 % is the one range beyond its limit.
        auto* beyond = seriesNamed<QScatterSeries>(mr, QStringLiteral("beyond its limit"));
        QVERIFY(beyond);
        QCOMPARE(beyond->count(), 1);
        QCOMPARE(beyond->at(0), QPointF(24, 8.5));
    }

    /// Each product at each station is its own chart, as the alarm list judges it: the picker lists
    /// those with values, the one of the newest alarm first (not the one with most values); the
    /// chart drawn is that process's, with the alarm's centre and limits, and says so in its title.
    /// A process picked stays picked over a refresh.
    void eachProductAtEachStationIsItsOwnChart()
    {
        DashboardPage d(t->db().path(), t->clock());
        QSignalSpy shown(&d, &DashboardPage::spcShown);
        d.refresh();
        QVERIFY(shown.wait(20000));
        SpcPanel* spc = d.spcPanel();
        QComboBox* processes = spc->processPicker();
        QCOMPARE(processes->count(), 2);
        QCOMPARE(processes->currentIndex(), 0);
        QVERIFY2(processes->itemText(0).startsWith(QStringLiteral("RTX4090 at INSPECT-1")),
                 qPrintable(processes->itemText(0)));
        QVERIFY2(processes->itemText(1).startsWith(QStringLiteral("RTX3090 at INSPECT-1")),
                 qPrintable(processes->itemText(1)));
        QVERIFY2(spc->chart()->title().contains(QStringLiteral("RTX4090 at INSPECT-1")),
                 qPrintable(spc->chart()->title()));
        // The chart's limits are the alarm's.
        const SpcQuery::Alarm& alarm = d.spcAlarmModel()->rowAt(0);
        const QString figures = spc->figuresLabel()->text();
        QVERIFY2(figures.startsWith(QStringLiteral("n 25 · mean %1").arg(alarm.mean, 0, 'f', 2)),
                 qPrintable(figures));
        QVERIFY2(figures.contains(
                     QStringLiteral("limits %1 – %2").arg(alarm.lcl, 0, 'f', 2).arg(alarm.ucl, 0, 'f', 2)),
                 qPrintable(figures));

        processes->setCurrentIndex(1);
        QVERIFY2(spc->chart()->title().contains(QStringLiteral("RTX3090 at INSPECT-1")),
                 qPrintable(spc->chart()->title()));
        double mean = 0;
        for (int i = 0; i < 30; ++i)
            mean += rtx3090Voids(i) / 30;
        QVERIFY2(
            spc->figuresLabel()->text().startsWith(QStringLiteral("n 30 · mean %1").arg(mean, 0, 'f', 2)),
            qPrintable(spc->figuresLabel()->text()));
        auto* broken = seriesNamed<QScatterSeries>(spc->chart(), QStringLiteral("rule broken"));
        QVERIFY(broken);
        QCOMPARE(broken->count(), 0);
        d.refresh();
        QVERIFY(shown.wait(20000));
        QCOMPARE(processes->currentIndex(), 1);
        QVERIFY(spc->chart()->title().contains(QStringLiteral("RTX3090 at INSPECT-1")));
    }

    /// The alarm list at 1366x768: every cell and header fits its column (the table scrolls
    /// sideways rather than cut a value); the tooltip repeats the text as well.
    void theAlarmListReadsWholeAt1366x768()
    {
        DashboardPage d(t->db().path(), t->clock());
        QSignalSpy shown(&d, &DashboardPage::spcShown);
        d.refresh();
        QVERIFY(shown.wait(20000));
        d.resize(1366, 728);
        d.QWidget::show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        QTableView* table = nullptr;
        for (QTableView* view : d.findChildren<QTableView*>()) {
            if (view->model() == d.spcAlarmModel())
                table = view;
        }
        QVERIFY(table);
        bringForward(table);
        QVERIFY(table->isVisible());
        QAbstractItemModel* model = table->model();
        QVERIFY(model->rowCount() > 0);
        const int padding =
            2 * (table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, table) + 1);
        QStringList cut;
        for (int column = 0; column < model->columnCount(); ++column) {
            const QString header = model->headerData(column, Qt::Horizontal).toString();
            const int room = table->columnWidth(column);
            if (table->horizontalHeader()->fontMetrics().horizontalAdvance(header) + padding > room)
                cut << header;
            for (int row = 0; row < model->rowCount(); ++row) {
                const QModelIndex cell = model->index(row, column);
                const QString text = cell.data().toString();
                if (table->fontMetrics().horizontalAdvance(text) + padding > room)
                    cut << text;
                QCOMPARE(cell.data(Qt::ToolTipRole).toString(), text);
            }
        }
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(" | "))));
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
