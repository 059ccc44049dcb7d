#pragma once

namespace rework {

/// A count axis from 0: about four steps of 1, 2 or 5 times a power of ten (never a tick between
/// two whole numbers) and room above the tallest bar. Shared by the dashboard's charts and the
/// printed report's, so that both read the same.
struct CountScale
{
    double step = 1;
    double top = 1;

    static CountScale forMaximum(double maximum);
};

} // namespace rework
