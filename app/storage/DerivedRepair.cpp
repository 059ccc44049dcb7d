#include "DerivedRepair.h"

#include "AuditLog.h"
#include "Authority.h"
#include "DailyRollups.h"
#include "EventChain.h"
#include "IntegrityChecker.h"
#include "StateProjector.h"
#include "Transaction.h"
#include "domain/FreeText.h"

#include <spdlog/spdlog.h>

namespace rework {

Result<qint64> DerivedRepair::run(const QString& actorId, const QString& reason) const
{
    if (Status st = FreeText::check(QStringLiteral("reason"), reason, FreeText::kMaxReason); !st)
        return st.error();
    const OperatorInfo actor{actorId, {}, {}, true};
    // Refused before the check's long read, and again in the write transaction below.
    if (Status st = Authority::require(m_db, actor, QStringLiteral("derived.repair")); !st)
        return st.error();
    Result<QList<IntegrityChecker::Finding>> found = IntegrityChecker(m_db).findings();
    if (!found)
        return found.error();
    if (found->isEmpty())
        return qint64(0);
    if (!IntegrityChecker::repairable(found.value()))
        return makeError(
            ErrorCode::Contradiction, QStringLiteral("check"),
            Message(tr, QT_TR_NOOP("more than derived state differs (run reworkctl check): a replay "
                                   "cannot put that right; call an admin to restore a backup")));
    Result<EventChain::Verdict> chain = EventChain(m_db).verify();
    if (!chain)
        return chain.error();
    if (chain->brokenSeq != 0)
        return makeError(ErrorCode::Contradiction, QStringLiteral("verify"),
                         Message(tr,
                                 QT_TR_NOOP("the event log is not intact from event %1 on (run reworkctl "
                                            "verify): a replay would make a changed log look recorded; call "
                                            "an admin to restore a backup"),
                                 {QString::number(chain->brokenSeq)}));
    const qint64 rows = IntegrityChecker::rows(found.value());
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st.error();
    if (Status st = Authority::require(m_db, actor, QStringLiteral("derived.repair")); !st)
        return st.error();
    if (Status st = StateProjector(m_db).rebuild(); !st)
        return st.error();
    if (Status st = DailyRollups::refill(m_db); !st)
        return st.error();
    if (Status st = AuditLog(m_db).append(
            QStringLiteral("derived_repaired"), actorId, QStringLiteral("-"),
            QStringLiteral("%1 derived rows replayed from the events: %2").arg(rows).arg(reason.trimmed()));
        !st)
        return st.error();
    if (Status st = tx.commit(); !st)
        return st.error();
    spdlog::warn("derived state replayed by {}: {} rows differed", actorId.toStdString(), rows);
    return rows;
}

} // namespace rework
