#pragma once

#include "KpiFilter.h"
#include "KpiReport.h"
#include "domain/Clock.h"
#include "domain/Result.h"

#include <QSqlDatabase>

namespace rework {

/// Computes the supervisor's figures for a filter. Read-only; runs on any connection, so a
/// dashboard can run it on a worker thread with a connection of its own.
class KpiQuery
{
public:
    explicit KpiQuery(const QSqlDatabase& db, const Clock& clock = systemClock()) : m_db(db), m_clock(clock)
    {
    }
    /// The figures of `filter`; a station, product or batch the database does not know is refused
    /// (a mistyped name would read as a line that did no work).
    Result<KpiReport> compute(const KpiFilter& filter) const;

    /// One recorded defect: the drill-down from a Pareto bar to the items behind it.
    struct DefectHit
    {
        QString serial, step, station, operatorId, eventId;
        QDateTime recordedAt;
    };
    Result<QList<DefectHit>> defectHits(const KpiFilter& filter, const QString& defect) const;

private:
    /// Per mounting operator: first passes and first tries, of inspection and test together.
    using FirstPasses = QMap<QString, std::pair<qint64, qint64>>;
    /// Refuses a station, product or batch this database has never had.
    Status knownScope(const KpiFilter& f) const;
    Status wip(const KpiFilter& f, KpiReport& r) const;
    Status throughput(const KpiFilter& f, KpiReport& r) const;
    /// Also counts each mounting operator's first inspections and first tests, for operators().
    Status yields(const KpiFilter& f, KpiReport& r, FirstPasses& byMountOperator) const;
    Status defects(const KpiFilter& f, KpiReport& r) const;
    Status moisture(const KpiFilter& f, KpiReport& r) const;
    Status operators(const KpiFilter& f, KpiReport& r, const FirstPasses& byMountOperator) const;
    Status anomalies(const QDateTime& now, KpiReport& r) const;

    QSqlDatabase m_db;
    const Clock& m_clock;
};

} // namespace rework
