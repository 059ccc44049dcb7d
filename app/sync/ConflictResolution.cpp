#include "ConflictResolution.h"

#include "SetAside.h"
#include "domain/EventPayload.h"
#include "domain/FreeText.h"
#include "domain/IdGenerator.h"
#include "domain/ReferenceChange.h"
#include "storage/AuditLog.h"
#include "storage/Authority.h"
#include "storage/EventLog.h"
#include "storage/EventStore.h"
#include "storage/Sql.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

/// A record to void: its id, step and the serials it concerns (a void names the same items).
struct Target
{
    QString id, step;
    QList<Subject> subjects;
};

Result<QList<Subject>> subjectsOf(const QSqlDatabase& db, qint64 seq)
{
    auto q =
        sql::run(db, QStringLiteral("SELECT kind, serial FROM event_subjects WHERE event_seq = ?"), {seq});
    if (!q)
        return q.error();
    QList<Subject> out;
    while (q.value().next())
        out.append({q.value().value(0).toString(), q.value().value(1).toString()});
    return out;
}

} // namespace

Result<QList<Conflict>> ConflictResolution::list() const
{
    auto q =
        sql::run(m_db, QStringLiteral("SELECT server_id, kind, subject, detail, found_at, event_ids FROM "
                                      "sync_anomalies ORDER BY server_id"));
    if (!q)
        return q.error();
    QList<Conflict> open, closed;
    while (q.value().next()) {
        Conflict c;
        c.serverId = q.value().value(0).toLongLong();
        c.kind = q.value().value(1).toString();
        c.subject = q.value().value(2).toString();
        c.detail = q.value().value(3).toString();
        c.foundAt = q.value().value(4).toString();
        c.eventIds = q.value().value(5).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString& id : std::as_const(c.eventIds)) {
            auto voided =
                sql::scalar(m_db, QStringLiteral("SELECT 1 FROM voided_events WHERE event_id = ?"), {id});
            if (!voided)
                return voided.error();
            c.resolved = c.resolved || voided.value().isValid();
        }
        (c.resolved ? closed : open).append(c);
    }
    return open + closed;
}

