#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QStringList>

namespace rework {

/// Photos, X-ray images and test logs attached to a step. Each file is copied into the data
/// folder under its SHA-256 (content-addressed: the same file is stored once, and a later
/// change to the original cannot alter the evidence), and the hash goes into the event.
class EvidenceStore
{
    Q_DECLARE_TR_FUNCTIONS(EvidenceStore)

public:
    static constexpr qint64 kMaxFileBytes = 200LL * 1024 * 1024;

    explicit EvidenceStore(QString dataFolder) : m_folder(std::move(dataFolder)) {}

    /// Copies `path` in; returns its reference "sha256:HEX:NAME".
    Result<QString> store(const QString& path) const;
    /// Where the stored copy of a reference lives.
    QString pathFor(const QString& reference) const;
    /// Replaces `evidence=FILE[;FILE...]` in `key=value` arguments by stored references.
    Result<QStringList> expandArgument(const QStringList& keyValues) const;
    /// Stores each file of a `;`-separated list (references already stored are kept as they are);
    /// returns the `;`-separated references for the event.
    Result<QString> storeList(const QString& files) const;
    /// True for a value made of stored references only.
    static bool isReferenceList(const QString& value);

private:
    QString m_folder;
};

} // namespace rework
