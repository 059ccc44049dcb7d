#pragma once

#include "EventRecord.h"
#include "domain/Result.h"

#include <QSqlDatabase>

namespace rework {

/// Keeps the dashboard's rollup tables (migration 0004) in step with the event log: hourly
/// station work, one row per defect, one row per unit with its first inspection and test, and
/// GPU anomalies.
/// Called by the state projector after an event's state change, in the same transaction, and
/// cleared with the rest of the derived state when the log is replayed.
class KpiRollups
{
public:
    explicit KpiRollups(const QSqlDatabase& db) : m_db(db) {}

    /// `event` must already be in the log (its seq set) and its state change applied.
    Status apply(const EventRecord& event);
    /// Takes back what apply() added to the counters (hourly work, received and scrapped cards)
    /// for an event whose card row is still in place. Rows keyed by event or unit (defects,
    /// units, anomalies) are deleted by the caller; see PartialReplay.
    Status unapply(const EventRecord& event);
    /// Drops counter rows that unapply() brought to zero, as a full replay would never make them.
    /// Looks only at the rows of the events in `eventsTable` (a table of seq): the counters
    /// hold millions of rows.
    Status dropEmptyCounters(const QString& eventsTable);
    Status clear();

private:
    /// The event's donor card as the rollups key it: model, lot, hour of intake.
    struct Card
    {
        bool known = false;
        // Empty, not null: the rollup columns are NOT NULL and '' stands for "no card".
        QString model = QStringLiteral(""), lot = QStringLiteral(""), receivedHour;
        int receivedMinute = 0; // of the hour: which quarters the card counts in
    };
    Result<Card> cardOf(const EventRecord& event) const;
    /// +1 on apply, -1 on unapply.
    Status cards(const EventRecord& event, const QString& decided, int delta, const Card& card);
    Status hourly(const EventRecord& event, int delta, const Card& card);
    Status anomalies(const EventRecord& event, const QString& unit, const QString& gpu);
    /// One spc_values row per numeric measurement the event records (SpcMeasurement).
    Status spcValues(const EventRecord& event);
    QSqlDatabase m_db;
};

} // namespace rework
