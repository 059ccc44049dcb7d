// `test run`: a unit's test plan run headless on an unattended rig, the same core runner as the
// test form's "Run test plan" (rigs/TestPlanRun).

#include "Commands.h"

#include "domain/EventPayload.h"
#include "importers/TestPlan.h"
#include "importers/TestPlanStore.h"
#include "reworkctl/Args.h"
#include "reworkctl/Cli.h"
#include "reworkctl/CommandContext.h"
#include "rigs/TestPlanRun.h"
#include "storage/StationRegistry.h"
#include "workflow/Recorder.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QSocketNotifier>

#include <csignal>

#include <sys/socket.h>
#include <unistd.h>

namespace rework {
namespace {

/// The exit code of a plan that recorded nothing: a tool missing, hung, cancelled or unreadable.
constexpr int kNothingRecorded = 4;

/// Ctrl-C or a stop of the service cancels the run (the tools run in a process group of their
/// own, so they would outlive reworkctl): a signal handler may only write to a socket.
int g_signalSocket[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalSocket[0], &byte, 1);
}

/// The station a rig records at: --station, else the line's only test station.
std::optional<QString> testStation(CommandContext& context, const std::optional<QString>& given)
{
    if (given)
        return given->trimmed().toUpper();
    Database* db = context.database();
    if (!db)
        return std::nullopt;
    Result<QList<StationInfo>> stations = StationRegistry(db->connection(), context.clock).stations();
    if (!stations)
        return std::nullopt;
    QStringList test;
    for (const StationInfo& s : stations.value()) {
        if (s.step == stepName(Step::Test))
            test << s.id;
    }
    if (test.size() != 1)
        return std::nullopt;
    return test.first();
}

int run(CommandContext& context, Args args)
{
    Output& out = context.out;
    if (args.isEmpty() || args.takeFirst() != QLatin1StringView("run"))
        return out.usage(Cli::tr("unknown test command; use: test run UNIT [--plan NAME]"), context.help);
    const auto planName = args.take(QStringLiteral("plan"));
    const auto stationGiven = args.take(QStringLiteral("station"));
    const auto operatorId = args.take(QStringLiteral("operator"));
    const bool tokenFromStdin = args.takeFlag(QStringLiteral("token-stdin"));
    const bool follow = args.takeFlag(QStringLiteral("follow"));
    if (const QString unknown = args.unknownOption(); !unknown.isEmpty())
        return out.unknownOption(unknown, context.help);
    if (args.size() != 1)
        return out.usage(Cli::tr("give exactly one unit serial"), context.help);
    if (planName && planName->trimmed().isEmpty())
        return out.usage(Cli::tr("--plan needs a plan: %1 or a test plan JSON file")
                             .arg(TestPlan::builtInNames().join(QStringLiteral(", "))),
                         context.help);
    const QString unit = args.first().trimmed().toUpper();
    const std::optional<QString> station = testStation(context, stationGiven);
    if (!station || station->isEmpty())
        return out.missing(QStringLiteral("station"),
                           Cli::tr("--station is required (the line has no single test station)"));
    // As `record`: an operator with a PIN, or the station's token for an unattended rig.
    const bool byToken = (!operatorId || operatorId->isEmpty()) &&
                         (tokenFromStdin || qEnvironmentVariableIsSet("REWORKTRACK_TOKEN"));
    if (!byToken && (!operatorId || operatorId->isEmpty()))
        return out.missing(QStringLiteral("operator"), Cli::tr("--operator or a station token is required"));
    OperatorInfo actor;
    if (const auto failed = byToken ? context.proveToken(*station, Step::Test, tokenFromStdin, actor)
                                    : context.prove(*operatorId, *station, actor))
        return *failed;
    Database* db = context.database();
    if (!db)
        return StorageFailure;
    Recorder recorder(*db, context.clock);
    Result<RigCommands> commands = RigCommands::load(recorder.dataFolder());
    if (!commands)
        return out.fail(commands.error());
    // The product's plan; for a product without one, --plan, else this rig's rig.plan.
    Result<TestPlan> plan = TestPlanStore(db->connection()).forUnit(unit, planName, commands->planName());
    if (!plan) {
        out.fail(plan.error());
        return Usage;
    }
    Session session;
    session.operatorInfo = actor;
    session.station = StationInfo{*station, stepName(Step::Test)};
    TestPlanRun runner(recorder, session, unit, plan.value(), commands.value());
    QTextStream& text = out.out();
    QObject::connect(&runner, &TestPlanRun::output, &runner, [&](const QString& line) {
        // The summary ends the output pane of the form; here it is the result, printed once.
        if (follow && !out.isJson() && line != runner.summary()) {
            text << line << '\n';
            text.flush();
        }
    });
    QObject::connect(&runner, &TestPlanRun::finished, &runner,
                     [&](const QString& kind, const QString& verdict) {
                         if (out.isJson())
                             return;
                         const PlanRunResult& r = runner.results().last();
                         text << Cli::tr("%1: %2 (%3 s)").arg(kind, verdict).arg(r.seconds)
                              << (r.why.isEmpty() ? QString() : QStringLiteral(": ") + r.why) << '\n';
                         text.flush();
                     });
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalSocket) != 0)
        return out.fail(makeError(ErrorCode::Storage, QString(), Cli::tr("cannot watch for Ctrl-C")));
    QSocketNotifier stop(g_signalSocket[1], QSocketNotifier::Read);
    QObject::connect(&stop, &QSocketNotifier::activated, &runner, [&] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalSocket[1], &byte, 1);
        runner.cancel();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    struct sigaction oldInt = {}, oldTerm = {};
    ::sigaction(SIGINT, &action, &oldInt);
    ::sigaction(SIGTERM, &action, &oldTerm);
    const auto restore = [&] {
        ::sigaction(SIGINT, &oldInt, nullptr);
        ::sigaction(SIGTERM, &oldTerm, nullptr);
        ::close(g_signalSocket[0]);
        ::close(g_signalSocket[1]);
    };
    QEventLoop loop;
    QObject::connect(&runner, &TestPlanRun::planFinished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    if (Status st = runner.start(); !st) {
        restore();
        return out.fail(st.error());
    }
    loop.exec();
    restore();
    QJsonArray runs;
    for (const PlanRunResult& r : runner.results())
        runs.append(QJsonObject{{QStringLiteral("kind"), rigKindName(r.kind)},
                                {QStringLiteral("verdict"), runEndName(r.end)},
                                {QStringLiteral("why"), r.why},
                                {QStringLiteral("seconds"), r.seconds}});
    const std::optional<Recorded>& recorded = runner.recorded();
    const QString outcome = recorded ? EventPayload::read(recorded->event.payload).outcome : QString();
    out.emitResult({runner.summary()},
                   {{QStringLiteral("unit"), unit},
                    {QStringLiteral("plan"), plan->name},
                    {QStringLiteral("runs"), runs},
                    {QStringLiteral("event"), recorded ? QJsonValue(recorded->event.id) : QJsonValue()},
                    {QStringLiteral("outcome"), recorded ? QJsonValue(outcome) : QJsonValue()},
                    {QStringLiteral("summary"), runner.summary()},
                    // As the exit code: true only for a test that passed and was recorded.
                    {QStringLiteral("ok"), runner.passed()}});
    if (runner.passed())
        return Ok;
    return recorded || runner.refusal() ? Refused : kNothingRecorded;
}

} // namespace

