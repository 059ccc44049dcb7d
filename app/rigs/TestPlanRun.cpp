#include "TestPlanRun.h"

#include "domain/EventPayload.h"
#include "importers/GpuReportReader.h"
#include "importers/RigImport.h"
#include "importers/RigRunReader.h"
#include "storage/Database.h"
#include "storage/EvidenceStore.h"
#include "workflow/NextStep.h"
#include "workflow/StepSchema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>

#include <algorithm>
#include <csignal>

#include <spdlog/spdlog.h>
#include <sys/types.h>
#include <unistd.h>

namespace rework {
namespace {

constexpr int kTickMs = 250;
constexpr int kKillGraceMs = 3000; // after SIGTERM, the group's stragglers get SIGKILL
// How much longer than the command ran its output may say it ran: the tool's own clock, start-up
// and rounding (gpu_burn counts from its own start) are within this; a saved log is not.
constexpr double kClockTolerance = 1.05;
constexpr double kClockSlackS = 30;

/// The program as it will be started: a path as given, a bare name looked up in PATH; empty when
/// there is no such executable.
QString resolvedProgram(const QString& program)
{
    if (program.contains(QLatin1Char('/'))) {
        const QFileInfo f(program);
        return f.isFile() && f.isExecutable() ? f.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(program);
}

} // namespace

QString runEndName(RunEnd end)
{
    switch (end) {
    case RunEnd::Pass:
        return QStringLiteral("pass");
    case RunEnd::Fail:
        return QStringLiteral("fail");
    case RunEnd::Cancelled:
        return QStringLiteral("cancelled");
    case RunEnd::TimedOut:
        return QStringLiteral("timed-out");
    case RunEnd::MissingTool:
        return QStringLiteral("missing-tool");
    case RunEnd::Unreadable:
        return QStringLiteral("unreadable");
    }
    return {};
}

TestPlanRun::TestPlanRun(Recorder& recorder, Session session, QString unit, TestPlan plan,
                         RigCommands commands, QObject* parent)
    : QObject(parent), m_recorder(recorder), m_session(std::move(session)), m_unit(std::move(unit)),
      m_plan(std::move(plan)), m_settings(std::move(commands))
{
    m_tick.setInterval(kTickMs);
    m_timeout.setSingleShot(true);
    m_stop.setSingleShot(true);
    m_kill.setSingleShot(true);
    connect(&m_tick, &QTimer::timeout, this, &TestPlanRun::onTick);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        signalGroup(m_process, SIGTERM);
        m_kill.start(kKillGraceMs);
    });
    // A tool that tests until stopped (memtest_vulkan) is stopped as a person would: Ctrl-C.
    connect(&m_stop, &QTimer::timeout, this, [this] { signalGroup(m_process, SIGINT); });
    connect(&m_kill, &QTimer::timeout, this, [this] { signalGroup(m_process, SIGKILL); });
    m_reportTimer.setSingleShot(true);
    m_reportTimeout.setSingleShot(true);
    connect(&m_reportTimer, &QTimer::timeout, this, &TestPlanRun::startReportUnderLoad);
    connect(&m_reportTimeout, &QTimer::timeout, this, [this] {
        if (!m_reportProcess)
            return;
        m_reportTimedOut = true;
        signalGroup(m_reportProcess, SIGKILL);
    });
}

TestPlanRun::~TestPlanRun()
{
    for (QProcess* p : {m_process.data(), m_reportProcess.data()}) {
        if (p)
            p->disconnect(this);
    }
    for (QProcess* p : {m_process.data(), m_reportProcess.data()}) {
        signalGroup(p, SIGKILL);
        if (p)
            p->waitForFinished(kKillGraceMs);
    }
    if (m_running)
        discardStaged();
}

QList<RigKind> TestPlanRun::kinds() const
{
    return RigCommands::runsOf(m_plan);
}

bool TestPlanRun::reportUnderLoad() const
{
    const QList<RigKind> runs = kinds();
    return runs.contains(RigKind::GpuBurn) && runs.contains(RigKind::NvidiaSmi);
}

bool TestPlanRun::passed() const
{
    return m_recorded && EventPayload::read(m_recorded->event.payload).outcome == outcome::Pass;
}

