#include "NvidiaSmiRun.h"

#include <QFile>
#include <QStandardPaths>

#include <spdlog/spdlog.h>

namespace rework {

NvidiaSmiRun::NvidiaSmiRun(QObject* parent) : QObject(parent)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        spdlog::warn("nvidia-smi gave no report in time; killed");
        end(Outcome::NoAnswer);
    });
    connect(&m_process, &QProcess::finished, this, &NvidiaSmiRun::processFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            spdlog::warn("nvidia-smi did not start: {}", m_process.errorString().toStdString());
            end(Outcome::NoAnswer);
        }
    });
}

NvidiaSmiRun::~NvidiaSmiRun()
{
    // Never leave a child behind (a closed form, a quitting app).
    m_ending = true;
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

QString NvidiaSmiRun::findProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("nvidia-smi"));
}

void NvidiaSmiRun::start(const QString& program, int timeoutMs)
{
    if (isRunning())
        return;
    m_reportPath.clear();
    m_error.clear();
    m_ending = false;
    // Its XML is read whole at the end; stderr (driver chatter) is not part of the report.
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(program, {QStringLiteral("-q"), QStringLiteral("-x")});
    m_deadline.start(timeoutMs);
    spdlog::info("nvidia-smi started: {}", program.toStdString());
}

void NvidiaSmiRun::cancel()
{
    if (!isRunning())
        return;
    spdlog::info("nvidia-smi cancelled by the operator");
    end(Outcome::Cancelled);
}

void NvidiaSmiRun::processFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_ending)
        return; // killed by end(): it has reported already
    if (status != QProcess::NormalExit || exitCode != 0) {
        spdlog::warn("nvidia-smi ended with exit code {} ({})", exitCode,
                     status == QProcess::NormalExit ? "normal" : "crashed");
        end(Outcome::NoAnswer);
        return;
    }
    // A name of its own per run: the reader keeps the file as evidence under its content's hash.
    const QString path = m_folder.filePath(QStringLiteral("nvidia-smi-%1.xml").arg(++m_runs));
    QFile report(path);
    if (!m_folder.isValid() || !report.open(QIODevice::WriteOnly) ||
        report.write(m_process.readAllStandardOutput()) < 0) {
        m_error = m_folder.isValid() ? report.errorString() : m_folder.errorString();
        end(Outcome::CannotSave);
        return;
    }
    report.close();
    m_reportPath = path;
    end(Outcome::Report);
}

void NvidiaSmiRun::end(Outcome outcome)
{
    m_ending = true;
    m_deadline.stop();
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        // Reaped without blocking the caller for long: a killed process ends within moments.
        m_process.waitForFinished(1000);
    }
    emit finished(outcome);
}

} // namespace rework
