#include "MainWindow.h"

#include "admin/OperatorsPage.h"
#include "auth/SessionController.h"
#include "common/FileDialogs.h"
#include "common/IdleWatcher.h"
#include "common/ResultBanner.h"
#include "common/TimelineModel.h"
#include "dashboard/DashboardPage.h"
#include "demo/DemoGenerator.h"
#include "labels/CommandSheet.h"
#include "login/LoginPage.h"
#include "settings/SettingsDialog.h"
#include "stations/StationPage.h"
#include "stations/StepForm.h"
#include "storage/AuditLog.h"
#include "storage/Backup.h"
#include "storage/ConfigStore.h"
#include "storage/Database.h"
#include "storage/StationRegistry.h"
#include "storage/TableCounts.h"
#include "syncstatus/SyncPanel.h"
#include "trace/TraceQuery.h"
#include "tracing/TracePage.h"
#include "workflow/FieldSpec.h"
#include "workflow/NextStep.h"
#include "workflow/Recorder.h"

#include <QApplication>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPalette>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <spdlog/spdlog.h>

#include <algorithm>

namespace rework {

MainWindow::MainWindow(Database& db, Recorder& recorder, QWidget* parent)
    : QMainWindow(parent), m_db(db), m_recorder(recorder),
      m_sessions(new SessionController(db.connection(), recorder.clock(), this))
{
    setWindowTitle(tr("ReworkTrack"));
    // Until showForStation() maximises it or gives it back its last geometry: never past the screen.
    if (const QScreen* here = screen())
        resize(QSize(1280, 860).boundedTo(here->availableGeometry().size()));
    else
        resize(1280, 860);
    // Large type for arm's length reading on the floor; set first so every child inherits it.
    // At least 12 pt, whatever the desktop's default (9 pt on a bare X server).
    QFont f = font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(std::max(12.0, f.pointSizeF() * 1.3));
    setFont(f);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    buildDemoBanner(central);
    layout->addWidget(m_demoBanner);
    m_pages = new QStackedWidget(central);
    m_login = new LoginPage(m_db, *m_sessions, m_pages);
    m_pages->addWidget(m_login);
    buildTabs();
    m_pages->addWidget(m_tabs);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_login, &LoginPage::loggedIn, this, &MainWindow::startSession);

    buildMenus();
    buildStatusBar();
    buildShortcuts();
    m_counting = new QFutureWatcher<std::optional<TableCounts::Counts>>(this);
    connect(m_counting, &QFutureWatcherBase::finished, this, [this] {
        if (const std::optional<TableCounts::Counts> counts = m_counting->result()) {
            // Its snapshot may predate saves made meanwhile: refresh adds the rows since.
            m_counts = counts;
            refresh();
        } else {
            m_countsLabel->setText(tr("Counts unavailable; see the log"));
        }
    });
    m_backingUp = new QFutureWatcher<BackupOutcome>(this);
    connect(m_backingUp, &QFutureWatcherBase::finished, this, [this] {
        const BackupOutcome done = m_backingUp->result();
        if (done.error.isEmpty())
            statusBar()->showMessage(tr("Daily backup written to %1").arg(done.path), 10000);
        else
            statusBar()->showMessage(tr("Daily backup failed: %1").arg(done.error), 30000);
        emit backupFinished(done.path, done.error);
    });
    connect(&m_recorder, &Recorder::recorded, this, &MainWindow::refresh);
    connect(&m_recorder, &Recorder::recorded, m_sync, &SyncPanel::refreshStatus);
    // The window of the new language opens where and as large as this one (connected first: it
    // runs before the application rebuilds the window).
    connect(this, &MainWindow::languageChosen, this, &MainWindow::rememberGeometry);
    startTimers();
    logout();
    refresh();
}

