#include "PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rework {
namespace {

constexpr mode_t kFileMode = 0600;
constexpr mode_t kFolderMode = 0700;

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

void PrivateFiles::restrictUmask()
{
    ::umask(077);
}

Status PrivateFiles::createNew(const QString& path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, kFileMode);
    // open() narrows the mode by the umask; fchmod sets exactly 0600 whatever the umask.
    const bool ok = fd >= 0 && ::fchmod(fd, kFileMode) == 0;
    const QString why = ok ? QString() : systemError();
    if (fd >= 0)
        ::close(fd);
    if (!ok) {
        if (fd >= 0)
            ::unlink(name.constData());
        return makeError(
            ErrorCode::Storage, QString(),
            Message(tr, QT_TR_NOOP("cannot create %1 (%2); choose a folder you may write to"), {path, why}));
    }
    return {};
}

Status PrivateFiles::makeFolder(const QString& path)
{
    // The part of the path that is missing, outermost first: only folders made here are narrowed,
    // never a parent that belongs to the user (their home, a USB stick).
    QStringList missing;
    for (QString p = QFileInfo(path).absoluteFilePath(); !QFileInfo::exists(p) && p != QFileInfo(p).path();
         p = QFileInfo(p).path())
        missing.prepend(p);
    if (!QDir().mkpath(path))
        return makeError(
            ErrorCode::Storage, QString(),
            Message(tr, QT_TR_NOOP("cannot create the folder %1; choose a folder you may write to"), {path}));
    for (const QString& p : missing)
        makePrivate(p);
    return {};
}

bool PrivateFiles::makePrivate(const QString& path)
{
    const bool folder = QFileInfo(path).isDir();
    return ::chmod(QFile::encodeName(path).constData(), folder ? kFolderMode : kFileMode) == 0;
}

bool PrivateFiles::sync(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    const bool ok = fd >= 0 && ::fsync(fd) == 0;
    if (!ok)
        spdlog::warn("cannot sync {}: {}", path.toStdString(), systemError().toStdString());
    if (fd >= 0)
        ::close(fd);
    return ok;
}

QStringList PrivateFiles::warnIfShared(const QString& databasePath)
{
    QStringList lines;
    const QFileInfo db(databasePath);
    const auto check = [&lines](const QString& path, mode_t wanted) {
        struct stat st = {};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0 || (st.st_mode & 077) == 0)
            return;
        lines << QStringLiteral("%1 has mode %2: other users of this PC may read it; run chmod %3 %1")
                     .arg(path, QString::number(st.st_mode & 07777, 8), QString::number(wanted, 8));
    };
    check(db.absolutePath(), kFolderMode);
    check(db.absoluteFilePath(), kFileMode);
    for (const QString& line : lines)
        spdlog::warn("{}", line.toStdString());
    return lines;
}

} // namespace rework
