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
    explicit Login(QSqlDatabase db, const Clock& clock = systemClock()) : m_db(std::move(db)), m_clock(clock)
    {
    }

    /// The operator if `pin` is theirs and they are active; the same error for a wrong id or PIN.
    /// After `login.max_failures` wrong PINs in a row the account is locked for
    /// `login.lock_minutes`. Every attempt goes into the audit log; a hash made with older
    /// parameters is replaced on a good login.
    Result<OperatorInfo> login(const QString& id, const QString& pin, const QString& stationId = {}) const
    {
        return login(id, pin, stationId, m_clock.now());
    }
    Result<OperatorInfo> login(const QString& id, const QString& pin, const QString& stationId,
                               const QDateTime& now) const;

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
