#include "OutputFile.h"

#include <QFile>
#include <QFileInfo>

namespace rework {

Status OutputFile::check(const QString& path, const QByteArrayList& kinds, const QString& field)
{
    const QFileInfo info(path);
    if (info.isSymLink())
        return makeError(ErrorCode::InvalidValue, field,
                         Message(tr,
                                 QT_TR_NOOP("%1 is a link; give the file's own name, a new one or a "
                                            "report written before"),
                                 {path}));
    if (!info.exists())
        return {};
    if (!info.isFile())
        return makeError(ErrorCode::InvalidValue, field,
                         Message(tr, QT_TR_NOOP("%1 is not a file; give a new file name"), {path}));
    QFile file(path);
    if (info.size() == 0)
        return {};
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray head = file.read(16);
        for (const QByteArray& kind : kinds) {
            if (head.startsWith(kind))
                return {};
        }
    }
    return makeError(ErrorCode::InvalidValue, field,
                     Message(tr,
                             QT_TR_NOOP("%1 exists and is not a file of this kind (a database, a backup, "
                                        "something else); nothing was written over it; give a new file name"),
                             {path}));
}

} // namespace rework
