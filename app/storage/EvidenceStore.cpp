#include "EvidenceStore.h"

#include "InputFile.h"
#include "PrivateFiles.h"
#include "domain/ContentHash.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

const QRegularExpression& referencePattern()
{
    static const QRegularExpression re(QStringLiteral("^sha256:([0-9a-f]{64}):([^;:/\\\\]{1,100})$"));
    return re;
}

} // namespace

bool EvidenceStore::isReferenceList(const QString& value)
{
    const QStringList parts = value.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return false;
    for (const QString& p : parts) {
        if (!referencePattern().match(p.trimmed()).hasMatch())
            return false;
    }
    return true;
}

QString EvidenceStore::pathUnder(const QString& base, const QString& reference, bool sharded) const
{
    const auto m = referencePattern().match(reference.trimmed());
    if (!m.hasMatch())
        return {};
    const QString hash = m.captured(1);
    const QString suffix = QFileInfo(m.captured(2)).suffix().toLower();
    const QString file = hash + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
    return QDir(m_folder).filePath(sharded ? QStringLiteral("%1/%2/%3").arg(base, hash.left(2), file)
                                           : QStringLiteral("%1/%2").arg(base, file));
}

QString EvidenceStore::storedPathFor(const QString& reference) const
{
    return pathUnder(QStringLiteral("evidence"), reference, true);
}

QString EvidenceStore::stagedPathFor(const QString& reference) const
{
    return pathUnder(QStringLiteral("evidence-staging"), reference, false);
}

QString EvidenceStore::pathFor(const QString& reference) const
{
    const QString stored = storedPathFor(reference);
    const QString staged = stagedPathFor(reference);
    return !QFileInfo(stored).isFile() && QFileInfo(staged).isFile() ? staged : stored;
}

void EvidenceStore::discardStaged(const QString& references) const
{
    for (const QString& reference : references.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString staged = stagedPathFor(reference);
        if (!staged.isEmpty() && QFile::remove(staged))
            spdlog::info("evidence staging discarded {}", QFileInfo(staged).fileName().toStdString());
    }
}

void EvidenceStore::sweepStaging(const QDateTime& now) const
{
    const QDir staging(QDir(m_folder).filePath(QStringLiteral("evidence-staging")));
    if (!staging.exists())
        return;
    const QDateTime cutoff = now.addSecs(-kStagingLifetimeSeconds);
    for (const QFileInfo& f : staging.entryInfoList(QDir::Files | QDir::Hidden)) {
        if (f.lastModified() < cutoff && QFile::remove(f.filePath()))
            spdlog::info("evidence staging swept {}", f.fileName().toStdString());
    }
}

EvidenceStore::Publication::~Publication()
{
    // Not committed: the copies go back to staging (a form may save again), out of the store.
    for (auto it = m_moved.crbegin(); it != m_moved.crend(); ++it) {
        if (!QFile::rename(it->second, it->first))
            QFile::remove(it->second);
    }
}

Status EvidenceStore::Publication::publish(const QString& references)
{
    for (const QString& part : references.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const QString reference = part.trimmed();
        const auto m = referencePattern().match(reference);
        if (!m.hasMatch()) {
            return makeError(
                ErrorCode::InvalidValue, QStringLiteral("evidence"),
                Message(tr, QT_TR_NOOP("\"%1\" is not a stored evidence file"), {reference.left(120)}));
        }
        const QString stored = m_store.storedPathFor(reference);
        if (QFileInfo(stored).isFile())
            continue; // recorded before, or twice in this list
        const QString staged = m_store.stagedPathFor(reference);
        if (!QFileInfo(staged).isFile()) {
            return makeError(
                ErrorCode::InvalidValue, QStringLiteral("evidence"),
                Message(tr,
                        QT_TR_NOOP("no file of %1 is stored in this data folder; attach the file "
                                   "itself, not its hash"),
                        {m.captured(2)}));
        }
        // What is recorded is the hash of what is kept: a staged copy changed since is refused.
        Result<QByteArray> content = InputFile::read(staged, kMaxFileBytes, QStringLiteral("evidence"));
        if (!content)
            return content.error();
        if (sha256Hex(content.value()) != m.captured(1).toLatin1()) {
            QFile::remove(staged);
            return makeError(
                ErrorCode::InvalidValue, QStringLiteral("evidence"),
                Message(tr, QT_TR_NOOP("the copy of %1 no longer matches its hash; attach the file again"),
                        {m.captured(2)}));
        }
        const QString folder = QFileInfo(stored).absolutePath();
        if (!PrivateFiles::makeFolder(folder) || !QFile::rename(staged, stored)) {
            return makeError(
                ErrorCode::Storage, QStringLiteral("evidence"),
                Message(tr, QT_TR_NOOP("cannot move %1 into the evidence folder of %2; check the disk"),
                        {m.captured(2), m_store.m_folder}));
        }
        PrivateFiles::sync(folder);
        m_moved.append({staged, stored});
    }
    return {};
}

