#pragma once

#include "ThroughputCharts.h"
#include "common/Session.h"
#include "domain/Snapshot.h"
#include "reports/KpiQuery.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QWidget>

#include <memory>

class QChart;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QGridLayout;
class QHBoxLayout;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;
template <typename T> class QFutureWatcher;

namespace rework {

class AgingModel;
class AnomalyModel;
class Clock;
class DefectDrillModel;
class DefectSliceModel;
class MslAlarmModel;
class OperatorFiguresModel;
class RecallModel;
class SpcAlarmModel;
class SpcPanel;
class QueryCancel;
class TextTableModel;

/// The supervisor's view of the floor: WIP and aging, throughput, yields, defect Pareto with
/// drill-down to units, MSL alarms, operators and anomalies. Figures are computed off the UI
/// thread on a connection of their own, on demand and on a timer.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    DashboardPage(QString databasePath, const Clock& clock, QWidget* parent = nullptr);
    ~DashboardPage() override;

    void setChoices(const QList<StationInfo>& stations, const QStringList& models);
    KpiFilter filter() const;
    /// The filter with the factory's shift calendar from the database's settings.
    KpiFilter filterInFactoryTime(const QSqlDatabase& db) const;
    static KpiFilter filterInFactoryTime(KpiFilter f, const QSqlDatabase& db);
    const KpiReport& report() const { return m_report; }
    bool isRefreshing() const;
    /// True while a drill-down, recall or report runs in the background.
    bool isBusy() const { return m_jobs > 0; }
    /// Stops the refresh and every drill-down, recall or report still running: their reads fail at
    /// once and nothing they found is shown.
    void cancelJobs();
    QPushButton* cancelButton() const { return m_cancel; }

    QChart* wipChart() const { return m_wipChart; }
    QChart* throughputChart() const { return m_throughputChart; }
    QChart* hourlyChart() const { return m_hourlyChart; }
    QComboBox* shiftFilter() const { return m_shift; }
    QLineEdit* batchFilter() const { return m_batch; }
    QChart* paretoChart() const { return m_paretoChart; }
    QChart* repairChart() const { return m_repairChart; }
    AgingModel* agingModel() const { return m_aging; }
    MslAlarmModel* mslModel() const { return m_msl; }
    OperatorFiguresModel* operatorModel() const { return m_operators; }
    AnomalyModel* anomalyModel() const { return m_anomalies; }
    DefectDrillModel* drillModel() const { return m_drill; }
    DefectSliceModel* sliceModel() const { return m_slices; }
    QTableView* drillView() const { return m_drillView; }
    RecallModel* recallModel() const { return m_recall; }
    SpcPanel* spcPanel() const { return m_spc; }
    SpcAlarmModel* spcAlarmModel() const { return m_spcAlarms; }
    QLineEdit* recallField() const { return m_recallField; }
    QLabel* figure(const QString& name) const;
    QComboBox* refreshInterval() const { return m_interval; }
    QTableView* anomalyView() const { return m_anomalyView; }
    QPushButton* resolveButton() const { return m_resolve; }
    /// The warning line naming stations that have not synced for more than a day.
    QLabel* silentStationsLine() const { return m_silent; }
    /// What the last resolution did (or why it was refused).
    QLabel* noticeLine() const { return m_notice; }

    /// Who is logged in, and the station's database their changes go to: the Resolve action is
    /// enabled only when their role may resolve conflicts.
    void setActor(const Session& session, const QSqlDatabase& db);

public slots:
    void refresh();
    /// The units behind one defect code (what clicking its Pareto bar does), found in the
    /// background; the drill-down tab shows them when they come.
    void drillDefect(const QString& code);
    /// Every item sharing a lot, flux lot, stencil, profile, operator or hour with the scanned one.
    void recall();
    /// Writes the shift report of the filter's range to `path` in the background; the status
    /// line says when it is saved.
    void writeReport(const QString& path);
    /// Exports the table on the visible tab (what the button does after its file dialog).
    Status exportCurrentTable(const QString& path) const;
    /// Opens the dialog that resolves the conflict selected in the anomaly list.
    void resolveSelected();
    /// The SPC tab's chart of the chosen measurement and the alarm list, for the filter's
    /// station, model and dates, in the background (each refresh does it too).
    void refreshSpc();
    /// A filter was changed: its figures are read now, or, while a read runs, that read is
    /// stopped and the new one follows it.
    void filterChanged();

signals:
    void refreshed(qint64 milliseconds);
    /// A background drill-down, recall or report has delivered (its outcome is on the page).
    void jobFinished();
    /// The SPC chart and alarm list show the newest figures (or why there are none).
    void spcShown();
    void refreshFailed(const QString& message);
    void traceRequested(const QString& serial);
    /// A supervisor closed a conflict here: records were voided.
    void conflictResolved();

private:
    QHBoxLayout* buildFilters();
    QHBoxLayout* buildActions();
    QHBoxLayout* buildStatusLine();
    QGridLayout* buildFigureTiles();
    QGridLayout* buildCharts();
    QTabWidget* buildTables();
    void startRefreshTimer();
    QTableView* addTable(TextTableModel* model, const QString& title);

