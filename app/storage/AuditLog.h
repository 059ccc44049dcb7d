#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace rework {

/// The audit trail (migration 0010): logins, failed logins, reprints, settings changes, each
/// entry chained to the previous one by SHA-256.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)

public:
    explicit AuditLog(const QSqlDatabase& db, const Clock& clock = systemClock()) : m_db(db), m_clock(clock)
    {
    }

    /// Appends an entry inside the caller's open transaction (refused without one), so that the
    /// entry and the change it records commit or roll back together.
    Status append(const QString& kind, const QString& operatorId, const QString& stationId,
                  const QString& detail, const QDateTime& at);
    /// The same, at the clock's now.
    Status append(const QString& kind, const QString& operatorId, const QString& stationId,
                  const QString& detail)
    {
        return append(kind, operatorId, stationId, detail, m_clock.now());
    }
    /// An entry that records no change of its own (a screen locked), in a transaction of its own.
    Status appendAlone(const QString& kind, const QString& operatorId, const QString& stationId,
                       const QString& detail);
    /// 0 when intact, else the seq of the first entry that does not match; `reason` says how.
    Result<qint64> verify(QString* reason = nullptr, qint64* checked = nullptr) const;

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
