#include "KpiQuery.h"

#include "domain/ItemStates.h"
#include "domain/MoistureSensitivity.h"
#include "storage/ConfigStore.h"
#include "storage/Cursor.h"
#include "storage/Sql.h"
#include "sync/ConflictResolution.h"
#include "sync/SetAside.h"
#include "sync/SyncOrigins.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <QSqlQuery>
#include <algorithm>
#include <array>
#include <iterator>
#include <numeric>

namespace rework {
namespace {

// Station work, as opposed to headless records (scrap, close, ship, void).
const QString kWorkSteps =
    QStringLiteral("('intake', 'strip', 'reball', 'mount', 'inspect', 'test', 'pack')");

/// SQL conditions (each starting with AND) and their binds.
struct Scope
{
    QString sql;
    QVariantList binds;
};

/// A range cut at whole UTC days: the days between are read from a daily rollup, and only the
/// partial first and last day from the detailed rows (two years at a million units: a million
/// rows against a few thousand). Not cut (`whole` false) for a batch, for one shift of each day
/// (the daily rows have no hours), or for a range with no whole day in it.
struct DayCut
{
    bool whole = false;
    QString firstDay, endDay; // the whole days: firstDay <= day < endDay ('yyyy-MM-dd')
};

DayCut dayCut(const KpiFilter& f)
{
    DayCut cut;
    if (!f.batch.isEmpty() || f.shiftOfDay != KpiFilter::Shift::Any)
        return cut;
    const QDateTime from = QDateTime::fromString(f.fromText(), Qt::ISODateWithMs);
    const QDateTime to = QDateTime::fromString(f.toText(), Qt::ISODateWithMs);
    const QDate first = from.time() == QTime(0, 0) ? from.date() : from.date().addDays(1);
    if (first >= to.date())
        return cut;
    return {true, first.toString(Qt::ISODate), to.date().toString(Qt::ISODate)};
}

void addDimensions(const KpiFilter& f, const QString& station, const QString& model, Scope& s)
{
    if (!station.isEmpty() && !f.station.isEmpty()) {
        s.sql += QStringLiteral(" AND %1 = ?").arg(station);
        s.binds << f.station;
    }
    if (!model.isEmpty() && !f.model.isEmpty()) {
        s.sql += QStringLiteral(" AND %1 = ?").arg(model);
        s.binds << f.model;
    }
}

/// The SQL for the bucket ('yyyy-MM-ddTHH', ShiftCalendar::hourBucket) a timestamp column falls in.
QString bucketOf(const ShiftCalendar& calendar, const QString& time)
{
    const int minute = calendar.hourMinute();
    return minute == 0 ? QStringLiteral("substr(%1, 1, 13)").arg(time)
                       : QStringLiteral("strftime('%Y-%m-%dT%H', %1, '-%2 minutes')").arg(time).arg(minute);
}

/// The filter applied to one table's columns. `time` is a full timestamp, or an hour
/// ('yyyy-MM-ddTHH') when `hourly`; an empty column name skips that condition. `cohort` is the
/// condition that keeps a batch's rows (one ? for the batch id); when a batch is set the range
/// and the shift do not apply. With a `cut` range only its partial days are kept: the whole days
/// come from a daily rollup (dailyScope).
Scope scopeOf(const KpiFilter& f, const QString& time, bool hourly, const QString& station,
              const QString& model, const QString& cohort, const DayCut& cut = {})
{
    Scope s;
    const QString from = hourly ? f.calendar.hourBucket(f.startUtc()) : f.fromText();
    const QString to = hourly ? f.calendar.hourBucket(f.endUtc()) : f.toText();
    if (cut.whole) {
        s.sql += QStringLiteral(" AND ((%1 >= ? AND %1 < ?) OR (%1 >= ? AND %1 < ?))").arg(time);
        s.binds << from << cut.firstDay << cut.endDay << to;
    } else if (f.batch.isEmpty()) {
        s.sql += QStringLiteral(" AND %1 >= ? AND %1 < ?").arg(time);
        s.binds << from << to;
        if (f.shiftOfDay != KpiFilter::Shift::Any) {
            // The hour of the bucket a moment falls in, as utcHours() lists them.
            const QString bucket = hourly ? time : bucketOf(f.calendar, time);
            s.sql += QStringLiteral(" AND instr(?, ',' || substr(%1, 12, 2) || ',') > 0").arg(bucket);
            s.binds << f.calendar.utcHours(f.shiftOfDay == KpiFilter::Shift::Night);
        }
    } else if (!cohort.isEmpty()) {
        s.sql += QStringLiteral(" AND ") + cohort;
        s.binds << f.batch;
    }
    addDimensions(f, station, model, s);
    return s;
}

/// The whole days of a cut range in a daily rollup (columns `day`, `station_id`, `model`).
Scope dailyScope(const KpiFilter& f, const DayCut& cut, bool hasStation = true)
{
    Scope s{QStringLiteral(" AND day >= ? AND day < ?"), {cut.firstDay, cut.endDay}};
    addDimensions(f, hasStation ? QStringLiteral("station_id") : QString(), QStringLiteral("model"), s);
    return s;
}

/// One read of `detail` (the detailed rows, over the partial days of a cut range) and, when the
/// range is cut, `daily` (the daily rollup, over its whole days): both give `columns`, the first
/// grouped on and the rest summed, then `tail` (an ORDER BY) applies.
Result<QSqlQuery> detailAndDaily(const QSqlDatabase& db, const DayCut& cut, const Scope& detail,
                                 const Scope& daily, int columns, const QString& tail = {})
{
    if (!cut.whole)
        return sql::run(db, detail.sql + QLatin1Char(' ') + tail, detail.binds);
    QStringList names, sums;
    for (int i = 0; i < columns; ++i) {
        names << QStringLiteral("c%1").arg(i);
        sums << (i == 0 ? names.last() : QStringLiteral("sum(c%1)").arg(i));
    }
    return sql::run(db,
                    QStringLiteral("WITH parts(") + names.join(QLatin1Char(',')) + QStringLiteral(") AS (") +
                        detail.sql + QStringLiteral(" UNION ALL ") + daily.sql + QStringLiteral(") SELECT ") +
                        sums.join(QLatin1Char(',')) + QStringLiteral(" FROM parts GROUP BY 1 ") + tail,
                    detail.binds + daily.binds);
}

/// An hourly rollup as table `h` with its hours cut where the factory's clock hours begin
/// (ShiftCalendar::hourBucket): a bucket named by UTC hour H holds the rollup's events from
/// H + hourMinute() to the end of H, and those of the next hour before that minute (its
/// `<counter>_q<minute>` column). Whole-hour offsets read the rollup as it is. Only the buckets
/// of the filter's range are read (all of them for a batch).
Scope hourBuckets(const KpiFilter& f, const QString& table, const QString& keys, const QStringList& counters)
{
    const int minute = f.calendar.hourMinute();
    if (minute == 0)
        return {table + QStringLiteral(" h"), {}};
    // A part with nothing in it is left out: it would show as an hour, a shift or an operator
    // with no work.
    QStringList rest, head, restCounts, headCounts;
    for (const QString& c : counters) {
        rest << QStringLiteral("%1 - %1_q%2 AS %1").arg(c).arg(minute);
        head << QStringLiteral("%1_q%2").arg(c).arg(minute);
        restCounts << QStringLiteral("%1 - %1_q%2 <> 0").arg(c).arg(minute);
        headCounts << QStringLiteral("%1_q%2 <> 0").arg(c).arg(minute);
    }
    Scope s;
    QString thisHour =
        QStringLiteral(" WHERE (") + restCounts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    QString nextHour =
        QStringLiteral(" WHERE (") + headCounts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    if (f.batch.isEmpty()) {
        thisHour += QStringLiteral(" AND hour >= ? AND hour < ?");
        nextHour += QStringLiteral(" AND hour > ? AND hour <= ?");
        const QString from = f.calendar.hourBucket(f.startUtc()), to = f.calendar.hourBucket(f.endUtc());
        s.binds << from << to << from << to;
    }
    s.sql = QStringLiteral("(SELECT hour, %1, %2 FROM %3%4 UNION ALL "
                           "SELECT strftime('%Y-%m-%dT%H', hour || ':00', '-1 hour'), %1, %5 FROM %3%6) h")
                .arg(keys, rest.join(QStringLiteral(", ")), table, thisHour, head.join(QStringLiteral(", ")),
                     nextHour);
    return s;
}

/// Rows of station work (hour, station_id, operator_id, step, model, events) as table `h`: the
/// hourly `rollup` (`keys` its key columns after the hour) in the factory's clock hours, or for a
/// batch the events of its units' donor cards, counted on the spot (a batch is a few hundred
/// units, reached through the subject index).
Scope hourlySource(const KpiFilter& f, const QString& rollup, const QString& keys)
{
    if (f.batch.isEmpty())
        return hourBuckets(f, rollup, keys, {QStringLiteral("events")});
    return {
        QStringLiteral("(SELECT ") + bucketOf(f.calendar, QStringLiteral("e.recorded_at")) +
            QStringLiteral(" AS hour, e.station_id, e.operator_id, "
                           "e.step, u.model, count(*) AS events FROM units u "
                           "JOIN event_subjects s ON s.serial = u.card_serial AND s.kind = 'card' "
                           "JOIN events e ON e.seq = s.event_seq WHERE u.batch_id = ? AND e.step <> 'void' "
                           "AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id) "
                           "GROUP BY 1, 2, 3, 4, 5) h"),
        {f.batch}};
}

Scope hourlyScope(const KpiFilter& f)
{
    return scopeOf(f, QStringLiteral("h.hour"), true, QStringLiteral("h.station_id"),
                   QStringLiteral("h.model"), QString());
}

const QString kUnitCohort = QStringLiteral("k.unit IN (SELECT serial FROM units WHERE batch_id = ?)");

Scope defectScope(const KpiFilter& f)
{
    return scopeOf(f, QStringLiteral("d.recorded_at"), false, QStringLiteral("d.station_id"),
                   QStringLiteral("d.model"),
                   QStringLiteral("d.item IN (SELECT serial FROM units WHERE batch_id = ?)"));
}

std::optional<double> ratio(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return std::nullopt;
    return static_cast<double>(part) / static_cast<double>(whole);
}

QJsonValue json(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

const QStringList& KpiReport::wipSteps()
{
    static const QStringList steps{QStringLiteral("strip"), QStringLiteral("reball"),
                                   QStringLiteral("mount"), QStringLiteral("inspect"),
                                   QStringLiteral("test"),  QStringLiteral("pack")};
    return steps;
}

QString KpiReport::percentText(const std::optional<double>& rate)
{
    return rate ? QString::number(*rate * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("—");
}

QList<int> KpiReport::wipCounts() const
{
    QList<int> counts;
    for (const QString& step : wipSteps())
        counts << wipByStep.value(step);
    return counts;
}

int KpiReport::targetPerShift(const QString& station) const
{
    return station.isEmpty() ? shiftTarget : shiftTargets.value(station, shiftTarget);
}

QJsonObject KpiReport::toJson() const
{
    QJsonObject wip;
    for (auto it = wipByStep.constBegin(); it != wipByStep.constEnd(); ++it)
        wip.insert(it.key(), it.value());
    QJsonArray agingList;
    for (const Aging& a : aging) {
        agingList.append(QJsonObject{{QStringLiteral("serial"), a.serial},
                                     {QStringLiteral("kind"), a.kind},
                                     {QStringLiteral("waiting_for"), a.waitingFor},
                                     {QStringLiteral("since"), a.since.toString(Qt::ISODate)},
                                     {QStringLiteral("hours"), a.hours}});
    }
    QJsonObject stations;
    for (auto it = throughputByStation.constBegin(); it != throughputByStation.constEnd(); ++it) {
        QJsonObject hours;
        const auto byHour = throughputByStationHour.value(it.key());
        for (auto h = byHour.constBegin(); h != byHour.constEnd(); ++h)
            hours.insert(h.key(), h.value());
        QJsonObject shifts;
        const auto byShift = throughputByStationShift.value(it.key());
        for (auto s = byShift.constBegin(); s != byShift.constEnd(); ++s)
            shifts.insert(s.key(), s.value());
        stations.insert(it.key(),
                        QJsonObject{{QStringLiteral("events"), it.value()},
                                    {QStringLiteral("by_hour"), hours},
                                    {QStringLiteral("by_shift"), shifts},
                                    {QStringLiteral("target_per_shift"), shiftTargets.value(it.key())}});
    }
    QJsonObject loops;
    for (auto it = repairLoops.constBegin(); it != repairLoops.constEnd(); ++it)
        loops.insert(QString::number(it.key()), it.value());
    QJsonArray pareto;
    for (const auto& [code, count] : defectPareto)
        pareto.append(QJsonObject{{QStringLiteral("defect"), code}, {QStringLiteral("count"), count}});
    QJsonArray slices;
    for (const DefectSlice& d : defectSlices) {
        slices.append(QJsonObject{{QStringLiteral("defect"), d.defect},
                                  {QStringLiteral("station"), d.station},
                                  {QStringLiteral("operator"), d.operatorId},
                                  {QStringLiteral("lot"), d.lot},
                                  {QStringLiteral("count"), d.count}});
    }
    QJsonArray msl;
    for (const MslAlarm& m : mslAlarms) {
        msl.append(QJsonObject{{QStringLiteral("die"), m.die},
                               {QStringLiteral("msl"), m.msl},
                               {QStringLiteral("hours_left"), m.hoursLeft}});
    }
    QJsonArray anomalyTexts;
    for (const Anomaly& a : anomalies)
        anomalyTexts.append(a.text);
    QJsonArray ops;
    for (const OperatorFigures& o : operators) {
        ops.append(QJsonObject{{QStringLiteral("operator"), o.operatorId},
                               {QStringLiteral("events"), o.events},
                               {QStringLiteral("first_pass_yield"), json(o.firstPassYield)}});
    }
    return {{QStringLiteral("wip"), wip},
            {QStringLiteral("aging"), agingList},
            {QStringLiteral("aging_count"), agingCount},
            {QStringLiteral("throughput"), stations},
            {QStringLiteral("first_pass_yield"),
             QJsonObject{{QStringLiteral("inspect"), json(firstPassYieldInspect)},
                         {QStringLiteral("test"), json(firstPassYieldTest)}}},
            {QStringLiteral("rolled_throughput_yield"), json(rolledThroughputYield)},
            {QStringLiteral("final_yield"), json(finalYield)},
            {QStringLiteral("scrap_rate"), json(scrapRate)},
            {QStringLiteral("retest_rate"), json(retestRate)},
            {QStringLiteral("repair_loops"), loops},
            {QStringLiteral("defect_pareto"), pareto},
            {QStringLiteral("defect_slices"), slices},
            {QStringLiteral("msl_alarms"), msl},
            {QStringLiteral("operators"), ops},
            {QStringLiteral("anomalies"), anomalyTexts},
            {QStringLiteral("silent_stations"), QJsonArray::fromStringList(silentStations)},
            {QStringLiteral("cards_received"), cardsReceived},
            {QStringLiteral("units_mounted"), unitsMounted}};
}

Result<KpiReport> KpiQuery::compute(const KpiFilter& filter) const
{
    KpiReport r;
    KpiFilter f = filter;
    if (!f.now.isValid())
        f.now = m_clock.now();
    if (Status st = knownScope(f); !st)
        return st.error();
    FirstPasses byMountOperator;
    for (const Status& st : {wip(f, r), throughput(f, r), yields(f, r, byMountOperator), defects(f, r),
                             moisture(f, r), operators(f, r, byMountOperator), anomalies(f.now, r)}) {
        if (!st)
            return st.error();
    }
    return r;
}

namespace {

/// Adds `n` under `key` of a map that rows fill in time order: the key is the map's last one or a
/// new last one, found without a search (a 730-day range is 17,520 hours per station); a key out
/// of order is looked up as usual.
void addInOrder(QMap<QString, int>& map, const QString& key, int n)
{
    if (!map.isEmpty()) {
        const auto last = std::prev(map.end());
        if (last.key() == key) {
            last.value() += n;
            return;
        }
        if (key < last.key()) {
            map[key] += n;
            return;
        }
    }
    map.insert(map.cend(), key, n);
}

/// The translation context of the KPI queries' own words.
struct KpiText
{
    Q_DECLARE_TR_FUNCTIONS(KpiQuery)
};

} // namespace

Status KpiQuery::knownScope(const KpiFilter& f) const
{
    // Fixed table and column names; the value bound.
    const struct
    {
        const QString& value;
        const char* lookup;
        ErrorCode code;
        const char* field;
        const char* text;
    } named[] = {
        {f.station, "SELECT count(*) FROM stations WHERE id = ?", ErrorCode::UnknownStation, "station",
         QT_TRANSLATE_NOOP("KpiQuery", "no station %1 is registered here; check the name")},
        {f.model, "SELECT count(*) FROM products WHERE model = ?", ErrorCode::InvalidValue, "model",
         QT_TRANSLATE_NOOP("KpiQuery", "no product model %1 is known here; check the name")},
        {f.batch, "SELECT count(*) FROM batches WHERE id = ?", ErrorCode::UnknownSerial, "batch",
         QT_TRANSLATE_NOOP("KpiQuery", "no batch %1 is recorded here; check the batch id")},
    };
    if (f.batch.isEmpty() && !f.start.isValid() && f.from > f.to)
        return makeError(ErrorCode::InvalidValue, QStringLiteral("range"),
                         Message(&KpiText::tr,
                                 QT_TRANSLATE_NOOP("KpiQuery", "the range starts on %1, after it ends on %2; "
                                                               "choose a From date on or before To"),
                                 {f.from.toString(Qt::ISODate), f.to.toString(Qt::ISODate)}));
    for (const auto& n : named) {
        if (n.value.isEmpty())
            continue;
        auto found = sql::scalar(m_db, QString::fromLatin1(n.lookup), {n.value});
        if (!found)
            return found.error();
        if (found.value().toLongLong() == 0)
            return makeError(n.code, QString::fromLatin1(n.field),
                             Message(&KpiText::tr, n.text, {n.value.left(64)}));
    }
    return {};
}

Status KpiQuery::wip(const KpiFilter& f, KpiReport& r) const
{
    // What each item waits for, from its current state; the model filter applies, the range
    // not. A batch holds units only, so its cards and dies drop out.
    const QString unionSql =
        QStringLiteral("SELECT serial, 'card' AS kind, 'strip' AS step, updated_at AS since FROM cards "
                       "WHERE state = ? AND (? = '' OR model = ?) AND ? = '' "
                       "UNION ALL SELECT id, 'die', 'reball', updated_at FROM dies WHERE state IN (?, ?) "
                       "AND (? = '' OR model = ?) AND ? = '' "
                       "UNION ALL SELECT id, 'die', 'mount', updated_at FROM dies WHERE state = ? "
                       "AND (? = '' OR model = ?) AND ? = '' "
                       "UNION ALL SELECT serial, 'unit', CASE state WHEN ? THEN 'inspect' WHEN ? THEN "
                       "'test' ELSE 'pack' END, updated_at FROM units WHERE state IN (?, ?, ?) "
                       "AND (? = '' OR model = ?) AND (? = '' OR batch_id = ?)");
    const QString m = f.model.isNull() ? QStringLiteral("") : f.model;
    const QString b = f.batch.isNull() ? QStringLiteral("") : f.batch;
    // In the order of the ?s: each part's states, then its model and batch values.
    const QVariantList notBatched{m, m, b};
    const QString mounted = stateValue(ItemState::Mounted), inspected = stateValue(ItemState::Inspected);
    const QVariantList binds =
        QVariantList{stateValue(ItemState::Received)} + notBatched +
        QVariantList{stateValue(ItemState::Stripped), stateValue(ItemState::Repair)} + notBatched +
        QVariantList{stateValue(ItemState::Reballed)} + notBatched +
        QVariantList{mounted, inspected, mounted, inspected, stateValue(ItemState::Tested), m, m, b, b};
    for (const QString& step : KpiReport::wipSteps())
        r.wipByStep.insert(step, 0);
    const QString cutoff =
        f.now.addSecs(-static_cast<qint64>(f.agingHours * 3600)).toString(Qt::ISODateWithMs);
    // The aging count is every idle item; the list below stops at the 200 oldest.
    auto counts = sql::run(m_db,
                           QStringLiteral("SELECT w.step, count(*), coalesce(sum(w.since < ?), 0) FROM (") +
                               unionSql + QStringLiteral(") AS w GROUP BY w.step"),
                           QVariantList{cutoff} + binds);
    if (!counts)
        return counts.error();
    while (counts.value().next()) {
        r.wipByStep.insert(counts.value().value(0).toString(), counts.value().value(1).toInt());
        r.agingCount += counts.value().value(2).toInt();
    }

    auto aging = sql::run(m_db,
                          QStringLiteral("SELECT * FROM (") + unionSql +
                              QStringLiteral(") AS w WHERE w.since < ? ORDER BY w.since LIMIT 200"),
                          binds + QVariantList{cutoff});
    if (!aging)
        return aging.error();
    while (aging.value().next()) {
        QSqlQuery& q = aging.value();
        const QDateTime since = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
        r.aging.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), since,
                        static_cast<double>(since.secsTo(f.now)) / 3600.0});
    }
    return {};
}

Status KpiQuery::throughput(const KpiFilter& f, KpiReport& r) const
{
    // Two years are over a hundred thousand rows: read as plain values (sql::Cursor) in the
    // rollup's own order, hour by hour (no sort), so each hour's shift is worked out once. Where the
    // factory's hours begin inside UTC hours (ShiftCalendar::hourMinute), each row is cut there in
    // the same pass: its events before the minute go to the bucket before (hourBuckets does the
    // same in SQL, at twice the reading and a sort).
    const int minute = f.calendar.hourMinute();
    const bool cut = minute != 0 && f.batch.isEmpty();
    const QString firstBucket = f.calendar.hourBucket(f.startUtc()),
                  endBucket = f.calendar.hourBucket(f.endUtc());
    Result<sql::Cursor> c = [&] {
        if (!cut) {
            const Scope source = hourlySource(f, QStringLiteral("kpi_station_hourly"),
                                              QStringLiteral("station_id, step, model"));
            const Scope scope = hourlyScope(f);
            return sql::Cursor::open(m_db,
                                     QStringLiteral("SELECT h.hour, h.station_id, sum(h.events), 0 FROM ") +
                                         source.sql + QStringLiteral(" WHERE h.step IN ") + kWorkSteps +
                                         scope.sql + QStringLiteral(" GROUP BY 1, 2 ORDER BY 1, 2"),
                                     source.binds + scope.binds);
        }
        // The rows of the range's buckets: from its first bucket's hour to the hour after its last.
        Scope scope{QStringLiteral(" AND h.hour >= ? AND h.hour <= ?"), {firstBucket, endBucket}};
        addDimensions(f, QStringLiteral("h.station_id"), QStringLiteral("h.model"), scope);
        // The rollup's rows in its key order (hour, station, step, model), not grouped: the loop
        // below sums a station's consecutive rows, at a third of what SQLite's GROUP BY costs.
        return sql::Cursor::open(m_db,
                                 QStringLiteral("SELECT h.hour, h.station_id, h.events, h.events_q%1 FROM "
                                                "kpi_station_hourly h WHERE h.step IN ")
                                         .arg(minute) +
                                     kWorkSteps + scope.sql +
                                     QStringLiteral(" ORDER BY h.hour, h.station_id"),
                                 scope.binds);
    }();
    if (!c)
        return c.error();
    struct StationRows
    {
        QByteArray id; // as SQLite holds it
        QMap<QString, int>* hours;
        QMap<QString, int>* shifts;
        int* total;
    };
    QList<StationRows> stations; // a line has a few dozen at most
    /// A bucket as the report keys it: its clock hour, its shift, and whether the filter keeps it.
    struct Bucket
    {
        QString name, hour, shift;
        bool kept = false;
    };
    auto bucketNamed = [&f](const QString& name) {
        const auto [date, night] = f.calendar.shiftOf(f.calendar.bucketStart(name));
        const bool kept =
            f.shiftOfDay == KpiFilter::Shift::Any || night == (f.shiftOfDay == KpiFilter::Shift::Night);
        return Bucket{name, f.calendar.localHour(name), ShiftCalendar::key(date, night), kept};
    };
    // A station's rows of one hour, summed until the hour or the station changes.
    struct Pending
    {
        bool any = false;   // whether a row is pending (a station id may be empty in a hand-made file)
        QByteArray station; // as SQLite holds it
        int events = 0, early = 0;
    } pending;
    // The station's maps, found or added: only when it has something to add.
    auto stationNamed = [&stations, &r](const QByteArray& id) {
        auto station = std::find_if(stations.begin(), stations.end(),
                                    [&id](const StationRows& s) { return s.id == id; });
        if (station == stations.end()) {
            const QString name = QString::fromUtf8(id);
            station = stations.insert(stations.end(),
                                      {id, &r.throughputByStationHour[name],
                                       &r.throughputByStationShift[name], &r.throughputByStation[name]});
        }
        return station;
    };
    QByteArray hourId;
    Bucket bucket, before; // the pending rows' own bucket, and (when cut) the one before it
    // The pending station's `n` events in bucket `into`.
    auto add = [&](const Bucket& into, int n) {
        auto station = stationNamed(pending.station);
        addInOrder(*station->hours, into.hour, n);
        addInOrder(*station->shifts, into.shift, n);
        *station->total += n;
    };
    auto flush = [&] {
        if (!pending.any)
            return;
        if (!cut) {
            add(bucket, pending.events);
        } else {
            // The earlier part first: each map then grows at its end.
            const std::pair<const Bucket*, int> parts[] = {
                {&before, bucket.name > firstBucket ? pending.early : 0},
                {&bucket, bucket.name < endBucket ? pending.events - pending.early : 0}};
            for (const auto& [into, n] : parts) {
                if (n != 0 && into->kept) // nothing there: no empty hour, shift or station
                    add(*into, n);
            }
        }
        pending = {};
    };
    for (sql::Cursor& row = c.value(); row.next();) {
        const bool newHour = bucket.name.isEmpty() || row.bytes(0) != QByteArrayView(hourId);
        if (newHour || row.bytes(1) != QByteArrayView(pending.station))
            flush();
        if (newHour) {
            hourId = row.bytes(0).toByteArray();
            Bucket last = std::move(bucket);
            bucket = bucketNamed(row.text(0));
            if (cut) {
                // Usually the last row's bucket: a busy line has work every hour.
                const QString previous =
                    f.calendar.hourBucket(f.calendar.bucketStart(bucket.name).addSecs(-3600));
                before = previous == last.name ? std::move(last) : bucketNamed(previous);
            }
        }
        if (!pending.any)
            pending = {true, row.bytes(1).toByteArray()};
        pending.events += static_cast<int>(row.integer(2));
        pending.early += static_cast<int>(row.integer(3));
    }
    flush();
    if (Status st = c.value().status(); !st)
        return st;

    // A station's own target, else the line's (the settings' store knows that default).
    const ConfigStore settings(m_db);
    const auto target = [&settings](const QString& station) {
        return settings.number(QStringLiteral("throughput.target_per_shift.") + station);
    };
    Result<int> lineTarget = settings.number(QStringLiteral("throughput.target_per_shift"));
    if (!lineTarget)
        return lineTarget.error();
    r.shiftTarget = lineTarget.value();
    QStringList targeted = r.throughputByStation.keys();
    if (!f.station.isEmpty() && !targeted.contains(f.station))
        targeted << f.station;
    for (const QString& station : targeted) {
        Result<int> n = target(station);
        if (!n)
            return n.error();
        r.shiftTargets.insert(station, n.value());
    }
    auto registered = sql::run(m_db, QStringLiteral("SELECT id FROM stations ORDER BY id"));
    if (!registered)
        return registered.error();
    while (registered.value().next())
        r.registeredStations << registered.value().value(0).toString();
    return {};
}

namespace {

/// Adds one group's first passes and first tries to its mounting operator's.
void addFirstPasses(QMap<QString, std::pair<qint64, qint64>>& byOperator, const QString& op, qint64 passed,
                    qint64 tried)
{
    auto& [p, n] = byOperator[op];
    p += passed;
    n += tried;
}

/// Each mounting operator's units whose first inspection (`kind` "inspect") or first test
/// ("test") fell in the range: (operator, units, passed first time, tried more than once; 0 for
/// inspections). A unit's first valid inspection or test decides its first pass and counts in the
/// range where it happened; whole days come from the daily rollup.
Result<QSqlQuery> firstTries(const QSqlDatabase& db, const KpiFilter& f, const QString& kind)
{
    const bool test = kind == QLatin1StringView("test");
    const QString column = QStringLiteral("k.first_") + kind;
    const DayCut cut = dayCut(f);
    const Scope detail =
        scopeOf(f, column + QStringLiteral("_at"), false, column + QStringLiteral("_station"),
                QStringLiteral("k.model"), kUnitCohort, cut);
    const Scope days = dailyScope(f, cut);
    return detailAndDaily(
        db, cut,
        {QStringLiteral("SELECT k.mount_operator, count(*), coalesce(sum(%1_pass), 0), %2 FROM kpi_units k "
                        "WHERE %1_at IS NOT NULL")
                 .arg(column, test ? QStringLiteral("coalesce(sum(k.tests > 1), 0)") : QStringLiteral("0")) +
             detail.sql + QStringLiteral(" GROUP BY 1"),
         detail.binds},
        {QStringLiteral("SELECT mount_operator, sum(units), sum(passed), sum(retested) FROM kpi_first_daily "
                        "WHERE kind = ?") +
             days.sql + QStringLiteral(" GROUP BY 1"),
         QVariantList{kind} + days.binds},
        4);
}

/// First-pass yields of inspection and test, the retest rate, and each mounting operator's first
/// tries. An X-ray fault is the work of whoever reballed and mounted the unit: it counts against
/// the mounting operator as a failed first test does.
Status firstPassYields(const QSqlDatabase& db, const KpiFilter& f, KpiReport& r,
                       QMap<QString, std::pair<qint64, qint64>>& byMountOperator)
{
    for (const QString& kind : {QStringLiteral("inspect"), QStringLiteral("test")}) {
        auto q = firstTries(db, f, kind);
        if (!q)
            return q.error();
        qint64 units = 0, passedFirst = 0, retested = 0;
        while (q.value().next()) {
            const qint64 n = q.value().value(1).toLongLong();
            const qint64 passed = q.value().value(2).toLongLong();
            units += n;
            passedFirst += passed;
            retested += q.value().value(3).toLongLong();
            addFirstPasses(byMountOperator, q.value().value(0).toString(), passed, n);
        }
        if (kind == QLatin1StringView("inspect")) {
            r.firstPassYieldInspect = ratio(passedFirst, units);
        } else {
            r.firstPassYieldTest = ratio(passedFirst, units);
            r.retestRate = ratio(retested, units);
        }
    }
    return {};
}

/// Units mounted in the range: how they ended (the final yield), and how many repair loops they took.
Status unitOutcomes(const QSqlDatabase& db, const KpiFilter& f, KpiReport& r)
{
    const DayCut cut = dayCut(f);
    const Scope units = scopeOf(f, QStringLiteral("created_at"), false, QString(), QStringLiteral("model"),
                                QStringLiteral("batch_id = ?"), cut);
    const Scope days = dailyScope(f, cut, false);
    // The daily rollup's idea of good and scrapped (migration 0025) is the one spelled here.
    auto ended = detailAndDaily(
        db, cut,
        {QStringLiteral("SELECT repair_count, count(*), coalesce(sum(state IN (?, ?, ?)), 0), "
                        "coalesce(sum(state = ?), 0) FROM units WHERE 1") +
             units.sql + QStringLiteral(" GROUP BY repair_count"),
         QVariantList{stateValue(ItemState::Tested), stateValue(ItemState::Packed),
                      stateValue(ItemState::Shipped), stateValue(ItemState::Scrapped)} +
             units.binds},
        {QStringLiteral(
             "SELECT repair_count, sum(units), sum(good), sum(scrapped) FROM kpi_units_daily WHERE 1") +
             days.sql + QStringLiteral(" GROUP BY 1"),
         days.binds},
        4);
    if (!ended)
        return ended.error();
    qint64 good = 0, scrapped = 0;
    while (ended.value().next()) {
        const int n = ended.value().value(1).toInt();
        r.repairLoops.insert(ended.value().value(0).toInt(), n);
        r.unitsMounted += n;
        good += ended.value().value(2).toLongLong();
        scrapped += ended.value().value(3).toLongLong();
    }
    r.finalYield = ratio(good, good + scrapped);
    return {};
}

/// Donor cards received in the range, and how many of them ended as scrap at any step: from the
/// hourly rollup, or for a batch from its own few cards.
Status cardScrap(const QSqlDatabase& db, const KpiFilter& f, KpiReport& r)
{
    const Scope cards = f.batch.isEmpty() ? scopeOf(f, QStringLiteral("h.hour"), true, QString(),
                                                    QStringLiteral("h.model"), QString())
                                          : Scope{};
    const Scope source = hourBuckets(f, QStringLiteral("kpi_cards"), QStringLiteral("model"),
                                     {QStringLiteral("received"), QStringLiteral("scrapped")});
    const QString scrappedState = stateValue(ItemState::Scrapped);
    auto scrap =
        f.batch.isEmpty()
            ? sql::run(
                  db,
                  QStringLiteral("SELECT coalesce(sum(h.received), 0), coalesce(sum(h.scrapped), 0) FROM ") +
                      source.sql + QStringLiteral(" WHERE 1") + cards.sql,
                  source.binds + cards.binds)
            : sql::run(db,
                       QStringLiteral("SELECT count(*), coalesce(sum(c.state = ? OR d.state = ? OR "
                                      "u.state = ?), 0) FROM cards c "
                                      "LEFT JOIN dies d ON d.card_serial = c.serial "
                                      "LEFT JOIN units u ON u.die_id = d.id "
                                      "WHERE c.serial IN (SELECT card_serial FROM units WHERE batch_id = ?) "
                                      "AND (? = '' OR c.model = ?)"),
                       {scrappedState, scrappedState, scrappedState, f.batch,
                        f.model.isNull() ? QStringLiteral("") : f.model,
                        f.model.isNull() ? QStringLiteral("") : f.model});
    if (!scrap)
        return scrap.error();
    scrap.value().next();
    r.cardsReceived = scrap.value().value(0).toInt();
    r.scrapRate = ratio(scrap.value().value(1).toLongLong(), r.cardsReceived);
    return {};
}

} // namespace

Status KpiQuery::yields(const KpiFilter& f, KpiReport& r, FirstPasses& byMountOperator) const
{
    if (Status st = firstPassYields(m_db, f, r, byMountOperator); !st)
        return st;
    if (r.firstPassYieldInspect && r.firstPassYieldTest)
        r.rolledThroughputYield = *r.firstPassYieldInspect * *r.firstPassYieldTest;
    if (Status st = unitOutcomes(m_db, f, r); !st)
        return st;
    return cardScrap(m_db, f, r);
}

namespace {

/// The distinct values of one column, each held once: a slice refers to them by number, and
/// sorts by their byte order (SQLite's) through a rank.
class DistinctValues
{
public:
    int idOf(QByteArrayView value)
    {
        // A view into SQLite's row for the lookup; copied only when new.
        const auto probe = QByteArray::fromRawData(value.data(), value.size());
        if (auto it = m_ids.constFind(probe); it != m_ids.cend())
            return it.value();
        m_bytes.append(value.toByteArray());
        m_ids.insert(m_bytes.last(), static_cast<int>(m_bytes.size() - 1));
        return static_cast<int>(m_bytes.size() - 1);
    }
    void finish()
    {
        QList<int> order(m_bytes.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [this](int a, int b) { return m_bytes.at(a) < m_bytes.at(b); });
        m_rank.resize(m_bytes.size());
        for (qsizetype i = 0; i < order.size(); ++i)
            m_rank[order.at(i)] = static_cast<int>(i);
        for (const QByteArray& b : std::as_const(m_bytes))
            m_text.append(QString::fromUtf8(b));
    }
    int rank(int id) const { return m_rank.at(id); }
    const QString& text(int id) const { return m_text.at(id); }

private:
    QHash<QByteArray, int> m_ids;
    QList<QByteArray> m_bytes;
    QList<int> m_rank;
    QList<QString> m_text;
};

/// A slice (defect, station, operator, lot) as numbers of DistinctValues.
struct SliceKey
{
    std::array<int, 4> ids;
    bool operator==(const SliceKey&) const = default;
};

size_t qHash(const SliceKey& key, size_t seed = 0)
{
    return qHashRange(key.ids.begin(), key.ids.end(), seed);
}

} // namespace

Status KpiQuery::defects(const KpiFilter& f, KpiReport& r) const
{
    // Two years hold over a hundred thousand defects in some 80,000 slices. One pass over the
    // covering index counts both the Pareto and the slices, each value held once, in a fraction
    // of the time SQLite's two GROUP BYs and their sorts took. Ties go in byte order, as SQLite's
    // ORDER BY put them.
    const Scope scope = defectScope(f);
    auto c = sql::Cursor::open(
        m_db,
        QStringLiteral("SELECT d.defect, d.station_id, d.operator_id, d.lot FROM kpi_defects d WHERE 1") +
            scope.sql,
        scope.binds);
    if (!c)
        return c.error();
    std::array<DistinctValues, 4> values;
    QHash<SliceKey, int> counts;
    for (sql::Cursor& row = c.value(); row.next();) {
        SliceKey key;
        for (int column = 0; column < 4; ++column)
            key.ids[column] = values[column].idOf(row.bytes(column));
        ++counts[key];
    }
    if (Status st = c.value().status(); !st)
        return st;
    for (DistinctValues& v : values)
        v.finish();

    struct Counted
    {
        SliceKey key;
        int count;
    };
    auto mostFirst = [&values](const Counted& a, const Counted& b) {
        if (a.count != b.count)
            return a.count > b.count;
        for (int column = 0; column < 4; ++column) {
            const int ra = values[column].rank(a.key.ids[column]),
                      rb = values[column].rank(b.key.ids[column]);
            if (ra != rb)
                return ra < rb;
        }
        return false;
    };
    std::vector<Counted> slices;
    slices.reserve(counts.size());
    QHash<int, int> perDefect;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        slices.push_back({it.key(), it.value()});
        perDefect[it.key().ids[0]] += it.value();
    }
    std::vector<Counted> pareto;
    for (auto it = perDefect.cbegin(); it != perDefect.cend(); ++it)
        pareto.push_back({{{it.key(), 0, 0, 0}}, it.value()});
    std::sort(pareto.begin(), pareto.end(), mostFirst);
    for (const Counted& d : pareto)
        r.defectPareto.append({values[0].text(d.key.ids[0]), d.count});
    std::sort(slices.begin(), slices.end(), mostFirst);
    r.defectSlices.reserve(static_cast<qsizetype>(slices.size()));
    for (const Counted& s : slices)
        r.defectSlices.append({values[0].text(s.key.ids[0]), values[1].text(s.key.ids[1]),
                               values[2].text(s.key.ids[2]), values[3].text(s.key.ids[3]), s.count});
    return {};
}

