#pragma once

#include "domain/Clock.h"
#include "domain/Result.h"
#include "domain/Snapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

namespace rework {

/// The operator accounts: adding one (with its argon2id PIN hash) and listing them. Changes to an
/// existing account go through OperatorAdmin, which checks the acting admin.
class OperatorAccounts
{
    Q_DECLARE_TR_FUNCTIONS(OperatorAccounts)

public:
    explicit OperatorAccounts(const QSqlDatabase& db, const Clock& clock = systemClock())
        : m_db(db), m_clock(clock)
    {
    }

    /// operator, supervisor or admin.
    static bool isRole(const QString& role);
    /// Recorded as a reference change by `actorId` at `stationId` (headless setup: SYSTEM).
    Status addOperator(const QString& id, const QString& name, const QString& role, const QString& pin,
                       const QString& actorId = QStringLiteral("SYSTEM"), const QString& stationId = {});
    Result<QList<OperatorInfo>> operators() const;

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
