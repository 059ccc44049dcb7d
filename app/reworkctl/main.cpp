#include "Cli.h"
#include "domain/Clock.h"
#include "storage/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLocale>
#include <QTranslator>

#include <memory>

#include <unistd.h>

namespace {

/// Commands that paint (PDF sheets, labels, reports) need a QGuiApplication, headless on the
/// offscreen platform; every other command, and any --help, runs on a QCoreApplication.
bool preparePainting(int argc, char** argv)
{
    bool paints = false, help = false;
    for (int i = 1; i < argc && qstrcmp(argv[i], "--") != 0; ++i) {
        paints = paints || rework::Cli::paints(argv[i]);
        help = help || qstrcmp(argv[i], "--help") == 0 || qstrcmp(argv[i], "-h") == 0;
    }
    paints = paints && !help;
    if (paints && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // A shell or a systemd timer without a login session has no runtime folder; give the
    // platform plugin Qt's own private default instead of a warning on every run.
    if (paints && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray runtime =
            QDir::tempPath().toLocal8Bit() + "/runtime-" + QByteArray::number(getuid());
        if (QDir().mkpath(QString::fromLocal8Bit(runtime)) &&
            QFile::setPermissions(QString::fromLocal8Bit(runtime),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", runtime);
    }
    return paints;
}

} // namespace

int main(int argc, char** argv)
{
    // Before any file is made: the database, its -wal and -shm, logs, backups and evidence are
    // the owner's only, whatever umask the shell or timer started us with.
    rework::PrivateFiles::restrictUmask();
    const bool paints = preparePainting(argc, argv);
    std::unique_ptr<QCoreApplication> application(paints ? new QGuiApplication(argc, argv)
                                                         : new QCoreApplication(argc, argv));
    QCoreApplication::setOrganizationName(QStringLiteral("ReworkTrack"));
    QCoreApplication::setApplicationName(QStringLiteral("ReworkTrack"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REWORKTRACK_VERSION));

    QTranslator ours;
    if (ours.load(QLocale(), QStringLiteral("reworktrack"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&ours);

    rework::Cli cli(rework::systemClock());
    return cli.run(QCoreApplication::arguments().mid(1));
}
