#pragma once

#include "PulledEvent.h"
#include "domain/Clock.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace rework {

class EventLog;

/// Events of other stations that this station cannot apply on top of what it holds (one die
/// mounted here and there while both were offline): kept whole in `sync_rejected` with the reason
/// in plain words, never applied on top of the contradiction. The serials such an event brought in
/// are kept too, so that a later event building on it is set aside as well. After every pull, and
/// after a supervisor's resolution, each is offered again in server order: what now fits is
/// applied; what a resolution voided stays in the list for the record, marked so, in nobody's way.
class SetAside
{
    Q_DECLARE_TR_FUNCTIONS(SetAside)

public:
    SetAside(const QSqlDatabase& db, const Clock& clock) : m_db(db), m_clock(clock) {}

    enum class Outcome
    {
        Known,
        Applied,
        SetAside,
        Failed ///< only unguarded: it did not apply, and its partial writes are still there
    };
    enum class Guard
    {
        Savepoint,
        None
    };
    /// One pulled event, under a savepoint of the caller's transaction. Unguarded, without one
    /// (a savepoint per event costs more than the event): an event that does not apply answers
    /// Failed, and the caller rolls its transaction back and offers the same events again, guarded.
    Result<Outcome> offer(EventLog& log, const PulledEvent& p, Guard guard = Guard::Savepoint);
    /// Every set-aside event offered again, oldest first. Returns how many were applied or marked voided.
    Result<int> retry();
    /// The set-aside events, oldest first, voided ones too (for a resolution that voids some).
    Result<QList<PulledEvent>> all() const;

    /// A stored reason as people read it: translated, or in English for the log.
    static QString reasonText(const QString& stored, bool translated = true);

private:
    /// A reason as its lupdate-marked English source and arguments.
    struct Reason
    {
        const char* source = nullptr;
        QStringList args;
    };
    /// What in this station's record the event contradicts, found before it is tried.
    Result<std::optional<Reason>> contradiction(const PulledEvent& p) const;
    /// The set-aside event this one builds on, if any: its id and step. Only an earlier one (in the
    /// server's order) can be its basis, so a retry never takes a follow-on for the basis.
    Result<std::optional<std::pair<QString, QString>>> basis(const PulledEvent& p) const;
    Status keep(const PulledEvent& p, const Reason& why, const QString& basisId);
    /// One pass over the list; returns how many left it.
    Result<int> retryOnce();

    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
