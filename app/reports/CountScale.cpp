#include "CountScale.h"

#include <cmath>
#include <initializer_list>

namespace rework {

CountScale CountScale::forMaximum(double maximum)
{
    double step = 1;
    for (double magnitude = 1; step * 4 < maximum; magnitude *= 10) {
        for (double m : {1.0, 2.0, 5.0}) {
            step = m * magnitude;
            if (step * 4 >= maximum)
                break;
        }
    }
    return {step, std::ceil((maximum * 1.1 + 0.5) / step) * step};
}

} // namespace rework
