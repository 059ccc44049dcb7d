#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <algorithm>
#include <optional>

namespace rework {

/// An individuals / moving-range (I-MR) control chart of values in the order they were made:
/// centre line, ±3σ limits with σ estimated from the mean moving range (MR̄/d2, d2 = 1.128), the
/// MR chart's upper limit (D4·MR̄, D4 = 3.267), the Western Electric rules per point, and Cp/Cpk
/// against specification limits. Pure: values in, figures out, no storage.
class ControlChart
{
    Q_DECLARE_TR_FUNCTIONS(ControlChart)

public:
    static constexpr double kD2 = 1.128;
    static constexpr double kD4 = 3.267;
    /// Western Electric rule 4 takes 8 points in a row on one side (Nelson's rule 2 takes 9).
    static constexpr int kRunLength = 8;

    /// The measurement's specification limits; a missing one is no bound.
    struct Spec
    {
        std::optional<double> lsl, usl;
    };

    /// Why Cp or Cpk could not be computed.
    enum class Gap
    {
        None,
        TooFewPoints, // fewer than two values: no moving range, no σ
        NoSpecLimits, // neither limit is set (Cpk), or not both (Cp)
        OneSpecLimit, // Cp needs both limits
        ZeroSigma,    // every value the same: capability is not a number
    };

    /// What the values are, for how σ is estimated and where the lower limit stops.
    struct Model
    {
        /// Counts of independent events per item (VRAM errors per test): a c chart, σ = √c̄
        /// (Poisson), not the moving range, which for mostly-zero counts is near 0. The counts
        /// are of defects, so the rules look above the centre only: fewer errors than usual (0
        /// below a centre of 9, or 8 zeros in a row) is the process working, never an alarm.
        bool counts = false;
        /// The least value there can be (0 for counts, percentages, durations): a lower control
        /// limit below it is drawn and reported at it.
        std::optional<double> floor;
    };

    /// Computes the chart of `values` with σ estimated from them (phase I).
    static ControlChart compute(const QList<double>& values, const Spec& spec, const Model& model);
    static ControlChart compute(const QList<double>& values, const Spec& spec = {})
    {
        return compute(values, spec, Model());
    }

    /// The rules each value breaks against a given centre and σ (phase II, or known limits):
    /// per value, the rule numbers (1..4) in ascending order; a value is marked when it completes
    /// a pattern and lies in it itself (rule 2: beyond 2σ; rule 3: beyond 1σ; rule 4: on that side).
    /// `upperOnly`: only departures above the centre count (counts of defects).
    static QList<QList<int>> rulesBroken(const QList<double>& values, double centre, double sigma,
                                         bool upperOnly = false);

    qsizetype n() const { return m_n; }
    /// False with fewer than two values: no σ, no limits, no rules.
    bool hasLimits() const { return m_n >= 2; }
    double mean() const { return m_mean; }
    double mrBar() const { return m_mrBar; }
    double sigma() const { return m_sigma; }
    double ucl() const { return m_mean + 3 * m_sigma; }
    double lcl() const { return m_floor ? std::max(*m_floor, m_mean - 3 * m_sigma) : m_mean - 3 * m_sigma; }
    double mrUcl() const { return kD4 * m_mrBar; }
    const Spec& spec() const { return m_spec; }
    /// Both limits needed.
    std::optional<double> cp() const { return m_cp; }
    /// The nearer limit; with one limit it is that side's index (Cpu or Cpl), as is usual for a
    /// one-sided specification such as "void % at most 25".
    std::optional<double> cpk() const { return m_cpk; }
    Gap cpGap() const { return m_cpGap; }
    Gap cpkGap() const { return m_cpkGap; }
    /// Per value, the Western Electric rules it breaks (empty: none).
    const QList<QList<int>>& rules() const { return m_rules; }
    /// How many values break `rule`.
    qsizetype violations(int rule) const;

    /// Why a figure is missing, in words.
    static QString gapText(Gap gap);

private:
    qsizetype m_n = 0;
    double m_mean = 0, m_mrBar = 0, m_sigma = 0;
    std::optional<double> m_floor;
    Spec m_spec;
    std::optional<double> m_cp, m_cpk;
    Gap m_cpGap = Gap::None, m_cpkGap = Gap::None;
    QList<QList<int>> m_rules;
};

} // namespace rework