    void show(const KpiReport& report, qint64 ms);
    void showFigures(const KpiReport& report);
    void showCharts(const KpiReport& report);
    enum class Per
    {
        Shift,
        Hour
    };
    /// A throughput chart's title; it says when the chart shows only the latest of the range.
    static QString throughputTitle(Per per, const ThroughputCharts::Shown& shown);
    void showTables(const KpiReport& report);
    /// The Pareto of the report shown, with as many bars as its tile has room for.
    void showPareto();
    void chooseExportFile();
    void chooseReportFile();
    void updateResolveButton();
    /// Runs `work` on a worker thread with a database connection of its own and hands its
    /// result to `done` on the UI thread (a queued signal); the busy bar shows meanwhile.
    /// `announce`: emit jobFinished() after `done` (the SPC refresh that follows each refresh
    /// emits spcShown() instead).
    template <typename T, typename Work, typename Done>
    void inBackground(Work work, Done done, bool announce = true);
    /// The busy bar and its Cancel show while anything runs.
    void updateBusy();
    std::shared_ptr<QueryCancel> startCancellable();
    /// What a read the supervisor cancelled gives instead of its result.
    static Error cancelledError();
    /// On a worker thread: `work` on a connection of its own that `cancel` can stop.
    template <typename T, typename Work>
    static std::shared_ptr<Result<T>> readOnOwnConnection(const QString& path, QueryCancel& cancel,
                                                          Work work);
    /// On the UI thread, as a read's result arrives: cancelledError() once `cancel` was pressed.
    template <typename T>
    static std::shared_ptr<Result<T>> shown(const QueryCancel& cancel, std::shared_ptr<Result<T>> outcome);
    void ended(const std::shared_ptr<QueryCancel>& cancel);
    /// The open conflict of the selected anomaly line, or 0.
    qint64 selectedConflict() const;

    QString m_databasePath;
    SpcPanel* m_spc = nullptr;
    SpcAlarmModel* m_spcAlarms = nullptr;
    const Clock& m_clock;
    KpiReport m_report;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_station = nullptr;
    QComboBox* m_model = nullptr;
    QComboBox* m_shift = nullptr;
    QLineEdit* m_batch = nullptr;
    QDoubleSpinBox* m_agingHours = nullptr;
    QComboBox* m_interval = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_export = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_cancel = nullptr;
    /// One per read running on a worker; taken out as it ends.
    QList<std::shared_ptr<QueryCancel>> m_cancels;
    std::shared_ptr<QueryCancel> m_refreshCancel; // the running refresh's, if any
    bool m_refreshAgain = false;                  // a filter changed while it ran
    QTimer* m_filterSettle = nullptr;
    QLabel* m_updated = nullptr;
    QLabel* m_silent = nullptr;
    QLabel* m_notice = nullptr;
    QPushButton* m_resolve = nullptr;
    QTableView* m_anomalyView = nullptr;
    Session m_session;
    QSqlDatabase m_actorDb;
    bool m_mayResolve = false;
    QHash<QString, QLabel*> m_figures;
    QChart* m_wipChart = nullptr;
    QChart* m_throughputChart = nullptr;
    QChart* m_hourlyChart = nullptr;
    QChart* m_paretoChart = nullptr;
    int m_paretoShown = 0; // bars the Pareto tile had room for when last drawn
    QChart* m_repairChart = nullptr;
    QTabWidget* m_tables = nullptr;
    AgingModel* m_aging = nullptr;
    QTableView* m_agingView = nullptr;
    MslAlarmModel* m_msl = nullptr;
    OperatorFiguresModel* m_operators = nullptr;
    AnomalyModel* m_anomalies = nullptr;
    DefectDrillModel* m_drill = nullptr;
    DefectSliceModel* m_slices = nullptr;
    QTableView* m_drillView = nullptr;
    RecallModel* m_recall = nullptr;
    QTableView* m_recallView = nullptr;
    QLineEdit* m_recallField = nullptr;
    QTimer* m_timer = nullptr;
    std::unique_ptr<QFutureWatcher<std::shared_ptr<Result<KpiReport>>>> m_watcher;
    QElapsedTimer m_started;
    int m_jobs = 0;
    /// Only the newest drill-down (or recall) fills its table; an older one that ends late is dropped.
    quint64 m_drillSerial = 0;
    quint64 m_recallSerial = 0;
};

} // namespace rework
