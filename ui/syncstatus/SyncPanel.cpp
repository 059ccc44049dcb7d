#include "SyncPanel.h"

#include "storage/ConfigStore.h"
#include "storage/Database.h"
#include "sync/SyncOrigins.h"

#include <QFileInfo>
#include <QLabel>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent>

namespace rework {

SyncPanel::SyncPanel(Database& db, const Clock& clock, QWidget* window)
    : QObject(window), m_db(db), m_window(window), m_clock(clock)
{
    m_status = new QLabel(window);
    m_status->setObjectName(QStringLiteral("syncStatus"));
    connect(&m_tick, &QTimer::timeout, this, [this] { runIfDue(m_clock.now().toLocalTime()); });
    m_tick.start(60 * 1000);
    refreshStatus();
}

void SyncPanel::refreshStatus()
{
    Result<qint64> pending = SyncEngine::pendingUpTo(m_db.connection(), kCountedUpTo);
    Result<QString> last = SyncEngine::stateValue(m_db.connection(), QStringLiteral("last_sync_at"));
    Result<QString> error = SyncEngine::stateValue(m_db.connection(), QStringLiteral("last_error"));
    if (!pending || !last || !error) {
        m_status->setText(tr("Sync state unreadable"));
        return;
    }
    const QString waiting = pending.value() > kCountedUpTo
                                ? tr("over %1 waiting").arg(QLocale().toString(kCountedUpTo))
                                : tr("%1 waiting").arg(QLocale().toString(pending.value()));
    QString text = last->isEmpty() ? tr("Sync: never synced · %1").arg(waiting)
                                   : tr("Sync: last %1 · %2")
                                         .arg(QDateTime::fromString(last.value(), Qt::ISODateWithMs)
                                                  .toLocalTime()
                                                  .toString(QStringLiteral("MM-dd HH:mm")),
                                              waiting);
    // How long ago each station database last pushed, as the server told us on the last pull.
    Result<QList<OriginSync>> origins = SyncOrigins(m_db.connection()).list();
    QStringList ages;
    for (const OriginSync& o : origins ? origins.value() : QList<OriginSync>{})
        ages << o.stations.join(QStringLiteral(", ")) + QLatin1Char(' ') + agoText(o.lastPushAt);
    if (!ages.isEmpty())
        text += QStringLiteral(" · ") + ages.join(QStringLiteral(" · "));
    m_status->setText(text);
    m_status->setToolTip(error->isEmpty() ? ages.join(QLatin1Char('\n')) : error.value());
    m_status->setStyleSheet(error->isEmpty() ? QString()
                                             : QStringLiteral("color: #b00020; font-weight: bold"));
}

QString SyncPanel::agoText(const QDateTime& at) const
{
    if (!at.isValid())
        return tr("never");
    const qint64 minutes = std::max<qint64>(0, at.secsTo(m_clock.now()) / 60);
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("%n min ago", nullptr, static_cast<int>(minutes));
    if (minutes < qint64{48} * 60)
        return tr("%n h ago", nullptr, static_cast<int>(minutes / 60));
    return tr("%n d ago", nullptr, static_cast<int>(minutes / (qint64{24} * 60)));
}

bool SyncPanel::runIfDue(const QDateTime& now)
{
    if (!isRunning())
        refreshStatus(); // what other programs (reworkctl, a second window) recorded since
    const QString folder = QFileInfo(m_db.path()).absolutePath();
    Result<SyncSettings> settings = SyncSettings::load(folder);
    if (!settings || isRunning())
        return false;
    // A planned retry, the nightly minute (the tick comes once a minute), or the background
    // interval since the last sync. While the server stays away, only the retries' back-off counts.
    const bool retryDue = m_nextAttempt.isValid() && now >= m_nextAttempt;
    const bool nightlyDue = now.toLocalTime().time().toString(QStringLiteral("HH:mm")) == settings->nightlyAt;
    bool intervalDue = false;
    if (m_failures == 0) {
        Result<int> minutes = ConfigStore(m_db.connection()).number(QStringLiteral("sync.interval_minutes"));
        Result<QString> last = SyncEngine::stateValue(m_db.connection(), QStringLiteral("last_sync_at"));
        if (minutes && minutes.value() > 0 && last) {
            const QDateTime lastAt = QDateTime::fromString(last.value(), Qt::ISODateWithMs);
            intervalDue = !lastAt.isValid() || lastAt.secsTo(now) >= qint64{minutes.value()} * 60;
        }
    }
    if (!retryDue && !nightlyDue && !intervalDue)
        return false;
    start(Shown::Quietly);
    return true;
}

void SyncPanel::syncNow()
{
    start(Shown::WithProgress);
}

void SyncPanel::start(Shown shown)
{
    if (isRunning())
        return;
    const QString path = m_db.path();
    Result<SyncSettings> settings = SyncSettings::load(QFileInfo(path).absolutePath());
    if (!settings) {
        emit finished(false, settings.error().message);
        return;
    }
    // An automatic run goes on behind the operator's back: no modal dialog in the way of a scan.
    m_progress = nullptr;
    if (shown == Shown::WithProgress) {
        m_progress =
            new QProgressDialog(tr("Synchronising with the central server…"), QString(), 0, 0, m_window);
        m_progress->setObjectName(QStringLiteral("syncProgress"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(0);
        m_progress->setAttribute(Qt::WA_DeleteOnClose);
        m_progress->show();
    }
    QPointer<QProgressDialog> progress = m_progress;
    m_watcher = std::make_unique<QFutureWatcher<std::shared_ptr<Result<SyncEngine::Report>>>>();
    connect(m_watcher.get(), &QFutureWatcherBase::finished, this, [this, progress] {
        if (progress)
            progress->close();
        const std::shared_ptr<Result<SyncEngine::Report>> r = m_watcher->result();
        refreshStatus();
        if (!r->ok()) {
            // Back off while the server stays away: 5, 10, 20 ... minutes, at most two hours.
            ++m_failures;
            m_nextAttempt = m_clock.now().addSecs(std::min(5 * 60 << (m_failures - 1), 2 * 3600));
            emit finished(false, r->error().message);
            return;
        }
        m_failures = 0;
        m_nextAttempt = QDateTime();
        emit finished(true,
                      tr("Sync done: %1 sent, %2 received").arg(r->value().pushed).arg(r->value().pulled));
    });
    SyncSettings s = settings.value();
    const Clock* clock = &m_clock;
    const bool shows = !progress.isNull();
    // Asked for by someone: their role must hold sync.run; the timer's runs act as no one.
    const std::optional<OperatorInfo> actor =
        shown == Shown::WithProgress ? std::optional<OperatorInfo>(m_actor.value_or(OperatorInfo{}))
                                     : std::nullopt;
    m_watcher->setFuture(QtConcurrent::run([path, s, progress, shows, clock, actor]() {
        auto db = Database::open(path);
        if (!db)
            return std::make_shared<Result<SyncEngine::Report>>(db.error());
        SyncEngine engine(*db.value(), s, *clock);
        if (shows)
            engine.setProgress([progress](qint64 done, qint64 total, const QString& phase) {
                QMetaObject::invokeMethod(
                    progress,
                    [progress, done, total, phase] {
                        if (!progress)
                            return;
                        progress->setMaximum(static_cast<int>(std::max<qint64>(total, done)));
                        progress->setValue(static_cast<int>(done));
                        progress->setLabelText(tr("Synchronising: %1 (%2)").arg(phase).arg(done));
                    },
                    Qt::QueuedConnection);
            });
        return std::make_shared<Result<SyncEngine::Report>>(actor ? engine.run(*actor) : engine.run());
    }));
}

} // namespace rework
