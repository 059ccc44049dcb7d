#include "demo/DemoGenerator.h"
#include "domain/Clock.h"
#include "logging/Logging.h"
#include "settings/DisplayScale.h"
#include "shell/MainWindow.h"
#include "storage/Database.h"
#include "storage/PrivateFiles.h"
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

namespace {

/// The command line of the GUI.
struct CommandLine
{
    QCommandLineParser parser;
    QCommandLineOption db{QStringLiteral("db"), QApplication::translate("main", "Database file."),
                          QStringLiteral("PATH")};
    QCommandLineOption verbose{QStringLiteral("verbose"),
                               QApplication::translate("main", "Log to stderr too.")};
    QCommandLineOption demo{QStringLiteral("demo-if-empty"),
                            QApplication::translate("main", "Load demo data when the database is empty.")};
    QCommandLineOption screenshot{QStringLiteral("screenshot"),
                                  QApplication::translate("main", "Save a picture of the window and quit "
                                                                  "(for documentation)."),
                                  QStringLiteral("PNG")};
    QCommandLineOption language{QStringLiteral("lang"),
                                QApplication::translate("main", "User interface language (en, zh_CN)."),
                                QStringLiteral("LANG")};
    QCommandLineOption station{QStringLiteral("station"),
                               QApplication::translate("main", "Bind this PC to one station (saved)."),
                               QStringLiteral("ID")};
    QCommandLineOption startup{
        QStringLiteral("measure-startup"),
        QApplication::translate(
            "main", "Print when the login screen is ready (milliseconds since the epoch) and quit.")};

    explicit CommandLine(const QApplication& app)
    {
        parser.setApplicationDescription(
            QApplication::translate("main", "Shop-floor tracking for GPU board rework"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({db, verbose, demo, screenshot, language, station, startup});
        parser.process(app);
    }
};

/// Qt's own and our translations for one language; an installed .qm (share/reworktrack/translations)
/// wins over the built-in one, so a corrected translation needs no rebuild.
class Translations
{
public:
    void load(const QLocale& locale)
    {
        QApplication::removeTranslator(&m_qt);
        QApplication::removeTranslator(&m_ours);
        QLocale::setDefault(locale);
        if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&m_qt);
        const QString installed =
            QApplication::applicationDirPath() + QStringLiteral("/../share/reworktrack/translations");
        if (m_ours.load(locale, QStringLiteral("reworktrack"), QStringLiteral("_"), installed) ||
            m_ours.load(locale, QStringLiteral("reworktrack"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QApplication::installTranslator(&m_ours);
    }

private:
    QTranslator m_qt, m_ours;
};

/// The names QSettings files this PC's choices under; set before the application exists, so that
/// the display scale can be read before Qt fixes it.
void setNames()
{
    QApplication::setOrganizationName(QStringLiteral("ReworkTrack"));
    QApplication::setApplicationName(QStringLiteral("ReworkTrack"));
}

void setUpApplication()
{
    setNames();
    QApplication::setApplicationVersion(QStringLiteral(REWORKTRACK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("com.reworktrack.ReworkTrack"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/reworktrack.svg")));
}

void loadDemoIfEmpty(Database& db)
{
    // A few index probes on the start-up path; the generator itself decides what is new.
    if (auto demo = DemoGenerator::generateIfNew(db, {}); !demo)
        spdlog::error("demo data failed: {}", demo.error().logLine());
}

/// --measure-startup and --screenshot: act once the window is up, then quit.
void scheduleOneShots(const CommandLine& cl, std::unique_ptr<MainWindow>& window)
{
    if (cl.parser.isSet(cl.startup)) {
        // After the first pass of the event loop: the login screen is painted and takes keys.
        QTimer::singleShot(0, window.get(), [] {
            std::printf("login ready at %lld\n",
                        static_cast<long long>(rework::systemClock().now().toMSecsSinceEpoch()));
            std::fflush(stdout);
            QApplication::quit();
        });
    }
    if (cl.parser.isSet(cl.screenshot)) {
        const QString file = cl.parser.value(cl.screenshot);
        QTimer::singleShot(500, window.get(), [&window, file] {
            window->grab().save(file);
            QApplication::quit();
        });
    }
}

/// The application; main() only guards it.
int runApp(int argc, char** argv)
{
    // --version and --help answer on a terminal without a display (packaging checks, ssh).
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h")
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // Before any file is made: the database, its -wal and -shm, logs, backups and evidence are
    // the owner's only, whatever umask the desktop started us with.
    PrivateFiles::restrictUmask();
    setNames();
    DisplayScale::applySaved();
    QApplication app(argc, argv);
    setUpApplication();
    const CommandLine cl(app);

    // Language: --lang, else the saved choice, else the system locale.
    Translations translations;
    const QString savedLanguage = QSettings().value(QStringLiteral("ui/language")).toString();
    translations.load(cl.parser.isSet(cl.language) ? QLocale(cl.parser.value(cl.language))
                      : savedLanguage.isEmpty()    ? QLocale()
                                                   : QLocale(savedLanguage));

    const QString path = Database::resolvePath(cl.parser.value(cl.db));
    Logging::init(QFileInfo(path).absolutePath(), cl.parser.isSet(cl.verbose));
    Result<std::unique_ptr<Database>> db = Database::open(path);
    if (!db) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "ReworkTrack"), db.error().message);
        return 3;
    }
    PrivateFiles::warnIfShared(path);
    db.value()->checkpointInBackground(); // a station records for hours: no save waits for a checkpoint
    if (cl.parser.isSet(cl.demo))
        loadDemoIfEmpty(*db.value());

    Recorder recorder(*db.value(), systemClock());
    if (cl.parser.isSet(cl.station))
        QSettings().setValue(QStringLiteral("station/id"), cl.parser.value(cl.station).trimmed().toUpper());
    // A new language takes effect at once: the window is built again with the new translations
    // (the operator logs in again; like a logout, it drops what a form held unsaved).
    std::unique_ptr<MainWindow> window;
    std::function<void()> buildWindow = [&] {
        window = std::make_unique<MainWindow>(*db.value(), recorder);
        window->setFixedStation(QSettings().value(QStringLiteral("station/id")).toString());
        QObject::connect(window.get(), &MainWindow::languageChosen, &app, [&](const QString& code) {
            QTimer::singleShot(0, &app, [&, code] {
                translations.load(QLocale(code));
                buildWindow();
            });
        });
        window->showForStation();
        window->activateWindow(); // the keyboard belongs to this window from the start (kiosk PCs run no
                                  // window manager)
    };
    buildWindow();
    scheduleOneShots(cl, window);
    return QApplication::exec();
}

} // namespace

int main(int argc, char** argv)
{
    // Nothing is meant to throw; should a library do so (out of memory), say so and stop cleanly:
    // every confirmed record is already committed.
    try {
        return runApp(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "ReworkTrack stopped: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "ReworkTrack stopped after an unexpected error\n");
    }
    return 70;
}
