#include "OperatorAccounts.h"
#include "domain/FreeText.h"

#include "PinHasher.h"
#include "domain/SerialRules.h"
#include "storage/ReferenceLog.h"
#include "storage/Sql.h"

#include <spdlog/spdlog.h>

namespace rework {
namespace {

QString nowText(const QDateTime& now)
{
    return now.toString(Qt::ISODateWithMs);
}

} // namespace

bool OperatorAccounts::isRole(const QString& role)
{
    return role == QLatin1StringView("operator") || role == QLatin1StringView("supervisor") ||
           role == QLatin1StringView("admin");
}

Status OperatorAccounts::addOperator(const QString& rawId, const QString& name, const QString& role,
                                     const QString& pin, const QString& actorId, const QString& stationId)
{
    SerialRules rules;
    Result<QString> id = rules.validate(SerialKind::Operator, rawId);
    if (!id)
        return id.error();
    if (name.trimmed().isEmpty() || name.size() > 100)
        return makeError(ErrorCode::InvalidValue, QStringLiteral("name"),
                         Message(tr, QT_TR_NOOP("give the operator's name (1-100 characters)")));
    if (Status st = FreeText::check(QStringLiteral("name"), name, FreeText::kMaxName); !st)
        return st;
    if (!isRole(role)) {
        return makeError(ErrorCode::InvalidValue, QStringLiteral("role"),
                         Message(tr, QT_TR_NOOP("\"%1\" is not a role; use operator, supervisor or admin"),
                                 {role.left(40)}));
    }
    Result<QString> hash = PinHasher::hash(pin);
    if (!hash)
        return hash.error();
    auto exists = sql::scalar(m_db, QStringLiteral("SELECT 1 FROM operators WHERE id = ?"), {id.value()});
    if (!exists)
        return exists.error();
    if (exists.value().isValid())
        return makeError(ErrorCode::AlreadyUsed, QStringLiteral("id"),
                         Message(tr, QT_TR_NOOP("operator %1 already exists"), {id.value()}));
    const ReferenceChange change{QStringLiteral("operators"),
                                 {{QStringLiteral("id"), id.value()}},
                                 {{QStringLiteral("name"), name.trimmed()},
                                  {QStringLiteral("role"), role},
                                  {QStringLiteral("pin_hash"), hash.value()},
                                  {QStringLiteral("active"), 1},
                                  {QStringLiteral("created_at"), nowText(m_clock.now())}}};
    if (Status st = ReferenceLog(m_db, actorId, stationId, m_clock).record(change); !st)
        return st;
    spdlog::info("operator added id={} role={}", id.value().toStdString(), role.toStdString());
    return {};
}

Result<QList<OperatorInfo>> OperatorAccounts::operators() const
{
    auto q = sql::run(m_db, QStringLiteral("SELECT id, name, role, active FROM operators ORDER BY id"));
    if (!q)
        return q.error();
    QList<OperatorInfo> list;
    while (q.value().next()) {
        list.append({q.value().value(0).toString(), q.value().value(1).toString(),
                     q.value().value(2).toString(), q.value().value(3).toBool()});
    }
    return list;
}

} // namespace rework
