#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"
#include "domain/WorkflowConfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QSqlDatabase>

#include <functional>

namespace rework {

/// Operator accounts as an admin manages them: add, disable or enable, reset a PIN, change a
/// role. Each change is one transaction with its audit entry; the acting operator needs
/// `operators.manage`, and no change may leave the database without an active admin.
class OperatorAdmin
{
    Q_DECLARE_TR_FUNCTIONS(OperatorAdmin)

public:
    /// The shell (reworkctl, whoever owns the database file) acts without a login.
    static inline const QString& kShell = kShellOperator;

    struct Account
    {
        OperatorInfo info;
        QDateTime lockedUntil; // invalid when not locked
        QString createdAt;
    };

    OperatorAdmin(const QSqlDatabase& db, const WorkflowConfig& config, QString actorId, QString stationId,
                  const Clock& clock = systemClock())
        : m_db(db), m_config(config), m_actor(std::move(actorId)), m_station(std::move(stationId)),
          m_clock(clock)
    {
    }

    Result<QList<Account>> accounts(const QDateTime& now) const;
    Result<QList<Account>> accounts() const { return accounts(m_clock.now()); }
    Status add(const QString& id, const QString& name, const QString& role, const QString& pin);
    Status setActive(const QString& id, bool active);
    /// A new PIN also lifts a lock from wrong PINs.
    Status resetPin(const QString& id, const QString& pin);
    Status setRole(const QString& id, const QString& role);
    /// Grants or revokes an action (`record.void`, `label.print` ...) to a role: a reference
    /// change every station takes at its next sync. An admin's `operators.manage` stays.
    Status setPermission(const QString& role, const QString& action, bool granted);

    /// Whether `id` may still work: false once an admin (here or, by sync, elsewhere) disabled it.
    static Result<bool> isActive(const QSqlDatabase& db, const QString& id);

private:
    Status mayManage() const;
    Result<OperatorInfo> target(const QString& id) const;
    /// Refuses a change that would leave no active admin.
    Status keepsAnAdmin(const OperatorInfo& before, const QString& role, bool active) const;
    /// One column of an account, recorded as a reference change.
    Status setColumn(const QString& id, const QString& column, const QJsonValue& value);
    Status audited(const QString& kind, const QString& detail, const std::function<Status()>& change);

    QSqlDatabase m_db;
    const WorkflowConfig& m_config;
    QString m_actor, m_station;
    const Clock& m_clock;
};

} // namespace rework