Result<QList<KpiQuery::DefectHit>> KpiQuery::defectHits(const KpiFilter& f, const QString& defect) const
{
    const Scope scope = defectScope(f);
    auto q =
        sql::run(m_db,
                 QStringLiteral("SELECT d.item, d.step, d.station_id, d.operator_id, e.id, d.recorded_at "
                                "FROM kpi_defects d JOIN events e ON e.seq = d.event_seq "
                                "WHERE d.defect = ?") +
                     scope.sql + QStringLiteral(" ORDER BY d.event_seq DESC LIMIT 1000"),
                 QVariantList{defect} + scope.binds);
    if (!q)
        return q.error();
    QList<DefectHit> hits;
    while (q.value().next()) {
        QSqlQuery& r = q.value();
        hits.append({r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
                     r.value(3).toString(), r.value(4).toString(),
                     QDateTime::fromString(r.value(5).toString(), Qt::ISODateWithMs)});
    }
    return hits;
}

Status KpiQuery::moisture(const KpiFilter& f, KpiReport& r) const
{
    const QString m = f.model.isNull() ? QStringLiteral("") : f.model;
    auto q = sql::run(m_db,
                      QStringLiteral("SELECT id, msl, exposed_at FROM dies WHERE state IN (?, ?, ?) "
                                     "AND exposed_at IS NOT NULL AND (? = '' OR model = ?)"),
                      {stateValue(ItemState::Stripped), stateValue(ItemState::Repair),
                       stateValue(ItemState::Reballed), m, m});
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QString msl = q.value().value(1).toString();
        const std::optional<double> life = MoistureSensitivity::floorLifeHours(msl);
        if (!life)
            continue;
        const QDateTime exposed = QDateTime::fromString(q.value().value(2).toString(), Qt::ISODateWithMs);
        const double left = *life - static_cast<double>(exposed.secsTo(f.now)) / 3600.0;
        if (left < f.mslWarnHours)
            r.mslAlarms.append({q.value().value(0).toString(), msl, left});
    }
    std::sort(
        r.mslAlarms.begin(), r.mslAlarms.end(),
        [](const KpiReport::MslAlarm& a, const KpiReport::MslAlarm& b) { return a.hoursLeft < b.hoursLeft; });
    return {};
}

