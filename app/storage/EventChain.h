#pragma once

#include "EventRecord.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

namespace rework {

/// The hash chain over the event log (migration 0009): hash(n) = SHA-256(hash(n-1) + event n).
class EventChain
{
    Q_DECLARE_TR_FUNCTIONS(EventChain)

public:
    explicit EventChain(const QSqlDatabase& db) : m_db(db) {}

    /// Links a just-inserted event (its seq set, its payload as stored). Same transaction.
    Status link(const EventRecord& event, const QByteArray& storedPayload);
    /// Links every event that has no link yet, in order (after the migration).
    Status linkMissing();
    /// Links the events that have none (a crash, or tampering) in one transaction with an audit
    /// entry naming `actorId` and `reason`; verify reports it from then on. The caller proves the
    /// actor and checks `chain.repair`. Returns how many events were linked.
    Result<qint64> repairMissing(const QString& actorId, const QString& reason);
    /// "at, by, detail" of every repair so far, oldest first.
    Result<QStringList> repairs() const;
    /// The newest link: the chain head a server anchors.
    Result<std::pair<qint64, QString>> head() const;

    struct Verdict
    {
        qint64 checked = 0;
        qint64 brokenSeq = 0; // 0: intact
        QString brokenId, reason;
    };
    /// A link the chain was found intact up to: where an incremental walk starts.
    struct Mark
    {
        qint64 seq = 0; // 0: none, walk from the first event
        QString hash, at;
    };
    /// Walks the chain after `mark` (the whole chain by default); stops at the first entry that
    /// does not match. A mark whose link no longer holds its hash is itself a break: the log
    /// before it was rewritten since. A mark whose link is gone means a walk of the whole chain.
    Result<Verdict> verify(const Mark& mark) const;
    Result<Verdict> verify() const;
    /// Each of the events `seqs` against its own link (and the link before it): why each one that
    /// does not match does not; empty when all hold. For one item's events (`check SERIAL`),
    /// without walking the whole chain.
    Result<QStringList> brokenAmong(const QList<qint64>& seqs) const;
    /// The newest mark verify left (Mark{} when none, or when a repair made the links anew).
    Result<Mark> lastMark() const;
    /// Records that the chain was intact up to the head `head` (a walk from the first event when
    /// `fullWalk`), at `at`.
    Status mark(const std::pair<qint64, QString>& head, bool fullWalk, const QDateTime& at);

    /// `claim` (auditClaim()) is the audit head the link names; empty for links made before
    /// migration 0016.
    static QString hash(const QString& previous, const EventRecord& event, const QByteArray& storedPayload,
                        const QString& claim = {});
    static QString auditClaim(qint64 auditSeq, const QString& auditHash);

private:
    QSqlDatabase m_db;
};

} // namespace rework
