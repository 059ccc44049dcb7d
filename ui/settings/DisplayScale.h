#pragma once

#include <QList>

namespace rework {

/// How large this PC draws everything (text, fields, buttons), for a monitor far from the bench:
/// 100 to 200 %, saved per PC. Qt scales a whole process only from its start, so a new choice
/// takes effect the next time the app starts.
class DisplayScale
{
public:
    static constexpr int kMinPercent = 100;
    static constexpr int kMaxPercent = 200;

    /// The choices offered: 100, 125 ... 200.
    static QList<int> choices();
    /// The saved scale (100 when none or out of range).
    static int savedPercent();
    static void save(int percent);
    /// Before the QApplication exists: scales the process by the saved choice, unless the
    /// environment already sets QT_SCALE_FACTOR (an installer's or a kiosk's own choice wins).
    /// Needs the organisation and application names set first (QSettings reads by them).
    static void applySaved();
};

} // namespace rework
