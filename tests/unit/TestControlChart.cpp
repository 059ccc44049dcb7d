// ControlChart: the I-MR figures checked against the truth of generated data and against a plain
// computation written here; the Western Electric rules on injected patterns; Cp/Cpk.
#include "reports/ControlChart.h"

#include <QTest>

#include <cmath>
#include <cstdint>
#include <numbers>

using namespace rework;

namespace {

/// Normal values from a fixed seed, by Box-Muller over a 64-bit LCG: the same numbers on every
/// platform (std::normal_distribution is not specified bit for bit).
QList<double> normalValues(qsizetype n, double mean, double sigma, std::uint64_t seed = 20261130)
{
    std::uint64_t state = seed;
    const auto uniform = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return (static_cast<double>(state >> 11) + 0.5) / 9007199254740992.0; // (0, 1)
    };
    QList<double> values;
    while (values.size() < n) {
        const double r = std::sqrt(-2 * std::log(uniform()));
        const double t = 2 * std::numbers::pi * uniform();
        values << mean + sigma * r * std::cos(t);
        if (values.size() < n)
            values << mean + sigma * r * std::sin(t);
    }
    return values;
}

/// The rules written out the way a textbook states them, on z-scores, window by window.
QList<QList<int>> plainRules(const QList<double>& x, double centre, double sigma)
{
    const qsizetype n = x.size();
    QList<double> z(n);
    for (qsizetype i = 0; i < n; ++i)
        z[i] = (x[i] - centre) / sigma;
    QList<QList<int>> out(n);
    for (qsizetype i = 0; i < n; ++i) {
        if (std::abs(z[i]) > 3)
            out[i] << 1;
        bool two = false, three = false, four = false;
        for (int s : {1, -1}) {
            int beyond2 = 0, beyond1 = 0, sameSide = 0;
            for (qsizetype j = i - 2; j <= i; ++j)
                beyond2 += (j >= 0 && s * z[j] > 2) ? 1 : 0;
            for (qsizetype j = i - 4; j <= i; ++j)
                beyond1 += (j >= 0 && s * z[j] > 1) ? 1 : 0;
            for (qsizetype j = i - 7; j <= i; ++j)
                sameSide += (j >= 0 && s * z[j] > 0) ? 1 : 0;
            two = two || (s * z[i] > 2 && beyond2 >= 2);
            three = three || (s * z[i] > 1 && beyond1 >= 4);
            four = four || sameSide == 8;
        }
        if (two)
            out[i] << 2;
        if (three)
            out[i] << 3;
        if (four)
            out[i] << 4;
    }
    return out;
}

/// ±0.5 about 0, alternating: inside 1σ and never twice on one side, so it breaks no rule; then
/// one pattern per rule injected at known places.
QList<double> patterned()
{
    QList<double> v(300);
    for (qsizetype i = 0; i < v.size(); ++i)
        v[i] = i % 2 == 0 ? 0.5 : -0.5;
    v[50] = 4.0; // rule 1 at 50
    for (qsizetype i = 100; i <= 107; ++i)
        v[i] = 0.5; // 8 in a row above (99 and 108 below): rule 4 at 107
    v[108] = -0.5;
    v[150] = v[152] = 2.5;                   // 2 of 3 beyond 2σ: rule 2 at 152
    v[200] = v[201] = v[203] = v[204] = 1.5; // 4 of 5 beyond 1σ: rule 3 at 204
    return v;
}

QMap<qsizetype, QList<int>> marked(const QList<QList<int>>& rules)
{
    QMap<qsizetype, QList<int>> m;
    for (qsizetype i = 0; i < rules.size(); ++i) {
        if (!rules[i].isEmpty())
            m.insert(i, rules[i]);
    }
    return m;
}

const QMap<qsizetype, QList<int>> kExpected{{50, {1}}, {107, {4}}, {152, {2}}, {204, {3}}};

} // namespace

class TestControlChart : public QObject
{
    Q_OBJECT

private slots:
    void estimatesKnownMeanAndSigma()
    {
        const double mu = 50, sigma = 2;
        const QList<double> x = normalValues(2000, mu, sigma);
        const ControlChart c = ControlChart::compute(x);
        QCOMPARE(c.n(), qsizetype(2000));
        // 4 standard errors of the mean; the MR estimate of σ is within a few per cent at n = 2000.
        QVERIFY2(std::abs(c.mean() - mu) < 4 * sigma / std::sqrt(2000.0),
                 qPrintable(QString::number(c.mean())));
        QVERIFY2(std::abs(c.sigma() / sigma - 1) < 0.06, qPrintable(QString::number(c.sigma())));
    }

