// Child process of TestCrashSafety: records intake events as fast as it can through the real
// Recorder and prints each event id on its own line once its transaction has committed. The
// test kills it with SIGKILL at a random moment.
//
//   crash_recorder DB_PATH ROUND
#include "domain/Clock.h"
#include "logging/Logging.h"
#include "storage/Database.h"
#include "workflow/Recorder.h"

#include <QCoreApplication>

#include <cstdio>

using namespace rework;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Logging::silence();
    if (app.arguments().size() < 3)
        return 2;
    auto db = Database::open(app.arguments().at(1));
    if (!db)
        return 3;
    const int round = app.arguments().at(2).toInt();
    SystemClock clock;
    Recorder recorder(*db.value(), clock);
    for (int i = 0; i < 10000; ++i) {
        const QString card =
            QStringLiteral("ZT4090K%1%2").arg(round, 2, 10, QLatin1Char('0')).arg(i, 4, 10, QLatin1Char('0'));
        Result<Recorded> r = recorder.record(Step::Intake, QStringLiteral("INTAKE-1"), QStringLiteral("OP1"),
                                             {QStringLiteral("card=") + card, QStringLiteral("model=RTX4090"),
                                              QStringLiteral("lot=LOT-CRASH")});
        if (!r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().oneLine()));
            return 1;
        }
        // Only now, after COMMIT returned, does the id leave the process.
        std::printf("%s\n", qPrintable(r->event.id));
        std::fflush(stdout);
    }
    return 0;
}
