#include "KpiTitles.h"

#include <QCoreApplication>
#include <QHash>

namespace rework::KpiTitles {

QString defect(const QString& code)
{
    // The shipped codes of migration 0002, in its words.
    static const QHash<QString, const char*> titles{
        {QStringLiteral("NO_POST"), QT_TRANSLATE_NOOP("Defect", "no POST")},
        {QStringLiteral("PHYSICAL_DAMAGE"), QT_TRANSLATE_NOOP("Defect", "physical damage")},
        {QStringLiteral("MISSING_PARTS"), QT_TRANSLATE_NOOP("Defect", "missing parts")},
        {QStringLiteral("LIQUID_DAMAGE"), QT_TRANSLATE_NOOP("Defect", "liquid damage")},
        {QStringLiteral("DIE_CHIPPED"), QT_TRANSLATE_NOOP("Defect", "die chipped")},
        {QStringLiteral("SUBSTRATE_CRACKED"), QT_TRANSLATE_NOOP("Defect", "substrate cracked")},
        {QStringLiteral("PADS_LIFTED"), QT_TRANSLATE_NOOP("Defect", "pads lifted")},
        {QStringLiteral("MEMORY_DAMAGED"), QT_TRANSLATE_NOOP("Defect", "memory damaged")},
        {QStringLiteral("MISSING_BALLS"), QT_TRANSLATE_NOOP("Defect", "missing balls")},
        {QStringLiteral("BRIDGED_BALLS"), QT_TRANSLATE_NOOP("Defect", "bridged balls")},
        {QStringLiteral("STENCIL_MISALIGNED"), QT_TRANSLATE_NOOP("Defect", "misaligned stencil")},
        {QStringLiteral("BRIDGE"), QT_TRANSLATE_NOOP("Defect", "bridge")},
        {QStringLiteral("OPEN"), QT_TRANSLATE_NOOP("Defect", "open / missing ball")},
        {QStringLiteral("VOIDS"), QT_TRANSLATE_NOOP("Defect", "voids over limit")},
        {QStringLiteral("HEAD_IN_PILLOW"), QT_TRANSLATE_NOOP("Defect", "head-in-pillow")},
        {QStringLiteral("NON_WET_OPEN"), QT_TRANSLATE_NOOP("Defect", "non-wet open")},
        {QStringLiteral("MERGED_BALLS"), QT_TRANSLATE_NOOP("Defect", "merged balls")},
        {QStringLiteral("BOARD_WARPAGE"), QT_TRANSLATE_NOOP("Defect", "board warpage")},
        {QStringLiteral("PAD_CRATERING"), QT_TRANSLATE_NOOP("Defect", "pad cratering")},
        {QStringLiteral("TOMBSTONE"), QT_TRANSLATE_NOOP("Defect", "tombstoned passive")},
        {QStringLiteral("MISALIGNED"), QT_TRANSLATE_NOOP("Defect", "die misaligned")},
        {QStringLiteral("RAIL_SHORT"), QT_TRANSLATE_NOOP("Defect", "power rail short")},
        {QStringLiteral("NOT_DETECTED"),
         QT_TRANSLATE_NOOP("Defect", "not detected / fallen off the bus (Xid 79)")},
        {QStringLiteral("PCIE_DEGRADED"), QT_TRANSLATE_NOOP("Defect", "PCIe generation or width degraded")},
        {QStringLiteral("MEMORY_SIZE"), QT_TRANSLATE_NOOP("Defect", "memory size mismatch")},
        {QStringLiteral("FAULTY_MEMORY"), QT_TRANSLATE_NOOP("Defect", "faulty memory")},
        {QStringLiteral("MEMORY_BANDWIDTH"), QT_TRANSLATE_NOOP("Defect", "memory bandwidth low")},
        {QStringLiteral("THERMAL"), QT_TRANSLATE_NOOP("Defect", "thermal / temperature violation")},
        {QStringLiteral("POWER_TARGET"), QT_TRANSLATE_NOOP("Defect", "target power not reached")},
        {QStringLiteral("GFLOPS_LOW"), QT_TRANSLATE_NOOP("Defect", "GFLOPS below threshold")},
        {QStringLiteral("NAN_VALUES"), QT_TRANSLATE_NOOP("Defect", "NaN values")},
        {QStringLiteral("XID_ERRORS"), QT_TRANSLATE_NOOP("Defect", "Xid errors")},
        {QStringLiteral("ARTIFACTS"), QT_TRANSLATE_NOOP("Defect", "artifacts")},
        {QStringLiteral("FAN_FAILURE"), QT_TRANSLATE_NOOP("Defect", "fan failure")},
        {QStringLiteral("BURNIN_ERRORS"), QT_TRANSLATE_NOOP("Defect", "burn-in errors")},
    };
    const char* title = titles.value(code);
    return title ? QCoreApplication::translate("Defect", title) : code;
}

QString defectWithCode(const QString& code)
{
    const QString title = defect(code);
    return title == code ? code : code + QStringLiteral(" — ") + title;
}

QString shift(const QString& key)
{
    // "yyyy-MM-dd D|N": the day of the month names it; the month is in the filter above.
    const QString day = key.mid(8, 2);
    if (key.endsWith(QStringLiteral(" N")))
        return QCoreApplication::translate("Shift", "%1 night").arg(day);
    if (key.endsWith(QStringLiteral(" D")))
        return QCoreApplication::translate("Shift", "%1 day").arg(day);
    return key;
}

QString itemKind(const QString& kind)
{
    if (kind == QLatin1StringView("card"))
        return QCoreApplication::translate("ItemKind", "card");
    if (kind == QLatin1StringView("die"))
        return QCoreApplication::translate("ItemKind", "die");
    if (kind == QLatin1StringView("board"))
        return QCoreApplication::translate("ItemKind", "board");
    if (kind == QLatin1StringView("unit"))
        return QCoreApplication::translate("ItemKind", "unit");
    if (kind == QLatin1StringView("batch"))
        return QCoreApplication::translate("ItemKind", "batch");
    return kind;
}

QString measurement(const QString& name)
{
    static const QHash<QString, const char*> titles{
        {QStringLiteral("void_pct"), QT_TRANSLATE_NOOP("Measurement", "X-ray void %")},
        {QStringLiteral("peak_c"), QT_TRANSLATE_NOOP("Measurement", "reflow peak temperature")},
        {QStringLiteral("tal_s"), QT_TRANSLATE_NOOP("Measurement", "time above liquidus")},
        {QStringLiteral("temp_max_c"), QT_TRANSLATE_NOOP("Measurement", "GPU temperature at test")},
        {QStringLiteral("burnin_gflops"), QT_TRANSLATE_NOOP("Measurement", "burn-in Gflop/s")},
        {QStringLiteral("burnin_min"), QT_TRANSLATE_NOOP("Measurement", "burn-in minutes")},
        {QStringLiteral("vram_errors"), QT_TRANSLATE_NOOP("Measurement", "VRAM test errors")},
    };
    const char* title = titles.value(name);
    return title ? QCoreApplication::translate("Measurement", title) : name;
}

} // namespace rework::KpiTitles
