#include "demo/DemoGenerator.h"
#include "domain/Clock.h"
#include "logging/Logging.h"
#include "shell/MainWindow.h"
#include "storage/Database.h"
#include "storage/TableCounts.h"
#include "workflow/Recorder.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <functional>
#include <memory>

#include <cstdio>

#include <spdlog/spdlog.h>

using namespace rework;

int main(int argc, char** argv)
{
    // --version and --help answer on a terminal without a display (packaging checks, ssh).
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h")
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ReworkTrack"));
    QApplication::setApplicationName(QStringLiteral("ReworkTrack"));
    QApplication::setApplicationVersion(QStringLiteral(REWORKTRACK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("com.reworktrack.ReworkTrack"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/reworktrack.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Shop-floor tracking for GPU board rework"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption dbOption(QStringLiteral("db"), QApplication::translate("main", "Database file."),
                                QStringLiteral("PATH"));
    QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                     QApplication::translate("main", "Log to stderr too."));
    QCommandLineOption demoOption(
        QStringLiteral("demo-if-empty"),
        QApplication::translate("main", "Load demo data when the database is empty."));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QApplication::translate("main",
                                                                "Save a picture of the window and quit "
                                                                "(for documentation)."),
                                        QStringLiteral("PNG"));
    QCommandLineOption languageOption(QStringLiteral("lang"),
                                      QApplication::translate("main", "User interface language (en, zh_CN)."),
                                      QStringLiteral("LANG"));
    QCommandLineOption stationOption(QStringLiteral("station"),
                                     QApplication::translate("main", "Bind this PC to one station (saved)."),
                                     QStringLiteral("ID"));
    QCommandLineOption startupOption(
        QStringLiteral("measure-startup"),
        QApplication::translate(
            "main", "Print when the login screen is ready (milliseconds since the epoch) and quit."));
    parser.addOptions({dbOption, verboseOption, demoOption, screenshotOption, languageOption, stationOption,
                       startupOption});
    parser.process(app);

    // Language: --lang, else the saved choice, else the system locale. Qt's own dialogs follow
    // through qtbase. An installed .qm (share/reworktrack/translations) wins over the built-in one,
    // so a corrected translation needs no rebuild.
    QTranslator qtTranslator;
    QTranslator ours;
    const auto loadLanguage = [&](const QLocale& locale) {
        QApplication::removeTranslator(&qtTranslator);
        QApplication::removeTranslator(&ours);
        QLocale::setDefault(locale);
        if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                              QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTranslator);
        const QString installed =
            QApplication::applicationDirPath() + QStringLiteral("/../share/reworktrack/translations");
        if (ours.load(locale, QStringLiteral("reworktrack"), QStringLiteral("_"), installed) ||
            ours.load(locale, QStringLiteral("reworktrack"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QApplication::installTranslator(&ours);
    };
    const QString savedLanguage = QSettings().value(QStringLiteral("ui/language")).toString();
    loadLanguage(parser.isSet(languageOption) ? QLocale(parser.value(languageOption))
                 : savedLanguage.isEmpty()    ? QLocale()
                                              : QLocale(savedLanguage));

    const QString path = Database::resolvePath(parser.value(dbOption));
    Logging::init(QFileInfo(path).absolutePath(), parser.isSet(verboseOption));
    Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "ReworkTrack"), db.error().message);
        return 3;
    }
    if (parser.isSet(demoOption)) {
        auto counts = TableCounts(db.value()->connection()).counts();
        if (counts && counts->last().second == 0) {
            if (auto demo = DemoGenerator::generate(*db.value(), {}); !demo)
                spdlog::error("demo data failed: {}", demo.error().logLine());
        }
    }

    SystemClock clock;
    Recorder recorder(*db.value(), clock);
    if (parser.isSet(stationOption))
        QSettings().setValue(QStringLiteral("station/id"), parser.value(stationOption).trimmed().toUpper());
    // A new language takes effect at once: the window is built again with the new translations
    // (the operator logs in again; like a logout, it drops what a form held unsaved).
    std::unique_ptr<MainWindow> window;
    std::function<void()> buildWindow = [&] {
        window = std::make_unique<MainWindow>(*db.value(), recorder);
        window->setFixedStation(QSettings().value(QStringLiteral("station/id")).toString());
        QObject::connect(window.get(), &MainWindow::languageChosen, &app, [&](const QString& code) {
            QTimer::singleShot(0, &app, [&, code] {
                loadLanguage(QLocale(code));
                buildWindow();
            });
        });
        window->show();
        window->activateWindow(); // the keyboard belongs to this window from the start (kiosk PCs run no
                                  // window manager)
    };
    buildWindow();
    if (parser.isSet(startupOption)) {
        // After the first pass of the event loop: the login screen is painted and takes keys.
        QTimer::singleShot(0, window.get(), [] {
            std::printf("login ready at %lld\n",
                        static_cast<long long>(rework::systemClock().now().toMSecsSinceEpoch()));
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(500, window.get(), [&window, file] {
            window->grab().save(file);
            QApplication::quit();
        });
    }
    return QApplication::exec();
}
