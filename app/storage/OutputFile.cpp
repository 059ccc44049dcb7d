#include "OutputFile.h"

#include <QFile>
#include <QFileInfo>

namespace rework {

Status OutputFile::check(const QString& path, const QByteArrayList& kinds, const QString& field)
{
    const QFileInfo info(path);
    if (info.isSymLink())
        return makeError(
            ErrorCode::InvalidValue, field,
            Message(tr, QT_TR_NOOP("%1 is a link; give the file's own name, or a new one"), {path}));
    if (!info.exists())
        return {};
    if (!info.isFile())
        return makeError(ErrorCode::InvalidValue, field,
                         Message(tr, QT_TR_NOOP("%1 is not a file; give a new file name"), {path}));
    // An empty file is of no kind: SQLite's journal and WAL are empty between transactions.
    QFile file(path);
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
