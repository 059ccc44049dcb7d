#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace rework {

/// The numbered SQL scripts of a resource folder (`:/migrations`, `:/server-migrations`). The
/// version is the number in the file's name (`0007_unit_serial_indexes.sql` is version 7), never
/// its position in the folder, and the numbers must run 1, 2, 3, ... without a gap or a repeat.
class MigrationFiles
{
    Q_DECLARE_TR_FUNCTIONS(MigrationFiles)

public:
    struct File
    {
        int version = 0;
        QString path;
    };

    /// The scripts in version order; a name without a leading number, a gap or a repeat is an error.
    static Result<QList<File>> list(const QString& folder);
};

} // namespace rework
