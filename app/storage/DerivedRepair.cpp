#include "DerivedRepair.h"

#include "AuditLog.h"
#include "Authority.h"
#include "DailyRollups.h"
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
    // The check and the replay in one write transaction: nothing can change between the proof
    // that only derived state differs and the replay that puts it right. Stations wait meanwhile.
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st.error();
    if (Status st = Authority::require(m_db, actor, QStringLiteral("derived.repair")); !st)
        return st.error();
    Result<QList<IntegrityChecker::Finding>> found = IntegrityChecker(m_db).findings();
    if (!found)
        return found.error();
    if (found->isEmpty())
        return qint64(0);
    // The check walks the event chain too: an edited log is a Record finding, never repaired.
    if (!IntegrityChecker::repairable(found.value()))
        return makeError(
            ErrorCode::Contradiction, QStringLiteral("check"),
            Message(tr, QT_TR_NOOP("more than derived state differs (run reworkctl check): a replay "
                                   "cannot put that right; call an admin to restore a backup")));
    const qint64 rows = IntegrityChecker::rows(found.value());
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
