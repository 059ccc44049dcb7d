#include "Cli.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ReworkTrack"));
    QCoreApplication::setApplicationName(QStringLiteral("ReworkTrack"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REWORKTRACK_VERSION));

    QTranslator ours;
    if (ours.load(QLocale(), QStringLiteral("reworktrack"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&ours);

    rework::Cli cli;
    return cli.run(QCoreApplication::arguments().mid(1));
}
