// The supervisor's dashboard offscreen on demo data: every panel filled, drill-down to a unit's
// trace, CSV export; operators do not see it.
#include "GuiDriver.h"
#include "TestDatabase.h"
#include "common/TimelineModel.h"
#include "dashboard/AgingModel.h"
#include "dashboard/AnomalyModel.h"
#include "dashboard/DashboardPage.h"
#include "dashboard/DefectDrillModel.h"
#include "dashboard/DefectSliceModel.h"
#include "dashboard/MslAlarmModel.h"
#include "dashboard/OperatorFiguresModel.h"
#include "dashboard/RecallModel.h"
#include "demo/DemoGenerator.h"
#include "login/LoginPage.h"
#include "reports/KpiQuery.h"
#include "reports/KpiTitles.h"
#include "shell/MainWindow.h"
#include "storage/Sql.h"
#include "tracing/GenealogyModel.h"
#include "tracing/TracePage.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

using namespace rework;

namespace {

int bars(QChart* chart)
{
    int n = 0;
    for (QAbstractSeries* s : chart->series()) {
        if (auto* series = qobject_cast<QAbstractBarSeries*>(s)) {
            for (QBarSet* set : series->barSets())
                n += set->count();
        }
    }
    return n;
}

/// The dashed target line: the one line series named "target …".
QLineSeries* targetLine(QChart* chart)
{
    for (QAbstractSeries* s : chart->series()) {
        if (auto* line = qobject_cast<QLineSeries*>(s);
            line && line->name().startsWith(QStringLiteral("target")))
            return line;
    }
    return nullptr;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    std::unique_ptr<MainWindow> w;

    void login(const QString& op)
    {
        w->logout();
        LoginPage* page = w->loginPage();
        page->stationPicker()->setCurrentIndex(page->stationPicker()->findData(QStringLiteral("PACK-1")));
        page->operatorField()->setFocus();
        test::scan(op);
        test::scan(QStringLiteral("1234"));
    }

private slots:
    void initTestCase()
    {
        DemoGenerator::Options o;
        o.units = 120;
        o.seed = 21;
        t = std::make_unique<test::TestDatabase>(o); // the history ends at the test's clock
        // More kinds of defect than a short Pareto tile has room for (the demo's line has five):
        // cards scrapped at intake, each for another reason.
        int n = 0;
        for (const char* code : {"NO_POST", "MISSING_PARTS", "LIQUID_DAMAGE", "DIE_CHIPPED",
                                 "SUBSTRATE_CRACKED", "PADS_LIFTED", "MEMORY_DAMAGED"}) {
            const QString card = QStringLiteral("CARDP%1").arg(++n, 4, 10, QLatin1Char('0'));
            QVERIFY(t->record(Step::Intake, {"card=" + card, "model=RTX4090", "lot=LOT-P"}).ok());
            QVERIFY(t->record(Step::Scrap,
                              {"item=" + card, "reason=damaged", "defect=" + QString::fromLatin1(code)})
                        .ok());
        }
        w = std::make_unique<MainWindow>(t->db(), t->recorder());
        // Every table's model checked through each refill, sort and drill-down that follows.
        DashboardPage* d = w->dashboard();
        for (QAbstractItemModel* model : std::initializer_list<QAbstractItemModel*>{
                 d->agingModel(), d->mslModel(), d->operatorModel(), d->anomalyModel(), d->sliceModel(),
                 d->drillModel(), d->recallModel()})
            new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::Fatal, d);
        w->resize(1280, 860); // as on a station PC, not the 800x600 offscreen screen
        w->show();
        QApplication::setActiveWindow(w.get());
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
    }

    void operatorsDoNotSeeIt()
    {
        login(QStringLiteral("OP1"));
        QVERIFY(!w->tabs()->isTabVisible(2));
    }

    /// Opened from the station form, the dashboard holds the keys itself: a stray scan lands in
    /// no date or filter.
    void opensWithTheFocusInNoInput()
    {
        login(QStringLiteral("SUP1"));
        QVERIFY(QApplication::focusWidget());
        w->tabs()->setCurrentIndex(2);
        QWidget* focus = QApplication::focusWidget();
        QVERIFY(focus);
        QVERIFY2(!qobject_cast<QAbstractSpinBox*>(focus) && !qobject_cast<QLineEdit*>(focus) &&
                     !qobject_cast<QComboBox*>(focus),
                 focus->metaObject()->className());
        QList<QDate> dates;
        for (QDateEdit* d : w->dashboard()->findChildren<QDateEdit*>())
            dates << d->date();
        test::scan(QStringLiteral("20240101"));
        for (QDateEdit* d : w->dashboard()->findChildren<QDateEdit*>())
            QCOMPARE(d->date(), dates.takeFirst());
        w->tabs()->setCurrentIndex(0);
    }

