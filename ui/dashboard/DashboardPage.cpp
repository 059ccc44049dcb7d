#include "DashboardPage.h"

#include "AgingModel.h"
#include "AnomalyModel.h"
#include "ConflictDialog.h"
#include "DefectDrillModel.h"
#include "DefectSliceModel.h"
#include "MslAlarmModel.h"
#include "OperatorFiguresModel.h"
#include "RecallModel.h"
#include "SpcAlarmModel.h"
#include "SpcPanel.h"
#include "ThroughputCharts.h"
#include "common/FileDialogs.h"

#include "common/BarChart.h"
#include "domain/Clock.h"
#include "domain/Step.h"
#include "reports/CsvWriter.h"
#include "reports/KpiQuery.h"
#include "reports/KpiTitles.h"
#include "reports/RecallQuery.h"
#include "reports/ReportDocument.h"
#include "storage/Authority.h"
#include "storage/Database.h"
#include "storage/QueryCancel.h"
#include "sync/ConflictResolution.h"
#include "sync/ConflictSides.h"

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace rework {
namespace {
/// The defects a Pareto tile shows: the few that make most of the failures, each name legible.
constexpr int kParetoBars = 8;
} // namespace

DashboardPage::DashboardPage(QString databasePath, const Clock& clock, QWidget* parent)
    : QWidget(parent), m_databasePath(std::move(databasePath)), m_clock(clock)
{
    setObjectName(QStringLiteral("dashboard"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildFilters());
    layout->addLayout(buildActions());
    layout->addLayout(buildStatusLine());
    layout->addLayout(buildFigureTiles());
    layout->addLayout(buildCharts(), 3);
    layout->addWidget(buildTables(), 2);
    startRefreshTimer();
    // Opened, the page itself has the focus (MainWindow gives it): keys typed or scanned land on
    // no filter until the supervisor picks one.
    setFocusPolicy(Qt::StrongFocus);
}

DashboardPage::~DashboardPage()
{
    // A closing window stops the reads instead of waiting for them.
    cancelJobs();
    if (m_watcher)
        m_watcher->waitForFinished();
    for (QFutureWatcherBase* job : findChildren<QFutureWatcherBase*>())
        job->waitForFinished();
}

std::shared_ptr<QueryCancel> DashboardPage::startCancellable()
{
    auto cancel = std::make_shared<QueryCancel>();
    m_cancels.append(cancel);
    return cancel;
}

void DashboardPage::ended(const std::shared_ptr<QueryCancel>& cancel)
{
    m_cancels.removeOne(cancel);
    updateBusy();
}

void DashboardPage::updateBusy()
{
    const bool busy = m_jobs > 0 || isRefreshing();
    m_busy->setVisible(busy);
    m_cancel->setVisible(busy);
}

void DashboardPage::cancelJobs()
{
    for (const std::shared_ptr<QueryCancel>& cancel : std::as_const(m_cancels))
        cancel->cancel();
}

Error DashboardPage::cancelledError()
{
    Error e;
    e.message = tr("Cancelled: what was still being read is not shown");
    e.english = QStringLiteral("Cancelled: what was still being read is not shown");
    return e;
}

template <typename T, typename Work>
std::shared_ptr<Result<T>> DashboardPage::readOnOwnConnection(const QString& path, QueryCancel& cancel,
                                                              Work work)
{
    auto db = Database::open(path, Database::Migration::Skip);
    if (!db)
        return std::make_shared<Result<T>>(db.error());
    cancel.attach(db.value()->connection());
    auto outcome = std::make_shared<Result<T>>(work(db.value()->connection()));
    cancel.detach();
    return outcome; // judged when it arrives: shown()
}

template <typename T>
std::shared_ptr<Result<T>> DashboardPage::shown(const QueryCancel& cancel, std::shared_ptr<Result<T>> outcome)
{
    // After Cancel nothing the read found is shown: not what a stopped read returned, and not a
    // read that ended, whole, before the Cancel reached it (one too short for the progress
    // handler to look, or one whose result was still on its way to this thread).
    if (cancel.isCancelled())
        return std::make_shared<Result<T>>(cancelledError());
    return outcome;
}

template <typename T, typename Work, typename Done>
void DashboardPage::inBackground(Work work, Done done, bool announce)
{
    using Outcome = std::shared_ptr<Result<T>>;
    auto* job = new QFutureWatcher<Outcome>(this);
    ++m_jobs;
    updateBusy();
    const std::shared_ptr<QueryCancel> cancel = startCancellable();
    connect(job, &QFutureWatcherBase::finished, this, [this, job, done, announce, cancel] {
        --m_jobs;
        ended(cancel);
        const Outcome outcome = shown(*cancel, job->result());
        job->deleteLater();
        done(*outcome);
        if (announce)
            emit jobFinished();
    });
    const QString path = m_databasePath;
    job->setFuture(QtConcurrent::run(
        [path, work, cancel]() -> Outcome { return readOnOwnConnection<T>(path, *cancel, work); }));
}

QHBoxLayout* DashboardPage::buildFilters()
{
    const QDate today = m_clock.now().date();
    m_from = new QDateEdit(today.addDays(-6), this);
    m_to = new QDateEdit(today, this);
    for (QDateEdit* d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_shift = new QComboBox(this);
    m_shift->setObjectName(QStringLiteral("shiftFilter"));
    m_shift->addItem(tr("both shifts"), static_cast<int>(KpiFilter::Shift::Any));
    m_shift->addItem(tr("day shift"), static_cast<int>(KpiFilter::Shift::Day));
    m_shift->addItem(tr("night shift"), static_cast<int>(KpiFilter::Shift::Night));
    m_station = new QComboBox(this);
    m_station->setObjectName(QStringLiteral("stationFilter"));
    m_model = new QComboBox(this);
    m_batch = new QLineEdit(this);
    m_batch->setObjectName(QStringLiteral("batchFilter"));
    m_batch->setPlaceholderText(tr("Batch: scan, or leave empty"));
    m_batch->setClearButtonEnabled(true);
    // A scanned batch replaces the date range: the figures follow its units.
    connect(m_batch, &QLineEdit::returnPressed, this, [this] {
        m_batch->setText(m_batch->text().trimmed().toUpper());
        refresh();
    });
    m_agingHours = new QDoubleSpinBox(this);
    m_agingHours->setRange(1, 24 * 30);
    m_agingHours->setValue(24);
    m_agingHours->setSuffix(tr(" h"));

    // A changed filter shows its figures without a click on Refresh. The settle time lets a date
    // typed digit by digit, or arrowed through, ask once.
    m_filterSettle = new QTimer(this);
    m_filterSettle->setSingleShot(true);
    m_filterSettle->setInterval(350);
    connect(m_filterSettle, &QTimer::timeout, this, &DashboardPage::filterChanged);
    auto settle = [this] { m_filterSettle->start(); };
    for (QDateEdit* d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, settle);
    // activated: what the supervisor picks, not the lists being filled (setChoices).
    for (QComboBox* c : {m_shift, m_station, m_model})
        connect(c, &QComboBox::activated, this, settle);
    connect(m_agingHours, &QDoubleSpinBox::valueChanged, this, settle);

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    filters->addWidget(m_shift);
    filters->addWidget(new QLabel(tr("Station"), this));
    filters->addWidget(m_station);
    filters->addWidget(new QLabel(tr("Model"), this));
    filters->addWidget(m_model);
    filters->addWidget(new QLabel(tr("Aging after"), this));
    filters->addWidget(m_agingHours);
    filters->addStretch();
    return filters;
}

QHBoxLayout* DashboardPage::buildActions()
{
    m_interval = new QComboBox(this);
    m_interval->addItem(tr("manual"), 0);
    m_interval->addItem(tr("every 30 s"), 30);
    m_interval->addItem(tr("every minute"), 60);
    m_interval->addItem(tr("every 5 minutes"), 300);
    m_interval->setCurrentIndex(2);
    m_refresh = new QPushButton(tr("Refresh"), this);
    connect(m_refresh, &QPushButton::clicked, this, &DashboardPage::refresh);
    m_export = new QPushButton(tr("Export table to CSV…"), this);
    connect(m_export, &QPushButton::clicked, this, &DashboardPage::chooseExportFile);
    auto* reportButton = new QPushButton(tr("Report PDF…"), this);
    connect(reportButton, &QPushButton::clicked, this, &DashboardPage::chooseReportFile);
    m_recallField = new QLineEdit(this);
    m_recallField->setObjectName(QStringLiteral("recallField"));
    m_recallField->setPlaceholderText(tr("Recall: scan a unit"));
    m_recallField->setClearButtonEnabled(true);
    connect(m_recallField, &QLineEdit::returnPressed, this, &DashboardPage::recall);

    // The two scan fields share this row (the filters above fill a 1366 px screen), each wide
    // enough to show what it asks for.
    for (QLineEdit* field : {m_batch, m_recallField})
        field->setMinimumWidth(field->fontMetrics().horizontalAdvance(field->placeholderText()) + 48);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_interval);
    actions->addWidget(m_refresh);
    actions->addWidget(m_export);
    actions->addWidget(reportButton);
    actions->addWidget(m_batch, 1);
    actions->addWidget(m_recallField, 1);
    return actions;
}

QHBoxLayout* DashboardPage::buildStatusLine()
{
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0); // busy: the query reports no steps
    m_busy->setMaximumWidth(160);
    m_busy->hide();
    m_updated = new QLabel(this);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("dashboardNotice"));
    m_silent = new QLabel(this);
    m_silent->setObjectName(QStringLiteral("silentStations"));
    m_silent->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    m_silent->hide();
    auto* status = new QHBoxLayout;
    status->addWidget(m_busy);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelDashboardJobs"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &DashboardPage::cancelJobs);
    status->addWidget(m_cancel);
    status->addWidget(m_updated);
    status->addWidget(m_silent);
    status->addWidget(m_notice, 1);
    return status;
}

