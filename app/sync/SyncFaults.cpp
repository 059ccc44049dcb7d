#include "SyncFaults.h"

#include <QFile>
#include <QThread>

#include <csignal>
#include <cstdlib>

namespace rework::SyncFaults {

void hit(const char* point)
{
    const QString fault = qEnvironmentVariable("REWORK_SYNC_FAULT");
    if (fault.isEmpty() || !fault.endsWith(QString::fromLatin1(point)))
        return;
    if (fault.startsWith(QLatin1StringView("kill-"))) {
#ifdef SIGKILL
        std::raise(SIGKILL); // as hard as a power cut: no destructor, no flush
#endif
        std::abort();
    }
    if (fault.startsWith(QLatin1StringView("pause-"))) {
        const QString file = qEnvironmentVariable("REWORK_SYNC_PAUSE_FILE");
        QFile marker(file);
        if (!marker.open(QIODevice::WriteOnly))
            return;
        marker.close();
        for (int i = 0; i < 600 && QFile::exists(file); ++i)
            QThread::msleep(50);
    }
}

} // namespace rework::SyncFaults
