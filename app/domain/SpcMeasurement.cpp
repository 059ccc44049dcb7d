#include "SpcMeasurement.h"

#include "EventPayload.h"

namespace rework {

const QList<SpcMeasurement>& SpcMeasurement::all()
{
    // Reball records peak and TAL where a profile log is imported there; the burn-in figures are
    // flat numeric keys of the test event.
    static const QList<SpcMeasurement> measurements{
        {payload::VoidPct,
         {QStringLiteral("inspect")},
         QStringLiteral("%"),
         QStringLiteral("inspect.void_pct"),
         false,
         true},
        {payload::PeakC,
         {QStringLiteral("mount"), QStringLiteral("reball")},
         QStringLiteral("°C"),
         QStringLiteral("mount.peak_c.%1")},
        {payload::TalS,
         {QStringLiteral("mount"), QStringLiteral("reball")},
         QStringLiteral("s"),
         QStringLiteral("mount.tal_s"),
         false,
         true},
        {payload::TempMaxC,
         {QStringLiteral("test")},
         QStringLiteral("°C"),
         QStringLiteral("test.temp_max_c")},
        {payload::BurninGflops,
         {QStringLiteral("test")},
         QStringLiteral("Gflop/s"),
         QStringLiteral("test.burnin_gflops"),
         false,
         true},
        {payload::BurninMin,
         {QStringLiteral("test")},
         QStringLiteral("min"),
         QStringLiteral("test.burnin_min"),
         false,
         true},
        {payload::VramErrors,
         {QStringLiteral("test")},
         QString(),
         QStringLiteral("test.vram_errors"),
         true,
         true},
    };
    return measurements;
}

} // namespace rework
