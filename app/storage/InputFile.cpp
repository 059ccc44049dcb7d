#include "InputFile.h"

#include "OpenDatabases.h"

#include <QFile>
#include <QFileInfo>

#include <optional>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace rework {
namespace {

constexpr qint64 kMiB = 1024LL * 1024;

QString shown(const QString& path)
{
    return path.left(200);
}

Error tooLarge(const QString& path, qint64 maxBytes, const QString& field)
{
    return makeError(ErrorCode::OutOfRange, field,
                     Message(&InputFile::tr,
                             QT_TRANSLATE_NOOP("InputFile", "%1 is larger than %2; is it the right file?"),
                             {shown(path), InputFile::sizeText(maxBytes)}));
}

Error cannotRead(const QString& path, const QString& why, const QString& field)
{
    return makeError(ErrorCode::InvalidValue, field,
                     Message(&InputFile::tr, QT_TRANSLATE_NOOP("InputFile", "cannot read %1: %2"),
                             {shown(path), Message::untranslated(why)}));
}

Error missing(const QString& path, const QString& field)
{
    return makeError(ErrorCode::InvalidValue, field,
                     Message(&InputFile::tr,
                             QT_TRANSLATE_NOOP("InputFile", "%1 does not exist; choose the file again"),
                             {shown(path)}));
}

Error folder(const QString& path, const QString& field)
{
    return makeError(
        ErrorCode::InvalidValue, field,
        Message(&InputFile::tr,
                QT_TRANSLATE_NOOP("InputFile", "%1 is a folder, not a file; choose a file in it"),
                {shown(path)}));
}

Error notRegular(const QString& path, const QString& field)
{
    return makeError(ErrorCode::InvalidValue, field,
                     Message(&InputFile::tr,
                             QT_TRANSLATE_NOOP("InputFile", "%1 is not a regular file; choose a saved file"),
                             {shown(path)}));
}

/// Compiled-in resources cannot be special files; QFile is the only way to read them.
Result<QByteArray> readResource(const QString& path, qint64 maxBytes, const QString& field)
{
    QFile file(path);
    if (!file.exists())
        return missing(path, field);
    if (file.size() > maxBytes)
        return tooLarge(path, maxBytes, field);
    if (!file.open(QIODevice::ReadOnly))
        return cannotRead(path, file.errorString(), field);
    return file.readAll();
}

#ifdef Q_OS_UNIX

/// Why `mode` is not something to read, as an error; nothing for a regular file.
std::optional<Error> refusedKind(mode_t mode, const QString& path, const QString& field)
{
    if (S_ISREG(mode))
        return std::nullopt;
    if (S_ISDIR(mode))
        return folder(path, field);
    const char* why = nullptr;
    if (S_ISFIFO(mode))
        why = QT_TRANSLATE_NOOP("InputFile",
                                "%1 is a pipe (FIFO), not a saved file; save the output to a file first");
    else if (S_ISCHR(mode) || S_ISBLK(mode))
        why = QT_TRANSLATE_NOOP("InputFile", "%1 is a device, not a file; choose a saved file");
    else if (S_ISSOCK(mode))
        why = QT_TRANSLATE_NOOP("InputFile", "%1 is a socket, not a file; choose a saved file");
    if (!why)
        return notRegular(path, field);
    return makeError(ErrorCode::InvalidValue, field, Message(&InputFile::tr, why, {shown(path)}));
}

Result<QByteArray> readDescriptor(int fd, qint64 maxBytes, const QString& path, const QString& field)
{
    QByteArray data;
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return cannotRead(path, QString::fromLocal8Bit(std::strerror(errno)), field);
        if (n == 0)
            return data;
        // The size was checked, but a file may grow while it is read (a log being written).
        if (data.size() + n > maxBytes)
            return tooLarge(path, maxBytes, field);
        data.append(buffer, static_cast<qsizetype>(n));
    }
}

Result<QByteArray> readPosix(const QString& path, qint64 maxBytes, const QString& field)
{
    // Opening it would drop SQLite's locks on it (they belong to the process): never opened here.
    if (OpenDatabases::holds(path)) {
        return makeError(
            ErrorCode::InvalidValue, field,
            Message(&InputFile::tr,
                    QT_TRANSLATE_NOOP("InputFile", "%1 is this station's own database, not a file to "
                                                   "import; choose the report or log itself"),
                    {shown(path)}));
    }
    const QByteArray name = QFile::encodeName(path);
    struct stat st
    {
    };
    if (::stat(name.constData(), &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return missing(path, field);
        return cannotRead(path, QString::fromLocal8Bit(std::strerror(errno)), field);
    }
    if (auto refused = refusedKind(st.st_mode, path, field))
        return *refused;
    if (st.st_size > maxBytes)
        return tooLarge(path, maxBytes, field);
    // O_NONBLOCK: should a FIFO have taken the file's place since stat(), open() still returns.
    const int fd = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return cannotRead(path, QString::fromLocal8Bit(std::strerror(errno)), field);
    Result<QByteArray> data = [&]() -> Result<QByteArray> {
        struct stat opened
        {
        };
        if (::fstat(fd, &opened) != 0)
            return cannotRead(path, QString::fromLocal8Bit(std::strerror(errno)), field);
        if (auto refused = refusedKind(opened.st_mode, path, field))
            return *refused;
        return readDescriptor(fd, maxBytes, path, field);
    }();
    ::close(fd);
    return data;
}

#else

Result<QByteArray> readPortable(const QString& path, qint64 maxBytes, const QString& field)
{
    const QFileInfo info(path);
    if (!info.exists())
        return missing(path, field);
    if (info.isDir())
        return folder(path, field);
    if (!info.isFile())
        return notRegular(path, field);
    if (info.size() > maxBytes)
        return tooLarge(path, maxBytes, field);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return cannotRead(path, file.errorString(), field);
    QByteArray data = file.read(maxBytes + 1);
    if (data.size() > maxBytes)
        return tooLarge(path, maxBytes, field);
    return data;
}

#endif

} // namespace

QString InputFile::sizeText(qint64 bytes)
{
    if (bytes >= kMiB && bytes % kMiB == 0)
        return QStringLiteral("%1 MiB").arg(bytes / kMiB);
    return QStringLiteral("%1 KiB").arg((bytes + 1023) / 1024);
}

Result<QByteArray> InputFile::read(const QString& path, qint64 maxBytes, const QString& field)
{
    if (path.trimmed().isEmpty()) {
        return makeError(ErrorCode::MissingField, field,
                         Message(tr, QT_TR_NOOP("no file was given; choose one")));
    }
    if (path.startsWith(QLatin1StringView(":/")))
        return readResource(path, maxBytes, field);
#ifdef Q_OS_UNIX
    return readPosix(path, maxBytes, field);
#else
    return readPortable(path, maxBytes, field);
#endif
}

} // namespace rework