void MainWindow::showForStation()
{
    if (!m_geometrySaver) {
        m_geometrySaver = new QTimer(this);
        m_geometrySaver->setSingleShot(true);
        m_geometrySaver->setInterval(500);
        connect(m_geometrySaver, &QTimer::timeout, this, &MainWindow::rememberGeometry);
    }
    const QByteArray saved = QSettings().value(QStringLiteral("ui/geometry")).toByteArray();
    // restoreGeometry keeps a window saved on another monitor on this one.
    if (!saved.isEmpty() && restoreGeometry(saved)) {
        show();
        return;
    }
    // The whole screen even where no window manager maximises it (kiosk PCs run none).
    if (const QScreen* here = screen())
        setGeometry(here->availableGeometry());
    showMaximized();
}

void MainWindow::rememberGeometry()
{
    QSettings().setValue(QStringLiteral("ui/geometry"), saveGeometry());
}

void MainWindow::rememberGeometrySoon()
{
    if (m_geometrySaver && isVisible())
        m_geometrySaver->start();
}

void MainWindow::resizeEvent(QResizeEvent* event)
{
    QMainWindow::resizeEvent(event);
    rememberGeometrySoon();
}

void MainWindow::moveEvent(QMoveEvent* event)
{
    QMainWindow::moveEvent(event);
    rememberGeometrySoon();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    rememberGeometry();
    QMainWindow::closeEvent(event);
}

void MainWindow::buildDemoBanner(QWidget* parent)
{
    m_demoBanner = new QFrame(parent);
    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setFrameShape(QFrame::StyledPanel);
    m_demoBanner->setAutoFillBackground(true);
    QPalette bannerPalette = m_demoBanner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    m_demoBanner->setPalette(bannerPalette);
    auto* bannerLayout = new QHBoxLayout(m_demoBanner);
    auto* bannerText =
        new QLabel(tr("This database is empty. Load demo data to try ReworkTrack, or add stations and "
                      "operators with reworkctl."),
                   m_demoBanner);
    bannerText->setWordWrap(true);
    bannerLayout->addWidget(bannerText, 1);
    m_demoButton = new QPushButton(tr("Load demo data"), m_demoBanner);
    m_demoButton->setObjectName(QStringLiteral("demoButton"));
    m_demoButton->setMinimumHeight(48);
    bannerLayout->addWidget(m_demoButton);
    connect(m_demoButton, &QPushButton::clicked, this, &MainWindow::loadDemoData);
}

void MainWindow::buildTabs()
{
    m_tabs = new QTabWidget(m_pages);
    m_station = new StationPage(m_db, m_recorder, m_tabs);
    m_tabs->addTab(m_station, tr("Station"));
    connect(m_station, &StationPage::stationNeeded, this, &MainWindow::switchToStation);
    m_trace = new TracePage(m_recorder, m_tabs);
    m_tabs->addTab(m_trace, tr("Trace"));
    // A void changes what every view shows.
    connect(m_trace, &TracePage::changed, this, &MainWindow::refresh);
    // Its charts and tables want more height than a 1366×768 screen has: the page scrolls
    // rather than hold the whole window (and every station form) past the screen.
    auto* dashboardArea = new QScrollArea(m_tabs);
    dashboardArea->setWidgetResizable(true);
    dashboardArea->setFrameShape(QFrame::NoFrame);
    dashboardArea->setFocusPolicy(Qt::NoFocus);
    m_dashboard = new DashboardPage(m_db.path(), m_recorder.clock(), dashboardArea);
    dashboardArea->setWidget(m_dashboard);
    m_dashboardTab = m_tabs->addTab(dashboardArea, tr("Dashboard"));
    // Voids made by a resolution change what every view shows.
    connect(m_dashboard, &DashboardPage::conflictResolved, this, &MainWindow::refresh);
    connect(m_dashboard, &DashboardPage::traceRequested, this, [this](const QString& serial) {
        m_tabs->setCurrentIndex(1);
        m_trace->trace(serial);
    });
    // The dashboard takes the keyboard itself, never a date field: a stray scan changes nothing.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentIndex() == m_dashboardTab)
            m_dashboard->setFocus();
    });
    m_operators = new OperatorsPage(m_db, m_tabs);
    m_operatorsTab = m_tabs->addTab(m_operators, tr("Operators"));
    connect(m_operators, &OperatorsPage::changed, this, &MainWindow::checkOperatorStillActive);
}