    void agreesWithAPlainComputation()
    {
        const QList<double> x = normalValues(2000, 10, 0.7, 7);
        double sum = 0;
        for (double v : x)
            sum += v;
        const double mean = sum / 2000;
        double mr = 0;
        for (qsizetype i = 1; i < x.size(); ++i)
            mr += std::abs(x[i] - x[i - 1]);
        const double mrBar = mr / 1999;
        const double sigma = mrBar / 1.128;
        const ControlChart c = ControlChart::compute(x, {9.0, 12.0});
        QCOMPARE(c.mean(), mean);
        QCOMPARE(c.mrBar(), mrBar);
        QCOMPARE(c.sigma(), sigma);
        QCOMPARE(c.ucl(), mean + 3 * sigma);
        QCOMPARE(c.lcl(), mean - 3 * sigma);
        QCOMPARE(c.mrUcl(), 3.267 * mrBar);
        QCOMPARE(*c.cp(), 3.0 / (6 * sigma));
        QCOMPARE(*c.cpk(), std::min(12.0 - mean, mean - 9.0) / (3 * sigma));
        // Every point's rules as the textbook states them.
        QCOMPARE(c.rules(), plainRules(x, mean, sigma));
    }

    void stableSeriesRarelyBreaksRuleOne()
    {
        // 0.27 % of a normal process lies beyond 3σ: about 5 of 2000; 15 would be a broken rule.
        for (std::uint64_t seed : {1ULL, 2ULL, 3ULL}) {
            const ControlChart c = ControlChart::compute(normalValues(2000, 0, 1, seed));
            QVERIFY2(c.violations(1) <= 15, qPrintable(QString::number(c.violations(1))));
        }
    }

    void injectedPatternsBreakExactlyTheirRules()
    {
        // Against a known centre and σ ...
        QCOMPARE(marked(ControlChart::rulesBroken(patterned(), 0, 1)), kExpected);
        // ... and with both estimated from the values themselves.
        const ControlChart c = ControlChart::compute(patterned());
        QCOMPARE(marked(c.rules()), kExpected);
        QCOMPARE(c.violations(1), qsizetype(1));
        QCOMPARE(c.violations(4), qsizetype(1));
    }

    void longerRunsAndBothSides()
    {
        QList<double> v(30, 0.0);
        for (qsizetype i = 0; i < 10; ++i)
            v[i] = -0.2; // 10 below: rule 4 at 7, 8, 9
        v[20] = -2.5;
        v[22] = -2.6; // below: rule 2 at 22
        const auto m = marked(ControlChart::rulesBroken(v, 0, 1));
        QCOMPARE(m.value(7), QList<int>{4});
        QCOMPARE(m.value(9), QList<int>{4});
        QCOMPARE(m.value(22), QList<int>{2});
        QCOMPARE(m.size(), qsizetype(4));
        // 2 beyond 2σ but on opposite sides is no pattern.
        QList<double> w(10, 0.0);
        w[3] = 2.5;
        w[4] = -2.5;
        QVERIFY(marked(ControlChart::rulesBroken(w, 0, 1)).isEmpty());
    }

    void cpkOfACentredProcessAtFourSigma()
    {
        // Known σ exactly: ±a alternating has MR̄ = 2a, so σ = 2a / 1.128 and the mean is 0.
        QList<double> v(1000);
        for (qsizetype i = 0; i < v.size(); ++i)
            v[i] = i % 2 == 0 ? 1.0 : -1.0;
        const double sigma = 2.0 / 1.128;
        const ControlChart exact = ControlChart::compute(v, {-4 * sigma, 4 * sigma});
        QCOMPARE(exact.sigma(), sigma);
        QVERIFY(std::abs(*exact.cpk() - 4.0 / 3.0) < 1e-9);
        QVERIFY(std::abs(*exact.cp() - 4.0 / 3.0) < 1e-9);
        // Generated: a centred normal process, limits at ±4 true σ.
        const ControlChart c = ControlChart::compute(normalValues(2000, 100, 2), {92.0, 108.0});
        QVERIFY2(std::abs(*c.cpk() - 4.0 / 3.0) < 0.1, qPrintable(QString::number(*c.cpk())));
    }