Status TestPlanRun::start()
{
    if (m_running || m_index >= 0)
        return makeError(ErrorCode::Contradiction, QString(),
                         Message(tr, QT_TR_NOOP("this plan has run already")));
    if (m_session.isEmpty())
        return makeError(ErrorCode::NotPermitted, QStringLiteral("operator"),
                         Message(tr, QT_TR_NOOP("log in first: a test is recorded by its operator")));
    Result<NextStep> next =
        NextStepResolver(m_recorder.database().connection(), m_recorder.clock()).resolve(m_unit);
    if (!next)
        return next.error();
    if (next->kind != QLatin1StringView("unit") || next->step != Step::Test)
        return makeError(
            ErrorCode::OutOfOrder, QStringLiteral("unit"),
            Message(tr, QT_TR_NOOP("%1 is not waiting for its test: %2"), {m_unit, next->where}));
    // A token may record what its scope says (the recorder checks); an operator what the role may.
    if (!m_session.operatorInfo.id.startsWith(kTokenOperatorPrefix) &&
        !m_recorder.config().permits(m_session.operatorInfo.role, QStringLiteral("record.test")))
        return makeError(ErrorCode::NotPermitted, QStringLiteral("operator"),
                         Message(tr, QT_TR_NOOP("your role (%1) may not record a test; ask a supervisor"),
                                 {m_session.operatorInfo.role}));
    // A plan that requires no run would record a pass on the GPU's report alone: that is *Run
    // nvidia-smi*, not a test plan.
    if (RigCommands::runsOf(m_plan) == QList<RigKind>{RigKind::NvidiaSmi})
        return makeError(
            ErrorCode::InvalidValue, QStringLiteral("plan"),
            Message(tr,
                    QT_TR_NOOP("test plan %1 requires no rig run (gpu_burn, dcgmi diag, a VRAM "
                               "test), so it would test nothing but the GPU's report: run strict, "
                               "or a plan file that lists its \"required\" runs"),
                    {m_plan.name}));
    if (!m_scratch.isValid())
        return makeError(ErrorCode::Storage, QString(),
                         Message(tr, QT_TR_NOOP("no temporary folder for the tools' output")));
    m_commands.clear();
    m_totalMs = 0;
    for (RigKind kind : kinds()) {
        Result<RigCommand> c = m_settings.commandFor(kind, m_plan);
        if (!c)
            return c.error();
        if (kind == RigKind::NvidiaSmi && reportUnderLoad()) {
            m_reportCommand = c.value(); // taken during the burn-in, beside it
            continue;
        }
        m_commands << c.value();
        m_totalMs += qint64{c->expectedS} * 1000;
    }
    spdlog::info("test plan {} of {} started at {} by {}", m_plan.name.toStdString(), m_unit.toStdString(),
                 m_session.station.id.toStdString(), m_session.operatorInfo.id.toStdString());
    m_running = true;
    m_planClock.start();
    m_tick.start();
    startNext();
    return {};
}

void TestPlanRun::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_reportTimer.stop();
    signalGroup(m_reportProcess, SIGKILL); // nvidia-smi has nothing to tidy up
    if (m_process) {
        signalGroup(m_process, SIGTERM);
        m_kill.start(kKillGraceMs);
    }
}

void TestPlanRun::signalGroup(QProcess* process, int signal)
{
    if (!process || process->state() == QProcess::NotRunning)
        return;
    // Each tool runs in a process group of its own (gpu_burn forks a worker per GPU): all of it.
    const auto pid = static_cast<pid_t>(process->processId());
    if (pid > 0)
        ::kill(-pid, signal);
}

QString TestPlanRun::missingTool(const RigCommand& c) const
{
    return tr("%1 not found on this PC: install it or set %2 in %3")
        .arg(c.program, c.key, QDir(m_recorder.dataFolder()).filePath(RigCommands::kFileName));
}

