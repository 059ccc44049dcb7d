#include "SessionController.h"

#include "Login.h"
#include "OperatorAdmin.h"
#include "domain/Clock.h"
#include "storage/AuditLog.h"
#include "storage/ConfigStore.h"
#include "storage/StationRegistry.h"

#include <QUuid>

#include <spdlog/spdlog.h>

namespace rework {

SessionController::SessionController(const QSqlDatabase& db, const Clock& clock, QObject* parent)
    : QObject(parent), m_db(db), m_clock(clock)
{
}

Result<Session> SessionController::authenticate(const QString& operatorId, const QString& pin,
                                                const QString& stationId) const
{
    Result<OperatorInfo> op = Login(m_db, m_clock).login(operatorId, pin, stationId);
    if (!op)
        return op.error();
    Result<QList<StationInfo>> stations = StationRegistry(m_db).stations();
    if (!stations)
        return stations.error();
    for (const StationInfo& s : stations.value()) {
        if (s.id == stationId)
            return Session{op.value(), s, QUuid::createUuid().toString(QUuid::WithoutBraces)};
    }
    return makeError(ErrorCode::UnknownStation, QStringLiteral("station"),
                     Message(&SessionController::tr,
                             QT_TRANSLATE_NOOP("SessionController",
                                               "No station is set up on this database; ask an admin to add "
                                               "one with reworkctl.")));
}

bool SessionController::start(const Session& session)
{
    const bool resumes = isLocked() && session.operatorInfo.id == m_locked.operatorInfo.id &&
                         session.station.id == m_locked.station.id;
    m_locked = Session{};
    m_acting = session;
    spdlog::info("session {} started: {} at {}{}", session.id.toStdString(),
                 session.operatorInfo.id.toStdString(), session.station.id.toStdString(),
                 resumes ? " (resumed after idle lock)" : "");
    emit started(m_acting, resumes);
    return resumes;
}

void SessionController::setStation(const StationInfo& station)
{
    m_acting.station = station;
}

bool SessionController::lock(std::chrono::minutes idleFor)
{
    if (m_acting.isEmpty())
        return false;
    m_locked = m_acting;
    m_acting = Session{};
    // The screen locks whatever happens to the audit entry; a failed entry is at least logged.
    if (Status audited =
            AuditLog(m_db, m_clock)
                .appendAlone(QStringLiteral("session_locked"), m_locked.operatorInfo.id, m_locked.station.id,
                             QStringLiteral("idle %1 min, session %2").arg(idleFor.count()).arg(m_locked.id));
        !audited)
        spdlog::error("idle lock of session {} not audited: {}", m_locked.id.toStdString(),
                      audited.error().logLine());
    spdlog::info("session {} locked after idle time", m_locked.id.toStdString());
    emit lockedOut(m_locked);
    return true;
}

void SessionController::logout()
{
    if (!m_acting.isEmpty())
        spdlog::info("session {} ended: {} logged out", m_acting.id.toStdString(),
                     m_acting.operatorInfo.id.toStdString());
    m_acting = Session{};
    m_locked = Session{};
    emit loggedOut();
}

std::chrono::minutes SessionController::idleTimeout() const
{
    return std::chrono::minutes(
        ConfigStore(m_db).numberOrDefault(QStringLiteral("session.idle_lock_minutes")));
}

Result<std::optional<OperatorInfo>> SessionController::disabledHolder() const
{
    const OperatorInfo who = m_acting.isEmpty() ? m_locked.operatorInfo : m_acting.operatorInfo;
    if (who.id.isEmpty())
        return std::optional<OperatorInfo>();
    Result<bool> active = OperatorAdmin::isActive(m_db, who.id);
    if (!active)
        return active.error();
    if (active.value())
        return std::optional<OperatorInfo>();
    spdlog::warn("operator {} was disabled while holding this PC", who.id.toStdString());
    return std::optional<OperatorInfo>(who);
}

} // namespace rework
