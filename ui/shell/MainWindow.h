#pragma once

#include "common/Session.h"
#include "labels/LabelTemplate.h"
#include "storage/TableCounts.h"

#include <QFutureWatcher>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTableView;

namespace rework {

class Database;
class LoginPage;
class Recorder;
class ResultBanner;
class StepForm;
class DashboardPage;
class IdleWatcher;
class OperatorsPage;
class TimelineModel;
class SessionController;
class StationPage;
class TracePage;

/// The application shell: login, the form of the station's step with the scanned item's history
/// beside it, "scan anything", the trace view (with voids for supervisors), the empty-database
/// offer of demo data, and a status bar with who, where and which database.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Database& db, Recorder& recorder, QWidget* parent = nullptr);

    /// Opens on the screen as it was left (size, place, maximised), or maximised the first time.
    void showForStation();
    /// Kept in the settings for the next window: a language change or the next start.
    void rememberGeometry();

    /// Binds this PC to one station; without it the operator picks one at login (single-PC mode).
    void setFixedStation(const QString& stationId);

    LoginPage* loginPage() const { return m_login; }
    StationPage* stationPage() const { return m_station; }
    StepForm* form(Step step) const;
    StepForm* currentForm() const;
    QLineEdit* scanAnythingField() const;
    /// Where "scan anything" answers: the station tab has one banner, the current form's, so a
    /// red and a green outcome never show at once.
    ResultBanner* scanBanner() const;
    /// The scanned item's genealogy, one line; its events are in historyModel().
    QLabel* historyView() const;
    TimelineModel* historyModel() const;
    QTabWidget* tabs() const { return m_tabs; }
    DashboardPage* dashboard() const { return m_dashboard; }
    TracePage* tracePage() const { return m_trace; }
    QLineEdit* traceField() const;
    QPushButton* voidButton() const;
    ResultBanner* traceBanner() const;
    QPushButton* demoButton() const { return m_demoButton; }
    QFrame* demoBanner() const { return m_demoBanner; }
    QLabel* sessionLabel() const { return m_sessionLabel; }
    QPushButton* traceLabelButton() const;
    class SyncPanel* syncPanel() const { return m_sync; }
    QAction* syncAction() const { return m_syncAction; }
    QAction* settingsAction() const { return m_settingsAction; }
    QLabel* databaseLabel() const { return m_dbLabel; }
    QLabel* countsLabel() const { return m_countsLabel; }
    const Session& session() const;
    IdleWatcher* idleWatcher() const { return m_idle; }
    OperatorsPage* operatorsPage() const { return m_operators; }
    int operatorsTab() const { return m_operatorsTab; }
    /// Whether the screen is locked with someone's work kept for them.
    bool isLocked() const;
    SessionController* sessions() const { return m_sessions; }

public slots:
    void refresh();
    void loadDemoData();
    void backUpIfDue();
    void startSession(const rework::Session& session);
    void logout();
    /// Idle: back to the login screen, keeping the unsaved form for the same operator.
    void lockScreen();
    /// Logs out an operator an admin has disabled (here or at another station, by sync).
    void checkOperatorStillActive();
    /// The admin's settings dialog (permission `settings.change`).
    void openSettings();

signals:
    /// The user chose another language: the application reloads its translations and rebuilds
    /// the window.
    void languageChosen(const QString& code);
    /// The daily backup, made on a worker thread, is written (`path`) or failed (`error`, shown).
    void backupFinished(const QString& path, const QString& error);

protected:
    void closeEvent(QCloseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void moveEvent(QMoveEvent* event) override;
    /// Saves the geometry a moment after the last resize or move, once showForStation() has
    /// shown the window: a shop PC is often switched off, not closed.
    void rememberGeometrySoon();

private:
    // The constructor's parts, in the order it calls them.
    void buildDemoBanner(QWidget* parent);
    /// Station, trace, dashboard and operators, in m_pages beside the login page.
    void buildTabs();
    /// Session (with sync and settings) and language; creates m_sync.
    void buildMenus();
    /// Needs m_sync: its status label sits there.
    void buildStatusBar();
    void buildShortcuts();
    /// Hourly backup check, idle lock, the check that the operator is still active.
    void startTimers();
    void switchToStation(const StationInfo& station);
    /// A new operator's screen: forms reset (no banner, no label offered), no history, no trace.
    void startClean();
    void chooseLanguage(const QString& code);
    /// Counts every table on a worker thread (its own connection); the status bar shows them when
    /// they arrive and refresh() adds to them from then on.
    void countInBackground();
    void showCounts(const TableCounts::Counts& counts);

    Database& m_db;
    Recorder& m_recorder;
    /// The acting session, the idle lock and its resume: the core's.
    SessionController* m_sessions;
    QPointer<QWidget> m_lockedFocus;
    IdleWatcher* m_idle = nullptr;
    OperatorsPage* m_operators = nullptr;
    int m_operatorsTab = -1;
    class SyncPanel* m_sync = nullptr;
    QAction* m_syncAction = nullptr;
    QAction* m_settingsAction = nullptr;
    QString m_fixedStation;
    QTimer* m_geometrySaver = nullptr; // set once the window is the station's, by showForStation()
    QStackedWidget* m_pages = nullptr;
    LoginPage* m_login = nullptr;
    QTabWidget* m_tabs = nullptr;
    DashboardPage* m_dashboard = nullptr;
    int m_dashboardTab = -1;
    StationPage* m_station = nullptr;
    TracePage* m_trace = nullptr;
    QFrame* m_demoBanner = nullptr;
    QPushButton* m_demoButton = nullptr;
    QLabel* m_sessionLabel = nullptr;
    QLabel* m_dbLabel = nullptr;
    QLabel* m_countsLabel = nullptr;
    /// The last full count; refresh() adds the rows recorded since (TableCounts::since).
    std::optional<TableCounts::Counts> m_counts;
    QFutureWatcher<std::optional<TableCounts::Counts>>* m_counting = nullptr;
    /// What a daily backup on its worker thread came to: the file written, or the error.
    struct BackupOutcome
    {
        QString path, error;
    };
    QFutureWatcher<BackupOutcome>* m_backingUp = nullptr;
};

} // namespace rework