const Command testCommand{
    "test",
    QT_TRANSLATE_NOOP(
        "Cli", "  test run UNIT [--plan NAME] [--station S] [--operator O | --token-stdin] [--follow]\n"
               "                                         run a unit's test plan on this rig\n"),
    QT_TRANSLATE_NOOP(
        "Cli",
        "Usage: reworkctl test run UNIT [--plan NAME|FILE] [--station S] [--operator O | --token-stdin]\n"
        "                          [--follow] [--json]\n"
        "Runs the test plan of an inspected unit on this PC, headless, as the test form's \"Run test\n"
        "plan\" does: the GPU's report (nvidia-smi -q -x), then each run the plan requires (gpu_burn,\n"
        "dcgmi diag, memtest_vulkan), one after another. Each run is read and judged by the plan as\n"
        "it ends, its output kept as evidence, and its verdict printed. The test is recorded with\n"
        "every run in it: passed when all pass; failed at the first run that fails (the rest are not\n"
        "started). A tool that is missing, hangs past its time or is stopped (Ctrl-C) records nothing.\n"
        "The command lines and time limits are this PC's, in rig.conf beside the database:\n"
        "  rig.command.gpu-burn=/opt/gpu-burn/gpu_burn {seconds}    rig.timeout.gpu-burn=SECONDS\n"
        "  rig.command.dcgm=dcgmi diag -r {level}   rig.command.memtest=memtest_vulkan\n"
        "  rig.command.nvidia-smi=nvidia-smi -q -x  rig.stop-after.memtest=SECONDS\n"
        "  --plan     for a product without a shared plan (reworkctl plan): a built-in plan\n"
        "             (default, strict) or a test plan JSON file; default: rig.plan in rig.conf.\n"
        "             A product's own plan is always the one run.\n"
        "  --station  the test station (default: the line's only test station)\n"
        "  --follow   print the tools' output as it comes\n"
        "With --json: one object with unit, plan, runs (kind, verdict, why, seconds), event, outcome\n"
        "and summary. Verdicts: pass, fail, cancelled, timed-out, missing-tool, unreadable.\n"
        "Exit codes: 0 every run passed and the pass is recorded, 1 a run failed (recorded as a\n"
        "failed test) or the record was refused, 2 usage, 4 nothing recorded (a tool missing, hung,\n"
        "cancelled or its output unreadable).\n"),
    &run, Command::Help::OnFlagOrNoArguments};

} // namespace rework
