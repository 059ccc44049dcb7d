#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace rework {

/// `reworkctl check`: SQLite's own integrity and foreign-key checks, then proof that the derived
/// state tables equal a fresh replay of the event log. Changes nothing: it reads one snapshot
/// (ReadSnapshot) and replays into TEMP tables, so it never takes the write lock and stations go on
/// recording while it runs.
class IntegrityChecker
{
    Q_DECLARE_TR_FUNCTIONS(IntegrityChecker)

public:
    /// One problem, as a line a supervisor reads, with how many rows it concerns and what kind of
    /// harm it is: that decides what can be done about it.
    struct Finding
    {
        enum class Kind
        {
            Damage,  // SQLite finds the file itself damaged
            Record,  // what was recorded was changed outside ReworkTrack: events, their links,
                     // who may act; only a backup brings it back
            Derived, // state derived from a sound record differs from it: a replay restores it
        };
        Kind kind = Kind::Derived;
        qint64 rows = 1;
        QString text;
    };

    explicit IntegrityChecker(const QSqlDatabase& db) : m_db(db) {}

    /// Every problem found; empty when the database is sound.
    Result<QList<Finding>> findings() const;
    /// findings() as lines.
    Result<QStringList> run() const;
    /// The same comparison for one item and its genealogy (card → die → board → unit → batch):
    /// their events replayed alone, as a void replays them, against their rows. `events` is how
    /// many were replayed; an item no event names is an UnknownSerial error. All Derived.
    Result<QList<Finding>> itemFindings(const QString& serial, qint64* events = nullptr) const;
    Result<QStringList> checkItem(const QString& serial, qint64* events = nullptr) const;

    /// The findings' lines, in order.
    static QStringList lines(const QList<Finding>& found);
    /// The rows all of `found` concern.
    static qint64 rows(const QList<Finding>& found);
    /// Whether a replay of the event log would put right everything in `found`.
    static bool repairable(const QList<Finding>& found);

private:
    QSqlDatabase m_db;
};

} // namespace rework