Result<int> ConflictResolution::resolve(qint64 serverId, const QString& keepEventId, const QString& reason,
                                        const OperatorInfo& actor, const QString& stationId)
{
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidValue, QStringLiteral("reason"),
                         Message(tr, QT_TR_NOOP("say why this side stands (a reason is required)")));
    if (Status st = FreeText::check(QStringLiteral("reason"), reason, FreeText::kMaxReason); !st)
        return st.error();
    Transaction tx(m_db);
    if (Status st = tx.begin(); !st)
        return st.error();
    if (Status st = Authority::require(m_db, actor, QStringLiteral("conflicts.resolve")); !st)
        return st.error();
    Result<QList<Conflict>> all = list();
    if (!all)
        return all.error();
    const auto found =
        std::find_if(all->begin(), all->end(), [&](const Conflict& c) { return c.serverId == serverId; });
    if (found == all->end())
        return makeError(
            ErrorCode::UnknownSerial, QStringLiteral("conflict"),
            Message(tr, QT_TR_NOOP("no conflict %1 here; sync, then list the conflicts again"), {serverId}));
    if (found->resolved)
        return makeError(ErrorCode::AlreadyVoided, QStringLiteral("conflict"),
                         Message(tr, QT_TR_NOOP("conflict %1 is already resolved"), {serverId}));
    if (found->eventIds.size() != 2 || !found->eventIds.contains(keepEventId))
        return makeError(ErrorCode::InvalidValue, QStringLiteral("keep"),
                         Message(tr, QT_TR_NOOP("keep one of the conflict's two records: %1"),
                                 {found->eventIds.join(QStringLiteral(", "))}));
    const QString lose = found->eventIds.at(0) == keepEventId ? found->eventIds.at(1) : found->eventIds.at(0);

    // The losing side as this station holds it: applied here, with what was applied on top of it,
    // or set aside here, with what was set aside because it built on it.
    QList<Target> targets;
    auto applied = sql::row(m_db, QStringLiteral("SELECT seq, step FROM events WHERE id = ?"), {lose});
    if (!applied)
        return applied.error();
    if (applied.value()) {
        const qint64 seq = applied.value()->at(0).toLongLong();
        Result<QList<Subject>> subjects = subjectsOf(m_db, seq);
        if (!subjects)
            return subjects.error();
        QStringList serials;
        for (const Subject& s : subjects.value())
            serials << s.serial;
        // Every later record on the same items, newest first; voided ones and voids stay as they are.
        auto later = sql::run(
            m_db,
            QStringLiteral(
                "SELECT DISTINCT e.seq, e.id, e.step FROM events e JOIN event_subjects s ON s.event_seq "
                "= e.seq JOIN json_each(?) j ON j.value = s.serial WHERE e.seq >= ? AND e.step NOT IN "
                "('void', ?) AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id) "
                "ORDER BY e.seq DESC"),
            {QString::fromUtf8(
                 QJsonDocument(QJsonArray::fromStringList(serials)).toJson(QJsonDocument::Compact)),
             seq, ReferenceChange::kStep});
        if (!later)
            return later.error();
        QList<std::pair<qint64, Target>> rows;
        while (later.value().next())
            rows.append({later.value().value(0).toLongLong(),
                         {later.value().value(1).toString(), later.value().value(2).toString(), {}}});
        later.value().finish();
        for (auto& [rowSeq, target] : rows) {
            Result<QList<Subject>> s = subjectsOf(m_db, rowSeq);
            if (!s)
                return s.error();
            target.subjects = s.value();
            targets.append(target);
        }
    } else {
        Result<QList<PulledEvent>> kept = SetAside(m_db, m_clock).all();
        if (!kept)
            return kept.error();
        QSet<QString> side{lose};
        QList<Target> found2;
        bool known = false;
        for (const PulledEvent& p : kept.value()) {
            const QString basis =
                sql::scalar(m_db, QStringLiteral("SELECT basis FROM sync_rejected WHERE event_id = ?"),
                            {p.event.id})
                    .value()
                    .toString();
            const bool voided =
                sql::scalar(m_db, QStringLiteral("SELECT 1 FROM voided_events WHERE event_id = ?"),
                            {p.event.id})
                    .value()
                    .isValid();
            if (!voided && (p.event.id == lose || side.contains(basis))) {
                known = known || p.event.id == lose;
                side.insert(p.event.id);
                found2.prepend({p.event.id, p.event.step, p.subjects}); // newest first
            }
        }
        if (!known)
            return makeError(ErrorCode::UnknownSerial, QStringLiteral("conflict"),
                             Message(tr,
                                     QT_TR_NOOP("record %1 has not reached this station yet; sync, then "
                                                "resolve again"),
                                     {lose}));
        targets = found2;
    }

    EventLog log(m_db);
    for (const Target& t : std::as_const(targets)) {
        EventRecord e;
        e.recordedAt = m_clock.now().toUTC();
        e.id = IdGenerator::uuidV7(e.recordedAt);
        e.stationId = stationId.isEmpty() ? QStringLiteral("-") : stationId;
        e.operatorId = actor.id;
        e.step = QStringLiteral("void");
        e.subject = t.subjects.isEmpty() ? t.id : t.subjects.first().serial;
        e.payload = {{payload::Event, t.id},
                     {payload::Reason, reason.trimmed()},
                     {payload::TargetStep, t.step},
                     {payload::Outcome, outcome::Voided}};
        if (Status st = log.apply(e, t.subjects); !st)
            return st.error();
    }
    // The side that stands, set aside here until now, applies.
    if (Result<int> retried = SetAside(m_db, m_clock).retry(); !retried)
        return retried.error();
    if (Status st = AuditLog(m_db, m_clock)
                        .append(QStringLiteral("conflict_resolved"), actor.id,
                                stationId.isEmpty() ? QStringLiteral("-") : stationId,
                                QStringLiteral("%1 %2: kept %3, voided %4 record(s): %5")
                                    .arg(found->kind)
                                    .arg(serverId)
                                    .arg(keepEventId)
                                    .arg(targets.size())
                                    .arg(reason.trimmed().left(200)));
        !st)
        return st.error();
    if (Status st = tx.commit(); !st)
        return st.error();
    spdlog::info("conflict {} resolved by {}: kept {}, voided {}", serverId, actor.id.toStdString(),
                 keepEventId.toStdString(), targets.size());
    return static_cast<int>(targets.size());
}

} // namespace rework