    void everyPanelIsFilled()
    {
        QSignalSpy refreshed(w->dashboard(), &DashboardPage::refreshed);
        login(QStringLiteral("SUP1"));
        QVERIFY(w->tabs()->isTabVisible(2));
        w->tabs()->setCurrentIndex(2);
        QVERIFY(refreshed.wait(20000));
        const qint64 ms = refreshed.first().first().toLongLong();
        QVERIFY(ms >= 0);
        DashboardPage* d = w->dashboard();
        QCOMPARE(bars(d->wipChart()), 6);
        // One bar per station and shift; the target as a flat line across them (the demo sets
        // one its line can just about reach).
        QVERIFY(bars(d->throughputChart()) >= 7);
        QCOMPARE(static_cast<QBarSeries*>(d->throughputChart()->series().first())->count(),
                 d->report().throughputByStationShift.size());
        QLineSeries* target = targetLine(d->throughputChart());
        QVERIFY(target);
        const double configured =
            sql::scalar(t->db().connection(), QStringLiteral("SELECT value FROM config WHERE key = "
                                                             "'throughput.target_per_shift'"))
                .value()
                .toDouble();
        QVERIFY(configured > 1 && configured < 100);
        QCOMPARE(target->at(0).y(), configured);
        QCOMPARE(target->at(1).y(), configured);
        QVERIFY(targetLine(d->hourlyChart()));
        QCOMPARE(d->hourlyChart()->series().size(), d->report().throughputByStationHour.size() + 1);
        QVERIFY(bars(d->paretoChart()) >= 3);
        QVERIFY(bars(d->repairChart()) >= 2);
        QVERIFY(d->figure("fpy_inspect")->text().endsWith(QLatin1Char('%')));
        QVERIFY(d->figure("final_yield")->text().endsWith(QLatin1Char('%')));
        QCOMPARE(d->figure("cards")->text(), QString::number(d->report().cardsReceived));
        QVERIFY(d->report().cardsReceived > 0);
        QVERIFY(d->operatorModel()->rowCount() >= 4);
        QVERIFY(d->agingModel()->rowCount() > 0);
        QVERIFY(d->sliceModel()->rowCount() >= d->report().defectPareto.size());
        test::screenshot(w.get(), QStringLiteral("dashboard"));
    }

