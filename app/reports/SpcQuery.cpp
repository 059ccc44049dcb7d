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

/// A value read from an event, with the alloy of its die where the measurement's limit depends on it.
struct Row
{
    SpcQuery::Point point;
    QString alloy;
};

/// The measurement's values in the filter, oldest first, from the rollup written with each event
/// (spc_values: numbers only, a voided event's values taken away with its void). The range is
/// always bound, so the read walks spc_values_time (measurement, recorded_at, event_seq), which
/// also gives its order.
Result<QList<Row>> readValues(const QSqlDatabase& db, const SpcQuery::Measurement& m, const SpcFilter& f)
{
    QString statement =
        QStringLiteral("SELECT event_id, recorded_at, station_id, value, alloy FROM spc_values "
                       "WHERE measurement = ? AND recorded_at >= ? AND recorded_at < ?");
    // Timestamps are stored as ISO text with milliseconds in UTC, so text order is time order.
    QVariantList binds{QString(m.name),
                       f.from.isValid() ? f.from.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral(""),
                       f.to.isValid() ? f.to.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("~")};
    if (!f.station.isEmpty()) {
        statement += QStringLiteral(" AND station_id = ?");
        binds << f.station;
    }
    if (!f.model.isEmpty()) {
        statement += QStringLiteral(" AND model = ?");
        binds << f.model;
    }
    statement += QStringLiteral(" ORDER BY recorded_at, event_seq");
    auto q = sql::run(db, statement, binds);
    if (!q)
        return q.error();
    QList<Row> rows;
    const bool alloyLimits = m.perAlloy();
    while (q.value().next()) {
        const QSqlQuery& r = q.value();
        Row row;
        row.point.eventId = r.value(0).toString();
        row.point.at = QDateTime::fromString(r.value(1).toString(), Qt::ISODateWithMs);
        row.point.station = r.value(2).toString();
        row.point.value = r.value(3).toDouble();
        if (alloyLimits)
            row.alloy = r.value(4).toString().isEmpty() ? kAlloyDefault : r.value(4).toString();
        rows.append(row);
    }
    return rows;
}

} // namespace

const QList<SpcQuery::Measurement>& SpcQuery::measurements()
{
    return SpcMeasurement::all();
}

QList<const SpcQuery::Measurement*> SpcQuery::everyMeasurement()
{
    QList<const Measurement*> all;
    for (const Measurement& m : measurements())
        all << &m;
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

Status SpcQuery::checkFilter(const SpcFilter& filter) const
{
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
    return {};
}

namespace {

/// The chart of one measurement's values; the specification is the product's own limit where
/// the filter names a product, else the default (`limits`: LimitStore::limitsFor the filter's model).
SpcQuery::Chart chartOf(const SpcQuery::Measurement& m, const QList<Row>& rows,
                        const QList<LimitStore::LimitRow>& limits)
{
    SpcQuery::Chart c;
    c.measurement = m;
    QList<double> values;
    values.reserve(rows.size());
    c.points.reserve(rows.size());
    QSet<QString> alloys;
    const bool alloyLimits = m.perAlloy();
    for (const Row& r : rows) {
        values << r.point.value;
        c.points << r.point;
        if (alloyLimits)
            alloys.insert(r.alloy);
    }

    ControlChart::Spec spec;
    QString mixedAlloys;
    if (alloyLimits && alloys.size() > 1) {
        QStringList sorted(alloys.cbegin(), alloys.cend());
        sorted.sort();
        mixedAlloys = sorted.join(QStringLiteral(", "));
    } else {
        c.limitName =
            alloyLimits ? m.limit.arg(alloys.isEmpty() ? kAlloyDefault : *alloys.cbegin()) : m.limit;
        const auto row = std::find_if(limits.cbegin(), limits.cend(),
                                      [&](const LimitStore::LimitRow& l) { return l.name == c.limitName; });
        if (row != limits.cend())
            spec = {row->min, row->max};
        else
            c.limitName.clear();
    }

    c.chart = ControlChart::compute(values, spec);
    for (qsizetype i = 0; i < c.points.size(); ++i)
        c.points[i].rules = c.chart.rules().at(i);
    if (!mixedAlloys.isEmpty() && c.chart.hasLimits()) {
        c.cpReason = c.cpkReason =
            SpcQuery::tr("the values are of more than one alloy (%1), each with its own limits; filter by "
                         "model or station to chart one")
                .arg(mixedAlloys);
    } else {
        c.cpReason = ControlChart::gapText(c.chart.cpGap());
        c.cpkReason = ControlChart::gapText(c.chart.cpkGap());
    }
    return c;
}

} // namespace

Result<QList<SpcQuery::Chart>> SpcQuery::charts(const QList<const Measurement*>& wanted,
                                                const SpcFilter& filter) const
{
    if (Status st = checkFilter(filter); !st)
        return st.error();
    Result<QList<LimitStore::LimitRow>> limits = LimitStore(m_db).limitsFor(filter.model);
    if (!limits)
        return limits.error();
    QList<Chart> out;
    for (const Measurement* m : wanted) {
        Result<QList<Row>> rows = readValues(m_db, *m, filter);
        if (!rows)
            return rows.error();
        out.append(chartOf(*m, rows.value(), limits.value()));
    }
    return out;
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
    Result<QList<Chart>> one = charts({m}, filter);
    if (!one)
        return one.error();
    return one->first();
}

Result<SpcQuery::Panel> SpcQuery::panel(const QString& name, const SpcFilter& filter, int newest,
                                        int minPoints) const
{
    const Measurement* shown = measurement(name);
    if (!shown)
        return chart(name, filter).error(); // the same refusal, naming the known ones
    Result<QList<Chart>> every = charts(everyMeasurement(), filter);
    if (!every)
        return every.error();
    Panel p;
    for (const Chart& c : every.value()) {
        if (c.measurement.name == shown->name)
            p.chart = c;
    }
    p.alarms = alarmsOf(every.value(), newest, minPoints);
    return p;
}

QList<SpcQuery::Alarm> SpcQuery::alarmsOf(const QList<Chart>& charts, int newest, int minPoints)
{
    QList<Alarm> alarms;
    for (const Chart& c : charts) {
        if (c.points.size() < minPoints)
            continue;
        for (qsizetype i = c.points.size() - 1; i >= 0 && i >= c.points.size() - newest; --i) {
            for (int rule : c.points.at(i).rules)
                alarms.append(
                    {c.measurement.name, rule, c.points.at(i), c.chart.mean(), c.chart.ucl(), c.chart.lcl()});
        }
    }
    std::stable_sort(alarms.begin(), alarms.end(),
                     [](const Alarm& a, const Alarm& b) { return a.point.at > b.point.at; });
    return alarms;
}

Result<QList<SpcQuery::Alarm>> SpcQuery::alarms(const SpcFilter& filter, const QDateTime& since, int newest,
                                                int minPoints) const
{
    SpcFilter f = filter;
    if (since.isValid())
        f.from = since;
    Result<QList<Chart>> every = charts(everyMeasurement(), f);
    if (!every)
        return every.error();
    return alarmsOf(every.value(), newest, minPoints);
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