Status KpiQuery::operators(const KpiFilter& f, KpiReport& r, const FirstPasses& byMountOperator) const
{
    // Every record an operator made, station work or not: a scrap, a carton closed or shipped is
    // work done and signed for (voids are not counted by the rollups).
    const DayCut cut = dayCut(f);
    const Scope days = dailyScope(f, cut);
    const int minute = f.calendar.hourMinute();
    Scope detail;
    if (cut.whole && minute != 0) {
        // The factory's hours begin inside UTC hours: the partial days are the UTC hours from the
        // range's start to the first whole UTC day and from the last one to the end, the two edge
        // hours cut at the minute (the daily rollup's days are UTC days).
        const QString first = f.startUtc().toString(Qt::ISODate).left(13);
        const QString last = f.endUtc().toString(Qt::ISODate).left(13);
        const QString counted =
            QStringLiteral("sum(CASE WHEN h.hour = ? THEN h.events - h.events_q%1 WHEN h.hour = ? THEN "
                           "h.events_q%1 ELSE h.events END)")
                .arg(minute);
        Scope within{QStringLiteral(" AND ((h.hour >= ? AND h.hour < ?) OR (h.hour >= ? AND h.hour <= ?))"),
                     {first, cut.firstDay, cut.endDay, last}};
        addDimensions(f, QStringLiteral("h.station_id"), QStringLiteral("h.model"), within);
        detail = {QStringLiteral("SELECT h.operator_id, ") + counted +
                      QStringLiteral(" FROM kpi_hourly h WHERE 1") + within.sql +
                      QStringLiteral(" GROUP BY 1 HAVING ") + counted + QStringLiteral(" <> 0"),
                  QVariantList{first, last} + within.binds + QVariantList{first, last}};
    } else {
        const Scope work = scopeOf(f, QStringLiteral("h.hour"), true, QStringLiteral("h.station_id"),
                                   QStringLiteral("h.model"), QString(), cut);
        const Scope source = hourlySource(f, QStringLiteral("kpi_hourly"),
                                          QStringLiteral("station_id, operator_id, step, model"));
        detail = {QStringLiteral("SELECT h.operator_id, sum(h.events) FROM ") + source.sql +
                      QStringLiteral(" WHERE 1") + work.sql + QStringLiteral(" GROUP BY 1"),
                  source.binds + work.binds};
    }
    auto events =
        detailAndDaily(m_db, cut, detail,
                       {QStringLiteral("SELECT operator_id, sum(events) FROM kpi_operator_daily WHERE 1") +
                            days.sql + QStringLiteral(" GROUP BY 1"),
                        days.binds},
                       2, QStringLiteral("ORDER BY 2 DESC, 1"));
    if (!events)
        return events.error();
    while (events.value().next()) {
        const QString op = events.value().value(0).toString();
        const auto [passed, tried] = byMountOperator.value(op);
        r.operators.append({op, events.value().value(1).toInt(), ratio(passed, tried)});
    }
    return {};
}

