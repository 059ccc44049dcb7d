#include "MainWindow.h"

#include "admin/OperatorsPage.h"
#include "auth/OperatorAdmin.h"
#include "common/IdleWatcher.h"
#include "common/ResultBanner.h"
#include "common/TimelineModel.h"
#include "dashboard/DashboardPage.h"
#include "demo/DemoGenerator.h"
#include "labels/CommandSheet.h"
#include "login/LoginPage.h"
#include "printing/LabelPrintDialog.h"
#include "settings/SettingsDialog.h"
#include "stations/StepForm.h"
#include "storage/AuditLog.h"
#include "storage/Backup.h"
#include "storage/ConfigStore.h"
#include "storage/Database.h"
#include "storage/StationRegistry.h"
#include "storage/TableCounts.h"
#include "syncstatus/SyncPanel.h"
#include "trace/TraceQuery.h"
#include "workflow/FieldSpec.h"
#include "workflow/NextStep.h"
#include "workflow/Recorder.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPalette>
#include <QPlainTextEdit>
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
namespace {

QLineEdit* scanField(QWidget* parent, const QString& objectName, const QString& placeholder)
{
    auto* field = new QLineEdit(parent);
    field->setObjectName(objectName);
    field->setPlaceholderText(placeholder);
    field->setClearButtonEnabled(true);
    field->setMinimumHeight(48);
    return field;
}

QPlainTextEdit* textView(QWidget* parent, const QString& objectName, const QFont& base)
{
    auto* view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(base.pointSizeF() * 0.85);
    view->setFont(mono);
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return view;
}

} // namespace

