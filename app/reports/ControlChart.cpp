#include "ControlChart.h"

#include <algorithm>
#include <cmath>
#include <span>

namespace rework {

ControlChart ControlChart::compute(const QList<double>& values, const Spec& spec, const Model& model)
{
    ControlChart c;
    c.m_n = values.size();
    c.m_spec = spec;
    c.m_floor = model.floor;
    c.m_rules.resize(values.size());
    if (c.m_n < 2) {
        c.m_cpGap = c.m_cpkGap = Gap::TooFewPoints;
        if (c.m_n == 1)
            c.m_mean = values.first();
        return c;
    }
    double sum = 0, mrSum = 0;
    for (qsizetype i = 0; i < values.size(); ++i) {
        sum += values[i];
        if (i > 0)
            mrSum += std::abs(values[i] - values[i - 1]);
    }
    c.m_mean = sum / static_cast<double>(c.m_n);
    c.m_mrBar = mrSum / static_cast<double>(c.m_n - 1);
    c.m_sigma = model.counts ? std::sqrt(std::max(0.0, c.m_mean)) : c.m_mrBar / kD2;
    c.m_rules = rulesBroken(values, c.m_mean, c.m_sigma, model.counts);

    if (!spec.lsl && !spec.usl)
        c.m_cpGap = c.m_cpkGap = Gap::NoSpecLimits;
    else if (c.m_sigma <= 0)
        c.m_cpGap = c.m_cpkGap = Gap::ZeroSigma;
    else {
        const double threeSigma = 3 * c.m_sigma;
        std::optional<double> upper, lower;
        if (spec.usl)
            upper = (*spec.usl - c.m_mean) / threeSigma;
        if (spec.lsl)
            lower = (c.m_mean - *spec.lsl) / threeSigma;
        c.m_cpk = upper && lower ? std::min(*upper, *lower) : upper ? *upper : *lower;
        if (spec.usl && spec.lsl)
            c.m_cp = (*spec.usl - *spec.lsl) / (2 * threeSigma);
        else
            c.m_cpGap = Gap::OneSpecLimit;
    }
    return c;
}

QList<QList<int>> ControlChart::rulesBroken(const QList<double>& values, double centre, double sigma,
                                            bool upperOnly)
{
    QList<QList<int>> rules(values.size());
    // Signed distance from the centre in units of σ is avoided: with σ = 0 every departure from
    // the centre is "beyond" each zone, which the comparisons below give without dividing.
    const auto beyond = [&](qsizetype i, int side, double k) {
        return side * (values[i] - centre) > k * sigma;
    };
    const auto countBeyond = [&](qsizetype last, qsizetype window, int side, double k) {
        int count = 0;
        for (qsizetype j = std::max<qsizetype>(0, last - window + 1); j <= last; ++j)
            count += beyond(j, side, k) ? 1 : 0;
        return count;
    };
    static constexpr int kBothSides[] = {1, -1};
    const std::span<const int> sides(kBothSides, upperOnly ? 1 : 2);
    for (qsizetype i = 0; i < values.size(); ++i) {
        QList<int>& broken = rules[i];
        for (int side : sides) {
            if (beyond(i, side, 3) && !broken.contains(1))
                broken << 1;
        }
        for (int side : sides) {
            if (beyond(i, side, 2) && countBeyond(i, 3, side, 2) >= 2 && !broken.contains(2))
                broken << 2;
        }
        for (int side : sides) {
            if (beyond(i, side, 1) && countBeyond(i, 5, side, 1) >= 4 && !broken.contains(3))
                broken << 3;
        }
        for (int side : sides) {
            if (i + 1 >= kRunLength && countBeyond(i, kRunLength, side, 0) == kRunLength &&
                !broken.contains(4))
                broken << 4;
        }
    }
    return rules;
}

qsizetype ControlChart::violations(int rule) const
{
    return std::count_if(m_rules.cbegin(), m_rules.cend(),
                         [rule](const QList<int>& broken) { return broken.contains(rule); });
}

QString ControlChart::gapText(Gap gap)
{
    switch (gap) {
    case Gap::None:
        return {};
    case Gap::TooFewPoints:
        return tr("fewer than two values");
    case Gap::NoSpecLimits:
        return tr("no specification limit is set for this measurement");
    case Gap::OneSpecLimit:
        return tr("Cp needs both a lower and an upper specification limit");
    case Gap::ZeroSigma:
        return tr("every value is the same (sigma is 0)");
    }
    return {};
}

} // namespace rework
