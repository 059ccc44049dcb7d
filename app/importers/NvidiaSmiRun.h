#pragma once

#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

namespace rework {

/// Runs `nvidia-smi -q -x` on this PC without holding the caller's thread: the process runs
/// beside the event loop and `finished` says how it ended, with the report saved to a file for
/// `GpuReportReader`. A card that hangs the driver is given `timeoutMs`, then killed; `cancel`
/// kills it at once (the operator's Cancel). One run at a time.
class NvidiaSmiRun : public QObject
{
    Q_OBJECT

public:
    enum class Outcome
    {
        Report,     // reportPath() holds the XML
        NoAnswer,   // failed to start, crashed, exited non-zero, or timed out
        CannotSave, // ran, but its output could not be written (errorString())
        Cancelled,
    };
    Q_ENUM(Outcome)

    explicit NvidiaSmiRun(QObject* parent = nullptr);
    ~NvidiaSmiRun() override;

    /// nvidia-smi on PATH, or empty when this PC has none.
    static QString findProgram();
    static constexpr int kTimeoutMs = 30000;

    void start(const QString& program, int timeoutMs = kTimeoutMs);
    void cancel();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QString reportPath() const { return m_reportPath; }
    QString errorString() const { return m_error; }

signals:
    void finished(rework::NvidiaSmiRun::Outcome outcome);

private:
    void end(Outcome outcome);
    void processFinished(int exitCode, QProcess::ExitStatus status);

    QProcess m_process;
    QTimer m_deadline;
    QTemporaryDir m_folder;
    QString m_reportPath;
    QString m_error;
    bool m_ending = false;
    int m_runs = 0;
};

} // namespace rework
