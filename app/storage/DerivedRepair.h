#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace rework {

/// `reworkctl check --repair`: the derived state (items, rollups) replaced by a replay of the
/// event log, by a proven admin, audited. Only where `check` finds nothing but derived state
/// that differs and the event chain is intact: a replay of a log changed by hand would make the
/// change look recorded. Everything else is a backup's to put right.
class DerivedRepair
{
    Q_DECLARE_TR_FUNCTIONS(DerivedRepair)

public:
    explicit DerivedRepair(const QSqlDatabase& db) : m_db(db) {}

    /// The rows that differed and are now as the events say; 0 when nothing differed (and
    /// nothing was written).
    Result<qint64> run(const QString& actorId, const QString& reason) const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