Result<QString> EvidenceStore::store(const QString& path) const
{
    // Read once, then hashed and copied from memory: what is hashed is what is stored.
    Result<QByteArray> content = InputFile::read(path, kMaxFileBytes, QStringLiteral("evidence"));
    if (!content)
        return content.error();
    const QFileInfo info(path);
    const QString hash = QString::fromLatin1(sha256Hex(content.value()));
    QString name = info.fileName();
    name.replace(QRegularExpression(QStringLiteral("[;:/\\\\]")), QStringLiteral("_"));
    name = name.left(100);
    const QString reference = QStringLiteral("sha256:%1:%2").arg(hash, name);
    if (QFileInfo(storedPathFor(reference)).isFile())
        return reference; // same content already stored
    // Staged only: the recorder moves it into the store with the event that records it.
    const QString target = stagedPathFor(reference);
    if (!PrivateFiles::makeFolder(QFileInfo(target).absolutePath())) {
        return makeError(
            ErrorCode::Storage, QStringLiteral("evidence"),
            Message(tr, QT_TR_NOOP("cannot create the evidence folder in %1; check the disk"), {m_folder}));
    }
    // QSaveFile writes a temporary file and renames it: a crash never leaves half a picture.
    QSaveFile copy(target);
    // Owner-only before the content goes in: evidence may be anything the operator could read.
    if (!copy.open(QIODevice::WriteOnly) ||
        !copy.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        copy.write(content.value()) != content->size() || !copy.commit()) {
        return makeError(
            ErrorCode::Storage, QStringLiteral("evidence"),
            Message(tr, QT_TR_NOOP("cannot copy %1 into the data folder: %2; free disk space and try again"),
                    {info.fileName(), copy.errorString()}));
    }
    spdlog::info("evidence staged sha256={} name={}", hash.toStdString(), name.toStdString());
    return reference;
}

Result<QString> EvidenceStore::storeList(const QString& files) const
{
    QStringList references, staged;
    for (const QString& file : files.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (isReferenceList(file.trimmed())) {
            references << file.trimmed(); // stored already (e.g. a report the form captured)
            continue;
        }
        Result<QString> ref = store(file.trimmed());
        if (!ref) {
            discardStaged(staged.join(QLatin1Char(';'))); // a list is stored whole or not at all
            return ref.error();
        }
        references << ref.value();
        staged << ref.value();
    }
    return references.join(QLatin1Char(';'));
}

Result<QStringList> EvidenceStore::expandArgument(const QStringList& keyValues) const
{
    QStringList out;
    for (const QString& kv : keyValues) {
        const QString key = kv.section(QLatin1Char('='), 0, 0).trimmed().toLower();
        if (key != QLatin1StringView("evidence")) {
            out << kv;
            continue;
        }
        const QString value = kv.section(QLatin1Char('='), 1);
        if (value.trimmed().isEmpty() || isReferenceList(value)) {
            out << kv;
            continue;
        }
        Result<QString> references = storeList(value);
        if (!references)
            return references.error();
        out << QStringLiteral("evidence=") + references.value();
    }
    return out;
}

} // namespace rework