MainWindow::MainWindow(Database& db, Recorder& recorder, QWidget* parent)
    : QMainWindow(parent), m_db(db), m_recorder(recorder)
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
    m_login = new LoginPage(m_db, m_pages);
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
    m_tabs->addTab(buildStationTab(), tr("Station"));
    m_tabs->addTab(buildTraceTab(), tr("Trace"));
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
        m_traceField->setText(serial);
        showTrace();
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
        const QString path = QFileDialog::getSaveFileName(this, tr("Command barcodes"),
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
        m_scanAnything->setFocus();
    });
    auto* traceKey = new QShortcut(QKeySequence(Qt::Key_F3), this);
    traceKey->setContext(Qt::ApplicationShortcut);
    connect(traceKey, &QShortcut::activated, this, [this] {
        if (m_pages->currentWidget() != m_tabs)
            return;
        m_tabs->setCurrentIndex(1);
        m_traceField->setFocus();
        m_traceField->selectAll();
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

QWidget* MainWindow::buildStationTab()
{
    auto* tab = new QWidget(this);
    auto* layout = new QVBoxLayout(tab);
    m_scanAnything = scanField(tab, QStringLiteral("scanAnything"),
                               tr("Scan anything (F2): the form of the item's next step opens"));
    layout->addWidget(m_scanAnything);
    connect(m_scanAnything, &QLineEdit::returnPressed, this, &MainWindow::scanAnything);

    auto* split = new QSplitter(Qt::Horizontal, tab);
    m_formStack = new QStackedWidget(split);
    for (Step step : {Step::Intake, Step::Strip, Step::Reball, Step::Mount, Step::Inspect, Step::Test,
                      Step::Pack, Step::Bake}) {
        // Each form scrolls its own fields, never its banner or its buttons.
        auto* form = new StepForm(step, m_recorder, m_formStack);
        m_forms.insert(step, form);
        m_formStack->addWidget(form);
        connect(form, &StepForm::itemScanned, this, &MainWindow::showHistory);
        connect(form, &StepForm::saved, this,
                [this](const Recorded& r) { showHistory(r.decision.primarySerial); });
    }
    auto* historyPane = new QWidget(split);
    auto* historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    m_history = new QLabel(tr("The history of the scanned item shows here."), historyPane);
    m_history->setObjectName(QStringLiteral("historyView"));
    m_history->setWordWrap(true);
    m_history->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_historyModel = new TimelineModel(this);
    m_historyTable = new QTableView(historyPane);
    m_historyTable->setObjectName(QStringLiteral("historyTable"));
    m_historyTable->setModel(m_historyModel);
    m_historyTable->setFocusPolicy(Qt::NoFocus);
    m_historyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyTable->verticalHeader()->hide();
    m_historyTable->horizontalHeader()->setStretchLastSection(true);
    m_historyTable->setColumnHidden(TimelineModel::Subject, true);
    historyLayout->addWidget(m_history);
    historyLayout->addWidget(m_historyTable, 1);
    split->addWidget(m_formStack);
    split->addWidget(historyPane);
    split->setSizes({760, 440});
    layout->addWidget(split, 1);
    return tab;
}

QWidget* MainWindow::buildTraceTab()
{
    auto* tab = new QWidget(this);
    auto* layout = new QVBoxLayout(tab);
    auto* title = new QLabel(tr("Trace: scan any card, die, board, unit or batch serial"), tab);
    layout->addWidget(title);
    m_traceField =
        scanField(tab, QStringLiteral("traceField"), tr("Scan or type a serial, then press Enter"));
    title->setBuddy(m_traceField);
    layout->addWidget(m_traceField);
    connect(m_traceField, &QLineEdit::returnPressed, this, &MainWindow::showTrace);
    m_traceView = textView(tab, QStringLiteral("traceView"), font());
    layout->addWidget(m_traceView, 1);

    // Labels on demand: the traced die, unit or batch.
    m_traceLabelButton = new QPushButton(tr("Print label…"), tab);
    m_traceLabelButton->setObjectName(QStringLiteral("traceLabel"));
    m_traceLabelButton->setMinimumHeight(48);
    m_traceLabelButton->setEnabled(false);
    layout->addWidget(m_traceLabelButton, 0, Qt::AlignLeft);
    connect(m_traceLabelButton, &QPushButton::clicked, this, &MainWindow::printTracedLabel);

    // Supervisors void a wrong record with a reason; the record stays, marked void.
    auto* voidRow = new QHBoxLayout;
    m_voidEvent = scanField(tab, QStringLiteral("voidEvent"), tr("record id to void (from the timeline)"));
    m_voidReason = scanField(tab, QStringLiteral("voidReason"), tr("reason"));
    m_voidButton = new QPushButton(tr("Void record"), tab);
    m_voidButton->setObjectName(QStringLiteral("voidButton"));
    m_voidButton->setMinimumHeight(48);
    voidRow->addWidget(m_voidEvent, 2);
    voidRow->addWidget(m_voidReason, 2);
    voidRow->addWidget(m_voidButton);
    layout->addLayout(voidRow);
    connect(m_voidButton, &QPushButton::clicked, this, &MainWindow::voidRecord);
    connect(m_voidReason, &QLineEdit::returnPressed, this, &MainWindow::voidRecord);
    m_traceBanner = new ResultBanner(tab);
    m_traceBanner->setCollapsible(true);
    layout->addWidget(m_traceBanner);
    return tab;
}

void MainWindow::setFixedStation(const QString& stationId)
{
    m_fixedStation = stationId;
    m_login->setFixedStation(stationId);
}

ResultBanner* MainWindow::scanBanner() const
{
    StepForm* form = currentForm();
    return form ? form->banner() : nullptr;
}

void MainWindow::showForm(StepForm* form)
{
    // The form left behind keeps no outcome to show later out of its moment.
    if (StepForm* before = currentForm(); before && before != form)
        before->banner()->clearResult();
    m_formStack->setCurrentWidget(form);
}

StepForm* MainWindow::currentForm() const
{
    return qobject_cast<StepForm*>(m_formStack->currentWidget());
}

void MainWindow::startSession(const Session& session)
{
    // After an idle lock the same operator at the same station goes on where they were; anyone
    // else starts with empty forms.
    const bool resumes = isLocked() && session.operatorInfo.id == m_locked.operatorInfo.id &&
                         session.station.id == m_locked.station.id;
    if (isLocked() && !resumes)
        startClean();
    const QPointer<QWidget> resumeFocus = resumes ? m_lockedFocus : QPointer<QWidget>();
    m_locked = Session{};
    m_lockedFocus.clear();
    m_session = session;
    spdlog::info("session {} started: {} at {}{}", session.id.toStdString(),
                 session.operatorInfo.id.toStdString(), session.station.id.toStdString(),
                 resumes ? " (resumed after idle lock)" : "");
    if (!resumes)
        switchToStation(session.station);
    else
        for (StepForm* form : std::as_const(m_forms))
            form->setSession(m_session);
    // What the screen offers follows the permissions table (by default: voids and the dashboard
    // for supervisors and admins, operator accounts for admins).
    const QString role = session.operatorInfo.role;
    const bool mayVoid = m_recorder.config().permits(role, QStringLiteral("record.void"));
    const bool seesDashboard = m_recorder.config().permits(role, QStringLiteral("dashboard.view"));
    const bool managesOperators = m_recorder.config().permits(role, QStringLiteral("operators.manage"));
    m_voidEvent->setEnabled(mayVoid);
    m_voidReason->setEnabled(mayVoid);
    m_voidButton->setEnabled(mayVoid);
    m_tabs->setTabVisible(m_dashboardTab, seesDashboard);
    m_tabs->setTabVisible(m_operatorsTab, managesOperators);
    if (managesOperators)
        m_operators->setActor(m_session, m_recorder.config());
    m_syncAction->setEnabled(m_recorder.config().permits(role, QStringLiteral("sync.run")));
    m_settingsAction->setEnabled(m_recorder.config().permits(role, QStringLiteral("settings.change")));
    m_dashboard->setActor(m_session, m_db.connection());
    if (seesDashboard) {
        auto stations = StationRegistry(m_db.connection()).stations();
        QStringList models = m_recorder.config().products.keys();
        models.sort();
        m_dashboard->setChoices(stations ? stations.value() : QList<StationInfo>{}, models);
        m_dashboard->refresh();
    }
    Result<int> idleMinutes =
        ConfigStore(m_db.connection()).configNumber(QStringLiteral("session.idle_lock_minutes"), 5);
    m_idle->setTimeout(std::chrono::minutes(idleMinutes ? idleMinutes.value() : 5));
    m_idle->setArmed(true);
    m_pages->setCurrentWidget(m_tabs);
    if (resumes && resumeFocus) {
        resumeFocus->setFocus();
    } else {
        m_tabs->setCurrentIndex(0);
        if (StepForm* form = currentForm())
            form->firstField()->setFocus();
    }
    refresh();
}

void MainWindow::lockScreen()
{
    if (m_session.operatorInfo.id.isEmpty())
        return;
    m_locked = m_session;
    m_lockedFocus = QApplication::focusWidget();
    m_session = Session{};
    m_dashboard->setActor(m_session, m_db.connection());
    m_idle->setArmed(false);
    // Whoever logs in next reads no outcome of this session; the form itself waits for its
    // operator.
    for (StepForm* form : std::as_const(m_forms))
        form->banner()->clearResult();
    m_traceBanner->clearResult();
    // The screen locks whatever happens to the audit entry; a failed entry is at least logged.
    if (Status audited =
            AuditLog(m_db.connection(), m_recorder.clock())
                .appendAlone(
                    QStringLiteral("session_locked"), m_locked.operatorInfo.id, m_locked.station.id,
                    QStringLiteral("idle %1 min, session %2")
                        .arg(std::chrono::duration_cast<std::chrono::minutes>(m_idle->timeout()).count())
                        .arg(m_locked.id));
        !audited)
        spdlog::error("idle lock of session {} not audited: {}", m_locked.id.toStdString(),
                      audited.error().logLine());
    spdlog::info("session {} locked after idle time", m_locked.id.toStdString());
    m_pages->setCurrentWidget(m_login);
    m_login->reloadStations();
    m_login->reset();
    m_login->showNotice(tr("Locked after %n minute(s) without input. %1 (%2) logs in again to go on with "
                           "the unsaved form; anyone else starts fresh.",
                           nullptr,
                           int(std::chrono::duration_cast<std::chrono::minutes>(m_idle->timeout()).count()))
                            .arg(m_locked.operatorInfo.name, m_locked.operatorInfo.id));
    refresh();
}

void MainWindow::checkOperatorStillActive()
{
    // Whoever holds this PC: the one logged in, or the one whose work an idle lock keeps.
    const OperatorInfo who =
        m_session.operatorInfo.id.isEmpty() ? m_locked.operatorInfo : m_session.operatorInfo;
    if (who.id.isEmpty())
        return;
    Result<bool> active = OperatorAdmin::isActive(m_db.connection(), who.id);
    if (!active || active.value())
        return;
    spdlog::warn("operator {} was disabled: logged out", who.id.toStdString());
    logout();
    m_login->showNotice(tr("%1 (%2) was disabled by an admin and has been logged out. Ask your supervisor.")
                            .arg(who.name, who.id));
}

void MainWindow::switchToStation(const StationInfo& station)
{
    m_session.station = station;
    const std::optional<Step> step = stepFromName(station.step);
    for (StepForm* form : std::as_const(m_forms))
        form->setSession(m_session);
    if (step && m_forms.contains(*step))
        showForm(m_forms.value(*step));
    m_dashboard->setActor(m_session, m_db.connection());
    refresh();
}

void MainWindow::logout()
{
    m_session = Session{};
    m_dashboard->setActor(m_session, m_db.connection());
    if (m_settingsAction)
        m_settingsAction->setEnabled(false);
    m_locked = Session{};
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
    for (StepForm* form : std::as_const(m_forms))
        form->reset();
    m_history->clear();
    m_historyModel->setEvents({});
    m_traceField->clear();
    m_traceView->clear();
    m_voidEvent->clear();
    m_voidReason->clear();
    m_traceBanner->clearResult();
    m_tracedLabel.second.clear();
    m_traceLabelButton->setEnabled(false);
    m_traceLabelButton->setText(tr("Print label…"));
}

void MainWindow::refresh()
{
    if (m_session.operatorInfo.id.isEmpty()) {
        m_sessionLabel->setText(tr("Not logged in"));
    } else {
        m_sessionLabel->setText(
            tr("%1 (%2) at %3")
                .arg(m_session.operatorInfo.name, m_session.operatorInfo.id, m_session.station.id));
    }
    m_dbLabel->setText(tr("Database: %1").arg(m_db.path()));
    // Demo data is offered only to a file nobody has set up (no operators, no stations), never
    // to a configured station whose line is quiet; the table counts grow with history and are
    // counted once on a worker thread, then brought up to date from the rows added since.
    if (Result<bool> fresh = TableCounts(m_db.connection()).isUnconfigured(); fresh)
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

void MainWindow::showHistory(const QString& serial)
{
    Result<Trace> trace = TraceQuery(m_db.connection()).find(serial);
    if (!trace) {
        m_history->setText(trace.error().message);
        m_historyModel->setEvents({});
        return;
    }
    QStringList chain;
    if (trace->card)
        chain << tr("card %1 (%2, lot %3)").arg(trace->card->serial, trace->card->model, trace->card->lot);
    if (trace->die)
        chain << tr("die %1").arg(trace->die->id);
    if (trace->unit)
        chain << tr("unit %1 on board %2: %3")
                     .arg(trace->unit->serial, trace->unit->boardSerial,
                          FieldSpec::choiceTitle(trace->unit->state));
    if (trace->batch)
        chain << tr("batch %1").arg(trace->batch->id);
    m_history->setText(chain.join(QStringLiteral(" → ")));
    m_historyModel->setEvents(trace->events);
    m_historyTable->resizeColumnsToContents();
    m_historyTable->scrollToBottom();
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

void MainWindow::showTrace()
{
    Result<Trace> trace = TraceQuery(m_db.connection()).find(m_traceField->text());
    m_traceView->setPlainText(trace ? trace->toText() : trace.error().message);
    m_traceField->selectAll();
    m_tracedLabel.second.clear();
    if (trace) {
        if (trace->foundKind == QLatin1StringView("die") && trace->die)
            m_tracedLabel = {LabelTemplate::Kind::Die, trace->die->id};
        else if ((trace->foundKind == QLatin1StringView("unit") ||
                  trace->foundKind == QLatin1StringView("board")) &&
                 trace->unit)
            m_tracedLabel = {LabelTemplate::Kind::Unit, trace->unit->serial};
        else if (trace->foundKind == QLatin1StringView("batch") && trace->batch)
            m_tracedLabel = {LabelTemplate::Kind::Batch, trace->batch->id};
    }
    m_traceLabelButton->setEnabled(!m_tracedLabel.second.isEmpty());
    m_traceLabelButton->setText(m_tracedLabel.second.isEmpty()
                                    ? tr("Print label…")
                                    : tr("Print label for %1…").arg(m_tracedLabel.second));
}

void MainWindow::printTracedLabel()
{
    if (m_tracedLabel.second.isEmpty())
        return;
    LabelPrintDialog::Context context{m_db.connection(), m_recorder.dataFolder(), m_session.station.id,
                                      m_session.operatorInfo.id, m_recorder.clock().now()};
    auto* dialog = new LabelPrintDialog(context, m_tracedLabel.first, m_tracedLabel.second, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LabelPrintDialog::printed, this, [this](const LabelPrintLog::Print& p) {
        m_traceBanner->showSuccess(tr("Label of %1 printed to %2").arg(p.subject, p.target));
    });
    dialog->open();
}

void MainWindow::scanAnything()
{
    const QString scanned = m_scanAnything->text();
    m_scanAnything->clear();
    Result<NextStep> next = NextStepResolver(m_db.connection(), m_recorder.clock()).resolve(scanned);
    if (!next) {
        scanBanner()->showFailure(next.error().message);
        return;
    }
    showHistory(next->serial);
    if (!next->step) {
        scanBanner()->showFailure(next->where);
        return;
    }
    // A bake is recorded wherever the die is; every other step at a station of its own.
    if (isStationStep(*next->step) && stepName(*next->step) != m_session.station.step) {
        // Single-PC mode: move to a station of the step the item needs; a bound PC says where to go.
        StationInfo target;
        if (m_fixedStation.isEmpty()) {
            auto stations = StationRegistry(m_db.connection()).stations();
            for (const StationInfo& s : stations ? stations.value() : QList<StationInfo>{}) {
                if (s.step == stepName(*next->step)) {
                    target = s;
                    break;
                }
            }
        }
        if (target.id.isEmpty()) {
            scanBanner()->showFailure(
                tr("%1. Take it to a %2 station.").arg(next->where, stepTitle(*next->step)));
            return;
        }
        switchToStation(target);
    }
    StepForm* form = m_forms.value(*next->step);
    showForm(form);
    form->clear();
    form->setValue(next->field, next->serial);
    form->banner()->clearResult();
    // The serial is in; the operator goes on with the next field.
    if (QWidget* w = form->field(next->field)) {
        w->setFocus();
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        QApplication::sendEvent(w, &enter);
    }
}

void MainWindow::voidRecord()
{
    Result<Recorded> r = m_recorder.record(
        Step::Void, m_session.station.id, m_session.operatorInfo.id,
        QList<std::pair<QString, QString>>{{QStringLiteral("event"), m_voidEvent->text()},
                                           {QStringLiteral("reason"), m_voidReason->text()}});
    if (!r) {
        m_traceBanner->showFailure(r.error().message);
        return;
    }
    m_traceBanner->showSuccess(
        tr("Record %1 is void; it stays in the history, marked VOID").arg(r->event.subject));
    m_voidEvent->clear();
    m_voidReason->clear();
    if (!m_traceField->text().isEmpty())
        showTrace();
}

void MainWindow::chooseLanguage(const QString& code)
{
    QSettings().setValue(QStringLiteral("ui/language"), code);
    emit languageChosen(code);
}

void MainWindow::openSettings()
{
    if (!m_recorder.config().permits(m_session.operatorInfo.role, QStringLiteral("settings.change")))
        return;
    auto* dialog = new SettingsDialog(m_db, m_recorder, m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::stationChanged, this, [this](const QString& station) {
        m_fixedStation = station;
        m_login->setFixedStation(station);
    });
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
