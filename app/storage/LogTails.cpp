#include "LogTails.h"

#include "Sql.h"

namespace rework {

Result<QString> LogTails::check() const
{
    Result<QString> found = eventsSeenByAudit();
    if (found && found->isEmpty())
        found = auditSeenByEvents();
    if (found && found->isEmpty())
        found = numbersGiven(QStringLiteral("events"));
    if (found && found->isEmpty())
        found = numbersGiven(QStringLiteral("audit_log"));
    return found;
}

Result<QString> LogTails::eventsSeenByAudit() const
{
    return claimHolds(
        {QStringLiteral("SELECT seq, event_seq, event_hash FROM audit_log WHERE event_seq IS NOT "
                        "NULL ORDER BY seq DESC LIMIT 1"),
         QStringLiteral("SELECT hash FROM event_chain WHERE event_seq = ?"),
         QT_TR_NOOP("audit entry #%1 saw event #%2, which is gone: the last events were cut off"),
         QT_TR_NOOP("event #%2 is not the one audit entry #%1 saw")});
}

Result<QString> LogTails::auditSeenByEvents() const
{
    return claimHolds(
        {QStringLiteral("SELECT event_seq, audit_seq, audit_hash FROM event_chain WHERE audit_seq "
                        "IS NOT NULL ORDER BY event_seq DESC LIMIT 1"),
         QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"),
         QT_TR_NOOP("event #%1 saw audit entry #%2, which is gone: the last audit entries were "
                    "cut off"),
         QT_TR_NOOP("audit entry #%2 is not the one event #%1 saw")});
}

Result<QString> LogTails::claimHolds(const Claim& c) const
{
    // The newest claim: (the row that claims, the row it saw, that row's hash then).
    auto claim = sql::row(m_db, c.newestClaim);
    if (!claim)
        return claim.error();
    if (!claim.value() || claim.value()->at(1).toLongLong() == 0)
        return QString();
    const qint64 claiming = claim.value()->at(0).toLongLong();
    const qint64 seen = claim.value()->at(1).toLongLong();
    auto hash = sql::scalar(m_db, c.hashOfSeen, {seen});
    if (!hash)
        return hash.error();
    if (hash.value().isNull())
        return tr(c.gone).arg(claiming).arg(seen);
    if (hash.value().toString() != claim.value()->at(2).toString())
        return tr(c.differs).arg(claiming).arg(seen);
    return QString();
}

Result<QString> LogTails::numbersGiven(const QString& table) const
{
    // AUTOINCREMENT never gives a number twice and remembers the highest it gave.
    auto given = sql::scalar(m_db, QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = ?"), {table});
    if (!given)
        return given.error();
    auto last = sql::scalar(m_db, QStringLiteral("SELECT coalesce(max(seq), 0) FROM ") + table);
    if (!last)
        return last.error();
    if (given.value().isNull() || given.value().toLongLong() <= last.value().toLongLong())
        return QString();
    return tr("%1 numbers up to #%2 were given but the table ends at #%3: its last entries were removed")
        .arg(table)
        .arg(given.value().toLongLong())
        .arg(last.value().toLongLong());
}

} // namespace rework
