#include "common/MainWindow.h"
#include "demo/DemoGenerator.h"
#include "domain/Clock.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "storage/ReferenceData.h"
#include "workflow/Recorder.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <spdlog/spdlog.h>

using namespace rework;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ReworkTrack"));
    QApplication::setApplicationName(QStringLiteral("ReworkTrack"));
    QApplication::setApplicationVersion(QStringLiteral(REWORKTRACK_VERSION));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator ours;
    if (ours.load(QLocale(), QStringLiteral("reworktrack"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&ours);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Shop-floor tracking for GPU board rework"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOption(QStringLiteral("db"), QApplication::translate("main", "Database file."),
                                QStringLiteral("PATH"));
    QCommandLineOption verboseOption(QStringLiteral("verbose"), QApplication::translate("main", "Log to stderr too."));
    QCommandLineOption demoOption(QStringLiteral("demo-if-empty"),
                                  QApplication::translate("main", "Load demo data when the database is empty."));
    parser.addOptions({dbOption, verboseOption, demoOption});
    parser.process(app);

    const QString path = Database::resolvePath(parser.value(dbOption));
    Logging::init(QFileInfo(path).absolutePath(), parser.isSet(verboseOption));
    Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "ReworkTrack"), db.error().message);
        return 3;
    }
    if (parser.isSet(demoOption)) {
        auto counts = ReferenceData(db.value()->connection()).counts();
        if (counts && counts->last().second == 0) {
            if (auto demo = DemoGenerator::generate(*db.value(), {}); !demo)
                spdlog::error("demo data failed: {}", demo.error().oneLine().toStdString());
        }
    }

    SystemClock clock;
    Recorder recorder(*db.value(), clock);
    MainWindow window(*db.value(), recorder);
    window.show();
    return QApplication::exec();
}