    void capabilityGapsSayWhy()
    {
        const QList<double> x = normalValues(50, 10, 1);
        const ControlChart upperOnly = ControlChart::compute(x, {std::nullopt, 14.0});
        QVERIFY(!upperOnly.cp());
        QCOMPARE(upperOnly.cpGap(), ControlChart::Gap::OneSpecLimit);
        QCOMPARE(*upperOnly.cpk(), (14.0 - upperOnly.mean()) / (3 * upperOnly.sigma()));

        const ControlChart none = ControlChart::compute(x);
        QVERIFY(!none.cp() && !none.cpk());
        QCOMPARE(none.cpkGap(), ControlChart::Gap::NoSpecLimits);

        const ControlChart flat = ControlChart::compute(QList<double>(30, 0.0), {0.0, 1.0});
        QCOMPARE(flat.sigma(), 0.0);
        QVERIFY(!flat.cpk());
        QCOMPARE(flat.cpkGap(), ControlChart::Gap::ZeroSigma);
        QVERIFY(marked(flat.rules()).isEmpty());

        const ControlChart one = ControlChart::compute({3.0}, {0.0, 5.0});
        QVERIFY(!one.hasLimits());
        QCOMPARE(one.cpkGap(), ControlChart::Gap::TooFewPoints);
        QVERIFY(!ControlChart::gapText(ControlChart::Gap::ZeroSigma).isEmpty());
    }

    void countsAreAPoissonChartStoppedAtZero()
    {
        // VRAM errors per test: mostly 0, now and then one. Poisson counts of known mean by
        // Knuth's method over the same fixed generator as normalValues.
        std::uint64_t state = 7;
        const auto uniform = [&] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return (static_cast<double>(state >> 11) + 0.5) / 9007199254740992.0;
        };
        const auto poisson = [&](double lambda, qsizetype n) {
            QList<double> x;
            for (qsizetype i = 0; i < n; ++i) {
                int k = 0;
                for (double p = uniform(); p > std::exp(-lambda); p *= uniform())
                    ++k;
                x << k;
            }
            return x;
        };
        ControlChart::Model counts;
        counts.counts = true;
        counts.floor = 0.0;
        const QList<double> rare = poisson(0.05, 2000);
        const ControlChart c = ControlChart::compute(rare, {}, counts);
        QVERIFY2(std::abs(c.mean() - 0.05) < 0.02, qPrintable(QString::number(c.mean())));
        QCOMPARE(c.sigma(), std::sqrt(c.mean()));
        QCOMPARE(c.lcl(), 0.0);
        QCOMPARE(c.ucl(), c.mean() + 3 * std::sqrt(c.mean()));
        // Every error breaks rule 1 (it is above c̄ + 3√c̄ < 1), and no zero breaks anything:
        // the long runs of zeros below the centre are the process working.
        qsizetype errors = 0;
        for (qsizetype i = 0; i < rare.size(); ++i) {
            errors += rare.at(i) > 0 ? 1 : 0;
            if (rare.at(i) > 0)
                QVERIFY(c.rules().at(i).contains(1));
            else
                QVERIFY(c.rules().at(i).isEmpty());
        }
        QVERIFY(errors > 50);
        // Read as individuals, the same counts would mark every run of zeros as well.
        QVERIFY(ControlChart::compute(rare).violations(4) > 100);

        // Many errors per item: the lower limit is above 0, but fewer errors than usual is never
        // an alarm (a card tested clean after a run of bad ones is good news); more still is.
        const QList<double> many = poisson(16, 500);
        const ControlChart m = ControlChart::compute(many, {}, counts);
        QVERIFY2(std::abs(m.sigma() - 4.0) < 0.2, qPrintable(QString::number(m.sigma())));
        QVERIFY(m.lcl() > 0);
        QList<double> low = many;
        low.append(0.0);
        QVERIFY(ControlChart::compute(low, {}, counts).rules().last().isEmpty());
        QList<double> high = many;
        high.append(m.ucl() + 10);
        QCOMPARE(ControlChart::compute(high, {}, counts).rules().last(), QList<int>{1});
    }

    void aLowerLimitBelowTheFloorIsDrawnAtIt()
    {
        // Void % near 0: mean - 3 sigma is negative, a value that cannot be.
        const QList<double> x = normalValues(200, 2, 1.5);
        ControlChart::Model percent;
        percent.floor = 0.0;
        const ControlChart floored = ControlChart::compute(x, {}, percent);
        const ControlChart plain = ControlChart::compute(x);
        QVERIFY(plain.lcl() < 0);
        QCOMPARE(floored.lcl(), 0.0);
        QCOMPARE(floored.ucl(), plain.ucl());
        QCOMPARE(floored.rules(), plain.rules()); // the rules stay those of the normal chart
    }
};

QTEST_GUILESS_MAIN(TestControlChart)
#include "TestControlChart.moc"