void MainWindow::buildMenus()
{
    QMenu* session = menuBar()->addMenu(tr("&Session"));
    session->addAction(tr("Log out"), this, &MainWindow::logout);
    session->addAction(tr("Save command barcode sheet…"), this, [this] {
        const QString path = FileDialogs::saveFile(this, tr("Command barcodes"),
                                                   QStringLiteral("commands.pdf"), tr("PDF (*.pdf)"));
        if (path.isEmpty())
            return;
        const Status st = CommandSheet::writePdf(path, m_recorder.config().defectCodes);
        statusBar()->showMessage(st ? tr("Saved %1: print it for the benches").arg(path) : st.error().message,
                                 10000);
    });
    m_sync = new SyncPanel(m_db, m_recorder.clock(), this);
    m_syncAction = session->addAction(tr("Sync now"), m_sync, &SyncPanel::syncNow);
    m_syncAction->setObjectName(QStringLiteral("syncNow"));
    connect(m_sync, &SyncPanel::finished, this, [this](bool ok, const QString& message) {
        statusBar()->showMessage(message, 15000);
        // What the sync brought in (conflicts, other stations' last sync) shows without waiting.
        if (ok && m_tabs->currentIndex() == m_dashboardTab)
            m_dashboard->refresh();
    });
    m_settingsAction = session->addAction(tr("Settings…"), this, &MainWindow::openSettings);
    m_settingsAction->setObjectName(QStringLiteral("settings"));
    session->addAction(tr("Quit"), qApp, &QApplication::quit);
    QMenu* language = menuBar()->addMenu(tr("&Language"));
    language->addAction(QStringLiteral("English"), this, [this] { chooseLanguage(QStringLiteral("en")); });
    language->addAction(QStringLiteral("中文（简体）"), this,
                        [this] { chooseLanguage(QStringLiteral("zh_CN")); });
}

void MainWindow::buildStatusBar()
{
    m_sessionLabel = new QLabel(this);
    m_sessionLabel->setObjectName(QStringLiteral("sessionLabel"));
    m_dbLabel = new QLabel(this);
    m_dbLabel->setObjectName(QStringLiteral("databaseLabel"));
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    statusBar()->addWidget(m_sessionLabel);
    statusBar()->addWidget(m_dbLabel, 1);
    statusBar()->addPermanentWidget(m_sync->statusLabel());
    statusBar()->addPermanentWidget(m_countsLabel);
}

void MainWindow::buildShortcuts()
{
    // Keyboard only: F2 jumps to "scan anything", F3 to the trace.
    auto* scanKey = new QShortcut(QKeySequence(Qt::Key_F2), this);
    scanKey->setContext(Qt::ApplicationShortcut); // also when a window manager has not marked us active
    connect(scanKey, &QShortcut::activated, this, [this] {
        if (m_pages->currentWidget() != m_tabs)
            return;
        m_tabs->setCurrentIndex(0);
        m_station->scanAnythingField()->setFocus();
    });
    auto* traceKey = new QShortcut(QKeySequence(Qt::Key_F3), this);
    traceKey->setContext(Qt::ApplicationShortcut);
    connect(traceKey, &QShortcut::activated, this, [this] {
        if (m_pages->currentWidget() != m_tabs)
            return;
        m_tabs->setCurrentIndex(1);
        m_trace->traceField()->setFocus();
        m_trace->traceField()->selectAll();
    });
}

