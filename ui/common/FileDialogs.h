#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace rework {

/// Every file dialog of the app. They never open a file to tell its type or draw its icon (Qt's
/// and the desktop's own dialogs read a file's first bytes to do so): opening and closing the
/// station's database file, or its -wal or -shm, from this process would drop SQLite's locks on
/// it, and another process could then delete the WAL with records not yet in the database (see
/// OpenDatabases). Names, sizes and dates come from stat() alone.
namespace FileDialogs {

QString openFile(QWidget* parent, const QString& caption, const QString& folder, const QString& filter);
QStringList openFiles(QWidget* parent, const QString& caption, const QString& folder, const QString& filter);
/// `suggested`: a file name, or a path, proposed to the operator.
QString saveFile(QWidget* parent, const QString& caption, const QString& suggested, const QString& filter);

} // namespace FileDialogs
} // namespace rework
