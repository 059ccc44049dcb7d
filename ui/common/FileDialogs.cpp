#include "FileDialogs.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileIconProvider>
#include <QFileInfo>

namespace rework {
namespace {

/// Icons and type names from the name alone: QFileIconProvider's own would ask QMimeDatabase,
/// which reads the first bytes of files whose name says nothing (a database's -wal and -shm).
class NameOnlyIconProvider : public QFileIconProvider
{
public:
    QIcon icon(IconType type) const override { return QFileIconProvider::icon(type); }
    QIcon icon(const QFileInfo& info) const override
    {
        return QFileIconProvider::icon(info.isDir() ? QAbstractFileIconProvider::Folder
                                                    : QAbstractFileIconProvider::File);
    }
    QString type(const QFileInfo& info) const override
    {
        if (info.isDir())
            return QCoreApplication::translate("rework::FileDialogs", "Folder");
        return info.suffix().isEmpty() ? QCoreApplication::translate("rework::FileDialogs", "File")
                                       : QCoreApplication::translate("rework::FileDialogs", "%1 file")
                                             .arg(info.suffix().toUpper());
    }
};

QFileIconProvider* nameOnly()
{
    static NameOnlyIconProvider provider;
    return &provider;
}

/// Qt's own dialog, never the desktop's (which runs in this process and sniffs contents too).
void setUp(QFileDialog& dialog, const QString& filter)
{
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setOption(QFileDialog::DontUseCustomDirectoryIcons);
    dialog.setIconProvider(nameOnly());
    dialog.setNameFilter(filter);
}

} // namespace

QString FileDialogs::openFile(QWidget* parent, const QString& caption, const QString& folder,
                              const QString& filter)
{
    QFileDialog dialog(parent, caption, folder);
    setUp(dialog, filter);
    dialog.setFileMode(QFileDialog::ExistingFile);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFiles().value(0) : QString();
}

QStringList FileDialogs::openFiles(QWidget* parent, const QString& caption, const QString& folder,
                                   const QString& filter)
{
    QFileDialog dialog(parent, caption, folder);
    setUp(dialog, filter);
    dialog.setFileMode(QFileDialog::ExistingFiles);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFiles() : QStringList();
}

QString FileDialogs::saveFile(QWidget* parent, const QString& caption, const QString& suggested,
                              const QString& filter)
{
    QFileDialog dialog(parent, caption);
    setUp(dialog, filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    if (!suggested.isEmpty()) {
        const QFileInfo info(suggested);
        if (suggested.contains(QLatin1Char('/')))
            dialog.setDirectory(info.absolutePath());
        dialog.selectFile(info.fileName());
    }
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFiles().value(0) : QString();
}

} // namespace rework