void MainWindow::startTimers()
{
    // A daily online backup while the app runs (checked every hour, made off the UI thread), the
    // first check a few seconds after start: the copy reads the whole file, and the login screen
    // comes first.
    auto* backupTimer = new QTimer(this);
    connect(backupTimer, &QTimer::timeout, this, &MainWindow::backUpIfDue);
    backupTimer->start(3600 * 1000);
    QTimer::singleShot(3000, this, &MainWindow::backUpIfDue);

    m_idle = new IdleWatcher(m_recorder.clock(), this);
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lockScreen);
    // An admin may disable an operator at another PC; sync brings it here within the minute.
    auto* activeCheck = new QTimer(this);
    connect(activeCheck, &QTimer::timeout, this, &MainWindow::checkOperatorStillActive);
    activeCheck->start(15 * 1000);
}

void MainWindow::setFixedStation(const QString& stationId)
{
    m_fixedStation = stationId;
    m_login->setFixedStation(stationId);
    m_station->setBoundToStation(!stationId.isEmpty());
    refresh();
}

StepForm* MainWindow::form(Step step) const
{
    return m_station->form(step);
}

StepForm* MainWindow::currentForm() const
{
    return m_station->currentForm();
}

QLineEdit* MainWindow::scanAnythingField() const
{
    return m_station->scanAnythingField();
}

ResultBanner* MainWindow::scanBanner() const
{
    return m_station->scanBanner();
}

QLabel* MainWindow::historyView() const
{
    return m_station->historyView();
}

TimelineModel* MainWindow::historyModel() const
{
    return m_station->historyModel();
}

const Session& MainWindow::session() const
{
    return m_sessions->acting();
}

bool MainWindow::isLocked() const
{
    return m_sessions->isLocked();
}

QLineEdit* MainWindow::traceField() const
{
    return m_trace->traceField();
}

QPushButton* MainWindow::voidButton() const
{
    return m_trace->voidButton();
}

ResultBanner* MainWindow::traceBanner() const
{
    return m_trace->banner();
}

QPushButton* MainWindow::traceLabelButton() const
{
    return m_trace->labelButton();
}

void MainWindow::startSession(const Session& session)
{
    // After an idle lock the same operator at the same station goes on where they were (the core
    // decides); anyone else starts with empty forms.
    const bool wasLocked = m_sessions->isLocked();
    const bool resumes = m_sessions->start(session);
    if (wasLocked && !resumes)
        startClean();
    const QPointer<QWidget> resumeFocus = resumes ? m_lockedFocus : QPointer<QWidget>();
    m_lockedFocus.clear();
    m_sync->setActor(session.operatorInfo);
    if (!resumes)
        switchToStation(session.station);
    else
        m_station->setSession(session);
    // What the screen offers follows the permissions table (by default: voids and the dashboard
    // for supervisors and admins, operator accounts for admins).
    const QString role = session.operatorInfo.role;
    const bool seesDashboard = m_recorder.config().permits(role, QStringLiteral("dashboard.view"));
    const bool managesOperators = m_recorder.config().permits(role, QStringLiteral("operators.manage"));
    m_trace->setSession(session);
    m_tabs->setTabVisible(m_dashboardTab, seesDashboard);
    m_tabs->setTabVisible(m_operatorsTab, managesOperators);
    if (managesOperators)
        m_operators->setActor(session, m_recorder.config());
    m_syncAction->setEnabled(m_recorder.config().permits(role, QStringLiteral("sync.run")));
    m_settingsAction->setEnabled(m_recorder.config().permits(role, QStringLiteral("settings.change")));
    m_dashboard->setActor(session, m_db.connection());
    if (seesDashboard) {
        auto stations = StationRegistry(m_db.connection()).stations();
        QStringList models = m_recorder.config().products.keys();
        models.sort();
        m_dashboard->setChoices(stations ? stations.value() : QList<StationInfo>{}, models);
        m_dashboard->refresh();
    }
    m_idle->setTimeout(m_sessions->idleTimeout());
    m_idle->setArmed(true);
    m_pages->setCurrentWidget(m_tabs);
    if (resumes && resumeFocus) {
        resumeFocus->setFocus();
    } else {
        m_tabs->setCurrentIndex(0);
        m_station->focusForm();
    }
    refresh();
}

