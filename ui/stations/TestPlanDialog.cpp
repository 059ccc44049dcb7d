#include "TestPlanDialog.h"

#include "common/ResultBanner.h"
#include "importers/TestPlan.h"
#include "importers/TestPlanStore.h"
#include "rigs/RigCommands.h"
#include "rigs/TestPlanRun.h"
#include "storage/Database.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTime>
#include <QVBoxLayout>

namespace rework {
namespace {

constexpr int kProgressSteps = 1000;
constexpr int kMaxOutputLines = 20000; // a day of gpu_burn progress lines, not a memory leak

} // namespace

TestPlanDialog::TestPlanDialog(const QString& unit, const QString& planName, Recorder& recorder,
                               const Session& session, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Run test plan"));
    setObjectName(QStringLiteral("testPlanDialog"));
    m_title = new QLabel(tr("Test plan %1 for unit %2").arg(planName, unit), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_elapsed = new QLabel(tr("Elapsed %1").arg(QStringLiteral("00:00:00")), this);
    m_output = new QPlainTextEdit(this);
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(kMaxOutputLines);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setFont(QFont(QStringLiteral("monospace")));
    m_output->setObjectName(QStringLiteral("rigOutput"));
    m_verdicts = new QListWidget(this);
    m_verdicts->setObjectName(QStringLiteral("runVerdicts"));
    m_verdicts->setMaximumHeight(120);
    m_banner = new ResultBanner(this);
    m_banner->setCollapsible(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_close = new QPushButton(tr("Close"), this);
    m_close->setEnabled(false);

    auto* status = new QHBoxLayout;
    status->addWidget(m_progress, 1);
    status->addWidget(m_elapsed);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(status);
    layout->addWidget(m_verdicts);
    layout->addWidget(m_output, 1);
    layout->addWidget(m_banner);
    layout->addLayout(buttons);
    resize(820, 560);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (isRunning())
            m_run->cancel();
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);

    // The unit's product's plan where it has one; this PC's otherwise.
    Result<TestPlan> plan =
        TestPlanStore(recorder.database().connection()).forUnit(unit, std::nullopt, planName);
    if (plan)
        m_title->setText(tr("Test plan %1 for unit %2").arg(plan->name, unit));
    Result<RigCommands> commands =
        plan ? RigCommands::load(recorder.dataFolder()) : Result<RigCommands>(plan.error());
    if (!commands) {
        m_banner->showFailure(commands.error().message);
        m_cancel->setEnabled(false);
        m_close->setEnabled(true);
        return;
    }
    m_run = std::make_unique<TestPlanRun>(recorder, session, unit, plan.value(), commands.value());
    for (RigKind kind : m_run->kinds()) {
        auto* item = new QListWidgetItem(tr("%1: waiting").arg(rigKindName(kind)), m_verdicts);
        item->setData(Qt::UserRole, rigKindName(kind));
    }
    connect(m_run.get(), &TestPlanRun::started, this, [this](const QString& kind) {
        for (int i = 0; i < m_verdicts->count(); ++i) {
            if (m_verdicts->item(i)->data(Qt::UserRole).toString() == kind)
                m_verdicts->item(i)->setText(tr("%1: running").arg(kind));
        }
    });
    connect(m_run.get(), &TestPlanRun::output, this, [this](const QString& line) {
        QScrollBar* bar = m_output->verticalScrollBar();
        // Follows the output unless the operator scrolled up to read.
        const bool atEnd = bar->value() >= bar->maximum() - 2;
        m_output->appendPlainText(line);
        if (atEnd)
            bar->setValue(bar->maximum());
    });
    connect(m_run.get(), &TestPlanRun::progress, this, [this](qint64 done, qint64 total, qint64 elapsedMs) {
        m_progress->setValue(total > 0 ? static_cast<int>(done * kProgressSteps / total) : 0);
        m_elapsed->setText(
            tr("Elapsed %1")
                .arg(QTime(0, 0).addMSecs(static_cast<int>(elapsedMs)).toString(QStringLiteral("hh:mm:ss"))));
    });
    connect(m_run.get(), &TestPlanRun::finished, this, &TestPlanDialog::onFinished);
    connect(m_run.get(), &TestPlanRun::planFinished, this, &TestPlanDialog::onPlanFinished);
}

TestPlanDialog::~TestPlanDialog() = default;

bool TestPlanDialog::isRunning() const
{
    return m_run && m_run->isRunning();
}

bool TestPlanDialog::start()
{
    m_startedOnce = true;
    if (!m_run)
        return false;
    if (Status st = m_run->start(); !st) {
        m_banner->showFailure(st.error().message);
        m_cancel->setEnabled(false);
        m_close->setEnabled(true);
        return false;
    }
    m_banner->clearResult();
    return true;
}

void TestPlanDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    if (!m_startedOnce)
        start();
}

void TestPlanDialog::reject()
{
    // Esc or the window's close while tools run is a cancel first: nothing keeps running unseen.
    if (isRunning()) {
        m_run->cancel();
        return;
    }
    QDialog::reject();
}

QString TestPlanDialog::verdictText(const QString& verdict)
{
    if (verdict == QLatin1StringView("pass"))
        return tr("passed");
    if (verdict == QLatin1StringView("fail"))
        return tr("failed");
    if (verdict == QLatin1StringView("cancelled"))
        return tr("cancelled");
    if (verdict == QLatin1StringView("timed-out"))
        return tr("timed out");
    if (verdict == QLatin1StringView("missing-tool"))
        return tr("tool missing");
    return tr("output unreadable");
}

void TestPlanDialog::onFinished(const QString& kind, const QString& verdict)
{
    const PlanRunResult& r = m_run->results().last();
    for (int i = 0; i < m_verdicts->count(); ++i) {
        QListWidgetItem* item = m_verdicts->item(i);
        if (item->data(Qt::UserRole).toString() != kind)
            continue;
        item->setText(r.why.isEmpty() ? tr("%1: %2").arg(kind, verdictText(verdict))
                                      : tr("%1: %2: %3").arg(kind, verdictText(verdict), r.why));
        item->setData(Qt::UserRole + 1, verdict);
        item->setForeground(verdict == QLatin1StringView("pass") ? Qt::darkGreen : Qt::red);
    }
}

void TestPlanDialog::onPlanFinished(bool recordedTest)
{
    m_cancel->setEnabled(false);
    m_close->setEnabled(true);
    m_close->setDefault(true);
    if (m_run->passed()) {
        m_progress->setValue(kProgressSteps);
        m_banner->showSuccess(m_run->summary());
    } else {
        m_banner->showFailure(m_run->summary());
    }
    if (recordedTest && m_run->recorded())
        emit recorded(*m_run->recorded());
}

} // namespace rework
