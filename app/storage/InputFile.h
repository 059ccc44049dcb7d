#pragma once

#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace rework {

/// The one way the core reads a file that a person picked or typed (nvidia-smi reports, evidence,
/// label templates and their images). Only a regular file of at most `maxBytes` is read: a FIFO
/// would block the open for ever, /dev/zero would fill memory, a folder or socket is a mistake.
/// Those are refused from their stat() before anything is opened, and checked again on the open
/// descriptor, so a file swapped for a FIFO in between cannot block either.
class InputFile
{
    Q_DECLARE_TR_FUNCTIONS(InputFile)

public:
    /// The whole file, or an error whose `field` is `field`. Qt resources (":/…") are read too.
    static Result<QByteArray> read(const QString& path, qint64 maxBytes, const QString& field);

    /// "8 MiB", "512 KiB": a cap as people read it.
    static QString sizeText(qint64 bytes);
};

} // namespace rework
