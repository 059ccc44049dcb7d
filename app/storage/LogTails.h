#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace rework {

/// Whether the event log or the audit log lost its last entries. Since migration 0016 each audit
/// entry names the event chain's head and each event's link names the audit chain's head, both
/// inside their hashes; SQLite's AUTOINCREMENT keeps the highest number it gave in
/// sqlite_sequence.
///
/// What a local attacker with write access to the file can and cannot hide: whoever can write
/// the file can rewrite all of it, so no check inside one file stands against someone who
/// recomputes every hash; only the server's copy and the chain head it anchors at each sync do.
/// Without that work they cannot cut the last events (the newest audit entry written after them
/// names a missing head, and sqlite_sequence remembers their numbers), nor the last audit entries
/// (the newest event linked after them names a missing audit head). They can still cut both logs
/// back to an earlier point where the claims agree and lower sqlite_sequence: an older but
/// consistent state, which only a comparison with the server shows.
class LogTails
{
    Q_DECLARE_TR_FUNCTIONS(LogTails)

public:
    explicit LogTails(const QSqlDatabase& db) : m_db(db) {}

    /// Empty when both tails are where the other log and SQLite say; else what was cut.
    Result<QString> check() const;

private:
    Result<QString> eventsSeenByAudit() const;
    Result<QString> auditSeenByEvents() const;
    Result<QString> numbersGiven(const QString& table) const;

    /// One log's newest claim about the other's head, and what to say when it no longer holds.
    struct Claim
    {
        QString newestClaim, hashOfSeen;
        const char* gone;
        const char* differs;
    };
    Result<QString> claimHolds(const Claim& claim) const;

    QSqlDatabase m_db;
};

} // namespace rework
