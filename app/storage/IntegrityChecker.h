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
    explicit IntegrityChecker(const QSqlDatabase& db) : m_db(db) {}

    /// Problems found, one line each; empty when the database is sound.
    Result<QStringList> run() const;
    /// The same comparison for one item and its genealogy (card → die → board → unit → batch):
    /// their events replayed alone, as a void replays them, against their rows. `events` is how
    /// many were replayed; an item no event names is an UnknownSerial error.
    Result<QStringList> checkItem(const QString& serial, qint64* events = nullptr) const;

private:
    QSqlDatabase m_db;
};

} // namespace rework