QGridLayout* DashboardPage::buildFigureTiles()
{
    auto* tiles = new QGridLayout;
    const std::pair<const char*, const char*> names[] = {
        {"fpy_inspect", QT_TR_NOOP("First-pass yield, inspect")},
        {"fpy_test", QT_TR_NOOP("First-pass yield, test")},
        {"rty", QT_TR_NOOP("Rolled throughput yield")},
        {"final_yield", QT_TR_NOOP("Final yield")},
        {"scrap_rate", QT_TR_NOOP("Scrap rate")},
        {"retest_rate", QT_TR_NOOP("Retest rate")},
        {"cards", QT_TR_NOOP("Cards received")},
        {"units", QT_TR_NOOP("Units mounted")},
    };
    int column = 0;
    for (const auto& [key, title] : names) {
        auto* caption = new QLabel(tr(title), this);
        auto* value = new QLabel(QStringLiteral("—"), this);
        value->setObjectName(QString::fromLatin1(key));
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.8);
        big.setBold(true);
        value->setFont(big);
        tiles->addWidget(caption, 0, column);
        tiles->addWidget(value, 1, column);
        m_figures.insert(QString::fromLatin1(key), value);
        ++column;
    }
    return tiles;
}

QGridLayout* DashboardPage::buildCharts()
{
    auto* charts = new QGridLayout;
    m_wipChart = BarChart::create(tr("Work in progress, by the step it waits for"));
    m_throughputChart = BarChart::create(throughputTitle(Per::Shift, {}));
    m_hourlyChart = BarChart::create(throughputTitle(Per::Hour, {}));
    m_paretoChart = BarChart::create(tr("Defect Pareto (click a bar for its units)"));
    m_repairChart = BarChart::create(tr("Units by repair loops"));
    // Four columns: the charts with many categories or a legend (throughput, the Pareto's long
    // defect names) take two, so that on a 1366 px screen no label or legend entry is cut.
    const struct
    {
        QChart* chart;
        int row, column, span;
    } places[] = {{m_wipChart, 0, 0, 1},
                  {m_throughputChart, 0, 1, 2},
                  {m_repairChart, 0, 3, 1},
                  {m_paretoChart, 1, 0, 2},
                  {m_hourlyChart, 1, 2, 2}};
    for (const auto& place : places) {
        auto* view = new QChartView(place.chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
        charts->addWidget(view, place.row, place.column, 1, place.span);
    }
    for (int column = 0; column < 4; ++column)
        charts->setColumnStretch(column, 1);
    connect(m_paretoChart, &QChart::plotAreaChanged, this, [this] {
        if (BarChart::categoriesThatFit(m_paretoChart, kParetoBars) != m_paretoShown)
            showPareto();
    });
    return charts;
}

QTabWidget* DashboardPage::buildTables()
{
    m_tables = new QTabWidget(this);
    m_aging = new AgingModel(this);
    m_msl = new MslAlarmModel(this);
    m_operators = new OperatorFiguresModel(this);
    m_anomalies = new AnomalyModel(this);
    m_drill = new DefectDrillModel(this);
    m_agingView = addTable(m_aging, tr("Aging WIP"));
    addTable(m_msl, tr("MSL alarms"));
    addTable(m_operators, tr("Operators"));
    m_anomalyView = addTable(m_anomalies, tr("Anomalies"));
    m_anomalyView->setSelectionMode(QAbstractItemView::SingleSelection);
    // Resolve sits beside the tabs and acts on the anomaly list's selected conflict.
    m_resolve = new QPushButton(tr("Resolve…"), m_tables);
    m_resolve->setObjectName(QStringLiteral("resolveConflict"));
    m_resolve->setToolTip(tr("Pick the record that stands in a conflict between stations"));
    m_tables->setCornerWidget(m_resolve, Qt::TopRightCorner);
    connect(m_resolve, &QPushButton::clicked, this, &DashboardPage::resolveSelected);
    connect(m_anomalyView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DashboardPage::updateResolveButton);
    connect(m_anomalies, &QAbstractItemModel::modelReset, this, &DashboardPage::updateResolveButton);
    connect(m_tables, &QTabWidget::currentChanged, this, &DashboardPage::updateResolveButton);
    updateResolveButton();
    m_slices = new DefectSliceModel(this);
    addTable(m_slices, tr("Defects by station, operator, lot"));
    m_drillView = addTable(m_drill, tr("Defect drill-down"));
    m_recall = new RecallModel(this);
    m_recallView = addTable(m_recall, tr("Recall"));
    m_spc = new SpcPanel(m_tables);
    m_tables->addTab(m_spc, tr("SPC chart"));
    m_spcAlarms = new SpcAlarmModel(this);
    addTable(m_spcAlarms, tr("SPC alarms"));
    connect(m_spc, &SpcPanel::measurementChanged, this, &DashboardPage::refreshSpc);

    // From a unit in a list to its full history: the serial is each of these tables' first column.
    for (QTableView* view : {m_agingView, m_drillView, m_recallView}) {
        connect(view, &QTableView::activated, this, [this, view](const QModelIndex& index) {
            emit traceRequested(view->model()->index(index.row(), 0).data().toString());
        });
    }
    return m_tables;
}

QTableView* DashboardPage::addTable(TextTableModel* model, const QString& title)
{
    auto* view = new QTableView(m_tables);
    view->setModel(model);
    // As when the tables were refilled from scratch: until a header is clicked, and again after
    // each refill, no column is marked sorted and the rows are in the order the query gave.
    QHeaderView* header = view->horizontalHeader();
    const auto unmarkSorted = [header] { header->setSortIndicator(-1, header->sortIndicatorOrder()); };
    unmarkSorted();
    connect(model, &QAbstractItemModel::modelReset, header, unmarkSorted);
    // Each refill sizes the columns to what they hold: no title or value is cut at 1366 px (a wide
    // table scrolls sideways inside its tab instead).
    connect(model, &QAbstractItemModel::modelReset, view, &QTableView::resizeColumnsToContents);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->horizontalHeader()->setStretchLastSection(true);
    view->verticalHeader()->hide();
    m_tables->addTab(view, title);
    return view;
}

void DashboardPage::startRefreshTimer()
{
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &DashboardPage::refresh);
    connect(m_interval, &QComboBox::currentIndexChanged, this, [this] {
        const int seconds = m_interval->currentData().toInt();
        if (seconds > 0)
            m_timer->start(seconds * 1000);
        else
            m_timer->stop();
    });
    m_timer->start(60 * 1000);
}

