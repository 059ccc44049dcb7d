#include "DisplayScale.h"

#include <QByteArray>
#include <QSettings>

#include <algorithm>

namespace rework {
namespace {
const QString kKey = QStringLiteral("ui/scale_percent");
}

QList<int> DisplayScale::choices()
{
    QList<int> c;
    for (int p = kMinPercent; p <= kMaxPercent; p += 25)
        c << p;
    return c;
}

int DisplayScale::savedPercent()
{
    bool ok = false;
    const int p = QSettings().value(kKey).toInt(&ok);
    return ok && p >= kMinPercent && p <= kMaxPercent ? p : kMinPercent;
}

void DisplayScale::save(int percent)
{
    QSettings settings;
    settings.setValue(kKey, std::clamp(percent, kMinPercent, kMaxPercent));
    settings.sync();
}

void DisplayScale::applySaved()
{
    if (qEnvironmentVariableIsSet("QT_SCALE_FACTOR"))
        return;
    const int p = savedPercent();
    if (p != kMinPercent)
        qputenv("QT_SCALE_FACTOR", QByteArray::number(p / 100.0, 'f', 2));
}

} // namespace rework
