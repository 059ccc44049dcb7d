#pragma once

#include "domain/Clock.h"
#include "sync/SyncEngine.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <memory>

class QLabel;
class QProgressDialog;
class QWidget;

namespace rework {

class Database;

/// The station's side of the nightly sync in the GUI: "Sync now" with a progress bar, the last
/// sync and the events waiting always in the status bar, the nightly run at the configured time
/// while the app is open, and retries that back off (5, 10, 20 ... minutes) while the server is
/// unreachable. The sync runs on a worker thread with a connection of its own.
class SyncPanel : public QObject
{
    Q_OBJECT

public:
    SyncPanel(Database& db, const Clock& clock, QWidget* window);

    QLabel* statusLabel() const { return m_status; }
    bool isRunning() const { return m_watcher && m_watcher->isRunning(); }
    /// When the next automatic attempt is due (invalid: none planned).
    QDateTime nextAttempt() const { return m_nextAttempt; }

    /// The scheduler's minute tick: syncs when `now` is the nightly time or a planned retry is due.
    /// Returns whether it started one.
    bool runIfDue(const QDateTime& now);

public slots:
    void syncNow();
    void refreshStatus();

signals:
    void finished(bool ok, const QString& message);

private:
    Database& m_db;
    QWidget* m_window;
    QLabel* m_status;
    const Clock& m_clock;
    QTimer m_tick;
    QDateTime m_nextAttempt;
    int m_failures = 0;
    QProgressDialog* m_progress = nullptr;
    std::unique_ptr<QFutureWatcher<std::shared_ptr<Result<SyncEngine::Report>>>> m_watcher;
};

} // namespace rework
