#include "MigrationFiles.h"

#include <QDir>
#include <QRegularExpression>

#include <algorithm>

namespace rework {

Result<QList<MigrationFiles::File>> MigrationFiles::list(const QString& folder)
{
    static const QRegularExpression numbered(QStringLiteral("^(\\d{1,6})_[A-Za-z0-9_]+\\.sql$"));
    QList<File> files;
    for (const QString& name : QDir(folder).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = numbered.match(name);
        if (!m.hasMatch())
            return makeError(
                ErrorCode::Storage, QStringLiteral("migration"),
                Message(tr, QT_TR_NOOP("migration %1 has no version number in its name"), {name}));
        files.append({m.captured(1).toInt(), folder + QLatin1Char('/') + name});
    }
    std::sort(files.begin(), files.end(), [](const File& a, const File& b) { return a.version < b.version; });
    for (int i = 0; i < files.size(); ++i) {
        if (files.at(i).version != i + 1)
            return makeError(
                ErrorCode::Storage, QStringLiteral("migration"),
                Message(tr, QT_TR_NOOP("migrations in %1 are not numbered 1, 2, 3, ...: %2 where %3 belongs"),
                        {folder, files.at(i).path.section(QLatin1Char('/'), -1), i + 1}));
    }
    return files;
}

} // namespace rework
