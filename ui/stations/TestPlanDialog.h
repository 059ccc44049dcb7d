#pragma once

#include "auth/Session.h"
#include "workflow/Recorder.h"

#include <QDialog>

#include <memory>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace rework {

class ResultBanner;
class TestPlanRun;

/// "Run test plan" at a test PC: starts the plan's tools for one unit and shows their progress,
/// live output, elapsed time and each run's verdict as it ends, with Cancel. It only drives the
/// core's TestPlanRun, which runs, judges and records (or records nothing); what the dialog shows
/// is what the core says.
class TestPlanDialog : public QDialog
{
    Q_OBJECT

public:
    /// Runs the plan of the unit's product, or where it has none `planName` (this PC's: a
    /// built-in plan, default or strict, or a test plan file). The tools' command lines
    /// come from rig.conf in the recorder's data folder. The plan starts when the dialog is shown.
    TestPlanDialog(const QString& unit, const QString& planName, Recorder& recorder, const Session& session,
                   QWidget* parent = nullptr);
    ~TestPlanDialog() override;

    /// Starts the plan (done when the dialog is first shown); false, with the reason in the
    /// banner, when it cannot start.
    bool start();
    bool isRunning() const;
    /// The core's runner: its results and the test it recorded.
    const TestPlanRun* run() const { return m_run.get(); }

    QProgressBar* progressBar() const { return m_progress; }
    QPlainTextEdit* outputView() const { return m_output; }
    QListWidget* verdictList() const { return m_verdicts; }
    QLabel* elapsedLabel() const { return m_elapsed; }
    ResultBanner* banner() const { return m_banner; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* closeButton() const { return m_close; }

signals:
    /// The plan recorded the unit's test (passed or failed): the form refreshes.
    void recorded(const rework::Recorded& recorded);

protected:
    void showEvent(QShowEvent* event) override;
    void reject() override;

private:
    void onFinished(const QString& kind, const QString& verdict);
    void onPlanFinished(bool recordedTest);
    static QString verdictText(const QString& verdict);

    std::unique_ptr<TestPlanRun> m_run;
    bool m_startedOnce = false;
    QLabel* m_title = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_elapsed = nullptr;
    QPlainTextEdit* m_output = nullptr;
    QListWidget* m_verdicts = nullptr;
    ResultBanner* m_banner = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace rework