void TestPlanRun::startNext()
{
    ++m_index;
    onTick();
    if (m_index >= m_commands.size()) {
        finishPlan(true);
        return;
    }
    const RigCommand& c = m_commands.at(m_index);
    const QString kind = rigKindName(c.kind);
    m_raw.clear();
    m_partial.clear();
    m_afterCr = false;
    m_decoder.resetState();
    m_runClock.start();
    emit started(kind);
    const QString program = resolvedProgram(c.program);
    if (program.isEmpty()) {
        endRun(RunEnd::MissingTool, missingTool(c));
        return;
    }
    emit output(QStringLiteral("$ ") +
                QStringList{c.program, c.arguments.join(QLatin1Char(' '))}.join(QLatin1Char(' ')).trimmed());
    auto* process = new QProcess(this);
    m_process = process;
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(process, &QProcess::readyRead, this, &TestPlanRun::onReadyRead);
    connect(process, &QProcess::finished, this, &TestPlanRun::onExited);
    connect(process, &QProcess::errorOccurred, this, [this, process, c](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || process != m_process)
            return;
        m_process = nullptr;
        process->deleteLater();
        endRun(RunEnd::MissingTool, tr("%1 could not be started (%2): install it or set %3")
                                        .arg(c.program, process->errorString(), c.key));
    });
    process->start(program, c.arguments);
    process->closeWriteChannel();
    if (c.kind == RigKind::GpuBurn && m_reportCommand)
        m_reportTimer.start(m_settings.reportAfterS() * 1000);
    m_timeout.start(c.timeoutS * 1000);
    if (c.stopAfterS > 0)
        m_stop.start(c.stopAfterS * 1000);
}

void TestPlanRun::onReadyRead()
{
    if (!m_process)
        return;
    const QByteArray bytes = m_process->readAll();
    m_raw += bytes;
    emitLines(m_decoder.decode(bytes), false);
}

void TestPlanRun::emitLines(const QString& text, bool flush)
{
    // gpu_burn rewrites its progress line with carriage returns: each is a line of its own here,
    // and a "\r\n" is one line end, even when the two came in separate reads.
    for (const QChar ch : text) {
        const bool lf = ch == QLatin1Char('\n'), cr = ch == QLatin1Char('\r');
        if (lf && m_afterCr) {
            m_afterCr = false;
            continue;
        }
        m_afterCr = cr;
        if (lf || cr) {
            emit output(m_partial);
            m_partial.clear();
        } else {
            m_partial += ch;
        }
    }
    if (flush && !m_partial.isEmpty()) {
        emit output(m_partial);
        m_partial.clear();
    }
}

void TestPlanRun::onExited()
{
    QProcess* process = m_process;
    if (!process)
        return;
    onReadyRead();
    emitLines(QString(), true);
    m_process = nullptr;
    process->deleteLater();
    m_timeout.stop();
    m_stop.stop();
    m_reportTimer.stop();
    if (m_reportProcess) {
        m_runExitPending = true; // the report under load is still being taken: its end goes on
        return;
    }
    m_kill.stop();
    afterRun();
}

