#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace rework::test {

/// Files that `restore` must refuse, each made from a good backup: what a mistyped path, a
/// killed backup, another program's file, a newer ReworkTrack or an edit behind its back leaves.
enum class BadBackup
{
    Empty,
    DevNull,
    Directory,
    Fifo,
    UnrelatedTable,
    KilledPartial,        // a killed backup's FILE.partial, under that name
    KilledPartialRenamed, // the same content under a backup's name
    NewerSchema,
    NoTriggers,
    NoOpTrigger,
    TamperedPayload,
    TamperedAudit,
    Damaged,
};

/// Every kind with a name for a data-driven test row.
QList<std::pair<const char*, BadBackup>> allBadBackups();
/// Makes the file of `kind` in `dir` (from `good`, a finished backup with events and audit
/// entries where it needs one); returns its path.
QString makeBadBackup(BadBackup kind, const QString& good, const QString& dir);
/// True for a refusal that is about tampering (the hash chains), not about the file's shape.
bool isTampered(BadBackup kind);

/// SHA-256 of a file's bytes, hex: proves a refused action wrote nothing.
QString sha256(const QString& path);
/// Mode bits (as `ls -l` shows them, e.g. 0600) of a file or folder.
int modeOf(const QString& path);

} // namespace rework::test
