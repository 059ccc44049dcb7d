// SpcQuery on a real database: the values of a measurement read from the event log in recording
// order, voided events left out, filtered by model, station and time; limits per product; the
// alarm list; an unknown measurement refused.
#include "TestDatabase.h"
#include "reports/SpcQuery.h"
#include "storage/LimitStore.h"
#include "storage/StationRegistry.h"

#include <QJsonArray>
#include <QTest>

#include <algorithm>

using namespace rework;

namespace {

Recorded ok(const Result<Recorded>& r)
{
    if (!r)
        qFatal("setup: %s", qPrintable(r.error().oneLine()));
    return r.value();
}

QList<double> valuesOf(const SpcQuery::Chart& c)
{
    QList<double> v;
    for (const SpcQuery::Point& p : c.points)
        v << p.value;
    return v;
}

} // namespace

class TestSpcQuery : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> t;
    int cards = 0;
    QStringList inspections; // event ids of the valid void_pct values, in order
    QDateTime afterSecond;

    QString unit(const QString& model = QStringLiteral("RTX4090"))
    {
        ++cards;
        return t->mountedUnit(QStringLiteral("CARDS%1").arg(cards, 4, 10, QLatin1Char('0')),
                              QStringLiteral("BRDS%1").arg(cards, 4, 10, QLatin1Char('0')), model);
    }
    Recorded inspect(const QString& u, const QString& voidPct)
    {
        return ok(t->record(Step::Inspect, {"unit=" + u, "result=pass", "void_pct=" + voidPct}));
    }

