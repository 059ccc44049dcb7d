#include "SpcQuery.h"

#include "domain/EventPayload.h"
#include "storage/LimitStore.h"
#include "storage/Sql.h"
#include "storage/StationRegistry.h"

#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace rework {
namespace {

const QString kAlloyDefault = QStringLiteral("sac305"); // what the mount rule assumes for a die without one

QString jsonPath(QLatin1StringView key)
{
    return QStringLiteral("$.") + key;
}

/// A value read from an event, with the alloy of its die where the measurement's limit depends on it.
struct Row
{
    SpcQuery::Point point;
    QString alloy;
};

/// The measurement's values in the filter, oldest first. Only numbers count (a text or a missing
/// key is no value), and a voided event's value is no value either. The range is always bound,
/// so the read walks events_step_time (step, recorded_at, seq), which also gives its order.
Result<QList<Row>> readValues(const QSqlDatabase& db, const SpcQuery::Measurement& m, const SpcFilter& f,
                              bool withAlloy)
{
    QString statement =
        QStringLiteral("SELECT e.id, e.recorded_at, e.station_id, json_extract(e.payload, ?)");
    QVariantList binds{jsonPath(m.name)};
    if (withAlloy) {
        statement += QStringLiteral(", coalesce(json_extract(e.payload, ?), (SELECT d.alloy FROM dies d "
                                    "WHERE d.id = json_extract(e.payload, ?)))");
        binds << jsonPath(payload::Alloy) << jsonPath(payload::Die);
    }
    statement += QStringLiteral(" FROM events e WHERE e.step IN (") +
                 QStringList(m.steps.size(), QStringLiteral("?")).join(QLatin1Char(',')) +
                 QStringLiteral(") AND e.recorded_at >= ? AND e.recorded_at < ? "
                                "AND json_type(e.payload, ?) IN ('integer', 'real') "
                                "AND NOT EXISTS (SELECT 1 FROM voided_events v WHERE v.event_id = e.id)");
    for (const QString& step : m.steps)
        binds << step;
    // Timestamps are stored as ISO text with milliseconds in UTC, so text order is time order.
    binds << (f.from.isValid() ? f.from.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral(""))
          << (f.to.isValid() ? f.to.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("~"))
          << jsonPath(m.name);
    if (!f.station.isEmpty()) {
        statement += QStringLiteral(" AND e.station_id = ?");
        binds << f.station;
    }
    if (!f.model.isEmpty()) {
        // The subject is the unit (inspect, test, mount) or the die (reball); both keep the model.
        statement += QStringLiteral(" AND (EXISTS (SELECT 1 FROM units u WHERE u.serial = e.subject AND "
                                    "u.model = ?) OR EXISTS (SELECT 1 FROM dies d WHERE d.id = e.subject "
                                    "AND d.model = ?))");
        binds << f.model << f.model;
    }
    statement += QStringLiteral(" ORDER BY e.recorded_at, e.seq");
    auto q = sql::run(db, statement, binds);
    if (!q)
        return q.error();
    QList<Row> rows;
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        Row row;
        row.point.eventId = r.value(0).toString();
        row.point.at = QDateTime::fromString(r.value(1).toString(), Qt::ISODateWithMs);
        row.point.station = r.value(2).toString();
        row.point.value = r.value(3).toDouble();
        if (withAlloy)
            row.alloy = r.value(4).toString().isEmpty() ? kAlloyDefault : r.value(4).toString();
        rows.append(row);
    }
    return rows;
}

} // namespace

const QList<SpcQuery::Measurement>& SpcQuery::measurements()
{
    // The one table of what SPC charts. Reball records peak and TAL where a profile log is
    // imported there; the burn-in figures are flat numeric keys of the test event.
    static const QList<Measurement> all{
        {payload::VoidPct,
         {QStringLiteral("inspect")},
         QStringLiteral("%"),
         QStringLiteral("inspect.void_pct")},
        {payload::PeakC,
         {QStringLiteral("mount"), QStringLiteral("reball")},
         QStringLiteral("°C"),
         QStringLiteral("mount.peak_c.%1")},
        {payload::TalS,
         {QStringLiteral("mount"), QStringLiteral("reball")},
         QStringLiteral("s"),
         QStringLiteral("mount.tal_s")},
        {payload::TempMaxC,
         {QStringLiteral("test")},
         QStringLiteral("°C"),
         QStringLiteral("test.temp_max_c")},
        {payload::BurninGflops,
         {QStringLiteral("test")},
         QStringLiteral("Gflop/s"),
         QStringLiteral("test.burnin_gflops")},
        {payload::BurninMin,
         {QStringLiteral("test")},
         QStringLiteral("min"),
         QStringLiteral("test.burnin_min")},
        {payload::VramErrors, {QStringLiteral("test")}, QString(), QStringLiteral("test.vram_errors")},
    };
    return all;
}

