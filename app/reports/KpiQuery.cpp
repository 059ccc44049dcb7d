#include "KpiQuery.h"

#include "domain/MoistureSensitivity.h"
#include "storage/Sql.h"

#include <QJsonArray>

#include <QSqlQuery>
#include <algorithm>

namespace rework {
namespace {

// Events that count: not voids, not voided. Every query below builds on this.
const QString kValid = QStringLiteral("NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id) "
                                      "AND e.step <> 'void' ");
// No earlier valid event of the same step for the same item.
const QString kFirstOfItsStep = QStringLiteral(
    "AND NOT EXISTS (SELECT 1 FROM events p WHERE p.subject = e.subject AND p.step = e.step "
    "AND p.seq < e.seq AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = p.id)) ");
// Range, station and model of an event (binds: from, to, station, station, model, model).
const QString kScope = QStringLiteral(
    "AND e.recorded_at >= ? AND e.recorded_at < ? AND (? = '' OR e.station_id = ?) "
    "AND (? = '' OR EXISTS (SELECT 1 FROM event_subjects s JOIN cards c ON c.serial = s.serial "
    "WHERE s.event_seq = e.seq AND s.kind = 'card' AND c.model = ?)) ");

QVariantList scopeBinds(const KpiFilter& f)
{
    const QString station = f.station.isNull() ? QStringLiteral("") : f.station;
    const QString model = f.model.isNull() ? QStringLiteral("") : f.model;
    return {f.fromText(), f.toText(), station, station, model, model};
}

QString modelText(const KpiFilter& f)
{
    return f.model.isNull() ? QStringLiteral("") : f.model;
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
        stations.insert(it.key(), QJsonObject{{QStringLiteral("events"), it.value()},
                                              {QStringLiteral("by_hour"), hours}});
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
    QJsonArray ops;
    for (const OperatorFigures& o : operators) {
        ops.append(QJsonObject{{QStringLiteral("operator"), o.operatorId},
                               {QStringLiteral("events"), o.events},
                               {QStringLiteral("first_pass_yield"), json(o.firstPassYield)}});
    }
    return {{QStringLiteral("wip"), wip},
            {QStringLiteral("aging"), agingList},
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
            {QStringLiteral("anomalies"), QJsonArray::fromStringList(anomalies)},
            {QStringLiteral("cards_received"), cardsReceived},
            {QStringLiteral("units_mounted"), unitsMounted}};
}

Result<KpiReport> KpiQuery::compute(const KpiFilter& filter) const
{
    KpiReport r;
    KpiFilter f = filter;
    if (!f.now.isValid())
        f.now = QDateTime::currentDateTimeUtc();
    for (Status st : {wip(f, r), throughput(f, r), yields(f, r), defects(f, r), moisture(f, r),
                      operators(f, r), anomalies(r)}) {
        if (!st)
            return st.error();
    }
    return r;
}

Status KpiQuery::wip(const KpiFilter& f, KpiReport& r) const
{
    // What each item waits for, from its current state; the model filter applies, the range not.
    const QString unionSql = QStringLiteral(
        "SELECT serial, 'card' AS kind, 'strip' AS step, updated_at AS since FROM cards WHERE state = "
        "'received' "
        "AND (? = '' OR model = ?) "
        "UNION ALL SELECT id, 'die', 'reball', updated_at FROM dies WHERE state IN ('stripped', 'repair') "
        "AND (? = '' OR model = ?) "
        "UNION ALL SELECT id, 'die', 'mount', updated_at FROM dies WHERE state = 'reballed' AND (? = '' OR "
        "model = ?) "
        "UNION ALL SELECT serial, 'unit', CASE state WHEN 'mounted' THEN 'inspect' WHEN 'inspected' THEN "
        "'test' "
        "ELSE 'pack' END, updated_at FROM units WHERE state IN ('mounted', 'inspected', 'tested') "
        "AND (? = '' OR model = ?)");
    const QString m = modelText(f);
    const QVariantList binds{m, m, m, m, m, m, m, m};
    for (const QString& step : KpiReport::wipSteps())
        r.wipByStep.insert(step, 0);
    auto counts = sql::run(m_db,
                           QStringLiteral("SELECT w.step, count(*) FROM (") + unionSql +
                               QStringLiteral(") AS w GROUP BY w.step"),
                           binds);
    if (!counts)
        return counts.error();
    while (counts.value().next())
        r.wipByStep.insert(counts.value().value(0).toString(), counts.value().value(1).toInt());

    const QString cutoff =
        f.now.addSecs(-static_cast<qint64>(f.agingHours * 3600)).toString(Qt::ISODateWithMs);
    QVariantList agingBinds = binds;
    agingBinds << cutoff;
    auto aging = sql::run(m_db,
                          QStringLiteral("SELECT * FROM (") + unionSql +
                              QStringLiteral(") AS w WHERE w.since < ? "
                                             "ORDER BY w.since LIMIT 200"),
                          agingBinds);
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
    auto q = sql::run(
        m_db,
        QStringLiteral("SELECT e.station_id, substr(e.recorded_at, 1, 13), count(*) FROM events e WHERE ") +
            kValid +
            QStringLiteral("AND e.step IN ('intake', 'strip', 'reball', 'mount', 'inspect', 'test', "
                           "'pack') ") +
            kScope + QStringLiteral("GROUP BY 1, 2"),
        scopeBinds(f));
    if (!q)
        return q.error();
    while (q.value().next()) {
        const QString station = q.value().value(0).toString();
        const int n = q.value().value(2).toInt();
        r.throughputByStation[station] += n;
        r.throughputByStationHour[station][q.value().value(1).toString()] = n;
    }
    return {};
}

Result<std::optional<double>> KpiQuery::firstPassYield(const KpiFilter& f, const QString& step) const
{
    // A unit's first valid inspection (or test) decides its first pass; it counts in the range
    // where that first event happened. Only the range's events are read, each checked for an
    // earlier one through the (subject, step) index.
    QVariantList binds{step};
    binds << scopeBinds(f);
    auto q = sql::run(
        m_db,
        QStringLiteral("SELECT count(*), coalesce(sum(json_extract(e.payload, '$.result') = 'pass'), 0) "
                       "FROM events e WHERE e.step = ? AND ") +
            kValid + kScope + kFirstOfItsStep,
        binds);
    if (!q)
        return q.error();
    q.value().next();
    return ratio(q.value().value(1).toLongLong(), q.value().value(0).toLongLong());
}

Status KpiQuery::yields(const KpiFilter& f, KpiReport& r) const
{
    auto inspect = firstPassYield(f, QStringLiteral("inspect"));
    if (!inspect)
        return inspect.error();
    auto test = firstPassYield(f, QStringLiteral("test"));
    if (!test)
        return test.error();
    r.firstPassYieldInspect = inspect.value();
    r.firstPassYieldTest = test.value();
    if (r.firstPassYieldInspect && r.firstPassYieldTest)
        r.rolledThroughputYield = *r.firstPassYieldInspect * *r.firstPassYieldTest;

    const QString m = modelText(f);
    // Units mounted in the range: how they ended, and how many repair loops they took.
    auto units =
        sql::run(m_db,
                 QStringLiteral("SELECT count(*), "
                                "coalesce(sum(state IN ('tested', 'packed', 'shipped')), 0), "
                                "coalesce(sum(state = 'scrapped'), 0) FROM units "
                                "WHERE created_at >= ? AND created_at < ? AND (? = '' OR model = ?)"),
                 {f.fromText(), f.toText(), m, m});
    if (!units)
        return units.error();
    units.value().next();
    r.unitsMounted = units.value().value(0).toInt();
    const qint64 good = units.value().value(1).toLongLong();
    const qint64 scrapped = units.value().value(2).toLongLong();
    r.finalYield = ratio(good, good + scrapped);

    auto loops = sql::run(m_db,
                          QStringLiteral("SELECT repair_count, count(*) FROM units WHERE created_at >= ? AND "
                                         "created_at < ? AND (? = '' OR model = ?) GROUP BY repair_count"),
                          {f.fromText(), f.toText(), m, m});
    if (!loops)
        return loops.error();
    while (loops.value().next())
        r.repairLoops.insert(loops.value().value(0).toInt(), loops.value().value(1).toInt());

    // Donor cards received in the range, and how many of them ended as scrap at any step.
    auto scrap = sql::run(
        m_db,
        QStringLiteral("SELECT count(*), coalesce(sum(c.state = 'scrapped' OR d.state = 'scrapped' OR "
                       "u.state = 'scrapped'), 0) FROM cards c "
                       "LEFT JOIN dies d ON d.card_serial = c.serial "
                       "LEFT JOIN units u ON u.die_id = d.id "
                       "WHERE c.received_at >= ? AND c.received_at < ? AND (? = '' OR c.model = ?)"),
        {f.fromText(), f.toText(), m, m});
    if (!scrap)
        return scrap.error();
    scrap.value().next();
    r.cardsReceived = scrap.value().value(0).toInt();
    r.scrapRate = ratio(scrap.value().value(1).toLongLong(), r.cardsReceived);

    // Retest: units tested in the range that have more than one valid test.
    QVariantList binds = scopeBinds(f);
    auto retest =
        sql::run(m_db,
                 QStringLiteral("SELECT count(*), coalesce(sum((SELECT count(*) FROM events p WHERE "
                                "p.subject = t.subject AND p.step = 'test' AND NOT EXISTS (SELECT 1 FROM "
                                "voided_events v WHERE v.event_id = p.id)) > 1), 0) FROM (SELECT DISTINCT "
                                "e.subject FROM events e WHERE e.step = 'test' AND ") +
                     kValid + kScope + QStringLiteral(") t"),
                 binds);
    if (!retest)
        return retest.error();
    retest.value().next();
    r.retestRate = ratio(retest.value().value(1).toLongLong(), retest.value().value(0).toLongLong());
    return {};
}

Status KpiQuery::defects(const KpiFilter& f, KpiReport& r) const
{
    auto q = sql::run(
        m_db,
        QStringLiteral("SELECT json_extract(e.payload, '$.defect') AS d, count(*) FROM events e WHERE ") +
            kValid +
            QStringLiteral("AND e.step IN ('inspect', 'test', 'scrap') AND json_extract(e.payload, "
                           "'$.defect') IS NOT NULL ") +
            kScope + QStringLiteral("GROUP BY d ORDER BY count(*) DESC, d"),
        scopeBinds(f));
    if (!q)
        return q.error();
    while (q.value().next())
        r.defectPareto.append({q.value().value(0).toString(), q.value().value(1).toInt()});

    auto slices =
        sql::run(m_db,
                 QStringLiteral(
                     "SELECT json_extract(e.payload, '$.defect') AS d, e.station_id, e.operator_id, "
                     "(SELECT c.lot FROM event_subjects s JOIN cards c ON c.serial = s.serial "
                     "WHERE s.event_seq = e.seq AND s.kind = 'card') AS lot, count(*) FROM events e WHERE ") +
                     kValid +
                     QStringLiteral("AND e.step IN ('inspect', 'test', 'scrap') AND json_extract(e.payload, "
                                    "'$.defect') IS NOT NULL ") +
                     kScope + QStringLiteral("GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 1, 2, 3, 4"),
                 scopeBinds(f));
    if (!slices)
        return slices.error();
    while (slices.value().next()) {
        QSqlQuery& s = slices.value();
        r.defectSlices.append({s.value(0).toString(), s.value(1).toString(), s.value(2).toString(),
                               s.value(3).toString(), s.value(4).toInt()});
    }
    return {};
}

Result<QList<KpiQuery::DefectHit>> KpiQuery::defectHits(const KpiFilter& f, const QString& defect) const
{
    QVariantList binds{defect};
    binds << scopeBinds(f);
    auto q =
        sql::run(m_db,
                 QStringLiteral("SELECT e.subject, e.step, e.station_id, e.operator_id, e.id, e.recorded_at "
                                "FROM events e WHERE e.step IN ('inspect', 'test', 'scrap') AND "
                                "json_extract(e.payload, '$.defect') = ? AND ") +
                     kValid + kScope + QStringLiteral("ORDER BY e.seq DESC LIMIT 1000"),
                 binds);
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
    const QString m = modelText(f);
    auto q =
        sql::run(m_db,
                 QStringLiteral("SELECT id, msl, exposed_at FROM dies WHERE state IN ('stripped', 'repair', "
                                "'reballed') AND exposed_at IS NOT NULL AND (? = '' OR model = ?)"),
                 {m, m});
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

Status KpiQuery::operators(const KpiFilter& f, KpiReport& r) const
{
    auto events =
        sql::run(m_db,
                 QStringLiteral("SELECT e.operator_id, count(*) FROM events e WHERE ") + kValid +
                     QStringLiteral("AND e.step IN ('intake', 'strip', 'reball', 'mount', 'inspect', "
                                    "'test', 'pack') ") +
                     kScope + QStringLiteral("GROUP BY 1 ORDER BY 2 DESC, 1"),
                 scopeBinds(f));
    if (!events)
        return events.error();
    while (events.value().next())
        r.operators.append(
            {events.value().value(0).toString(), events.value().value(1).toInt(), std::nullopt});

    // First-pass test yield of the units each operator mounted (first mount), tested first in range.
    auto fpy =
        sql::run(m_db,
                 QStringLiteral("SELECT (SELECT m.operator_id FROM events m WHERE m.subject = e.subject AND "
                                "m.step = 'mount' ORDER BY m.seq LIMIT 1) AS op, count(*), "
                                "coalesce(sum(json_extract(e.payload, '$.result') = 'pass'), 0) "
                                "FROM events e WHERE e.step = 'test' AND ") +
                     kValid + kScope + kFirstOfItsStep + QStringLiteral("GROUP BY op"),
                 scopeBinds(f));
    if (!fpy)
        return fpy.error();
    while (fpy.value().next()) {
        const QString op = fpy.value().value(0).toString();
        const auto y = ratio(fpy.value().value(2).toLongLong(), fpy.value().value(1).toLongLong());
        for (KpiReport::OperatorFigures& o : r.operators) {
            if (o.operatorId == op)
                o.firstPassYield = y;
        }
    }
    return {};
}

Status KpiQuery::anomalies(KpiReport& r) const
{
    auto dup =
        sql::run(m_db, QStringLiteral("SELECT gpu_uuid, group_concat(serial, ', ') FROM units "
                                      "WHERE gpu_uuid IS NOT NULL GROUP BY gpu_uuid HAVING count(*) > 1"));
    if (!dup)
        return dup.error();
    while (dup.value().next()) {
        r.anomalies << QStringLiteral("duplicate GPU UUID %1 on units %2")
                           .arg(dup.value().value(0).toString(), dup.value().value(1).toString());
    }
    auto swapped = sql::run(m_db, QStringLiteral("SELECT u.serial, u.gpu_uuid, c.gpu_uuid FROM units u "
                                                 "JOIN cards c ON c.serial = u.card_serial "
                                                 "WHERE u.gpu_uuid IS NOT NULL AND c.gpu_uuid IS NOT NULL "
                                                 "AND u.gpu_uuid <> c.gpu_uuid"));
    if (!swapped)
        return swapped.error();
    while (swapped.value().next()) {
        r.anomalies << QStringLiteral("unit %1 reports GPU %2, its donor card had %3")
                           .arg(swapped.value().value(0).toString(), swapped.value().value(1).toString(),
                                swapped.value().value(2).toString());
    }
    return {};
}

} // namespace rework
