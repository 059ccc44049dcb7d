#include "OperatorAdmin.h"

#include "PinHasher.h"
#include "auth/OperatorAccounts.h"
#include "domain/ReferenceChange.h"
#include "domain/SerialRules.h"
#include "storage/AuditLog.h"
#include "storage/ReferenceLog.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QRegularExpression>

#include <spdlog/spdlog.h>

namespace rework {

Status OperatorAdmin::mayManage() const
{
    // The shell acts without proof only to make the first account of an empty database.
    if (m_actor == kShell) {
        auto others =
            sql::scalar(m_db, QStringLiteral("SELECT count(*) FROM operators WHERE id <> 'SYSTEM'"));
        if (!others)
            return others.error();
        if (others.value().toInt() == 0)
            return {};
        return makeError(ErrorCode::NotPermitted, QStringLiteral("operator"),
                         Message(tr, QT_TR_NOOP("only an admin can manage operators; give --operator and "
                                                "the admin's PIN")));
    }
    Result<OperatorInfo> actor = target(m_actor);
    if (!actor)
        return actor.error();
    if (!actor->active || !m_config.permits(actor->role, QStringLiteral("operators.manage")))
        return makeError(ErrorCode::NotPermitted, QStringLiteral("operator"),
                         Message(tr, QT_TR_NOOP("only an admin can manage operators; ask your admin")));
    return {};
}

Result<OperatorInfo> OperatorAdmin::target(const QString& rawId) const
{
    const QString id = SerialRules::normalise(SerialKind::Operator, rawId);
    if (id == QLatin1StringView("SYSTEM"))
        return makeError(ErrorCode::NotPermitted, QStringLiteral("id"),
                         Message(tr, QT_TR_NOOP("SYSTEM is not an account; it cannot be changed or act")));
    auto q =
        sql::run(m_db, QStringLiteral("SELECT id, name, role, active FROM operators WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q.value().next())
        return makeError(ErrorCode::UnknownOperator, QStringLiteral("id"),
                         Message(tr, QT_TR_NOOP("no operator %1; check the id"), {id.left(32)}));
    return OperatorInfo{q.value().value(0).toString(), q.value().value(1).toString(),
                        q.value().value(2).toString(), q.value().value(3).toBool()};
}

Status OperatorAdmin::keepsAnAdmin(const OperatorInfo& before, const QString& role, bool active) const
{
    const bool wasAdmin = before.active && before.role == QLatin1StringView("admin");
    const bool staysAdmin = active && role == QLatin1StringView("admin");
    if (!wasAdmin || staysAdmin)
        return {};
    auto others = sql::scalar(m_db,
                              QStringLiteral("SELECT count(*) FROM operators WHERE role = 'admin' AND "
                                             "active = 1 AND id <> ? AND id <> 'SYSTEM'"),
                              {before.id});
    if (!others)
        return others.error();
    if (others.value().toInt() == 0)
        return makeError(
            ErrorCode::NotPermitted, QStringLiteral("id"),
            Message(tr, QT_TR_NOOP("%1 is the last active admin; make another admin first"), {before.id}));
    return {};
}

Status OperatorAdmin::audited(const QString& kind, const QString& detail,
                              const std::function<Status()>& change)
{
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st;
    if (Status st = mayManage(); !st)
        return st;
    if (Status st = change(); !st)
        return st;
    if (Status st = AuditLog(m_db).append(kind, m_actor,
                                          m_station.isEmpty() ? QStringLiteral("-") : m_station, detail);
        !st)
        return st;
    if (Status st = tx.commit(); !st)
        return st;
    spdlog::info("{} by {}: {}", kind.toStdString(), m_actor.toStdString(), detail.toStdString());
    return {};
}

Status OperatorAdmin::setColumn(const QString& id, const QString& column, const QJsonValue& value)
{
    // A change of an account is reference data: it reaches every station with the next sync.
    return ReferenceLog(m_db, m_actor, m_station, m_clock)
        .record({QStringLiteral("operators"), {{QStringLiteral("id"), id}}, {{column, value}}});
}

Result<QList<OperatorAdmin::Account>> OperatorAdmin::accounts(const QDateTime& now) const
{
    auto q =
        sql::run(m_db, QStringLiteral("SELECT o.id, o.name, o.role, o.active, f.locked_until, o.created_at "
                                      "FROM operators o LEFT JOIN login_failures f ON f.operator_id = o.id "
                                      "ORDER BY o.id"));
    if (!q)
        return q.error();
    QList<Account> list;
    while (q.value().next()) {
        Account a;
        a.info = {q.value().value(0).toString(), q.value().value(1).toString(), q.value().value(2).toString(),
                  q.value().value(3).toBool()};
        const QDateTime until = QDateTime::fromString(q.value().value(4).toString(), Qt::ISODateWithMs);
        if (until.isValid() && until > now)
            a.lockedUntil = until;
        a.createdAt = q.value().value(5).toString();
        list.append(a);
    }
    return list;
}

Status OperatorAdmin::add(const QString& id, const QString& name, const QString& role, const QString& pin)
{
    const QString normalised = SerialRules::normalise(SerialKind::Operator, id);
    if (m_actor == kShell && role != QLatin1StringView("admin"))
        return makeError(ErrorCode::NotPermitted, QStringLiteral("role"),
                         Message(tr, QT_TR_NOOP("the first account of a new database must be an admin")));
    return audited(QStringLiteral("operator_added"), QStringLiteral("%1 as %2").arg(normalised, role), [&] {
        return OperatorAccounts(m_db, m_clock).addOperator(id, name, role, pin, m_actor, m_station);
    });
}

Status OperatorAdmin::setActive(const QString& id, bool active)
{
    Result<OperatorInfo> who = target(id);
    if (!who)
        return who.error();
    if (who->active == active)
        return {};
    return audited(active ? QStringLiteral("operator_enabled") : QStringLiteral("operator_disabled"), who->id,
                   [&]() -> Status {
                       if (Status st = keepsAnAdmin(who.value(), who->role, active); !st)
                           return st;
                       return setColumn(who->id, QStringLiteral("active"), active ? 1 : 0);
                   });
}

Status OperatorAdmin::resetPin(const QString& id, const QString& pin)
{
    Result<OperatorInfo> who = target(id);
    if (!who)
        return who.error();
    Result<QString> hash = PinHasher::hash(pin);
    if (!hash)
        return hash.error();
    return audited(QStringLiteral("operator_pin_reset"), who->id, [&]() -> Status {
        if (Status st = setColumn(who->id, QStringLiteral("pin_hash"), hash.value()); !st)
            return st;
        return sql::exec(m_db, QStringLiteral("DELETE FROM login_failures WHERE operator_id = ?"), {who->id});
    });
}

Status OperatorAdmin::setRole(const QString& id, const QString& role)
{
    if (!OperatorAccounts::isRole(role))
        return makeError(ErrorCode::InvalidValue, QStringLiteral("role"),
                         Message(tr, QT_TR_NOOP("\"%1\" is not a role; use operator, supervisor or admin"),
                                 {role.left(40)}));
    Result<OperatorInfo> who = target(id);
    if (!who)
        return who.error();
    if (who->role == role)
        return {};
    return audited(QStringLiteral("operator_role"),
                   QStringLiteral("%1: %2 -> %3").arg(who->id, who->role, role), [&]() -> Status {
                       if (Status st = keepsAnAdmin(who.value(), role, who->active); !st)
                           return st;
                       return setColumn(who->id, QStringLiteral("role"), role);
                   });
}

Status OperatorAdmin::setPermission(const QString& role, const QString& action, bool granted)
{
    if (!OperatorAccounts::isRole(role))
        return makeError(ErrorCode::InvalidValue, QStringLiteral("role"),
                         Message(tr, QT_TR_NOOP("\"%1\" is not a role; use operator, supervisor or admin"),
                                 {role.left(40)}));
    static const QRegularExpression shape(QStringLiteral("^[a-z]+(\\.[a-z_]+)+$"));
    if (action.size() > 40 || !shape.match(action).hasMatch())
        return makeError(ErrorCode::InvalidValue, QStringLiteral("action"),
                         Message(tr,
                                 QT_TR_NOOP("\"%1\" is not an action; actions look like record.void or "
                                            "label.print"),
                                 {action.left(40)}));
    if (!granted && role == QLatin1StringView("admin") && action == QLatin1StringView("operators.manage"))
        return makeError(ErrorCode::NotPermitted, QStringLiteral("action"),
                         Message(tr, QT_TR_NOOP("admins keep operators.manage, or nobody could manage "
                                                "accounts again")));
    auto held = sql::scalar(m_db, QStringLiteral("SELECT 1 FROM permissions WHERE role = ? AND action = ?"),
                            {role, action});
    if (!held)
        return held.error();
    if (held.value().isValid() == granted)
        return {};
    return audited(granted ? QStringLiteral("permission_granted") : QStringLiteral("permission_revoked"),
                   QStringLiteral("%1 %2").arg(role, action), [&] {
                       return ReferenceLog(m_db, m_actor, m_station, m_clock)
                           .record({QStringLiteral("permissions"),
                                    {{QStringLiteral("role"), role}, {QStringLiteral("action"), action}},
                                    {{ReferenceChange::kPresent, granted}}});
                   });
}

Result<bool> OperatorAdmin::isActive(const QSqlDatabase& db, const QString& id)
{
    auto v = sql::scalar(db, QStringLiteral("SELECT active FROM operators WHERE id = ?"), {id});
    if (!v)
        return v.error();
    return v.value().isValid() && v.value().toBool();
}

} // namespace rework
