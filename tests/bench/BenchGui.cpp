// The GUI on a large history. Not a test: run by hand (README).
//
//   QT_QPA_PLATFORM=offscreen bench_gui DB_PATH
//
// Builds the main window on the database until the login screen is up (in-process time; the
// README also times the whole reworktrack process), logs a supervisor in, opens the dashboard
// and refreshes it with three filters, then prints the peak resident memory (VmHWM).
#include "auth/OperatorAccounts.h"
#include "dashboard/DashboardPage.h"
#include "domain/Clock.h"
#include "logging/Logging.h"
#include "login/LoginPage.h"
#include "shell/MainWindow.h"
#include "storage/Database.h"
#include "storage/StationRegistry.h"
#include "workflow/Recorder.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <cstdio>

using namespace rework;

namespace {

long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

void type(const QString& text)
{
    QTest::keyClicks(QApplication::focusWidget(), text);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    Logging::silence();
    if (app.arguments().size() < 2) {
        std::fprintf(stderr, "usage: bench_gui DB_PATH\n");
        return 2;
    }
    QElapsedTimer startup;
    startup.start();
    auto db = Database::open(app.arguments().at(1));
    if (!db)
        return 3;
    SystemClock clock;
    Recorder recorder(*db.value(), clock);
    MainWindow window(*db.value(), recorder);
    window.show();
    QApplication::processEvents();
    const double loginMs = startup.nsecsElapsed() / 1e6;

    OperatorAccounts accounts(db.value()->connection());
    StationRegistry stationRegistry(db.value()->connection());
    if (Status st = accounts.addOperator(QStringLiteral("SUPB"), QStringLiteral("Bench"),
                                         QStringLiteral("supervisor"), QStringLiteral("1234"));
        !st && st.error().code != ErrorCode::AlreadyUsed)
        return 1;
    if (Status st = stationRegistry.addStation(QStringLiteral("PACK-01"), QStringLiteral("pack"));
        !st && st.error().code != ErrorCode::AlreadyUsed)
        return 1;
    window.logout();
    LoginPage* login = window.loginPage();
    login->stationPicker()->setCurrentIndex(login->stationPicker()->findData(QStringLiteral("PACK-01")));
    login->operatorField()->setFocus();
    type(QStringLiteral("SUPB"));
    type(QStringLiteral("1234"));
    QSignalSpy refreshed(window.dashboard(), &DashboardPage::refreshed);
    window.tabs()->setCurrentIndex(2);
    QList<qint64> ms;
    if (!refreshed.wait(60000))
        return 1;
    ms << refreshed.takeFirst().first().toLongLong();
    for (int shift : {1, 2}) {
        window.dashboard()->shiftFilter()->setCurrentIndex(shift);
        window.dashboard()->refresh();
        if (!refreshed.wait(60000))
            return 1;
        ms << refreshed.takeFirst().first().toLongLong();
    }
    std::printf("main window to login screen, in process: %.0f ms\n", loginMs);
    std::printf(
        "dashboard refreshes as the supervisor sees them (both shifts, day, night): %lld, %lld, %lld ms\n",
        ms.at(0), ms.at(1), ms.at(2));
    std::printf("peak resident memory: %.0f MB (goal < 300 MB)\n", peakRssKb() / 1024.0);
    return 0;
}
