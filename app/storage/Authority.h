#pragma once

#include "domain/Result.h"
#include "domain/Snapshot.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace rework {

/// The check behind every change made by an operator outside the workflow rules (labels,
/// settings, stations): the actor must still be active and their role must hold `action` in the
/// `permissions` table, read at the time of the change.
class Authority
{
    Q_DECLARE_TR_FUNCTIONS(Authority)

public:
    static Status require(const QSqlDatabase& db, const OperatorInfo& actor, const QString& action);
    /// As require(), except that headless set-up (demo data, a new line's first stations) acts as
    /// `SYSTEM`, which is allowed only until the line has its first admin: from then on an admin
    /// exists who can be asked, as for the first admin account itself.
    static Status requireOrSetUp(const QSqlDatabase& db, const QString& actorId, const QString& action);
};

} // namespace rework
