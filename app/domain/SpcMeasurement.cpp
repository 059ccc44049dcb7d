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
         QStringLiteral("inspect.void_pct")},
        {payload::PeakC,
         {QStringLiteral("mount"), QStringLiteral("reball")},
         QStringLiteral("°C"),
         QStringLiteral("mount.peak_c.%1")},
        {payload::TalS,
         {QStringLiteral("mount"), QStringLiteral("reball")},
         QStringLiteral("s"),
         QStringLiteral("mount.tal_s")},
        {payload::TempMaxC,
         {QStringLiteral("test")},
         QStringLiteral("°C"),
         QStringLiteral("test.temp_max_c")},
        {payload::BurninGflops,
         {QStringLiteral("test")},
         QStringLiteral("Gflop/s"),
         QStringLiteral("test.burnin_gflops")},
        {payload::BurninMin,
         {QStringLiteral("test")},
         QStringLiteral("min"),
         QStringLiteral("test.burnin_min")},
        {payload::VramErrors, {QStringLiteral("test")}, QString(), QStringLiteral("test.vram_errors")},
    };
    return measurements;
}

} // namespace rework
