#include "OpenDatabases.h"

#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QStringList>

#include <sys/stat.h>

namespace rework {
namespace {

QMutex& guard()
{
    static QMutex mutex;
    return mutex;
}

/// One entry per open connection: a worker's connection to the same file is one more.
QStringList& paths()
{
    static QStringList open;
    return open;
}

bool sameFile(const QString& a, const struct stat& b)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(a).constData(), &st) == 0 && st.st_dev == b.st_dev &&
           st.st_ino == b.st_ino;
}

} // namespace

void OpenDatabases::add(const QString& path)
{
    const QMutexLocker lock(&guard());
    paths().append(path);
}

void OpenDatabases::remove(const QString& path)
{
    const QMutexLocker lock(&guard());
    paths().removeOne(path);
}

bool OpenDatabases::holds(const QString& path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return false;
    const QMutexLocker lock(&guard());
    for (const QString& db : std::as_const(paths())) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            if (sameFile(db + QLatin1StringView(suffix), st))
                return true;
        }
    }
    return false;
}

} // namespace rework