    void sortingByAColumnKeepsEachRowWhole()
    {
        DashboardPage* d = w->dashboard();
        AgingModel* aging = d->agingModel();
        QVERIFY(aging->rowCount() > 1);
        QTableView* view = nullptr;
        for (QTableView* v : d->findChildren<QTableView*>()) {
            if (v->model() == aging)
                view = v;
        }
        QVERIFY(view);
        QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), -1); // query order, nothing marked
        view->sortByColumn(AgingModel::Serial, Qt::DescendingOrder);    // what clicking the header does
        for (int r = 0; r < aging->rowCount(); ++r) {
            const QString serial = aging->index(r, AgingModel::Serial).data().toString();
            if (r > 0)
                QVERIFY(aging->index(r - 1, AgingModel::Serial).data().toString() >= serial);
            const QList<KpiReport::Aging>& all = d->report().aging;
            const auto row = std::find_if(all.cbegin(), all.cend(),
                                          [&](const KpiReport::Aging& a) { return a.serial == serial; });
            QVERIFY(row != all.cend());
            QCOMPARE(aging->index(r, AgingModel::Hours).data().toString(),
                     QString::number(row->hours, 'f', 1));
        }
        // A refill shows the query's order again (oldest first), as the tables always did.
        QSignalSpy refreshed(d, &DashboardPage::refreshed);
        d->refresh();
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(aging->index(0, AgingModel::Serial).data().toString(), d->report().aging.first().serial);
        QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), -1);
    }

    void drillsFromADefectBarToAUnitsTrace()
    {
        DashboardPage* d = w->dashboard();
        QVERIFY(!d->report().defectPareto.isEmpty());
        const QString top = d->report().defectPareto.first().first;
        // the top bar is the most frequent defect, by its name; clicking it fills the drill-down
        auto* series = qobject_cast<QAbstractBarSeries*>(d->paretoChart()->series().first());
        auto* names = qobject_cast<QBarCategoryAxis*>(d->paretoChart()->axes(Qt::Vertical).first());
        QVERIFY(series && names);
        QCOMPARE(names->categories().last(), KpiTitles::defect(top)); // drawn bottom-up
        emit series->barSets().first()->clicked(static_cast<int>(names->categories().size() - 1));
        QVERIFY(d->isBusy()); // the click returned at once; the units come from a worker
        QTRY_COMPARE(d->drillModel()->rowCount(),
                     d->report().defectPareto.first().second); // found on a worker
        // the code a supervisor looks up, with its description in the screen's language
        QCOMPARE(d->drillModel()->index(0, 5).data().toString(), KpiTitles::defectWithCode(top));
        QVERIFY(d->drillModel()->index(0, 5).data().toString().startsWith(top));
        const QString serial = d->drillModel()->index(0, 0).data().toString();
        emit d->drillView()->activated(d->drillModel()->index(0, 0));
        QCOMPARE(w->tabs()->currentIndex(), 1);
        TracePage* page = w->tracePage();
        QVERIFY(page->genealogyModel()->find(serial).isValid());
        bool defectShown = false;
        for (int r = 0; r < page->timelineModel()->rowCount(); ++r)
            defectShown =
                defectShown ||
                page->timelineModel()->index(r, TimelineModel::Outcome).data().toString().contains(top);
        QVERIFY(defectShown);
    }

    void recallFromAScannedUnit()
    {
        DashboardPage* d = w->dashboard();
        const QString unit = d->drillModel()->index(0, 0).data().toString();
        d->recallField()->setFocus();
        test::scan(unit);
        QTRY_VERIFY(d->recallModel()->rowCount() > 0); // found on a worker; demo lots hold many cards
        int sameLot = 0;
        for (int r = 0; r < d->recallModel()->rowCount(); ++r)
            sameLot +=
                d->recallModel()->index(r, 4).data().toString().contains(QStringLiteral("lot LOT-")) ? 1 : 0;
        QVERIFY(sameLot > 0);
    }

    /// The shift report is painted on a worker: the page is live meanwhile and says when it is saved.
    void writesTheShiftReportInTheBackground()
    {
        DashboardPage* d = w->dashboard();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shift.pdf"));
        QSignalSpy done(d, &DashboardPage::jobFinished);
        d->writeReport(path);
        QVERIFY(d->isBusy());
        QVERIFY(done.wait(20000));
        QVERIFY(!d->isBusy());
        QVERIFY(QFile(path).size() > 1000);
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5).startsWith("%PDF"));
    }

    /// Cancel shows while a read runs and goes with it; pressed, it stops the reads (the core's
    /// QueryCancel, tested in TestStorageFaults): the page says so and shows nothing of them, and
    /// the next refresh runs as ever.
    void cancelShowsWhileReadsRunAndStopsThem()
    {
        DashboardPage* d = w->dashboard();
        QVERIFY(d->cancelButton()->isHidden());
        QSignalSpy refreshed(d, &DashboardPage::refreshed);
        QSignalSpy failed(d, &DashboardPage::refreshFailed);
        QSignalSpy done(d, &DashboardPage::jobFinished);
        d->refresh();
        QTemporaryDir dir;
        d->writeReport(dir.filePath(QStringLiteral("shift.pdf")));
        QVERIFY(!d->cancelButton()->isHidden());
        // at once: the workers have not read a thousand steps yet
        QTest::mouseClick(d->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 1 && done.count() == 1, 20000);
        QCOMPARE(refreshed.count(), 0);
        QVERIFY2(failed.first().first().toString().startsWith(QStringLiteral("Cancelled")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!d->isRefreshing());
        QVERIFY(!d->isBusy());
        QVERIFY(d->cancelButton()->isHidden());
        d->refresh();
        QVERIFY(refreshed.wait(20000));
    }

    void exportsTheVisibleTable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("recall.csv"));
        QVERIFY(w->dashboard()->exportCurrentTable(path).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), w->dashboard()->recallModel()->rowCount() + 1);
        QVERIFY(lines.first().contains(QStringLiteral("Serial")));
    }

    void shiftAndBatchFilters()
    {
        DashboardPage* d = w->dashboard();
        w->tabs()->setCurrentIndex(2);
        QTRY_VERIFY(!d->isRefreshing());
        const int all = d->report().throughputByStation.value(QStringLiteral("INTAKE-01"));
        QVERIFY(all > 0);
        QSignalSpy refreshed(d, &DashboardPage::refreshed);
        int split = 0;
        for (int shift : {1, 2}) {
            d->shiftFilter()->setCurrentIndex(shift);
            d->refresh();
            QVERIFY(refreshed.wait(20000));
            split += d->report().throughputByStation.value(QStringLiteral("INTAKE-01"));
        }
        QCOMPARE(split, all); // day and night shifts share the range's work
        d->shiftFilter()->setCurrentIndex(0);

        // A scanned batch: the tiles follow its units.
        const QString batch =
            sql::scalar(t->db().connection(),
                        QStringLiteral("SELECT batch_id FROM units WHERE batch_id IS NOT NULL "
                                       "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"))
                .value()
                .toString();
        const int units =
            sql::scalar(t->db().connection(), QStringLiteral("SELECT count(*) FROM units WHERE batch_id = ?"),
                        {batch})
                .value()
                .toInt();
        QVERIFY(units > 0);
        d->batchFilter()->setFocus();
        test::scan(batch.toLower());
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(d->batchFilter()->text(), batch);
        QCOMPARE(d->figure("units")->text(), QString::number(units));
        QCOMPARE(d->report().throughputByStation.value(QStringLiteral("PACK-01")), units);
        test::screenshot(w.get(), QStringLiteral("dashboard-batch"));
        d->batchFilter()->clear();
    }

    /// A filter the supervisor changes shows its figures without a click on Refresh; changed
    /// while a refresh runs, that refresh gives way to the new filter's. A From after To says
    /// what to correct instead of showing an empty report.
    void aChangedFilterRefreshesByItself()
    {
        DashboardPage* d = w->dashboard();
        w->tabs()->setCurrentIndex(2);
        QTRY_VERIFY_WITH_TIMEOUT(!d->isRefreshing(), 20000);
        QSignalSpy refreshed(d, &DashboardPage::refreshed);
        QSignalSpy failed(d, &DashboardPage::refreshFailed);
        auto expected = [&] {
            return KpiQuery(t->db().connection())
                .compute(d->filterInFactoryTime(t->db().connection()))
                .value();
        };

        // The supervisor picks the day shift with the keyboard; no click on Refresh.
        d->shiftFilter()->setFocus();
        QTest::keyClick(d->shiftFilter(), Qt::Key_Down); // both shifts -> day shift
        QCOMPARE(d->shiftFilter()->currentIndex(), 1);
        QVERIFY(refreshed.wait(20000));
        QTest::qWait(600); // nothing else is on its way
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(d->report().throughputByStation, expected().throughputByStation);
        QCOMPARE(d->report().cardsReceived, expected().cardsReceived);

        // Changed while a refresh runs: that read is stopped and only the new filter's shows. On a
        // busy machine a read can end before the next line runs; then another is started.
        bool inFlight = false;
        for (int attempt = 0; attempt < 20 && !inFlight; ++attempt) {
            d->refresh();
            inFlight = d->isRefreshing();
            if (!inFlight)
                QVERIFY(refreshed.wait(20000) || refreshed.count() > 0);
            QCoreApplication::processEvents();
        }
        QVERIFY(inFlight);
        const qsizetype shownBefore = refreshed.count();
        d->shiftFilter()->setCurrentIndex(2); // night shift
        d->filterChanged();
        QVERIFY(refreshed.wait(20000));
        QTest::qWait(600);
        QCOMPARE(refreshed.count(), shownBefore + 1);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(d->report().throughputByStation, expected().throughputByStation);
        d->shiftFilter()->setCurrentIndex(1);
        d->refresh();
        QVERIFY(refreshed.wait(20000));

        // From a year on: after To.
        QDateEdit* from = d->findChildren<QDateEdit*>().first();
        const QDate before = from->date();
        from->setFocus();
        from->setCurrentSection(QDateTimeEdit::YearSection);
        QTest::keyClick(from, Qt::Key_Up);
        QCOMPARE(from->date(), before.addYears(1));
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.last().first().toString().contains(QStringLiteral("choose a From date")),
                 qPrintable(failed.last().first().toString()));
        QCOMPARE(refreshed.count(), shownBefore + 2); // the refused range shows nothing
        // and two years back from there: a wider range than before
        QTest::keyClick(from, Qt::Key_Down);
        QTest::keyClick(from, Qt::Key_Down);
        QCOMPARE(from->date(), before.addYears(-1));
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(d->report().cardsReceived, expected().cardsReceived);
        // A chart that shows the latest shifts and hours of a long range says so.
        QSet<QString> shifts, hours;
        for (const auto& byShift : d->report().throughputByStationShift)
            shifts.unite(QSet<QString>(byShift.keyBegin(), byShift.keyEnd()));
        for (const auto& byHour : d->report().throughputByStationHour)
            hours.unite(QSet<QString>(byHour.keyBegin(), byHour.keyEnd()));
        QVERIFY2(shifts.size() > 6 && hours.size() > 48, "the demo's range is longer than the charts");
        QCOMPARE(d->throughputChart()->title(),
                 QStringLiteral("Throughput per station, the latest 6 of %1 shifts, against the target")
                     .arg(shifts.size()));
        QCOMPARE(
            d->hourlyChart()->title(),
            QStringLiteral("Throughput per station, the latest 48 of %1 hours with work").arg(hours.size()));
        from->setDate(before);
        QVERIFY(refreshed.wait(20000));
        d->shiftFilter()->setCurrentIndex(0);
        d->refresh();
        QVERIFY(refreshed.wait(20000));
    }

    /// Over a long range on a small screen every name and count on the charts is read whole: Qt
    /// Charts cuts a label it has no room for to "...", so the Pareto shows as many defects as its
    /// tile has room for and its title says how many of how many.
    void chartLabelsAreReadWholeOnASmallScreen()
    {
        DashboardPage* d = w->dashboard();
        w->tabs()->setCurrentIndex(2);
        const QSize size = w->size();
        w->resize(1366, 660); // 1366x768 less a taskbar and the window frame
        QDateEdit* from = d->findChildren<QDateEdit*>().first();
        const QDate before = from->date();
        QSignalSpy refreshed(d, &DashboardPage::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(!d->isRefreshing(), 20000);
        from->setDate(before.addYears(-2));
        QVERIFY(refreshed.wait(20000));
        QTest::qWait(300); // laid out at the new size
        const qsizetype defects = d->report().defectPareto.size();
        QVERIFY2(defects >= 12, qPrintable(QString::number(defects)));
        for (QChart* chart :
             {d->wipChart(), d->throughputChart(), d->hourlyChart(), d->paretoChart(), d->repairChart()}) {
            for (QGraphicsItem* item : chart->childItems()) {
                QList<QGraphicsItem*> items{item};
                while (!items.isEmpty()) {
                    QGraphicsItem* i = items.takeLast();
                    items << i->childItems();
                    if (auto* text = dynamic_cast<QGraphicsTextItem*>(i); text && text->isVisible())
                        QVERIFY2(!text->toPlainText().contains(QStringLiteral("...")),
                                 qPrintable(chart->title() + QStringLiteral(": ") + text->toPlainText()));
                }
            }
        }
        const int shown = bars(d->paretoChart());
        QVERIFY(shown >= 1 && shown <= defects);
        if (shown < defects)
            QCOMPARE(d->paretoChart()->title(),
                     QStringLiteral("Defect Pareto, the top %1 of %2 (click a bar for its units)")
                         .arg(shown)
                         .arg(defects));
        else
            QCOMPARE(d->paretoChart()->title(), QStringLiteral("Defect Pareto (click a bar for its units)"));
        qInfo("%d of %lld defects shown at 1366x660", shown, static_cast<long long>(defects));
        test::screenshot(w.get(), QStringLiteral("dashboard-two-years-1366"));
        from->setDate(before);
        QVERIFY(refreshed.wait(20000));
        w->resize(size);
    }

    void refreshRunsOffTheUiThread()
    {
        DashboardPage* d = w->dashboard();
        QSignalSpy refreshed(d, &DashboardPage::refreshed);
        d->refresh();
        d->refresh();                   // a second request while one runs does not stack
        QCOMPARE(refreshed.count(), 0); // refresh() returned before any figure was computed
        QVERIFY(refreshed.wait(20000));
        // Nothing was queued behind it: a stacked request would be running now. No need to wait.
        QVERIFY(!d->isRefreshing());
        QCoreApplication::processEvents();
        QCOMPARE(refreshed.count(), 1);
    }

    /// Each station keeps one colour of its own, in both throughput charts and across refreshes
    /// (Qt's theme cycles five colours and hands them out again on each refresh).
    void eachStationKeepsItsOwnColour()
    {
        DashboardPage* d = w->dashboard();
        QTRY_VERIFY(!d->isRefreshing());
        QSignalSpy refreshed(d, &DashboardPage::refreshed);
        d->refresh();
        QVERIFY(refreshed.wait(20000));
        QVERIFY(!d->throughputChart()->series().isEmpty());
        // A station's look: its line's colour and dash; its bars have the line's colour, or a
        // "(bars)" entry says not. The legend shows the colour alone, so colours differ.
        auto colours = [d] {
            QMap<QString, QString> byStation;
            QMap<QString, QColor> lineColour;
            for (QAbstractSeries* s : d->hourlyChart()->series()) {
                auto* line = qobject_cast<QLineSeries*>(s);
                if (line && d->report().throughputByStationHour.contains(line->name())) {
                    byStation.insert(line->name(),
                                     line->pen().color().name() + QLatin1Char(' ') +
                                         QString::number(static_cast<int>(line->pen().style())));
                    lineColour.insert(line->name(), line->pen().color());
                }
            }
            auto* bars = qobject_cast<QBarSeries*>(d->throughputChart()->series().first());
            for (QBarSet* set : bars->barSets())
                if (set->color() != lineColour.value(set->label()))
                    byStation.insert(set->label() + QStringLiteral(" (bars)"), set->color().name());
            return byStation;
        };
        const QMap<QString, QString> first = colours();
        QVERIFY2(first.size() >= 6, qPrintable(QStringList(first.keys()).join(QLatin1Char(' '))));
        QVERIFY2(!QStringList(first.keys()).join(QLatin1Char(' ')).contains(QLatin1String("(bars)")),
                 qPrintable(QStringList(first.keys()).join(QLatin1Char(' '))));
        QSet<QString> distinct;
        for (const QString& look : first)
            distinct.insert(look.section(QLatin1Char(' '), 0, 0));
        QCOMPARE(distinct.size(), first.size());
        for (int i = 0; i < 2; ++i) {
            d->refresh();
            QVERIFY(refreshed.wait(20000));
            QCOMPARE(colours(), first);
        }
        // Filtered to one station, it keeps its colour (not the first of the palette).
        const QString last = first.lastKey();
        QComboBox* station = d->findChild<QComboBox*>(QStringLiteral("stationFilter"));
        QVERIFY(station);
        station->setCurrentIndex(station->findData(last));
        QVERIFY(station->currentIndex() > 0);
        d->refresh();
        QVERIFY(refreshed.wait(20000));
        const QMap<QString, QString> filtered = colours();
        QCOMPARE(filtered.keys(), QStringList{last});
        QCOMPARE(filtered.value(last), first.value(last));
        station->setCurrentIndex(0);
        d->refresh();
        QVERIFY(refreshed.wait(20000));
    }

    void flagsStationsSilentForMoreThanADay()
    {
        DashboardPage* d = w->dashboard();
        w->tabs()->setCurrentIndex(2);
        QTRY_VERIFY(!d->isRefreshing());
        QVERIFY(d->silentStationsLine()->isHidden());
        const QDateTime now = t->clock().now();
        for (const auto& [origin, stations, ago] :
             {std::tuple{"o1", "INTAKE-01", 3600}, std::tuple{"o2", "TEST-01 PACK-01", 25 * 3600}})
            QVERIFY(
                sql::exec(t->db().connection(),
                          QStringLiteral(
                              "INSERT INTO sync_origins (origin, stations, last_push_at) VALUES (?, ?, ?)"),
                          {QString::fromLatin1(origin), QString::fromLatin1(stations),
                           now.addSecs(-ago).toString(Qt::ISODateWithMs)})
                    .ok());
        QSignalSpy refreshed(d, &DashboardPage::refreshed);
        d->refresh();
        QVERIFY(refreshed.wait(20000));
        QVERIFY(d->silentStationsLine()->isVisible());
        const QString warning = d->silentStationsLine()->text();
        QVERIFY2(warning.contains(QStringLiteral("more than a day")) &&
                     warning.contains(QStringLiteral("TEST-01")) &&
                     warning.contains(QStringLiteral("PACK-01")) &&
                     !warning.contains(QStringLiteral("INTAKE-01")),
                 qPrintable(warning));
        test::screenshot(w.get(), QStringLiteral("dashboard-silent-station"));
        QVERIFY(sql::exec(t->db().connection(), QStringLiteral("DELETE FROM sync_origins")).ok());
    }
};

QTEST_MAIN(TestDashboard)
#include "TestDashboard.moc"
