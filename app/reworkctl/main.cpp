#include "Cli.h"

#include <QApplication>
#include <QCoreApplication>

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

int main(int argc, char** argv)
{
    // Commands that paint (PDF sheets, labels) need a GUI application; headless, on the offscreen platform.
    bool paints = false;
    for (int i = 1; i < argc; ++i)
        paints = paints || qstrcmp(argv[i], "commands") == 0 || qstrcmp(argv[i], "report") == 0 ||
                 qstrcmp(argv[i], "label") == 0;
    if (paints && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Reports draw their charts with Qt Charts, which needs a widgets application.
    std::unique_ptr<QCoreApplication> application(paints ? new QApplication(argc, argv)
                                                         : new QCoreApplication(argc, argv));
    QCoreApplication& app = *application;
    Q_UNUSED(app);
    QCoreApplication::setOrganizationName(QStringLiteral("ReworkTrack"));
    QCoreApplication::setApplicationName(QStringLiteral("ReworkTrack"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REWORKTRACK_VERSION));

    QTranslator ours;
    if (ours.load(QLocale(), QStringLiteral("reworktrack"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&ours);

    rework::Cli cli;
    return cli.run(QCoreApplication::arguments().mid(1));
}
