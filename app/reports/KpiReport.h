#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace rework {

/// The figures a supervisor's dashboard shows, computed from events (voids excluded) and the
/// derived state. Rates are fractions 0..1; nullopt where nothing was there to measure.
struct KpiReport
{
    struct Aging
    {
        QString serial, kind, waitingFor;
        QDateTime since;
        double hours = 0;
    };
    struct MslAlarm
    {
        QString die, msl;
        double hoursLeft = 0; // negative: expired
    };
    struct OperatorFigures
    {
        QString operatorId;
        int events = 0;
        std::optional<double> firstPassYield; // first inspections and tests of the units they mounted
    };

    QMap<QString, int> wipByStep; // step the items wait for -> count
    QList<Aging> aging;           // oldest first, the 200 oldest
    int agingCount = 0;           // every item idle longer than the aging limit
    QMap<QString, int> throughputByStation;
    QMap<QString, QMap<QString, int>>
        throughputByStationHour; // station -> factory clock hour "yyyy-MM-ddTHH" -> events
    QMap<QString, QMap<QString, int>> throughputByStationShift; // station -> ShiftCalendar::key -> events
    int shiftTarget = 0;                                        // events a station should reach per shift
    QMap<QString, int> shiftTargets;                            // per station, where one is set
    QStringList
        registeredStations; // every registered station, in name order: a station's place is its colour
    std::optional<double> firstPassYieldInspect;
    std::optional<double> firstPassYieldTest;
    std::optional<double> rolledThroughputYield;
    std::optional<double> finalYield;
    std::optional<double> scrapRate;
    std::optional<double> retestRate;
    QMap<int, int> repairLoops;                  // repairs -> units
    QList<std::pair<QString, int>> defectPareto; // most frequent first
    /// The Pareto sliced: one row per defect code × station × operator × donor lot.
    struct DefectSlice
    {
        QString defect, station, operatorId, lot;
        int count = 0;
    };
    QList<DefectSlice> defectSlices; // most frequent first
    QList<MslAlarm> mslAlarms;
    QList<OperatorFigures> operators;
    /// An oddity the figures turned up; a conflict between stations names it, to be resolved.
    struct Anomaly
    {
        QString text;
        qint64 conflict = 0; ///< the server's id of the conflict (0: not a conflict)
        bool resolved = false;
    };
    QList<Anomaly> anomalies;
    /// Stations that have not synced with the central server for more than a day.
    QStringList silentStations;
    int cardsReceived = 0;
    int unitsMounted = 0;

    QJsonObject toJson() const;

    /// The steps work in progress waits for, in line order.
    static const QStringList& wipSteps();
    /// "92.3%", or a dash where nothing was there to measure.
    static QString percentText(const std::optional<double>& rate);
    /// WIP counts in line order, for charts.
    QList<int> wipCounts() const;
    /// The events `station` should reach in one shift: its own target, or the line's; 0 for none.
    /// An empty station is the line's.
    int targetPerShift(const QString& station) const;
};

} // namespace rework
