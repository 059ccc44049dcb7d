#include "Authority.h"

#include "Sql.h"

#include <spdlog/spdlog.h>

namespace rework {

Status Authority::require(const QSqlDatabase& db, const OperatorInfo& actor, const QString& action)
{
    // The role is read again: an admin may have changed it, or disabled the actor, since login.
    auto granted =
        sql::scalar(db,
                    QStringLiteral("SELECT 1 FROM operators o JOIN permissions p ON p.role = o.role "
                                   "WHERE o.id = ? AND o.active = 1 AND o.id <> 'SYSTEM' "
                                   "AND p.action = ?"),
                    {actor.id, action});
    if (!granted)
        return granted.error();
    if (granted.value().isValid())
        return {};
    spdlog::warn("refused {} to {}", action.toStdString(), actor.id.toStdString());
    return makeError(
        ErrorCode::NotPermitted, QStringLiteral("operator"),
        Message(tr, QT_TR_NOOP("%1 may not do %2; ask someone whose role may"), {actor.id.left(32), action}));
}

Status Authority::requireOrSetUp(const QSqlDatabase& db, const QString& actorId, const QString& action)
{
    if (actorId != QLatin1StringView("SYSTEM"))
        return require(db, OperatorInfo{actorId, {}, {}, true}, action);
    auto admin = sql::scalar(
        db, QStringLiteral("SELECT 1 FROM operators WHERE role = 'admin' AND active = 1 AND id <> 'SYSTEM'"));
    if (!admin)
        return admin.error();
    if (!admin.value().isValid())
        return {};
    spdlog::warn("refused {} to SYSTEM: the line has an admin", action.toStdString());
    return makeError(ErrorCode::NotPermitted, QStringLiteral("operator"),
                     Message(tr,
                             QT_TR_NOOP("%1 needs a proven operator once the line has an admin; give "
                                        "--operator ADMIN"),
                             {action}));
}

} // namespace rework
