#pragma once

#include "RigCommands.h"
#include "auth/Session.h"
#include "domain/Action.h"
#include "domain/Result.h"
#include "importers/TestPlan.h"
#include "workflow/Recorder.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTimer>

#include <optional>

namespace rework {

/// How one tool run of a plan ended, as `finished` names it.
enum class RunEnd
{
    Pass,        // read and judged by the plan: passes
    Fail,        // read and judged by the plan: fails (the unit fails its test)
    Cancelled,   // stopped by the operator
    TimedOut,    // still going after its time: killed
    MissingTool, // the tool is not on this PC
    Unreadable,  // the tool ended, but its output is no run (a crash before any output, another tool)
};

/// "pass", "fail", "cancelled", "timed-out", "missing-tool", "unreadable".
QString runEndName(RunEnd end);

/// One tool run of the plan as it ended.
struct PlanRunResult
{
    RigKind kind = RigKind::GpuBurn;
    RunEnd end = RunEnd::Pass;
    QString why; // translated: the plan's reasons, or what went wrong
    int seconds = 0;
};

/// Runs a unit's test plan at this PC: starts each tool the plan needs, one after another
/// (RigCommands: the nvidia-smi report, then gpu_burn, dcgmi diag, memtest...), streams its
/// output line by line, and reads and judges each run as it ends (RigRunReader, the same path
/// as `record test burnin=FILE`: the importers, the plan's verdict, the log kept as hashed
/// evidence).
///
/// What is recorded: the unit's test, through the Recorder as the acting session, with every run
/// of the plan in it (each under rig_runs with its own evidence). The test is one step of the
/// workflow (inspected -> tested or back to repair), so the runs of one plan make one test event:
/// all passed, a pass; the first run that fails ends the plan and the test is recorded as failed
/// with the runs so far. A cancel, a run that hangs past its time, a missing tool or output that
/// is no run record nothing (a rig's trouble is not the unit's), and the staged logs are dropped.
class TestPlanRun : public QObject
{
    Q_OBJECT

public:
    TestPlanRun(Recorder& recorder, Session session, QString unit, TestPlan plan, RigCommands commands,
                QObject* parent = nullptr);
    ~TestPlanRun() override;
    TestPlanRun(const TestPlanRun&) = delete;
    TestPlanRun& operator=(const TestPlanRun&) = delete;

    /// Checks first what can be known before hours of burn-in (the unit is due its test, the
    /// session may record it, every command line is set), then starts the first run.
    Status start();
    /// Kills the running tool with its whole process group; nothing of the plan is recorded.
    void cancel();
    bool isRunning() const { return m_running; }

    const QList<PlanRunResult>& results() const { return m_results; }
    /// The test recorded at the end, if any.
    const std::optional<Recorded>& recorded() const { return m_recorded; }
    /// Why the core refused to record the test the runs came to (a rule, a permission), if it did.
    const std::optional<Error>& refusal() const { return m_refusal; }
    /// Every run passed and the pass was recorded.
    bool passed() const;
    /// What the plan came to, for people: recorded as what, or why nothing was recorded.
    const QString& summary() const { return m_summary; }
    /// The kinds the plan runs, in order.
    QList<RigKind> kinds() const;
    /// Progress is counted in these units: the runs' expected milliseconds.
    qint64 totalMs() const { return m_totalMs; }

signals:
    void started(const QString& kind);
    void output(const QString& text);
    void progress(qint64 done, qint64 total, qint64 elapsedMs);
    void finished(const QString& kind, const QString& verdict);
    /// The plan is over: `recordedTest` when a test event was recorded.
    void planFinished(bool recordedTest);

private:
    void startNext();
    void onReadyRead();
    void onExited();
    void afterRun();
    /// The GPU's report is taken during the burn-in when the plan has one: the test gate wants
    /// the link under load, and at idle it drops by design.
    bool reportUnderLoad() const;
    void startReportUnderLoad();
    void reportFailed(RunEnd end, const QString& why);
    QString takeReport(const QString& path);
    static QString keep(const QString& path, const QByteArray& output);
    QString missingTool(const RigCommand& c) const;
    void onTick();
    static void signalGroup(QProcess* process, int signal);
    void emitLines(const QString& text, bool flush);
    void endRun(RunEnd end, const QString& why);
    void finishPlan(bool record);
    void discardStaged();
    qint64 doneMs() const;

    Recorder& m_recorder;
    Session m_session;
    QString m_unit;
    TestPlan m_plan;
    RigCommands m_settings;
    QList<RigCommand> m_commands;
    qsizetype m_index = -1;
    qint64 m_totalMs = 0;

    QPointer<QProcess> m_process;
    std::optional<RigCommand> m_reportCommand; // the report under load, until it is started
    QPointer<QProcess> m_reportProcess;
    QTimer m_reportTimer, m_reportTimeout;
    bool m_reportFailed = false, m_reportTimedOut = false, m_runExitPending = false;
    QByteArray m_raw;
    QString m_partial;
    bool m_afterCr = false;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
    QTimer m_tick, m_timeout, m_stop, m_kill;
    QElapsedTimer m_planClock, m_runClock;
    QTemporaryDir m_scratch;
    bool m_running = false, m_cancelled = false, m_timedOut = false;

    std::optional<GpuReport> m_report;
    QList<ImportedRun> m_runs;
    QList<PlanRunResult> m_results;
    std::optional<Recorded> m_recorded;
    std::optional<Error> m_refusal;
    QString m_summary;
};

} // namespace rework