const SpcQuery::Measurement* SpcQuery::measurement(const QString& name)
{
    for (const Measurement& m : measurements()) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

Result<SpcQuery::Chart> SpcQuery::chart(const QString& name, const SpcFilter& filter) const
{
    const Measurement* m = measurement(name);
    if (!m) {
        QStringList known;
        for (const Measurement& each : measurements())
            known << each.name;
        return makeError(ErrorCode::UnknownField, QStringLiteral("measurement"),
                         Message(tr, QT_TR_NOOP("no measurement called \"%1\"; the known ones are %2"),
                                 {name.left(40), known.join(QStringLiteral(", "))}));
    }
    // A filter that names nothing on this line is a typo, not "no values".
    if (!filter.station.isEmpty()) {
        Result<bool> known = StationRegistry(m_db).exists(filter.station);
        if (!known)
            return known.error();
        if (!known.value())
            return makeError(
                ErrorCode::UnknownStation, QStringLiteral("station"),
                Message(tr, QT_TR_NOOP("no station %1 on this line"), {filter.station.left(40)}));
    }
    if (!filter.model.isEmpty()) {
        auto known =
            sql::scalar(m_db, QStringLiteral("SELECT 1 FROM products WHERE model = ?"), {filter.model});
        if (!known)
            return known.error();
        if (!known.value().isValid())
            return makeError(
                ErrorCode::UnknownField, QStringLiteral("model"),
                Message(tr, QT_TR_NOOP("no product model %1 on this line"), {filter.model.left(40)}));
    }
    const bool perAlloy = m->limit.contains(QLatin1StringView("%1"));
    Result<QList<Row>> rows = readValues(m_db, *m, filter, perAlloy);
    if (!rows)
        return rows.error();

    Chart c;
    c.measurement = *m;
    QList<double> values;
    values.reserve(rows->size());
    QSet<QString> alloys;
    for (const Row& r : rows.value()) {
        values << r.point.value;
        c.points << r.point;
        if (perAlloy)
            alloys.insert(r.alloy);
    }

    // The specification: the product's own limit where the filter names a product, else the default.
    ControlChart::Spec spec;
    QString mixedAlloys;
    if (perAlloy && alloys.size() > 1) {
        QStringList sorted(alloys.cbegin(), alloys.cend());
        sorted.sort();
        mixedAlloys = sorted.join(QStringLiteral(", "));
    } else {
        c.limitName = perAlloy ? m->limit.arg(alloys.isEmpty() ? kAlloyDefault : *alloys.cbegin()) : m->limit;
        Result<QList<LimitStore::LimitRow>> limits = LimitStore(m_db).limitsFor(filter.model);
        if (!limits)
            return limits.error();
        const auto row = std::find_if(limits->cbegin(), limits->cend(),
                                      [&](const LimitStore::LimitRow& l) { return l.name == c.limitName; });
        if (row != limits->cend())
            spec = {row->min, row->max};
        else
            c.limitName.clear();
    }

    c.chart = ControlChart::compute(values, spec);
    for (qsizetype i = 0; i < c.points.size(); ++i)
        c.points[i].rules = c.chart.rules().at(i);
    if (!mixedAlloys.isEmpty() && c.chart.hasLimits()) {
        c.cpReason = c.cpkReason =
            tr("the values are of more than one alloy (%1), each with its own limits; filter by model "
               "or station to chart one")
                .arg(mixedAlloys);
    } else {
        c.cpReason = ControlChart::gapText(c.chart.cpGap());
        c.cpkReason = ControlChart::gapText(c.chart.cpkGap());
    }
    return c;
}

Result<QList<SpcQuery::Alarm>> SpcQuery::alarms(const SpcFilter& filter, const QDateTime& since, int newest,
                                                int minPoints) const
{
    SpcFilter f = filter;
    if (since.isValid())
        f.from = since;
    QList<Alarm> alarms;
    for (const Measurement& m : measurements()) {
        Result<Chart> c = chart(m.name, f);
        if (!c)
            return c.error();
        if (c->points.size() < minPoints)
            continue;
        for (qsizetype i = c->points.size() - 1; i >= 0 && i >= c->points.size() - newest; --i) {
            for (int rule : c->points.at(i).rules)
                alarms.append(
                    {m.name, rule, c->points.at(i), c->chart.mean(), c->chart.ucl(), c->chart.lcl()});
        }
    }
    std::stable_sort(alarms.begin(), alarms.end(),
                     [](const Alarm& a, const Alarm& b) { return a.point.at > b.point.at; });
    return alarms;
}

QJsonObject SpcQuery::toJson(const Chart& c, int maxPoints)
{
    const ControlChart& ch = c.chart;
    const auto number = [](std::optional<double> v) {
        return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
    };
    const auto figure = [&](double v, bool computable) {
        return computable ? number(v) : QJsonValue(QJsonValue::Null);
    };
    const bool limits = ch.hasLimits();
    QJsonArray points;
    for (qsizetype i = std::max<qsizetype>(0, c.points.size() - maxPoints); i < c.points.size(); ++i) {
        const Point& p = c.points.at(i);
        QJsonArray rules;
        for (int rule : p.rules)
            rules.append(rule);
        points.append(QJsonObject{{QStringLiteral("value"), p.value},
                                  {QStringLiteral("event"), p.eventId},
                                  {QStringLiteral("at"), p.at.toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("station"), p.station},
                                  {QStringLiteral("violations"), rules}});
    }
    QJsonArray violations;
    for (int rule = 1; rule <= 4; ++rule) {
        violations.append(QJsonObject{{QStringLiteral("rule"), rule},
                                      {QStringLiteral("description"), ruleText(rule)},
                                      {QStringLiteral("count"), ch.violations(rule)}});
    }
    QJsonObject o{{QStringLiteral("measurement"), QString(c.measurement.name)},
                  {QStringLiteral("unit"), c.measurement.unit},
                  {QStringLiteral("limit"), c.limitName.isEmpty() ? QJsonValue() : QJsonValue(c.limitName)},
                  {QStringLiteral("n"), ch.n()},
                  {QStringLiteral("mean"), figure(ch.mean(), ch.n() > 0)},
                  {QStringLiteral("sigma"), figure(ch.sigma(), limits)},
                  {QStringLiteral("mr_bar"), figure(ch.mrBar(), limits)},
                  {QStringLiteral("ucl"), figure(ch.ucl(), limits)},
                  {QStringLiteral("lcl"), figure(ch.lcl(), limits)},
                  {QStringLiteral("mr_ucl"), figure(ch.mrUcl(), limits)},
                  {QStringLiteral("lsl"), number(ch.spec().lsl)},
                  {QStringLiteral("usl"), number(ch.spec().usl)},
                  {QStringLiteral("cp"), number(ch.cp())},
                  {QStringLiteral("cpk"), number(ch.cpk())},
                  {QStringLiteral("run_length"), ControlChart::kRunLength},
                  {QStringLiteral("violations"), violations},
                  {QStringLiteral("points"), points},
                  {QStringLiteral("points_left_out"), std::max<qsizetype>(0, c.points.size() - maxPoints)}};
    if (!c.cpReason.isEmpty())
        o.insert(QStringLiteral("cp_reason"), c.cpReason);
    if (!c.cpkReason.isEmpty())
        o.insert(QStringLiteral("cpk_reason"), c.cpkReason);
    return o;
}

QString SpcQuery::ruleText(int rule)
{
    switch (rule) {
    case 1:
        return tr("one value beyond 3 sigma");
    case 2:
        return tr("2 of 3 values beyond 2 sigma on one side");
    case 3:
        return tr("4 of 5 values beyond 1 sigma on one side");
    case 4:
        return tr("%1 values in a row on one side of the centre").arg(ControlChart::kRunLength);
    default:
        return {};
    }
}

} // namespace rework
