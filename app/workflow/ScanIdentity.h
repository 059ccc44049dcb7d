#pragma once

#include "domain/Action.h"
#include "domain/Clock.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace rework {

/// Holds the serials an action names against what they are known as (IdentityRegistry) before
/// the rules see them. A known item of another kind, or an id of our own shape where a donor card
/// or a board is asked for, is refused, saying what the scan is, where that item is now and
/// which label to scan instead. A board's serial where a unit is asked for stands for its unit.
class ScanIdentity
{
    Q_DECLARE_TR_FUNCTIONS(ScanIdentity)

public:
    ScanIdentity(const QSqlDatabase& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    /// The action with board serials resolved to their units, or the refusal.
    Result<Action> check(Action action) const;

private:
    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
