#include "SpcQuery.h"

#include "domain/EventPayload.h"
#include "storage/Cursor.h"
#include "storage/LimitStore.h"
#include "storage/Sql.h"
#include "storage/StationRegistry.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>
#include <vector>

namespace rework {
namespace {

const QString kAlloyDefault = QStringLiteral("sac305"); // what the mount rule assumes for a die without one

/// A value read from an event, with the alloy of its die where the measurement's limit depends on it.
struct Row
{
    SpcQuery::Point point;
    QString alloy;       // the specification's: the mount rule's default where none was recorded
    QString model;       // of the unit the value is of
    QString storedAlloy; // as recorded (empty where none was), which the alarm list charts by
};

/// The statement that reads a measurement's rows in the filter (`columns` of spc_values), oldest
/// first. The range is always bound, and the table is clustered by (measurement, recorded_at,
/// event_seq) (migration 0024): the read is one run of the measurement's pages, in its order.
std::pair<QString, QVariantList> selectIn(const char* columns, const SpcQuery::Measurement& m,
                                          const SpcFilter& f)
{
    QString statement = QStringLiteral("SELECT %1 FROM spc_values WHERE measurement = ? AND recorded_at >= ? "
                                       "AND recorded_at < ?")
                            .arg(QLatin1StringView(columns));
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
    return {statement, binds};
}

/// The point of a row whose first columns are event_id, recorded_at, station_id, value.
SpcQuery::Point pointAt(const sql::Cursor& r)
{
    SpcQuery::Point p;
    p.eventId = r.text(0);
    p.at = QDateTime::fromString(r.text(1), Qt::ISODateWithMs);
    p.station = r.text(2);
    p.value = r.real(3);
    return p;
}

/// The measurement's values in the filter, oldest first, from the rollup written with each event
/// (spc_values: numbers only, a voided event's values taken away with its void).
Result<QList<Row>> readValues(const QSqlDatabase& db, const SpcQuery::Measurement& m, const SpcFilter& f)
{
    const auto [statement, binds] = selectIn("event_id, recorded_at, station_id, value, alloy, model", m, f);
    auto c = sql::Cursor::open(db, statement, binds);
    if (!c)
        return c.error();
    QList<Row> rows;
    const bool alloyLimits = m.perAlloy();
    // A line has a few stations and models: one string each, shared by their points.
    QString station, model;
    sql::Cursor& r = c.value();
    while (r.next()) {
        Row row;
        row.point = pointAt(r);
        if (row.point.station != station)
            station = row.point.station;
        row.point.station = station;
        if (const QString read = r.text(5); read != model)
            model = read;
        row.model = model;
        if (alloyLimits) {
            row.storedAlloy = r.isNull(4) ? QString() : r.text(4);
            row.alloy = row.storedAlloy.isEmpty() ? kAlloyDefault : row.storedAlloy;
        }
        rows.append(row);
    }
    if (Status st = r.status(); !st)
        return st.error();
    return rows;
}

/// The values of one product at one station, the process a chart watches, with their events'
/// sequence numbers: all the limits and rules need. Only the few values that break a rule become
/// points.
struct Series
{
    QByteArray model, station, alloy;
    QList<double> values;
    QList<qint64> seqs;
};

/// The measurement's values in the filter, oldest first, split by product and station (and by
/// alloy where the specification depends on it: a leaded and a lead-free peak are two processes).
Result<std::vector<Series>> readSeries(const QSqlDatabase& db, const SpcQuery::Measurement& m,
                                       const SpcFilter& f)
{
    const auto [statement, binds] = selectIn("event_seq, value, model, station_id, alloy", m, f);
    auto c = sql::Cursor::open(db, statement, binds);
    if (!c)
        return c.error();
    std::vector<Series> groups; // a line has a few of each: a linear search beats hashing
    const bool byAlloy = m.perAlloy();
    sql::Cursor& r = c.value();
    while (r.next()) {
        const QByteArrayView model = r.bytes(2), station = r.bytes(3),
                             alloy = byAlloy ? r.bytes(4) : QByteArrayView();
        auto g = std::find_if(groups.begin(), groups.end(), [&](const Series& s) {
            return s.model == model && s.station == station && s.alloy == alloy;
        });
        if (g == groups.end())
            g = groups.insert(
                groups.end(),
                Series{model.toByteArray(), station.toByteArray(), alloy.toByteArray(), {}, {}});
        g->seqs.append(r.integer(0));
        g->values.append(r.real(1));
    }
    if (Status st = r.status(); !st)
        return st.error();
    return groups;
}

/// One value of a series as a point, for the alarm that names it.
Result<std::optional<SpcQuery::Point>> pointOf(const QSqlDatabase& db, const SpcQuery::Measurement& m,
                                               qint64 seq)
{
    auto c =
        sql::Cursor::open(db,
                          QStringLiteral("SELECT event_id, recorded_at, station_id, value FROM spc_values "
                                         "WHERE event_seq = ? AND measurement = ?"),
                          {seq, QString(m.name)});
    if (!c)
        return c.error();
    std::optional<SpcQuery::Point> p;
    sql::Cursor& r = c.value();
    if (r.next())
        p = pointAt(r);
    if (Status st = r.status(); !st)
        return st.error();
    return p; // none when its event was voided since the values were read
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

ControlChart::Model SpcQuery::modelOf(const Measurement& m)
{
    ControlChart::Model model;
    model.counts = m.counts;
    if (m.nonNegative)
        model.floor = 0.0;
    return model;
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

    c.chart = ControlChart::compute(values, spec, SpcQuery::modelOf(m));
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

Result<SpcQuery::Chart> SpcQuery::chartIn(const Measurement& m, const SpcFilter& filter, bool withProcesses,
                                          const QList<Alarm>& alarms) const
{
    Result<QList<Row>> rows = readValues(m_db, m, filter);
    if (!rows)
        return rows.error();
    if (!withProcesses || rows.value().isEmpty()) {
        // The filter's own specification (its model's rows, else the line's); a process reads its
        // product's below.
        Result<QList<LimitStore::LimitRow>> limits = LimitStore(m_db).limitsFor(filter.model);
        if (!limits)
            return limits.error();
        Chart pooled = chartOf(m, rows.value(), limits.value());
        pooled.model = filter.model;
        pooled.station = filter.station;
        return pooled;
    }
    // The panel draws one process at a time: the values pooled over them are never charted, so
    // the pooled chart carries only what names it and its processes.
    Chart pooled;
    pooled.measurement = m;
    pooled.model = filter.model;
    pooled.station = filter.station;

    // Each product at each station (and alloy, where the specification depends on it) is its own
    // process, as the alarm list charts it: split as alarmsIn() splits, in the same order.
    struct Process
    {
        QString model, station, alloy;
        QList<Row> rows;
    };
    std::vector<Process> groups; // a line has a few: a linear search beats hashing
    for (const Row& r : std::as_const(rows.value())) {
        auto g = std::find_if(groups.begin(), groups.end(), [&](const Process& p) {
            return p.model == r.model && p.station == r.point.station && p.alloy == r.storedAlloy;
        });
        if (g == groups.end())
            g = groups.insert(groups.end(), Process{r.model, r.point.station, r.storedAlloy, {}});
        g->rows.append(r);
    }
    QHash<QString, QList<LimitStore::LimitRow>> limitsOf; // each product's own specification
    std::vector<Chart>& charts = pooled.processes;
    for (const Process& g : groups) {
        if (!limitsOf.contains(g.model)) {
            Result<QList<LimitStore::LimitRow>> own = LimitStore(m_db).limitsFor(g.model);
            if (!own)
                return own.error();
            limitsOf.insert(g.model, own.value());
        }
        Chart c = chartOf(m, g.rows, limitsOf.value(g.model));
        c.model = g.model;
        c.station = g.station;
        c.alloy = g.alloy;
        charts.push_back(std::move(c));
    }
    std::sort(charts.begin(), charts.end(), [](const Chart& a, const Chart& b) {
        return std::tie(a.model, a.station, a.alloy) < std::tie(b.model, b.station, b.alloy);
    });
    // The one to show first: where the newest alarm of this measurement is, else the most values.
    auto first = charts.end();
    for (const Alarm& a : alarms) {
        if (a.measurement != m.name)
            continue;
        first = std::find_if(charts.begin(), charts.end(), [&a](const Chart& c) {
            return c.model == a.model && c.station == a.point.station && c.alloy == a.alloy;
        });
        if (first != charts.end())
            break;
    }
    if (first == charts.end())
        first = std::max_element(charts.begin(), charts.end(), [](const Chart& a, const Chart& b) {
            return a.points.size() < b.points.size();
        });
    if (first != charts.end())
        std::rotate(charts.begin(), first, std::next(first));
    return pooled;
}

Result<QList<SpcQuery::Chart>> SpcQuery::charts(const QList<const Measurement*>& wanted,
                                                const SpcFilter& filter) const
{
    if (Status st = checkFilter(filter); !st)
        return st.error();
    QList<Chart> out;
    for (const Measurement* m : wanted) {
        Result<Chart> one = chartIn(*m, filter, false);
        if (!one)
            return one.error();
        out.append(std::move(one.value()));
    }
    return out;
}

Result<const SpcQuery::Measurement*> SpcQuery::known(const QString& name)
{
    if (const Measurement* m = measurement(name))
        return m;
    QStringList names;
    for (const Measurement& each : measurements())
        names << each.name;
    return makeError(ErrorCode::UnknownField, QStringLiteral("measurement"),
                     Message(tr, QT_TR_NOOP("no measurement called \"%1\"; the known ones are %2"),
                             {name.left(40), names.join(QStringLiteral(", "))}));
}

Result<SpcQuery::Chart> SpcQuery::chart(const QString& name, const SpcFilter& filter) const
{
    Result<const Measurement*> m = known(name);
    if (!m)
        return m.error();
    Result<QList<Chart>> one = charts({m.value()}, filter);
    if (!one)
        return one.error();
    return one->first();
}

Result<SpcQuery::Panel> SpcQuery::panel(const QString& name, const SpcFilter& filter, int newest,
                                        int minPoints) const
{
    Result<const Measurement*> m = known(name);
    if (!m)
        return m.error();
    if (Status st = checkFilter(filter); !st)
        return st.error();
    Result<QList<Alarm>> alarms = alarmsIn(filter, newest, minPoints);
    if (!alarms)
        return alarms.error();
    Result<Chart> shown = chartIn(*m.value(), filter, true, alarms.value());
    if (!shown)
        return shown.error();
    Panel p;
    p.chart = std::move(shown.value());
    p.alarms = std::move(alarms.value());
    return p;
}

Result<QList<SpcQuery::Alarm>> SpcQuery::alarms(const SpcFilter& filter, const QDateTime& since, int newest,
                                                int minPoints) const
{
    SpcFilter f = filter;
    if (since.isValid())
        f.from = since;
    if (Status st = checkFilter(f); !st)
        return st.error();
    return alarmsIn(f, newest, minPoints);
}

Result<QList<SpcQuery::Alarm>> SpcQuery::alarmsIn(const SpcFilter& filter, int newest, int minPoints) const
{
    QList<Alarm> alarms;
    for (const Measurement& m : measurements()) {
        // Each product at each station is its own process with its own limits: two stations
        // with different centres, charted together, would hide each other's shifts.
        Result<std::vector<Series>> groups = readSeries(m_db, m, filter);
        if (!groups)
            return groups.error();
        for (const Series& g : groups.value()) {
            const qsizetype n = g.values.size();
            if (n < minPoints)
                continue;
            const ControlChart chart = ControlChart::compute(g.values, {}, modelOf(m));
            for (qsizetype i = n - 1; i >= 0 && i >= n - newest; --i) {
                if (chart.rules().at(i).isEmpty())
                    continue;
                Result<std::optional<Point>> found = pointOf(m_db, m, g.seqs.at(i));
                if (!found)
                    return found.error();
                if (!found.value())
                    continue;
                Point point = *found.value();
                point.rules = chart.rules().at(i);
                for (int rule : point.rules)
                    alarms.append({QString(m.name), rule, point, chart.mean(), chart.ucl(), chart.lcl(),
                                   QString::fromUtf8(g.model), QString::fromUtf8(g.alloy)});
            }
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
    QJsonObject o{
        {QStringLiteral("measurement"), QString(c.measurement.name)},
        {QStringLiteral("unit"), c.measurement.unit},
        {QStringLiteral("chart"), c.measurement.counts ? QStringLiteral("c") : QStringLiteral("individuals")},
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