private slots:
    void initTestCase()
    {
        t = std::make_unique<test::TestDatabase>();
        QVERIFY(StationRegistry(t->db().connection(), t->clock())
                    .addStation(QStringLiteral("INSPECT-2"), QStringLiteral("inspect"))
                    .ok());
        inspections << inspect(unit(), "10.5").event.id;
        inspections << inspect(unit(QStringLiteral("RTX3090")), "12").event.id;
        afterSecond = t->clock().now().addSecs(1); // the second was recorded at now
        // An inspection without the measurement is no value.
        ok(t->record(Step::Inspect, {"unit=" + unit(), "result=pass"}));
        inspections << inspect(unit(), "8").event.id;
        // At the second inspection station, recorded through the core as that station would.
        const QString u4 = unit();
        t->clock().advanceSeconds(60);
        Result<Recorded> at2 =
            t->recorder().record(Action{Step::Inspect, QStringLiteral("INSPECT-2"), QStringLiteral("OP1"),
                                        QJsonObject{{QStringLiteral("unit"), u4},
                                                    {QStringLiteral("result"), QStringLiteral("pass")},
                                                    {QStringLiteral("void_pct"), 11.0}}});
        QVERIFY2(at2.ok(), at2.ok() ? "" : qPrintable(at2.error().oneLine()));
        inspections << at2.value().event.id;
        // A value recorded, then voided: it no longer counts.
        const QString voided = inspect(unit(), "13").event.id;
        ok(t->record(Step::Void, {"event=" + voided, "reason=wrong unit"}, QStringLiteral("SUP1")));
    }

    void readsValidValuesInRecordingOrder()
    {
        auto c = SpcQuery(t->db().connection()).chart(QStringLiteral("void_pct"), {});
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().oneLine()));
        QCOMPARE(valuesOf(c.value()), (QList<double>{10.5, 12, 8, 11}));
        QStringList ids;
        for (const SpcQuery::Point& p : c->points)
            ids << p.eventId;
        QCOMPARE(ids, inspections);
        QCOMPARE(c->points.at(3).station, QStringLiteral("INSPECT-2"));
        QVERIFY(c->points.at(0).at < c->points.at(1).at);
        QCOMPARE(c->chart.n(), qsizetype(4));
        QCOMPARE(c->chart.mean(), (10.5 + 12 + 8 + 11) / 4);
        QCOMPARE(c->measurement.unit, QStringLiteral("%"));
    }

    void filtersByModelStationAndTime()
    {
        const SpcQuery q(t->db().connection());
        auto model = q.chart(QStringLiteral("void_pct"), {QStringLiteral("RTX3090"), {}, {}, {}});
        QVERIFY(model.ok());
        QCOMPARE(valuesOf(model.value()), QList<double>{12});
        auto other = q.chart(QStringLiteral("void_pct"), {QStringLiteral("RTX4090"), {}, {}, {}});
        QCOMPARE(valuesOf(other.value()), (QList<double>{10.5, 8, 11}));
        auto station = q.chart(QStringLiteral("void_pct"), {{}, QStringLiteral("INSPECT-2"), {}, {}});
        QCOMPARE(valuesOf(station.value()), QList<double>{11});
        auto since = q.chart(QStringLiteral("void_pct"), {{}, {}, afterSecond, {}});
        QCOMPARE(valuesOf(since.value()), (QList<double>{8, 11}));
        auto until = q.chart(QStringLiteral("void_pct"), {{}, {}, {}, afterSecond});
        QCOMPARE(valuesOf(until.value()), (QList<double>{10.5, 12}));
        auto none = q.chart(QStringLiteral("void_pct"), {QStringLiteral("RTX4090D"), {}, {}, {}});
        QCOMPARE(none->chart.n(), qsizetype(0));
        QVERIFY(!none->cpkReason.isEmpty());
    }

    void specificationFromTheLimitsPerProduct()
    {
        const SpcQuery q(t->db().connection());
        auto all = q.chart(QStringLiteral("void_pct"), {});
        QCOMPARE(all->limitName, QStringLiteral("inspect.void_pct"));
        QVERIFY(!all->chart.spec().lsl);
        QCOMPARE(*all->chart.spec().usl, 25.0);
        // One-sided: Cpk is the upper index, Cp needs both limits and says so.
        QCOMPARE(*all->chart.cpk(), (25.0 - all->chart.mean()) / (3 * all->chart.sigma()));
        QVERIFY(!all->chart.cp());
        QVERIFY(!all->cpReason.isEmpty());

        QVERIFY(LimitStore(t->db().connection(), t->clock())
                    .setLimit(QStringLiteral("inspect.void_pct"), QStringLiteral("RTX4090"), 1.0, 20.0,
                              t->admin())
                    .ok());
        auto own = q.chart(QStringLiteral("void_pct"), {QStringLiteral("RTX4090"), {}, {}, {}});
        QCOMPARE(*own->chart.spec().usl, 20.0);
        QCOMPARE(*own->chart.spec().lsl, 1.0);
        QVERIFY(own->chart.cp());
        QCOMPARE(*q.chart(QStringLiteral("void_pct"), {})->chart.spec().usl, 25.0);

        // No limit row at all: the chart, and Cpk missing with the reason.
        auto gflops = q.chart(QStringLiteral("burnin_gflops"), {});
        QVERIFY(gflops.ok());
        QVERIFY(gflops->limitName.isEmpty());
        QVERIFY(!gflops->chart.cpk());
    }

    void readsMountFiguresWithTheAlloysLimit()
    {
        ++cards;
        const QString card = QStringLiteral("CARDS%1").arg(cards, 4, 10, QLatin1Char('0'));
        ok(t->record(Step::Intake, {"card=" + card, "model=RTX4090", "lot=LOT-1"}));
        const QString die = ok(t->record(Step::Strip, {"card=" + card})).createdId();
        ok(t->record(Step::Reball, {"die=" + die}));
        ok(t->record(Step::Mount, {"die=" + die, "board=BRDP0001", "peak_c=241.5", "tal_s=75"}));
        auto peak = SpcQuery(t->db().connection()).chart(QStringLiteral("peak_c"), {});
        QVERIFY(peak.ok());
        QCOMPARE(valuesOf(peak.value()), QList<double>{241.5});
        QCOMPARE(peak->limitName, QStringLiteral("mount.peak_c.sac305"));
        QCOMPARE(*peak->chart.spec().lsl, 230.0);
        auto tal = SpcQuery(t->db().connection())
                       .chart(QStringLiteral("tal_s"), {QStringLiteral("RTX4090"), {}, {}, {}});
        QCOMPARE(valuesOf(tal.value()), QList<double>{75});
    }

    void refusesAnUnknownMeasurementNamingTheKnownOnes()
    {
        auto c = SpcQuery(t->db().connection()).chart(QStringLiteral("voids"), {});
        QVERIFY(!c.ok());
        QCOMPARE(c.error().code, ErrorCode::UnknownField);
        for (const SpcQuery::Measurement& m : SpcQuery::measurements())
            QVERIFY2(c.error().message.contains(m.name), qPrintable(c.error().message));
        QVERIFY(c.error().message.contains(QStringLiteral("voids")));
    }

    void alarmsListTheNewestRuleBreaks()
    {
        // A line of its own: 24 steady values, then one far out.
        auto fresh = std::make_unique<test::TestDatabase>();
        std::swap(t, fresh);
        const QDateTime start = t->clock().now();
        for (int i = 0; i < 24; ++i)
            inspect(unit(), i % 2 == 0 ? "10.5" : "9.5");
        const QString out = inspect(unit(), "20").event.id;
        const SpcQuery q(t->db().connection());
        auto alarms = q.alarms({}, start);
        QVERIFY(alarms.ok());
        QVERIFY(!alarms->isEmpty());
        QCOMPARE(alarms->first().measurement, QStringLiteral("void_pct"));
        QCOMPARE(alarms->first().rule, 1);
        QCOMPARE(alarms->first().point.eventId, out);
        for (const SpcQuery::Alarm& a : alarms.value())
            QCOMPARE(a.measurement, QStringLiteral("void_pct")); // the other measurements have < 20 values
        // Fewer values than asked for: no alarm at all.
        QVERIFY(q.alarms({}, start, 25, 30)->isEmpty());
        // Each alarm is that of its product's chart at its station, figure for figure: the
        // alarm list reads numbers only, the chart every point.
        SpcFilter since;
        since.from = start;
        for (const SpcQuery::Alarm& a : alarms.value()) {
            SpcFilter one = since;
            one.model = a.model;
            one.station = a.point.station;
            auto c = q.chart(a.measurement, one);
            QVERIFY(c.ok());
            QCOMPARE(a.ucl, c->chart.ucl());
            QCOMPARE(a.lcl, c->chart.lcl());
            const auto p = std::find_if(c->points.cbegin(), c->points.cend(), [&](const SpcQuery::Point& x) {
                return x.eventId == a.point.eventId;
            });
            QVERIFY(p != c->points.cend());
            QCOMPARE(a.point.at, p->at);
            QCOMPARE(a.point.value, p->value);
            QCOMPARE(a.point.rules, p->rules);
            QVERIFY(p->rules.contains(a.rule));
        }
        // The dashboard's panel has the same alarms whichever chart it shows.
        for (const char* shown : {"void_pct", "peak_c"}) {
            auto panel = q.panel(QString::fromLatin1(shown), since);
            QVERIFY(panel.ok());
            QCOMPARE(panel->alarms.size(), alarms->size());
            for (qsizetype i = 0; i < alarms->size(); ++i)
                QCOMPARE(panel->alarms.at(i).point.eventId, alarms->at(i).point.eventId);
        }
        std::swap(t, fresh);
    }

    /// Two stations inspect with different centres: charted together, a shift at one hides in
    /// the spread between them; the alarm list charts each station on its own and finds it.
    void eachStationIsItsOwnChart()
    {
        auto fresh = std::make_unique<test::TestDatabase>();
        std::swap(t, fresh);
        QVERIFY(StationRegistry(t->db().connection(), t->clock())
                    .addStation(QStringLiteral("INSPECT-2"), QStringLiteral("inspect"))
                    .ok());
        const QDateTime start = t->clock().now();
        const auto at = [&](const QString& station, double voidPct) {
            t->clock().advanceSeconds(60);
            Result<Recorded> r =
                t->recorder().record(Action{Step::Inspect, station, QStringLiteral("OP1"),
                                            QJsonObject{{QStringLiteral("unit"), unit()},
                                                        {QStringLiteral("result"), QStringLiteral("pass")},
                                                        {QStringLiteral("void_pct"), voidPct}}});
            if (!r)
                qFatal("inspect: %s", qPrintable(r.error().oneLine()));
            return r.value().event.id;
        };
        for (int i = 0; i < 24; ++i) {
            at(QStringLiteral("INSPECT-1"), i % 2 == 0 ? 10.5 : 9.5);
            at(QStringLiteral("INSPECT-2"), i % 2 == 0 ? 20.5 : 19.5);
        }
        const QString shifted = at(QStringLiteral("INSPECT-1"), 14);
        const SpcQuery q(t->db().connection());
        SpcFilter since;
        since.from = start;
        auto mixed = q.chart(QStringLiteral("void_pct"), since);
        QVERIFY(mixed.ok());
        QVERIFY(mixed->points.last().rules.isEmpty()); // inside the two stations' spread
        auto alarms = q.alarms({}, start);
        QVERIFY(alarms.ok());
        QVERIFY(!alarms->isEmpty());
        QCOMPARE(alarms->first().point.eventId, shifted);
        QCOMPARE(alarms->first().rule, 1);
        QCOMPARE(alarms->first().point.station, QStringLiteral("INSPECT-1"));
        QCOMPARE(alarms->first().model, QStringLiteral("RTX4090"));
        QVERIFY(mixed->chart.ucl() > 20);
        QVERIFY(alarms->first().ucl < 14); // INSPECT-1's own limits
        std::swap(t, fresh);
    }

    /// Leaded and lead-free mounts peak 25 °C apart: each alloy is its own chart in the alarm list.
    void eachAlloyIsItsOwnPeakChart()
    {
        auto fresh = std::make_unique<test::TestDatabase>();
        std::swap(t, fresh);
        const QDateTime start = t->clock().now();
        const auto mount = [&](const char* alloy, double peak) {
            ++cards;
            const QString card = QStringLiteral("CARDA%1").arg(cards, 4, 10, QLatin1Char('0'));
            ok(t->record(Step::Intake, {"card=" + card, "model=RTX4090", "lot=LOT-1"}));
            const QString die = ok(t->record(Step::Strip, {"card=" + card})).createdId();
            ok(t->record(Step::Reball, {"die=" + die, QStringLiteral("alloy=") + QLatin1StringView(alloy)}));
            return ok(t->record(Step::Mount,
                                {"die=" + die,
                                 QStringLiteral("board=BRDA%1").arg(cards, 4, 10, QLatin1Char('0')),
                                 "peak_c=" + QString::number(peak)}))
                .event.id;
        };
        for (int i = 0; i < 22; ++i) {
            mount("sac305", i % 2 == 0 ? 240.5 : 239.5);
            mount("sn63pb37", i % 2 == 0 ? 215.5 : 214.5);
        }
        const QString hot = mount("sn63pb37", 222); // inside its limit (205..225), not its process
        auto alarms = SpcQuery(t->db().connection()).alarms({}, start);
        QVERIFY(alarms.ok());
        QVERIFY(!alarms->isEmpty());
        QCOMPARE(alarms->first().measurement, QStringLiteral("peak_c"));
        QCOMPARE(alarms->first().point.eventId, hot);
        QCOMPARE(alarms->first().alloy, QStringLiteral("sn63pb37"));
        QVERIFY(alarms->first().ucl < 222);
        std::swap(t, fresh);
    }

    void jsonHasTheFigures()
    {
        auto c = SpcQuery(t->db().connection()).chart(QStringLiteral("void_pct"), {});
        const QJsonObject o = SpcQuery::toJson(c.value(), 2);
        QCOMPARE(o.value(QStringLiteral("n")).toInteger(), 4);
        QCOMPARE(o.value(QStringLiteral("points")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("points_left_out")).toInteger(), 2);
        QVERIFY(o.value(QStringLiteral("cp")).isNull());
        QVERIFY(o.contains(QStringLiteral("cp_reason")));
        QVERIFY(o.value(QStringLiteral("cpk")).isDouble());
        QVERIFY(!o.contains(QStringLiteral("cpk_reason")));
        QCOMPARE(o.value(QStringLiteral("violations")).toArray().size(), 4);
        QCOMPARE(o.value(QStringLiteral("chart")).toString(), QStringLiteral("individuals"));
    }
};

QTEST_GUILESS_MAIN(TestSpcQuery)
#include "TestSpcQuery.moc"