Status KpiQuery::anomalies(const QDateTime& now, KpiReport& r) const
{
    auto q = sql::run(m_db, QStringLiteral("SELECT kind, unit, gpu_uuid, other FROM kpi_anomalies "
                                           "ORDER BY event_seq DESC, kind, other LIMIT 500"));
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QString kind = q.value().value(0).toString();
        const QString unit = q.value().value(1).toString();
        const QString gpu = q.value().value(2).toString();
        const QString other = q.value().value(3).toString();
        if (kind == QLatin1StringView("duplicate_gpu"))
            r.anomalies.append(
                {QCoreApplication::translate("KpiQuery", "duplicate GPU UUID %1 on units %2, %3")
                     .arg(gpu, other, unit)});
        else
            r.anomalies.append(
                {QCoreApplication::translate("KpiQuery", "unit %1 reports GPU %2, its donor card had %3")
                     .arg(unit, gpu, other)});
    }
    // Conflicts between stations that the central server found, and other stations' records
    // this one could not apply.
    Result<QList<Conflict>> conflicts = ConflictResolution(m_db, m_clock).list();
    if (!conflicts)
        return conflicts.error();
    for (const Conflict& c : conflicts.value())
        r.anomalies.append(
            {c.resolved
                 ? QCoreApplication::translate("KpiQuery", "between stations (resolved): %1").arg(c.detail)
                 : QCoreApplication::translate("KpiQuery", "between stations: %1").arg(c.detail),
             c.serverId, c.resolved});
    auto rejected =
        sql::run(m_db, QStringLiteral("SELECT step, subject, station_id, reason FROM sync_rejected "
                                      "ORDER BY server_seq DESC LIMIT 500"));
    if (!rejected)
        return rejected.error();
    while (rejected.value().next()) {
        QSqlQuery& row = rejected.value();
        r.anomalies.append(
            {QCoreApplication::translate("KpiQuery", "%1 of %2 at %3 not applied here: %4")
                 .arg(row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                      SetAside::reasonText(row.value(3).toString(), true))});
    }
    Result<QList<OriginSync>> origins = SyncOrigins(m_db).list();
    if (!origins)
        return origins.error();
    r.silentStations = SyncOrigins::silentStations(origins.value(), now);
    return {};
}

} // namespace rework
