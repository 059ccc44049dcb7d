#include "Login.h"

#include "PinHasher.h"
#include "domain/SerialRules.h"
#include "storage/AuditLog.h"
#include "storage/ConfigStore.h"
#include "storage/ReferenceLog.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <spdlog/spdlog.h>

namespace rework {

Result<OperatorInfo> Login::authenticate(const QString& id, const QString& pin, const QString& stationId,
                                         const QDateTime& now, bool auditSuccess) const
{
    // One transaction per attempt: the failure count, a renewed hash and the audit entry commit
    // together. A refusal commits its count and entry; only a storage failure rolls back.
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st.error();
    Result<OperatorInfo> decided = decide(id, pin, stationId, now, auditSuccess);
    if (!decided && decided.error().code == ErrorCode::Storage)
        return decided;
    if (Status st = tx.commit(); !st)
        return st.error();
    return decided;
}

Result<OperatorInfo> Login::decide(const QString& rawId, const QString& pin, const QString& stationId,
                                   const QDateTime& now, bool auditSuccess) const
{
    const QString id = SerialRules::normalise(SerialKind::Operator, rawId);
    Result<Policy> policy = loadPolicy();
    if (!policy)
        return policy.error();
    Result<Failures> failures = loadFailures(id);
    if (!failures)
        return failures.error();
    if (failures->lockedUntil.isValid() && failures->lockedUntil > now)
        return refuseLocked(id, stationId, failures->lockedUntil, policy.value(), now);
    auto q = sql::run(
        m_db, QStringLiteral("SELECT id, name, role, pin_hash, active FROM operators WHERE id = ?"), {id});
    if (!q)
        return q.error();
    // SYSTEM is the headless jobs' pseudo-account: no PIN ever proves it, and it is never locked.
    const bool known = q.value().next() && id != QLatin1StringView("SYSTEM");
    if (!known || !PinHasher::verify(q.value().value(3).toString(), pin))
        return refuseWrongPin(id, stationId, known, failures->count, policy.value(), now);
    if (!q.value().value(4).toBool())
        return refuseDisabled(id, stationId, now);
    const OperatorInfo info{q.value().value(0).toString(), q.value().value(1).toString(),
                            q.value().value(2).toString(), true};
    const bool rehash = PinHasher::needsRehash(q.value().value(3).toString());
    q.value().finish();
    if (Status st = admit(id, pin, rehash, stationId, now, auditSuccess); !st)
        return st.error();
    return info;
}

Result<Login::Policy> Login::loadPolicy() const
{
    const ConfigStore settings(m_db);
    Result<int> failures = settings.number(QStringLiteral("login.max_failures"));
    if (!failures)
        return failures.error();
    Result<int> minutes = settings.number(QStringLiteral("login.lock_minutes"));
    if (!minutes)
        return minutes.error();
    return Policy{failures.value(), minutes.value()};
}

Result<Login::Failures> Login::loadFailures(const QString& id) const
{
    auto state = sql::run(
        m_db, QStringLiteral("SELECT failures, locked_until FROM login_failures WHERE operator_id = ?"),
        {id});
    if (!state)
        return state.error();
    Failures failures;
    if (state.value().next()) {
        failures.count = state.value().value(0).toInt();
        failures.lockedUntil = QDateTime::fromString(state.value().value(1).toString(), Qt::ISODateWithMs);
    }
    state.value().finish();
    return failures;
}

Error Login::refuseLocked(const QString& id, const QString& stationId, const QDateTime& lockedUntil,
                          const Policy& policy, const QDateTime& now) const
{
    if (Status st = AuditLog(m_db).append(QStringLiteral("login_locked"), id, stationId, QString(), now); !st)
        return st.error();
    return makeError(
        ErrorCode::NotPermitted, QStringLiteral("operator"),
        Message(tr,
                QT_TR_NOOP("operator %1 is locked until %2 after %3 wrong PINs; wait, or ask a supervisor"),
                {id, lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm")), policy.maxFailures}));
}

Error Login::refuseWrongPin(const QString& id, const QString& stationId, bool known, int failures,
                            const Policy& policy, const QDateTime& now) const
{
    spdlog::warn("login failed id={}", id.left(32).toStdString());
    ++failures;
    const bool lock = known && failures >= policy.maxFailures;
    if (known) {
        if (Status st = sql::exec(
                m_db,
                QStringLiteral("INSERT INTO login_failures (operator_id, failures, locked_until) "
                               "VALUES (?, ?, ?) ON CONFLICT (operator_id) DO UPDATE SET "
                               "failures = excluded.failures, locked_until = excluded.locked_until"),
                {id, lock ? 0 : failures,
                 lock ? QVariant(now.addSecs(qint64{policy.lockMinutes} * 60).toString(Qt::ISODateWithMs))
                      : QVariant()});
            !st)
            return st.error();
    }
    if (Status st = AuditLog(m_db).append(
            lock ? QStringLiteral("login_failed_locked") : QStringLiteral("login_failed"), id.left(32),
            stationId, known ? QString() : QStringLiteral("unknown id"), now);
        !st)
        return st.error();
    if (lock)
        return makeError(
            ErrorCode::NotPermitted, QStringLiteral("pin"),
            Message(tr, QT_TR_NOOP("%1 wrong PINs: operator %2 is locked for %3 minutes; ask a supervisor"),
                    {policy.maxFailures, id, policy.lockMinutes}));
    return makeError(ErrorCode::UnknownOperator, QStringLiteral("pin"),
                     Message(tr, QT_TR_NOOP("wrong operator id or PIN; try again")));
}

Error Login::refuseDisabled(const QString& id, const QString& stationId, const QDateTime& now) const
{
    if (Status st = AuditLog(m_db).append(QStringLiteral("login_disabled"), id, stationId, QString(), now);
        !st)
        return st.error();
    return makeError(ErrorCode::OperatorInactive, QStringLiteral("operator"),
                     Message(tr, QT_TR_NOOP("operator %1 is disabled; ask a supervisor"), {id}));
}

Status Login::admit(const QString& id, const QString& pin, bool rehash, const QString& stationId,
                    const QDateTime& now, bool auditSuccess) const
{
    if (Status st = sql::exec(m_db, QStringLiteral("DELETE FROM login_failures WHERE operator_id = ?"), {id});
        !st)
        return st;
    if (rehash) {
        if (Result<QString> fresh = PinHasher::hash(pin); fresh) {
            // A reference change like any other, or the next sync would bring the old hash back.
            if (Status st = ReferenceLog(m_db, id, stationId, m_clock)
                                .record({QStringLiteral("operators"),
                                         {{QStringLiteral("id"), id}},
                                         {{QStringLiteral("pin_hash"), fresh.value()}}});
                !st)
                return st;
            spdlog::info("PIN hash of {} renewed with today's parameters", id.toStdString());
        }
    }
    if (!auditSuccess && !rehash)
        return {};
    if (Status st = AuditLog(m_db).append(QStringLiteral("login"), id, stationId,
                                          rehash ? QStringLiteral("PIN re-hashed") : QString(), now);
        !st)
        return st;
    spdlog::info("login id={}", id.toStdString());
    return {};
}

} // namespace rework
