#include "Login.h"

#include "PinHasher.h"
#include "domain/SerialRules.h"
#include "storage/AuditLog.h"
#include "storage/Sql.h"

#include <spdlog/spdlog.h>

namespace rework {

Result<OperatorInfo> Login::login(const QString& rawId, const QString& pin, const QString& stationId,
                                  const QDateTime& now) const
{
    const QString id = SerialRules::normalise(SerialKind::Operator, rawId);
    AuditLog audit(m_db);
    auto settings =
        sql::run(m_db, QStringLiteral("SELECT key, value FROM config WHERE key IN ('login.max_failures', "
                                      "'login.lock_minutes')"));
    if (!settings)
        return settings.error();
    int maxFailures = 5, lockMinutes = 15;
    while (settings.value().next()) {
        (settings.value().value(0).toString() == QLatin1StringView("login.max_failures") ? maxFailures
                                                                                         : lockMinutes) =
            settings.value().value(1).toInt();
    }
    auto state = sql::run(
        m_db, QStringLiteral("SELECT failures, locked_until FROM login_failures WHERE operator_id = ?"),
        {id});
    if (!state)
        return state.error();
    int failures = 0;
    QDateTime lockedUntil;
    if (state.value().next()) {
        failures = state.value().value(0).toInt();
        lockedUntil = QDateTime::fromString(state.value().value(1).toString(), Qt::ISODateWithMs);
    }
    state.value().finish();
    if (lockedUntil.isValid() && lockedUntil > now) {
        if (Status st = audit.append(QStringLiteral("login_locked"), id, stationId, QString(), now); !st)
            return st.error();
        return makeError(
            ErrorCode::NotPermitted, QStringLiteral("operator"),
            Message(
                tr,
                QT_TR_NOOP("operator %1 is locked until %2 after %3 wrong PINs; wait, or ask a supervisor"),
                {id, lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm")), maxFailures}));
    }
    auto q = sql::run(
        m_db, QStringLiteral("SELECT id, name, role, pin_hash, active FROM operators WHERE id = ?"), {id});
    if (!q)
        return q.error();
    const bool known = q.value().next();
    if (!known || !PinHasher::verify(q.value().value(3).toString(), pin)) {
        spdlog::warn("login failed id={}", id.left(32).toStdString());
        ++failures;
        const bool lock = known && failures >= maxFailures;
        if (known) {
            if (Status st = sql::exec(
                    m_db,
                    QStringLiteral("INSERT INTO login_failures (operator_id, failures, locked_until) "
                                   "VALUES (?, ?, ?) ON CONFLICT (operator_id) DO UPDATE SET "
                                   "failures = excluded.failures, locked_until = excluded.locked_until"),
                    {id, lock ? 0 : failures,
                     lock ? QVariant(now.addSecs(lockMinutes * 60).toString(Qt::ISODateWithMs))
                          : QVariant()});
                !st)
                return st.error();
        }
        if (Status st =
                audit.append(lock ? QStringLiteral("login_failed_locked") : QStringLiteral("login_failed"),
                             id.left(32), stationId, known ? QString() : QStringLiteral("unknown id"), now);
            !st)
            return st.error();
        if (lock)
            return makeError(
                ErrorCode::NotPermitted, QStringLiteral("pin"),
                Message(tr,
                        QT_TR_NOOP("%1 wrong PINs: operator %2 is locked for %3 minutes; ask a supervisor"),
                        {maxFailures, id, lockMinutes}));
        return makeError(ErrorCode::UnknownOperator, QStringLiteral("pin"),
                         Message(tr, QT_TR_NOOP("wrong operator id or PIN; try again")));
    }
    if (!q.value().value(4).toBool()) {
        if (Status st = audit.append(QStringLiteral("login_disabled"), id, stationId, QString(), now); !st)
            return st.error();
        return makeError(ErrorCode::OperatorInactive, QStringLiteral("operator"),
                         Message(tr, QT_TR_NOOP("operator %1 is disabled; ask a supervisor"), {id}));
    }
    const OperatorInfo info{q.value().value(0).toString(), q.value().value(1).toString(),
                            q.value().value(2).toString(), true};
    const bool rehash = PinHasher::needsRehash(q.value().value(3).toString());
    q.value().finish();
    if (Status st = sql::exec(m_db, QStringLiteral("DELETE FROM login_failures WHERE operator_id = ?"), {id});
        !st)
        return st.error();
    if (rehash) {
        if (Result<QString> fresh = PinHasher::hash(pin); fresh) {
            if (Status st = sql::exec(m_db, QStringLiteral("UPDATE operators SET pin_hash = ? WHERE id = ?"),
                                      {fresh.value(), id});
                !st)
                return st.error();
            spdlog::info("PIN hash of {} renewed with today's parameters", id.toStdString());
        }
    }
    if (Status st = audit.append(QStringLiteral("login"), id, stationId,
                                 rehash ? QStringLiteral("PIN re-hashed") : QString(), now);
        !st)
        return st.error();
    spdlog::info("login id={}", id.toStdString());
    return info;
}

} // namespace rework