void MainWindow::lockScreen()
{
    const auto idleFor = std::chrono::duration_cast<std::chrono::minutes>(m_idle->timeout());
    QWidget* focus = QApplication::focusWidget();
    if (!m_sessions->lock(idleFor))
        return;
    m_lockedFocus = focus;
    m_sync->setActor(std::nullopt);
    m_trace->setSession(Session{});
    m_dashboard->setActor(Session{}, m_db.connection());
    m_idle->setArmed(false);
    // Whoever logs in next reads no outcome of this session; the form itself waits for its
    // operator.
    m_station->clearBanners();
    m_trace->banner()->clearResult();
    m_pages->setCurrentWidget(m_login);
    m_login->reloadStations();
    m_login->reset();
    const Session& kept = m_sessions->locked();
    // "%n min": an abbreviation reads right for any number, in English without plural forms too.
    m_login->showNotice(tr("Locked after %n min without input. %1 (%2) logs in again to go on with "
                           "the unsaved form; anyone else starts fresh.",
                           nullptr, int(idleFor.count()))
                            .arg(kept.operatorInfo.name, kept.operatorInfo.id));
    refresh();
}

void MainWindow::checkOperatorStillActive()
{
    // Whoever holds this PC: the one logged in, or the one whose work an idle lock keeps.
    Result<std::optional<OperatorInfo>> disabled = m_sessions->disabledHolder();
    if (!disabled || !disabled.value())
        return;
    const OperatorInfo who = *disabled.value();
    logout();
    m_login->showNotice(tr("%1 (%2) was disabled by an admin and has been logged out. Ask your supervisor.")
                            .arg(who.name, who.id));
}

void MainWindow::switchToStation(const StationInfo& station)
{
    m_sessions->setStation(station);
    m_station->showStation(m_sessions->acting());
    m_dashboard->setActor(m_sessions->acting(), m_db.connection());
    refresh();
}

void MainWindow::logout()
{
    m_sessions->logout();
    m_sync->setActor(std::nullopt);
    m_trace->setSession(Session{});
    m_dashboard->setActor(Session{}, m_db.connection());
    if (m_settingsAction)
        m_settingsAction->setEnabled(false);
    m_lockedFocus.clear();
    if (m_idle)
        m_idle->setArmed(false);
    startClean();
    m_pages->setCurrentWidget(m_login);
    m_login->reloadStations();
    m_login->reset();
    refresh();
}

void MainWindow::startClean()
{
    m_station->reset();
    m_trace->reset();
}

void MainWindow::refresh()
{
    const Session& acting = m_sessions->acting();
    // The title names the station this PC records at: the task bar and a glance across the floor
    // tell which screen is which.
    const QString station = acting.isEmpty() ? m_fixedStation : acting.station.id;
    setWindowTitle(station.isEmpty() ? tr("ReworkTrack") : tr("ReworkTrack — %1").arg(station));
    if (acting.isEmpty()) {
        m_sessionLabel->setText(tr("Not logged in"));
    } else {
        m_sessionLabel->setText(
            tr("%1 (%2) at %3").arg(acting.operatorInfo.name, acting.operatorInfo.id, acting.station.id));
    }
    m_dbLabel->setText(tr("Database: %1").arg(m_db.path()));
    // Demo data is offered only to a new file (the generator's rule), never to a configured
    // station whose line is quiet; the table counts grow with history and are counted once on a
    // worker thread, then brought up to date from the rows added since.
    if (Result<bool> fresh = DemoGenerator::isNew(m_db.connection()); fresh)
        m_demoBanner->setVisible(fresh.value());
    if (!m_counts) {
        countInBackground();
        return;
    }
    Result<std::optional<TableCounts::Counts>> now = TableCounts(m_db.connection()).since(*m_counts);
    if (!now) {
        m_countsLabel->setText(now.error().message);
        return;
    }
    if (!now.value()) { // a void since the last count: only a full count is exact
        countInBackground();
        return;
    }
    showCounts(*now.value());
}

