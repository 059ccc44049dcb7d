#include "EvidenceStore.h"

#include "InputFile.h"
#include "PrivateFiles.h"

#include <QCryptographicHash>
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

QString EvidenceStore::pathFor(const QString& reference) const
{
    const auto m = referencePattern().match(reference);
    if (!m.hasMatch())
        return {};
    const QString hash = m.captured(1);
    const QString suffix = QFileInfo(m.captured(2)).suffix().toLower();
    return QDir(m_folder).filePath(
        QStringLiteral("evidence/%1/%2%3")
            .arg(hash.left(2), hash, suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix));
}

Result<QString> EvidenceStore::store(const QString& path) const
{
    // Read once, then hashed and copied from memory: what is hashed is what is stored.
    Result<QByteArray> content = InputFile::read(path, kMaxFileBytes, QStringLiteral("evidence"));
    if (!content)
        return content.error();
    const QFileInfo info(path);
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(content.value(), QCryptographicHash::Sha256).toHex());
    QString name = info.fileName();
    name.replace(QRegularExpression(QStringLiteral("[;:/\\\\]")), QStringLiteral("_"));
    name = name.left(100);
    const QString reference = QStringLiteral("sha256:%1:%2").arg(hash, name);
    const QString target = pathFor(reference);
    if (QFile::exists(target))
        return reference; // same content already stored
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
    spdlog::info("evidence stored sha256={} name={}", hash.toStdString(), name.toStdString());
    return reference;
}

Result<QString> EvidenceStore::storeList(const QString& files) const
{
    QStringList references;
    for (const QString& file : files.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        if (isReferenceList(file.trimmed())) {
            references << file.trimmed(); // stored already (e.g. a report the form captured)
            continue;
        }
        Result<QString> ref = store(file.trimmed());
        if (!ref)
            return ref.error();
        references << ref.value();
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