void DashboardPage::setChoices(const QList<StationInfo>& stations, const QStringList& models)
{
    m_station->clear();
    m_station->addItem(tr("all"), QString());
    for (const StationInfo& s : stations)
        m_station->addItem(s.id, s.id);
    m_model->clear();
    m_model->addItem(tr("all"), QString());
    for (const QString& m : models)
        m_model->addItem(m, m);
}

KpiFilter DashboardPage::filter() const
{
    KpiFilter f;
    f.from = m_from->date();
    f.to = m_to->date();
    f.station = m_station->currentData().toString();
    f.model = m_model->currentData().toString();
    f.shiftOfDay = static_cast<KpiFilter::Shift>(m_shift->currentData().toInt());
    f.batch = m_batch->text().trimmed().toUpper();
    f.agingHours = m_agingHours->value();
    f.now = m_clock.now();
    return f;
}

KpiFilter DashboardPage::filterInFactoryTime(KpiFilter f, const QSqlDatabase& db)
{
    // Unreadable shift settings leave the computer's own time zone: figures still come.
    Result<ShiftCalendar> calendar = ShiftCalendar::load(db);
    f.calendar = calendar ? calendar.value() : ShiftCalendar::local();
    return f;
}

KpiFilter DashboardPage::filterInFactoryTime(const QSqlDatabase& db) const
{
    return filterInFactoryTime(filter(), db);
}

