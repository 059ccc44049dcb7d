#pragma once

#include "domain/Clock.h"
#include "domain/Snapshot.h"
#include "sync/SyncEngine.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

class QLabel;
class QProgressDialog;
class QWidget;

namespace rework {

class Database;

/// The station's side of the sync in the GUI: "Sync now" with a progress bar; the last sync, the
/// events waiting and how long ago each station synced, always in the status bar; while the app is
/// open, the nightly run at the configured time, a quiet background run every
/// `sync.interval_minutes`, and retries that back off (5, 10, 20 ... minutes) while the server is
/// unreachable. The sync runs on a worker thread with a connection of its own.
class SyncPanel : public QObject
{
    Q_OBJECT

public:
    SyncPanel(Database& db, const Clock& clock, QWidget* window);

    /// The status bar counts the events waiting up to here after every save; past it, it says "over".
    static constexpr qint64 kCountedUpTo = 10000;

    QLabel* statusLabel() const { return m_status; }
    bool isRunning() const { return m_watcher && m_watcher->isRunning(); }
    /// When the next automatic attempt is due (invalid: none planned).
    QDateTime nextAttempt() const { return m_nextAttempt; }

    /// The scheduler's minute tick: shows the line afresh (other programs record on the same file),
    /// then syncs when `now` is the nightly time, a planned retry is due, or
    /// `sync.interval_minutes` (0: nightly only) have passed since the last sync. Returns whether
    /// it started one.
    bool runIfDue(const QDateTime& now);
    /// Who asks for "Sync now": the core checks their `sync.run` (none: logged out, refused).
    void setActor(std::optional<OperatorInfo> actor) { m_actor = std::move(actor); }

public slots:
    void syncNow();
    void refreshStatus();

signals:
    void finished(bool ok, const QString& message);

private:
    enum class Shown
    {
        WithProgress, // asked for: a progress dialog
        Quietly       // automatic: the status bar only
    };
    void start(Shown shown);
    /// "5 min ago", from the station's clock.
    QString agoText(const QDateTime& at) const;

    Database& m_db;
    QWidget* m_window;
    QLabel* m_status;
    const Clock& m_clock;
    QTimer m_tick;
    QDateTime m_nextAttempt;
    int m_failures = 0;
    QProgressDialog* m_progress = nullptr;
    std::optional<OperatorInfo> m_actor;
    std::unique_ptr<QFutureWatcher<std::shared_ptr<Result<SyncEngine::Report>>>> m_watcher;
};

} // namespace rework
