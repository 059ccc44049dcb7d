#pragma once

#include "Session.h"
#include "domain/Result.h"

#include <QObject>
#include <QSqlDatabase>

#include <chrono>
#include <optional>

namespace rework {

class Clock;

/// The acting session of this PC, kept by the core: who works here, the idle lock that keeps an
/// operator's unsaved work for them alone, resuming it, and logging out an operator an admin
/// disabled. The shell shows what it says; no widget decides who acts.
class SessionController : public QObject
{
    Q_OBJECT

public:
    SessionController(const QSqlDatabase& db, const Clock& clock, QObject* parent = nullptr);

    /// The session whose changes are recorded now; empty while nobody is logged in or locked.
    const Session& acting() const { return m_acting; }
    /// The session an idle lock keeps (its operator resumes it); empty when not locked.
    const Session& locked() const { return m_locked; }
    bool isLocked() const { return !m_locked.isEmpty(); }

    /// Proves a login at this PC: the operator's PIN against its hash (with the lock-out and audit
    /// of Login) and a station the line has. Returns the session it opens, not yet started: the
    /// caller starts it, so that a shell can first drop what the previous operator left.
    Result<Session> authenticate(const QString& operatorId, const QString& pin,
                                 const QString& stationId) const;
    /// Starts `session` (authenticate() has proven it). True when it resumes the locked session: the same
    /// operator at the same station; anyone else starts fresh and the kept work is dropped.
    bool start(const Session& session);
    /// Moves the acting session to another station (single-PC mode).
    void setStation(const StationInfo& station);
    /// Idle for `idleFor`: the acting session is kept for its operator, the audit trail says so.
    /// False when nobody was logged in.
    bool lock(std::chrono::minutes idleFor);
    void logout();
    /// The idle time after which the screen locks (setting `session.idle_lock_minutes`, 0: never).
    std::chrono::minutes idleTimeout() const;
    /// Whoever holds this PC (logged in or locked) when an admin has disabled them since.
    Result<std::optional<OperatorInfo>> disabledHolder() const;

signals:
    void started(const rework::Session& session, bool resumed);
    void lockedOut(const rework::Session& kept);
    void loggedOut();

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
    Session m_acting;
    Session m_locked;
};

} // namespace rework
