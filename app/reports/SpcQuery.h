#pragma once

#include "ControlChart.h"
#include "domain/Result.h"
#include "domain/SpcMeasurement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

#include <vector>

namespace rework {

/// What an SPC chart covers: one product model and one station when set, and the events
/// recorded in [from, to) when set (either end open when invalid).
struct SpcFilter
{
    QString model;
    QString station;
    QDateTime from, to;
};

/// Statistical process control over the event log: a numeric measurement's values, read in
/// recording order from the valid (not voided) events of its steps (their rollup, spc_values), as an I-MR
/// control chart with the Western Electric rules and Cp/Cpk against the measurement's limits. Read-only; runs
/// on any connection, so a dashboard can run it on a worker thread with a connection of its own.
class SpcQuery
{
    Q_DECLARE_TR_FUNCTIONS(SpcQuery)

public:
    /// A measurement SPC knows: its payload key, the steps that record it, its unit and the
    /// limit that holds its specification ("%1" stands for the die's alloy).
    using Measurement = SpcMeasurement;
    /// Every measurement SPC knows, in the order they are listed.
    static const QList<Measurement>& measurements();
    static const Measurement* measurement(const QString& name);
    /// How a measurement's chart is drawn: counts as a c chart, a quantity that cannot be
    /// negative with its lower limit stopped at 0.
    static ControlChart::Model modelOf(const Measurement& m);
    /// The same, as the list charts() takes.
    static QList<const Measurement*> everyMeasurement();

    struct Point
    {
        double value = 0;
        QString eventId;
        QDateTime at;
        QString station;
        QList<int> rules; // the Western Electric rules this value breaks
    };
    struct Chart
    {
        Measurement measurement;
        ControlChart chart;
        QList<Point> points; // every value, oldest first
        QString limitName;   // the limit row the specification came from; empty when none applies
        QString cpReason;    // why Cp is missing, in words; empty when it is there
        QString cpkReason;   // why Cpk is missing, in words; empty when it is there
        /// The process the values are of: one product model at one station and, where the
        /// specification depends on it (peak_c), one alloy as recorded. Empty members pool every one
        /// (the chart of a filter that names no model or station).
        QString model, station, alloy;
        /// From panel() only: the chart of each process with values in the filter, each as the alarm
        /// list judges it (its own centre and limits). First the one to show: the process of the
        /// measurement's newest alarm, else the one with most values; then by model, station, alloy.
        std::vector<Chart> processes;

        /// Whether the values are of more than one process.
        bool pooled() const { return model.isEmpty() || station.isEmpty(); }
    };
    /// One rule broken by one of the newest values of a measurement, on the chart of its product
    /// at its station (point.station) and, for peak_c, its alloy, whose centre and limits these are.
    struct Alarm
    {
        QString measurement;
        int rule = 0;
        Point point;
        double mean = 0, ucl = 0, lcl = 0;
        QString model;
        QString alloy; // of the chart, where the specification depends on it (peak_c)
    };

    explicit SpcQuery(const QSqlDatabase& db) : m_db(db) {}

    /// The chart of `measurement` over `filter`; an unknown measurement is refused, naming the known ones.
    Result<Chart> chart(const QString& measurement, const SpcFilter& filter) const;

    /// The charts of `wanted` over `filter`, in that order.
    Result<QList<Chart>> charts(const QList<const Measurement*>& wanted, const SpcFilter& filter) const;

    /// The dashboard's SPC tab in one read: the chart of `measurement` over `filter` with the chart
    /// of each of its processes (Chart::processes), and the alarms of every measurement over
    /// `filter` (as alarms() with `since` the filter's start).
    struct Panel
    {
        Chart chart;
        QList<Alarm> alarms;
    };
    Result<Panel> panel(const QString& measurement, const SpcFilter& filter, int newest = 25,
                        int minPoints = 20) const;

    /// For the dashboard's alarm list: for every known measurement, on the chart of each product
    /// at each station with at least `minPoints` values since `since` (within the filter's model
    /// and station), the rules broken by its `newest` newest values, newest first; the limits
    /// come from that chart's values since `since`.
    Result<QList<Alarm>> alarms(const SpcFilter& filter, const QDateTime& since, int newest = 25,
                                int minPoints = 20) const;

    /// The chart for scripts (`reworkctl spc --json`): figures (null where not computable, with
    /// a `cp_reason`/`cpk_reason`), a summary of the rules broken, and the newest `maxPoints` points.
    static QJsonObject toJson(const Chart& chart, int maxPoints = 500);

    /// A Western Electric rule in words ("2 of 3 beyond 2 sigma on one side").
    static QString ruleText(int rule);

private:
    /// The measurement called `name`, or an error naming the known ones.
    static Result<const Measurement*> known(const QString& name);
    Status checkFilter(const SpcFilter& filter) const;
    /// The pooled chart of `m` over `filter`; with `withProcesses`, the chart of each process
    /// instead, the pooled one carrying only its name and scope (the panel never draws it).
    Result<Chart> chartIn(const Measurement& m, const SpcFilter& filter, bool withProcesses,
                          const QList<Alarm>& alarms = {}) const;
    /// The alarms of every measurement over `filter`, chart by chart (product and station).
    Result<QList<Alarm>> alarmsIn(const SpcFilter& filter, int newest, int minPoints) const;

    QSqlDatabase m_db;
};

} // namespace rework