void TestPlanRun::afterRun()
{
    m_runExitPending = false;
    const RigCommand& c = m_commands.at(m_index);
    if (m_reportFailed) {
        endRun(RunEnd::Cancelled, tr("stopped: without the GPU's report the test cannot be recorded"));
        return;
    }
    if (m_cancelled) {
        endRun(RunEnd::Cancelled, tr("cancelled: nothing of this test plan is recorded"));
        return;
    }
    if (m_timedOut) {
        endRun(RunEnd::TimedOut, tr("%1 was still running after %2 s and was stopped; nothing is recorded: "
                                    "check the rig, or set rig.timeout.%3")
                                     .arg(c.program)
                                     .arg(c.timeoutS)
                                     .arg(rigKindName(c.kind)));
        return;
    }
    // The output as a file, read the way `record test burnin=FILE` reads one.
    const QString field = RigImport::fieldOf(c.kind);
    const QString path = m_scratch.filePath(
        QStringLiteral("%1-%2.%3")
            .arg(m_unit, field,
                 c.kind == RigKind::NvidiaSmi ? QStringLiteral("xml") : QStringLiteral("log")));
    if (const QString why = keep(path, m_raw); !why.isEmpty()) {
        endRun(RunEnd::Unreadable, why);
        return;
    }
    if (c.kind == RigKind::NvidiaSmi) {
        const QString why = takeReport(path);
        endRun(why.isEmpty() ? RunEnd::Pass : RunEnd::Unreadable, why);
        return;
    }
    Result<ImportedRun> run = RigRunReader::readFile(field, path, m_recorder.dataFolder(), m_plan);
    if (!run) {
        endRun(RunEnd::Unreadable, run.error().message);
        return;
    }
    // A passing log's own duration is believed only as far as the clock here allows: a command
    // that prints a saved 30-minute log in a second did not burn the unit in for 30 minutes. (A
    // failing one fails the unit whatever its clock says.)
    double claimedS = 0;
    for (const auto& m : run->detail.value(QStringLiteral("measurements")).toArray()) {
        if (m.toObject().value(QStringLiteral("name")).toString() == QLatin1StringView("duration_min"))
            claimedS = std::max(claimedS, 60 * m.toObject().value(QStringLiteral("value")).toDouble());
    }
    const double ranS = static_cast<double>(m_runClock.elapsed()) / 1000.0;
    if (run->pass && claimedS > ranS * kClockTolerance + kClockSlackS) {
        EvidenceStore(m_recorder.dataFolder()).discardStaged(run->evidence);
        endRun(RunEnd::Unreadable,
               tr("%1's output says it ran %2 min, but the command ran %3 s: it is not the output of "
                  "this run, and nothing is recorded; check rig.command.%4")
                   .arg(c.program)
                   .arg(claimedS / 60, 0, 'f', 1)
                   .arg(ranS, 0, 'f', 0)
                   .arg(rigKindName(c.kind)));
        return;
    }
    m_runs << run.value();
    if (m_reportCommand && !m_report) {
        // The burn-in ended before the report was due: it is taken now, as a run of its own.
        m_commands.insert(m_index + 1, *m_reportCommand);
        m_totalMs += qint64{m_reportCommand->expectedS} * 1000;
        m_reportCommand.reset();
    }
    endRun(run->pass ? RunEnd::Pass : RunEnd::Fail, run->reasons.join(QStringLiteral("; ")));
}

void TestPlanRun::endRun(RunEnd end, const QString& why)
{
    const RigCommand& c = m_commands.at(m_index);
    const int seconds = static_cast<int>(m_runClock.elapsed() / 1000);
    m_results << PlanRunResult{c.kind, end, why, seconds};
    spdlog::info("test plan {} of {}: {} {} after {} s", m_plan.name.toStdString(), m_unit.toStdString(),
                 rigKindName(c.kind).toStdString(), runEndName(end).toStdString(), seconds);
    if (!why.isEmpty())
        emit output(why);
    emit finished(rigKindName(c.kind), runEndName(end));
    switch (end) {
    case RunEnd::Pass:
        startNext();
        return;
    case RunEnd::Fail:
        finishPlan(true); // the unit failed: the runs after this one would change nothing
        return;
    case RunEnd::Cancelled:
    case RunEnd::TimedOut:
    case RunEnd::MissingTool:
    case RunEnd::Unreadable:
        finishPlan(false);
        return;
    }
}

void TestPlanRun::finishPlan(bool record)
{
    m_tick.stop();
    m_running = false;
    const bool pass = std::all_of(m_results.cbegin(), m_results.cend(),
                                  [](const PlanRunResult& r) { return r.end == RunEnd::Pass; });
    if (!record) {
        discardStaged();
        m_summary = tr("nothing recorded for %1: the test plan did not run to its end").arg(m_unit);
        emit output(m_summary);
        emit planFinished(false);
        return;
    }
    const QStringList keyValues{QStringLiteral("unit=") + m_unit,
                                QStringLiteral("result=") +
                                    (pass ? QStringLiteral("pass") : QStringLiteral("fail"))};
    Result<QJsonObject> fields = StepSchema::parse(Step::Test, keyValues);
    Result<Recorded> r =
        fields ? m_recorder.record(Action{Step::Test, m_session.station.id, m_session.operatorInfo.id,
                                          fields.value(), m_report, m_runs})
               : Result<Recorded>(fields.error());
    if (!r) {
        discardStaged();
        m_refusal = r.error();
        m_summary = tr("the test of %1 was not recorded: %2").arg(m_unit, r.error().message);
        emit output(m_summary);
        emit planFinished(false);
        return;
    }
    m_recorded = r.value();
    m_summary = pass ? tr("test of %1 recorded as passed (event %2)").arg(m_unit, r->event.id)
                     : tr("test of %1 recorded as failed (event %2)").arg(m_unit, r->event.id);
    emit output(m_summary);
    emit planFinished(true);
}

