#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace rework {

/// Photos, X-ray images and test logs attached to a step. Each file is copied into the data
/// folder under its SHA-256 (content-addressed: the same file is stored once, and a later
/// change to the original cannot alter the evidence), and the hash goes into the event.
///
/// A copy is first staged (`evidence-staging/`); the recorder moves it into `evidence/` inside
/// the transaction that records its event (`Publication`) and moves it back when that
/// transaction does not commit. A kill between the move and the commit leaves an unreferenced
/// file in `evidence/`, never an event whose evidence is missing.
class EvidenceStore
{
    Q_DECLARE_TR_FUNCTIONS(EvidenceStore)

public:
    static constexpr qint64 kMaxFileBytes = 200LL * 1024 * 1024;

    explicit EvidenceStore(QString dataFolder) : m_folder(std::move(dataFolder)) {}

    /// Staged copies older than this are swept away (left by a form that never saved).
    static constexpr qint64 kStagingLifetimeSeconds = qint64{24} * 60 * 60;

    /// Copies `path` into staging (unless its content is stored already); returns its reference
    /// "sha256:HEX:NAME".
    Result<QString> store(const QString& path) const;
    /// Where the copy of a reference lives: in the store once recorded, in staging until then.
    QString pathFor(const QString& reference) const;
    /// Where the recorded copy of a reference lives (whether or not it is there).
    QString storedPathFor(const QString& reference) const;
    /// Removes the staged copies of a `;`-separated reference list (a refused record's).
    void discardStaged(const QString& references) const;
    /// Removes staged copies last written before `now` - kStagingLifetimeSeconds.
    void sweepStaging(const QDateTime& now) const;
    /// Replaces `evidence=FILE[;FILE...]` in `key=value` arguments by stored references.
    Result<QStringList> expandArgument(const QStringList& keyValues) const;
    /// Stores each file of a `;`-separated list (references already stored are kept as they are);
    /// returns the `;`-separated references for the event.
    Result<QString> storeList(const QString& files) const;
    /// True for a value made of stored references only.
    static bool isReferenceList(const QString& value);

    /// The staged copies of one record moved into the store; moved back on destruction unless
    /// kept (after the commit).
    class Publication
    {
    public:
        explicit Publication(const EvidenceStore& store) : m_store(store) {}
        ~Publication();
        Publication(const Publication&) = delete;
        Publication& operator=(const Publication&) = delete;

        /// Each reference must be stored already or staged with content of its hash.
        Status publish(const QString& references);
        void keep() { m_moved.clear(); }

    private:
        const EvidenceStore& m_store;
        QList<std::pair<QString, QString>> m_moved; // staged path, stored path
    };

private:
    QString stagedPathFor(const QString& reference) const;
    QString pathUnder(const QString& base, const QString& reference, bool sharded) const;

    QString m_folder;
};

} // namespace rework