bool DashboardPage::isRefreshing() const
{
    return m_watcher && m_watcher->isRunning();
}

QLabel* DashboardPage::figure(const QString& name) const
{
    return m_figures.value(name);
}

void DashboardPage::refresh()
{
    if (isRefreshing())
        return; // the timer never stacks queries
    m_refresh->setEnabled(false);
    m_started.start(); // how long the refresh took, shown to the supervisor: elapsed time, not the clock
    const KpiFilter f = filter();
    const QString path = m_databasePath;
    const std::shared_ptr<QueryCancel> cancel = startCancellable();
    m_refreshCancel = cancel;
    m_watcher = std::make_unique<QFutureWatcher<std::shared_ptr<Result<KpiReport>>>>();
    connect(m_watcher.get(), &QFutureWatcherBase::finished, this, [this, cancel] {
        const std::shared_ptr<Result<KpiReport>> r = shown(*cancel, m_watcher->result());
        ended(cancel);
        m_refreshCancel.reset();
        m_refresh->setEnabled(true);
        if (m_refreshAgain) {
            // The filter changed while this read ran: its figures answer the old question. The
            // watcher is still in its own signal, so the new read starts from the event loop.
            m_refreshAgain = false;
            QTimer::singleShot(0, this, &DashboardPage::refresh);
            return;
        }
        const qint64 ms = m_started.elapsed();
        if (!r->ok()) {
            m_updated->setText(r->error().message);
            emit refreshFailed(r->error().message);
            return;
        }
        show(r->value(), ms);
        emit refreshed(ms);
        refreshSpc();
    });
    // A connection of its own in the worker thread: the UI never waits for the database.
    m_watcher->setFuture(QtConcurrent::run([path, f, cancel]() {
        return readOnOwnConnection<KpiReport>(path, *cancel, [&f](const QSqlDatabase& db) {
            return KpiQuery(db).compute(filterInFactoryTime(f, db));
        });
    }));
    updateBusy();
}