void TestPlanRun::discardStaged()
{
    const EvidenceStore store(m_recorder.dataFolder());
    if (m_report)
        store.discardStaged(m_report->evidence);
    for (const ImportedRun& run : std::as_const(m_runs))
        store.discardStaged(run.evidence);
    m_report.reset();
    m_runs.clear();
}

qint64 TestPlanRun::doneMs() const
{
    qint64 done = 0;
    for (qsizetype i = 0; i < m_index && i < m_commands.size(); ++i)
        done += qint64{m_commands.at(i).expectedS} * 1000;
    if (m_running && m_index >= 0 && m_index < m_commands.size()) {
        // The run going now counts by its time, never quite to its end before it ends.
        const qint64 expected = qint64{m_commands.at(m_index).expectedS} * 1000;
        done += std::min(m_runClock.elapsed(), expected * 99 / 100);
    }
    return done;
}

QString TestPlanRun::keep(const QString& path, const QByteArray& output)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(output) != output.size())
        return tr("the output could not be kept: %1").arg(file.errorString());
    return {};
}

QString TestPlanRun::takeReport(const QString& path)
{
    Result<GpuReport> report = GpuReportReader::readFile(path, -1, m_recorder.dataFolder());
    if (!report)
        return report.error().message;
    m_report = report.value();
    return {};
}

void TestPlanRun::startReportUnderLoad()
{
    if (!m_reportCommand || !m_process)
        return;
    const RigCommand c = *m_reportCommand;
    m_reportCommand.reset();
    const QString kind = rigKindName(c.kind);
    emit started(kind);
    const QString program = resolvedProgram(c.program);
    if (program.isEmpty()) {
        reportFailed(RunEnd::MissingTool, missingTool(c));
        return;
    }
    emit output(tr("$ %1 %2 (the GPU's report, taken under load)")
                    .arg(c.program, c.arguments.join(QLatin1Char(' '))));
    auto* process = new QProcess(this);
    m_reportProcess = process;
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(process, &QProcess::errorOccurred, this, [this, process, c](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || process != m_reportProcess)
            return;
        m_reportProcess = nullptr;
        process->deleteLater();
        reportFailed(RunEnd::MissingTool, tr("%1 could not be started (%2): install it or set %3")
                                              .arg(c.program, process->errorString(), c.key));
    });
    connect(process, &QProcess::finished, this, [this, process, c] {
        if (process != m_reportProcess)
            return;
        m_reportProcess = nullptr;
        process->deleteLater();
        m_reportTimeout.stop();
        if (m_reportTimedOut) {
            reportFailed(
                RunEnd::TimedOut,
                tr("%1 was still running after %2 s and was stopped").arg(c.program).arg(c.timeoutS));
        } else if (!m_cancelled) {
            const QString path = m_scratch.filePath(m_unit + QStringLiteral("-smi.xml"));
            const QString why = keep(path, process->readAllStandardOutput());
            if (const QString unread = why.isEmpty() ? takeReport(path) : why; !unread.isEmpty()) {
                reportFailed(RunEnd::Unreadable, unread);
            } else {
                m_results << PlanRunResult{c.kind, RunEnd::Pass, QString(), 0};
                emit output(tr("the GPU's report is taken"));
                emit finished(rigKindName(c.kind), runEndName(RunEnd::Pass));
            }
        }
        if (m_runExitPending && !m_process) {
            m_kill.stop();
            afterRun();
        }
    });
    process->start(program, c.arguments);
    process->closeWriteChannel();
    m_reportTimeout.start(c.timeoutS * 1000);
}

void TestPlanRun::reportFailed(RunEnd end, const QString& why)
{
    // Without the GPU's report no test can be recorded: the burn-in going on is stopped.
    m_reportFailed = true;
    m_results << PlanRunResult{RigKind::NvidiaSmi, end, why, 0};
    emit output(why);
    emit finished(rigKindName(RigKind::NvidiaSmi), runEndName(end));
    if (m_process) {
        signalGroup(m_process, SIGTERM);
        m_kill.start(kKillGraceMs);
    }
}

void TestPlanRun::onTick()
{
    emit progress(doneMs(), m_totalMs, m_planClock.isValid() ? m_planClock.elapsed() : 0);
}

} // namespace rework
