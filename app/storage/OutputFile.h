#pragma once

#include "domain/Result.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QString>

namespace rework {

/// The one check before the core writes a file a person named (a report, a label, the command
/// sheet): a typo must not destroy anything. Only a new name, or an existing regular file of the
/// same kind (a report written again), is written; a link (it would be followed), a folder or
/// device, an empty file, and any other file, above all the database, its journal or a backup, are
/// refused.
class OutputFile
{
    Q_DECLARE_TR_FUNCTIONS(OutputFile)

public:
    /// `kinds`: how a file of the kind written begins ("%PDF-"); `field` names the option.
    static Status check(const QString& path, const QByteArrayList& kinds, const QString& field);
};

} // namespace rework
