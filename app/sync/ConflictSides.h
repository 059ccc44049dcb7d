#pragma once

#include "domain/Result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace rework {

/// One of the two records a conflict is about, as this station holds it: applied here, set aside
/// here, or not here at all (it has not reached this station yet).
struct ConflictSide
{
    enum class Held
    {
        Applied,
        SetAside,
        NotHere
    };
    QString eventId;
    Held held = Held::NotHere;
    QString stationId, step, subject;
    QDateTime recordedAt; ///< UTC; invalid when not here
    bool voided = false;  ///< applied here and since voided
};

/// An event of another station set aside here, with its reason in plain words.
struct SetAsideRecord
{
    QString eventId, stationId, step, subject, reason;
    QDateTime recordedAt; ///< UTC
};

/// Looks up the records of a conflict (`Conflict::eventIds`) in `events` and `sync_rejected`, so
/// that a supervisor sees who recorded what, where and when before picking the side that stands.
class ConflictSides
{
public:
    explicit ConflictSides(const QSqlDatabase& db) : m_db(db) {}

    Result<QList<ConflictSide>> of(const QStringList& eventIds) const;
    /// Every event set aside here, oldest first; reasons translated or, for a log, in English.
    Result<QList<SetAsideRecord>> setAside(bool translated = true) const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