void MainWindow::countInBackground()
{
    if (m_counting->isRunning())
        return;
    const QString path = m_db.path();
    m_counting->setFuture(QtConcurrent::run([path]() -> std::optional<TableCounts::Counts> {
        auto db = Database::open(path, Database::Migration::Skip);
        if (!db) {
            spdlog::error("status bar counts failed: {}", db.error().logLine());
            return std::nullopt;
        }
        Result<TableCounts::Counts> counts = TableCounts(db.value()->connection()).full();
        if (!counts) {
            spdlog::error("status bar counts failed: {}", counts.error().logLine());
            return std::nullopt;
        }
        return counts.value();
    }));
}

void MainWindow::showCounts(const TableCounts::Counts& counts)
{
    m_counts = counts;
    m_countsLabel->setText(tr("Cards %1 · Dies %2 · Units %3 · Batches %4 · Events %5")
                               .arg(counts.rows[TableCounts::Cards])
                               .arg(counts.rows[TableCounts::Dies])
                               .arg(counts.rows[TableCounts::Units])
                               .arg(counts.rows[TableCounts::Batches])
                               .arg(counts.events));
}

void MainWindow::loadDemoData()
{
    m_demoButton->setEnabled(false);
    QApplication::setOverrideCursor(Qt::WaitCursor);
    DemoGenerator::Options options;
    options.units = 200;
    Result<DemoGenerator::Summary> summary = DemoGenerator::generate(m_db, options);
    QApplication::restoreOverrideCursor();
    m_demoButton->setEnabled(true);
    if (!summary)
        statusBar()->showMessage(summary.error().message, 10000);
    else
        statusBar()->showMessage(tr("Demo data loaded: %1 donor cards. Operators log in with PIN %2.")
                                     .arg(summary->cards)
                                     .arg(QString::fromLatin1(DemoGenerator::kDemoPin)),
                                 10000);
    if (Status reloaded = m_recorder.reloadConfig(); !reloaded)
        spdlog::error("reference data not reloaded after the demo: {}", reloaded.error().logLine());
    m_login->reloadStations();
    refresh();
}

void MainWindow::backUpIfDue()
{
    const QString path = m_db.path();
    const QDateTime now = m_recorder.clock().now();
    if (m_backingUp->isRunning() || !Backup::due(QFileInfo(path).absolutePath(), now))
        return;
    // On a worker thread with a connection of its own: VACUUM INTO reads one snapshot, so stations
    // record meanwhile; the result comes back through the watcher's queued signal.
    m_backingUp->setFuture(QtConcurrent::run([path, now]() -> BackupOutcome {
        auto db = Database::open(path, Database::Migration::Skip);
        if (!db)
            return {QString(), db.error().message};
        Result<QString> made = Backup::rotate(*db.value(), now);
        if (!made) {
            spdlog::error("daily backup failed: {}", made.error().logLine());
            return {QString(), made.error().message};
        }
        return {made.value(), QString()};
    }));
}

void MainWindow::chooseLanguage(const QString& code)
{
    QSettings().setValue(QStringLiteral("ui/language"), code);
    emit languageChosen(code);
}

void MainWindow::openSettings()
{
    if (!m_recorder.config().permits(m_sessions->acting().operatorInfo.role,
                                     QStringLiteral("settings.change")))
        return;
    auto* dialog = new SettingsDialog(m_db, m_recorder, m_sessions->acting(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::stationChanged, this,
            [this](const QString& station) { setFixedStation(station); });
    connect(dialog, &SettingsDialog::idleLockChanged, this,
            [this](int minutes) { m_idle->setTimeout(std::chrono::minutes(minutes)); });
    connect(dialog, &SettingsDialog::syncChanged, m_sync, &SyncPanel::refreshStatus);
    connect(dialog, &SettingsDialog::languageChanged, this, &MainWindow::languageChosen,
            Qt::QueuedConnection);
    connect(dialog, &QDialog::accepted, this,
            [this] { statusBar()->showMessage(tr("Settings saved and in use."), 10000); });
    dialog->open();
}

} // namespace rework
