#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace rework {

/// The login policy: PIN check, lockout after repeated wrong PINs, disabled accounts, rehash of
/// old PIN hashes, and an audit entry for every attempt.
class Login
{
    Q_DECLARE_TR_FUNCTIONS(Login)

public:
    explicit Login(const QSqlDatabase& db, const Clock& clock = systemClock()) : m_db(db), m_clock(clock) {}

    /// The operator if `pin` is theirs and they are active; the same error for a wrong id or PIN.
    /// After `login.max_failures` wrong PINs in a row the account is locked for
    /// `login.lock_minutes`. Every attempt goes into the audit log; a hash made with older
    /// parameters is replaced on a good login.
    Result<OperatorInfo> login(const QString& id, const QString& pin, const QString& stationId = {}) const
    {
        return login(id, pin, stationId, m_clock.now());
    }
    Result<OperatorInfo> login(const QString& id, const QString& pin, const QString& stationId,
                               const QDateTime& now) const
    {
        return authenticate(id, pin, stationId, now, true);
    }
    /// The same checks for a command that proves who acts (reworkctl): refusals are counted and
    /// audited as at login, but a good PIN writes no entry of its own; the change it allows
    /// names the operator in its own event or audit entry, and a refused change leaves no trace.
    Result<OperatorInfo> prove(const QString& id, const QString& pin, const QString& stationId = {}) const
    {
        return authenticate(id, pin, stationId, m_clock.now(), false);
    }

private:
    /// The `login.*` settings, with their defaults.
    struct Policy
    {
        int maxFailures = 0; // settings login.max_failures and login.lock_minutes
        int lockMinutes = 0;
    };
    /// Wrong PINs in a row so far, and the end of a lock if one is set.
    struct Failures
    {
        int count = 0;
        QDateTime lockedUntil;
    };

    Result<OperatorInfo> authenticate(const QString& id, const QString& pin, const QString& stationId,
                                      const QDateTime& now, bool auditSuccess) const;
    /// The checks and their writes, inside authenticate()'s transaction.
    Result<OperatorInfo> decide(const QString& id, const QString& pin, const QString& stationId,
                                const QDateTime& now, bool auditSuccess) const;
    Result<Policy> loadPolicy() const;
    Result<Failures> loadFailures(const QString& id) const;
    // The refusals: each writes its audit entry and returns the error the operator sees.
    Error refuseLocked(const QString& id, const QString& stationId, const QDateTime& lockedUntil,
                       const Policy& policy, const QDateTime& now) const;
    /// Counts the failure (a known id is locked after too many) before refusing.
    Error refuseWrongPin(const QString& id, const QString& stationId, bool known, int failures,
                         const Policy& policy, const QDateTime& now) const;
    Error refuseDisabled(const QString& id, const QString& stationId, const QDateTime& now) const;
    /// A good login: clears the failures, renews an old PIN hash, writes the audit entry.
    Status admit(const QString& id, const QString& pin, bool rehash, const QString& stationId,
                 const QDateTime& now, bool auditSuccess) const;

    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
