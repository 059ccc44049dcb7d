#include "StationRegistry.h"

#include "AuditLog.h"
#include "Authority.h"
#include "ReferenceLog.h"
#include "Sql.h"
#include "Transaction.h"
#include "domain/FreeText.h"
#include "domain/SerialRules.h"
#include "domain/Step.h"

#include <spdlog/spdlog.h>

namespace rework {
namespace {

QString nowText(const QDateTime& now)
{
    return now.toString(Qt::ISODateWithMs);
}

} // namespace

Status StationRegistry::addStation(const QString& rawId, const QString& step, const QString& name,
                                   const QString& actorId)
{
    SerialRules rules;
    Result<QString> id = rules.validate(SerialKind::Station, rawId);
    if (!id)
        return id.error();
    if (!stationStepNames().contains(step)) {
        return makeError(ErrorCode::InvalidValue, QStringLiteral("step"),
                         Message(tr, QT_TR_NOOP("\"%1\" is not a station step; use one of %2"),
                                 {step.left(40), stationStepNames().join(QStringLiteral(", "))}));
    }
    Result<bool> known = exists(id.value());
    if (!known)
        return known.error();
    if (known.value())
        return makeError(ErrorCode::AlreadyUsed, QStringLiteral("id"),
                         Message(tr, QT_TR_NOOP("station %1 already exists"), {id.value()}));
    const QString shownName = name.trimmed();
    if (Status st = FreeText::check(QStringLiteral("name"), shownName, FreeText::kMaxName); !st)
        return st;
    // Checked in the transaction of the change, as every reference change is.
    Transaction tx(m_db);
    if (Status st = tx.join(); !st)
        return st;
    if (Status st = Authority::requireOrSetUp(m_db, actorId, QStringLiteral("settings.change")); !st)
        return st;
    if (Status st = ReferenceLog(m_db, actorId, {}, m_clock)
                        .record({QStringLiteral("stations"),
                                 {{QStringLiteral("id"), id.value()}},
                                 {{QStringLiteral("step"), step},
                                  {QStringLiteral("name"),
                                   shownName.isEmpty() ? QJsonValue() : QJsonValue(shownName)},
                                  {QStringLiteral("created_at"), nowText(m_clock.now())}}});
        !st)
        return st;
    // An operator's change is audited; headless set-up is recorded by its reference event alone.
    if (actorId != QLatin1StringView("SYSTEM")) {
        if (Status st = AuditLog(m_db, m_clock)
                            .append(QStringLiteral("station_added"), actorId, QStringLiteral("-"),
                                    QStringLiteral("%1 for %2").arg(id.value(), step));
            !st)
            return st;
    }
    if (Status st = tx.commit(); !st)
        return st;
    spdlog::info("station added id={} step={}", id.value().toStdString(), step.toStdString());
    return {};
}

Result<bool> StationRegistry::exists(const QString& id) const
{
    auto found = sql::scalar(m_db, QStringLiteral("SELECT 1 FROM stations WHERE id = ?"), {id});
    if (!found)
        return found.error();
    return found.value().isValid();
}

Result<QList<StationInfo>> StationRegistry::stations() const
{
    auto q =
        sql::run(m_db, QStringLiteral("SELECT id, step FROM stations WHERE step <> 'system' ORDER BY id"));
    if (!q)
        return q.error();
    QList<StationInfo> list;
    while (q.value().next())
        list.append({q.value().value(0).toString(), q.value().value(1).toString()});
    return list;
}

} // namespace rework
