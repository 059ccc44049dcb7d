#include "ReflowProfile.h"

#include <algorithm>
#include <cmath>

namespace rework {
namespace {

struct Alloy
{
    const char* name;
    double liquidusC;
};

constexpr Alloy kAlloys[] = {
    {"SAC305", 217},   {"SAC405", 217},      {"SAC387", 217},   {"SN100C", 227},
    {"Sn63Pb37", 183}, {"Sn62Pb36Ag2", 179}, {"Sn42Bi58", 138},
};

QString key(const QString& alloy)
{
    QString k;
    for (QChar c : alloy) {
        if (c.isLetterOrNumber())
            k += c.toUpper();
    }
    if (k == QLatin1StringView("SN63PB37") || k == QLatin1StringView("63PB37") ||
        k == QLatin1StringView("PB37") || k == QLatin1StringView("SNPB") || k == QLatin1StringView("6337"))
        return QStringLiteral("SN63PB37");
    return k;
}

/// A 3-sample running median: a thermocouple amplifier's single-sample glitch goes, a trend stays.
QList<double> median3(const QList<double>& v)
{
    QList<double> out = v;
    for (qsizetype i = 1; i + 1 < v.size(); ++i) {
        double a = v.at(i - 1), b = v.at(i), c = v.at(i + 1);
        out[i] = std::max(std::min(a, b), std::min(std::max(a, b), c));
    }
    return out;
}

/// The steepest rise and fall of least-squares slopes over windows of `window` seconds, each
/// starting at a sample; the fall only among windows that start at or after `fallFrom`. Prefix
/// sums make it linear in the samples, whatever the logger's rate.
std::pair<double, double> steepest(const QList<double>& t, const QList<double>& y, double window,
                                   qsizetype fallFrom)
{
    const qsizetype n = t.size();
    if (n < 3)
        return {0, 0};
    const double t0 = t.first();
    QList<double> sx(n + 1, 0), sy(n + 1, 0), sxx(n + 1, 0), sxy(n + 1, 0);
    for (qsizetype i = 0; i < n; ++i) {
        const double x = t.at(i) - t0;
        sx[i + 1] = sx[i] + x;
        sy[i + 1] = sy[i] + y.at(i);
        sxx[i + 1] = sxx[i] + x * x;
        sxy[i + 1] = sxy[i] + x * y.at(i);
    }
    // A log shorter than the window has one window: the whole log.
    const double span = t.last() - t0;
    const double w = std::min(window, span);
    double rise = 0, fall = 0;
    qsizetype j = 0;
    for (qsizetype i = 0; i < n; ++i) {
        // The window: from sample i to the first sample at least `w` later.
        j = std::max(j, i);
        while (j + 1 < n && t.at(j) - t.at(i) < w - 1e-9)
            ++j;
        if (t.at(j) - t.at(i) < w - 1e-9)
            break; // the windows left are shorter than asked
        const double k = static_cast<double>(j - i + 1);
        if (k < 3)
            continue;
        const double ssx = sx[j + 1] - sx[i], ssy = sy[j + 1] - sy[i];
        const double ssxx = sxx[j + 1] - sxx[i], ssxy = sxy[j + 1] - sxy[i];
        const double den = k * ssxx - ssx * ssx;
        if (den <= 0)
            continue;
        const double slope = (k * ssxy - ssx * ssy) / den;
        rise = std::max(rise, slope);
        if (i >= fallFrom)
            fall = std::max(fall, -slope);
    }
    return {rise, fall};
}

} // namespace

double ReflowProfile::timeAbove(const ProfileCurve& curve, double level, qsizetype from, qsizetype to)
{
    const QList<double>& t = curve.seconds;
    const QList<double>& c = curve.celsius;
    if (to < 0 || to >= t.size())
        to = t.size() - 1;
    double total = 0;
    for (qsizetype i = std::max<qsizetype>(from, 0) + 1; i <= to; ++i) {
        const double a = c.at(i - 1), b = c.at(i), dt = t.at(i) - t.at(i - 1);
        if (a >= level && b >= level)
            total += dt;
        else if (a < level && b >= level)
            total += dt * (b - level) / (b - a);
        else if (a >= level && b < level)
            total += dt * (a - level) / (a - b);
    }
    return total;
}

ProfileFigures ReflowProfile::figures(const ProfileCurve& curve, double liquidusC, double rateWindowS)
{
    ProfileFigures f;
    f.channel = curve.channel;
    f.liquidusC = liquidusC;
    f.samples = static_cast<int>(curve.seconds.size());
    if (curve.seconds.isEmpty())
        return f;
    const auto peakAt =
        std::max_element(curve.celsius.cbegin(), curve.celsius.cend()) - curve.celsius.cbegin();
    f.peakC = curve.celsius.at(peakAt);
    f.timeToPeakS = curve.seconds.at(peakAt) - curve.seconds.first();
    f.durationS = curve.seconds.last() - curve.seconds.first();
    f.timeAboveLiquidusS = timeAbove(curve, liquidusC);
    f.soakS = std::max(0.0, timeAbove(curve, 150, 0, peakAt) - timeAbove(curve, 200, 0, peakAt));
    const auto [rise, fall] = steepest(curve.seconds, median3(curve.celsius), rateWindowS, peakAt);
    f.rampUpCPerS = rise;
    f.coolingCPerS = fall;
    return f;
}

std::optional<double> ReflowProfile::liquidusOf(const QString& alloy)
{
    const QString k = key(alloy);
    for (const Alloy& a : kAlloys) {
        if (key(QString::fromLatin1(a.name)) == k)
            return a.liquidusC;
    }
    return std::nullopt;
}

QString ReflowProfile::alloyName(const QString& alloy)
{
    const QString k = key(alloy);
    for (const Alloy& a : kAlloys) {
        if (key(QString::fromLatin1(a.name)) == k)
            return QString::fromLatin1(a.name);
    }
    return {};
}

} // namespace rework