void DashboardPage::filterChanged()
{
    if (!isRefreshing()) {
        refresh();
        return;
    }
    m_refreshAgain = true;
    if (m_refreshCancel)
        m_refreshCancel->cancel();
}

void DashboardPage::refreshSpc()
{
    const KpiFilter k = filter();
    const QString measurement = m_spc->measurement();
    inBackground<SpcQuery::Panel>(
        [k, measurement](const QSqlDatabase& db) {
            // The range's production days, as the figures above count them.
            const KpiFilter days = filterInFactoryTime(k, db);
            SpcFilter f;
            f.model = k.model;
            f.station = k.station;
            f.from = days.startUtc();
            f.to = days.endUtc();
            return SpcQuery(db).panel(measurement, f);
        },
        [this](const Result<SpcQuery::Panel>& r) {
            if (r) {
                m_spc->showChart(r->chart);
                m_spcAlarms->setRows(r->alarms);
            } else {
                m_spc->showMessage(r.error().message);
                m_spcAlarms->setRows({});
            }
            emit spcShown();
        },
        false);
}

void DashboardPage::show(const KpiReport& r, qint64 ms)
{
    m_report = r;
    m_updated->setText(tr("Updated %1 (%2 ms)")
                           .arg(m_clock.now().toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                           .arg(ms));
    showFigures(r);
    showCharts(r);
    showTables(r);
}

void DashboardPage::showFigures(const KpiReport& r)
{
    m_figures.value(QStringLiteral("fpy_inspect"))->setText(KpiReport::percentText(r.firstPassYieldInspect));
    m_figures.value(QStringLiteral("fpy_test"))->setText(KpiReport::percentText(r.firstPassYieldTest));
    m_figures.value(QStringLiteral("rty"))->setText(KpiReport::percentText(r.rolledThroughputYield));
    m_figures.value(QStringLiteral("final_yield"))->setText(KpiReport::percentText(r.finalYield));
    m_figures.value(QStringLiteral("scrap_rate"))->setText(KpiReport::percentText(r.scrapRate));
    m_figures.value(QStringLiteral("retest_rate"))->setText(KpiReport::percentText(r.retestRate));
    m_figures.value(QStringLiteral("cards"))->setText(QString::number(r.cardsReceived));
    m_figures.value(QStringLiteral("units"))->setText(QString::number(r.unitsMounted));
}

QString DashboardPage::throughputTitle(Per per, const ThroughputCharts::Shown& shown)
{
    if (per == Per::Shift)
        return shown.cut() ? tr("Throughput per station, the latest %1 of %2 shifts, against the target")
                                 .arg(shown.shown)
                                 .arg(shown.total)
                           : tr("Throughput per station and shift, against the target");
    return shown.cut() ? tr("Throughput per station, the latest %1 of %2 hours with work")
                             .arg(shown.shown)
                             .arg(shown.total)
                       : tr("Throughput per station and hour");
}

void DashboardPage::showCharts(const KpiReport& r)
{
    QStringList steps;
    for (const QString& step : KpiReport::wipSteps())
        steps << stepTitle(step);
    const QList<int> wip = r.wipCounts();
    BarChart::setBars(m_wipChart, steps, wip, Qt::Horizontal); // step names whole, beside their bars
    const QString station = m_station->currentData().toString();
    m_throughputChart->setTitle(
        throughputTitle(Per::Shift, ThroughputCharts::setPerShift(m_throughputChart, r, station)));
    m_hourlyChart->setTitle(
        throughputTitle(Per::Hour, ThroughputCharts::setPerHour(m_hourlyChart, r, station)));
    showPareto();
    QStringList loops;
    QList<int> units;
    for (auto it = r.repairLoops.constBegin(); it != r.repairLoops.constEnd(); ++it) {
        loops << QString::number(it.key());
        units << it.value();
    }
    BarChart::setBars(m_repairChart, loops, units);
}

void DashboardPage::showPareto()
{
    // As many of the most frequent defects as the tile shows with each name whole (a 1366x768
    // screen has room for five); the title says when some are left out. Redrawn when the tile's
    // size changes it.
    const qsizetype all = m_report.defectPareto.size();
    m_paretoShown = BarChart::categoriesThatFit(m_paretoChart, kParetoBars);
    QStringList codes, titles;
    QList<int> counts;
    for (const auto& [code, n] : m_report.defectPareto) {
        if (codes.size() == m_paretoShown)
            break;
        codes << code;
        titles << KpiTitles::defect(code);
        counts << n;
    }
    m_paretoChart->setTitle(
        codes.size() < all
            ? tr("Defect Pareto, the top %1 of %2 (click a bar for its units)").arg(codes.size()).arg(all)
            : tr("Defect Pareto (click a bar for its units)"));
    // Sideways: a defect's name is read whole beside its bar, never cut to fit under it.
    QBarSet* pareto = BarChart::setBars(m_paretoChart, titles, counts, Qt::Horizontal);
    connect(pareto, &QBarSet::clicked, this, [this, codes](int index) {
        const qsizetype code = BarChart::categoryOf(index, codes.size(), Qt::Horizontal);
        if (code >= 0 && code < codes.size())
            drillDefect(codes.at(code));
    });
}

void DashboardPage::showTables(const KpiReport& r)
{
    m_aging->setRows(r.aging);
    // The list holds the oldest only: the tab says how many are idle in all.
    m_tables->setTabText(
        m_tables->indexOf(m_agingView),
        r.agingCount > r.aging.size()
            ? tr("Aging WIP (%1; the %2 oldest listed)").arg(r.agingCount).arg(r.aging.size())
            : tr("Aging WIP (%1)").arg(r.agingCount));
    m_msl->setRows(r.mslAlarms);
    m_operators->setRows(r.operators);
    m_anomalies->setRows(r.anomalies);
    m_silent->setVisible(!r.silentStations.isEmpty());
    m_silent->setText(
        tr("Not synced for more than a day: %1").arg(r.silentStations.join(QStringLiteral(", "))));
    m_slices->setRows(r.defectSlices);
}

void DashboardPage::drillDefect(const QString& code)
{
    const KpiFilter f = filter();
    const quint64 serial = ++m_drillSerial;
    inBackground<QList<KpiQuery::DefectHit>>(
        [f, code](const QSqlDatabase& db) {
            return KpiQuery(db).defectHits(filterInFactoryTime(f, db), code);
        },
        [this, code, serial](const Result<QList<KpiQuery::DefectHit>>& hits) {
            if (serial != m_drillSerial)
                return;
            if (!hits) {
                m_updated->setText(hits.error().message);
                return;
            }
            m_drill->setHits(code, hits.value());
            m_tables->setCurrentWidget(m_drillView);
        });
}

void DashboardPage::recall()
{
    const QString scanned = m_recallField->text();
    const quint64 serial = ++m_recallSerial;
    inBackground<QList<RecallQuery::Hit>>(
        [scanned](const QSqlDatabase& db) { return RecallQuery(db).find(scanned, RecallQuery::allLinks()); },
        [this, scanned, serial](const Result<QList<RecallQuery::Hit>>& hits) {
            if (serial != m_recallSerial)
                return;
            if (!hits) {
                m_updated->setText(hits.error().message);
                m_recall->setRows({});
            } else {
                m_updated->setText(tr("%1 items share something with %2").arg(hits->size()).arg(scanned));
                m_recall->setRows(hits.value());
            }
            m_tables->setCurrentWidget(m_recallView);
            m_recallField->selectAll();
        });
}

Status DashboardPage::exportCurrentTable(const QString& path) const
{
    auto* view = qobject_cast<QTableView*>(m_tables->currentWidget());
    if (!view)
        return {};
    // Rows in the order shown: sorting by a header reorders the model itself.
    return CsvWriter::write(path, static_cast<const TextTableModel*>(view->model())->textTable());
}

void DashboardPage::chooseReportFile()
{
    const QString path =
        FileDialogs::saveFile(this, tr("Report"), QStringLiteral("report.pdf"), tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        writeReport(path);
}

void DashboardPage::writeReport(const QString& path)
{
    // Painted on a worker thread (QPdfWriter needs no screen): a long range takes seconds.
    const KpiFilter f = filter();
    const QString title = tr("Report %1 to %2").arg(f.from.toString(Qt::ISODate), f.to.toString(Qt::ISODate));
    m_updated->setText(tr("Writing the report to %1…").arg(path));
    inBackground<bool>(
        [f, title, path](const QSqlDatabase& db) -> Result<bool> {
            if (Status st = ReportDocument::writeShiftReport(db, filterInFactoryTime(f, db), title, path);
                !st)
                return st.error();
            return true;
        },
        [this, path](const Result<bool>& written) {
            m_updated->setText(written ? tr("Report saved to %1").arg(path) : written.error().message);
        });
}

void DashboardPage::chooseExportFile()
{
    const QString path =
        FileDialogs::saveFile(this, tr("Export table"), QStringLiteral("table.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    const Status st = exportCurrentTable(path);
    m_updated->setText(st ? tr("Exported %1").arg(path) : st.error().message);
}

void DashboardPage::setActor(const Session& session, const QSqlDatabase& db)
{
    m_session = session;
    m_actorDb = db;
    // The core answers, as it will when the resolution is made; nobody logged in may do nothing.
    m_mayResolve = !session.operatorInfo.id.isEmpty() &&
                   Authority::require(db, session.operatorInfo, QStringLiteral("conflicts.resolve")).ok();
    updateResolveButton();
}

qint64 DashboardPage::selectedConflict() const
{
    const QModelIndexList rows = m_anomalyView->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return 0;
    const KpiReport::Anomaly& a = m_anomalies->rowAt(rows.first().row());
    return a.resolved ? 0 : a.conflict;
}

void DashboardPage::updateResolveButton()
{
    const bool onList = m_tables->currentWidget() == m_anomalyView;
    m_resolve->setVisible(onList);
    m_resolve->setEnabled(m_mayResolve && selectedConflict() != 0);
}

void DashboardPage::resolveSelected()
{
    const qint64 id = selectedConflict();
    if (!m_mayResolve || id == 0)
        return;
    Result<QList<Conflict>> all = ConflictResolution(m_actorDb, m_clock).list();
    if (!all) {
        m_notice->setText(all.error().message);
        return;
    }
    const auto found =
        std::find_if(all->begin(), all->end(), [id](const Conflict& c) { return c.serverId == id; });
    if (found == all->end())
        return;
    Result<QList<ConflictSide>> sides = ConflictSides(m_actorDb).of(found->eventIds);
    if (!sides) {
        m_notice->setText(sides.error().message);
        return;
    }
    auto* dialog = new ConflictDialog(*found, sides.value(), m_actorDb, m_session, m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConflictDialog::resolved, this, [this](const QString& message) {
        m_notice->setText(message);
        emit conflictResolved();
        refresh();
    });
    dialog->open();
}

} // namespace rework
