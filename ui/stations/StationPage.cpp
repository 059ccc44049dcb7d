#include "StationPage.h"

#include "StepForm.h"
#include "common/ResultBanner.h"
#include "common/TimelineModel.h"
#include "storage/Database.h"
#include "trace/TraceQuery.h"
#include "workflow/FieldSpec.h"
#include "workflow/NextStep.h"
#include "workflow/Recorder.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace rework {

StationPage::StationPage(Database& db, Recorder& recorder, QWidget* parent)
    : QWidget(parent), m_db(db), m_recorder(recorder)
{
    setObjectName(QStringLiteral("stationPage"));
    auto* layout = new QVBoxLayout(this);
    QWidget* tab = this;
    m_scanAnything = new QLineEdit(tab);
    m_scanAnything->setObjectName(QStringLiteral("scanAnything"));
    m_scanAnything->setPlaceholderText(tr("Scan anything (F2): the form of the item's next step opens"));
    m_scanAnything->setClearButtonEnabled(true);
    m_scanAnything->setMinimumHeight(48);
    layout->addWidget(m_scanAnything);
    connect(m_scanAnything, &QLineEdit::returnPressed, this, &StationPage::scanAnything);

    auto* split = new QSplitter(Qt::Horizontal, tab);
    m_formStack = new QStackedWidget(split);
    for (Step step : {Step::Intake, Step::Strip, Step::Reball, Step::Mount, Step::Inspect, Step::Test,
                      Step::Pack, Step::Bake}) {
        // Each form scrolls its own fields, never its banner or its buttons.
        auto* form = new StepForm(step, m_recorder, m_formStack);
        m_forms.insert(step, form);
        m_formStack->addWidget(form);
        connect(form, &StepForm::itemScanned, this, &StationPage::showHistory);
        connect(form, &StepForm::saved, this,
                [this](const Recorded& r) { showHistory(r.decision.primarySerial); });
    }
    auto* historyPane = new QWidget(split);
    auto* historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    m_history = new QLabel(tr("The history of the scanned item shows here."), historyPane);
    m_history->setObjectName(QStringLiteral("historyView"));
    m_history->setWordWrap(true);
    m_history->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_historyModel = new TimelineModel(this);
    m_historyTable = new QTableView(historyPane);
    m_historyTable->setObjectName(QStringLiteral("historyTable"));
    m_historyTable->setModel(m_historyModel);
    m_historyTable->setFocusPolicy(Qt::NoFocus);
    m_historyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyTable->verticalHeader()->hide();
    // Beside the form there is room for what the operator needs: when, which step, the outcome.
    // The outcome takes the width left and wraps, so it is read whole on a 1366 px screen.
    for (int c : {int(TimelineModel::Subject), int(TimelineModel::Station), int(TimelineModel::Figures),
                  int(TimelineModel::Evidence)})
        m_historyTable->setColumnHidden(c, true);
    m_historyTable->setWordWrap(true);
    m_historyTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyTable->horizontalHeader()->setSectionResizeMode(TimelineModel::Outcome, QHeaderView::Stretch);
    m_historyTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    historyLayout->addWidget(m_history);
    historyLayout->addWidget(m_historyTable, 1);
    split->addWidget(m_formStack);
    split->addWidget(historyPane);
    // The form takes two thirds: two fields a row fit beside the history on a 1366 px screen.
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 1);
    split->setSizes({900, 420});
    layout->addWidget(split, 1);
}

void StationPage::showStation(const Session& session)
{
    setSession(session);
    const std::optional<Step> step = stepFromName(session.station.step);
    if (step && m_forms.contains(*step))
        showForm(m_forms.value(*step));
}

void StationPage::setSession(const Session& session)
{
    m_session = session;
    for (StepForm* form : std::as_const(m_forms))
        form->setSession(session);
}

void StationPage::reset()
{
    for (StepForm* form : std::as_const(m_forms))
        form->reset();
    m_history->clear();
    m_historyModel->setEvents({});
}

void StationPage::clearBanners()
{
    for (StepForm* form : std::as_const(m_forms))
        form->banner()->clearResult();
}

void StationPage::focusForm()
{
    if (StepForm* form = currentForm(); form && form->firstField())
        form->firstField()->setFocus();
}

ResultBanner* StationPage::scanBanner() const
{
    StepForm* form = currentForm();
    return form ? form->banner() : nullptr;
}

void StationPage::showForm(StepForm* form)
{
    // The form left behind keeps no outcome to show later out of its moment.
    if (StepForm* before = currentForm(); before && before != form)
        before->banner()->clearResult();
    m_formStack->setCurrentWidget(form);
}

StepForm* StationPage::currentForm() const
{
    return qobject_cast<StepForm*>(m_formStack->currentWidget());
}

void StationPage::showHistory(const QString& serial)
{
    Result<Trace> trace = TraceQuery(m_db.connection()).find(serial);
    if (!trace) {
        m_history->setText(trace.error().message);
        m_historyModel->setEvents({});
        return;
    }
    QStringList chain;
    if (trace->card)
        chain << tr("card %1 (%2, lot %3)").arg(trace->card->serial, trace->card->model, trace->card->lot);
    if (trace->die)
        chain << tr("die %1").arg(trace->die->id);
    if (trace->unit)
        chain << tr("unit %1 on board %2: %3")
                     .arg(trace->unit->serial, trace->unit->boardSerial,
                          FieldSpec::choiceTitle(trace->unit->state));
    if (trace->batch)
        chain << tr("batch %1").arg(trace->batch->id);
    m_history->setText(chain.join(QStringLiteral(" → ")));
    m_historyModel->setEvents(trace->events);
    m_historyTable->scrollToBottom();
}

void StationPage::scanAnything()
{
    const QString scanned = m_scanAnything->text();
    m_scanAnything->clear();
    Result<NextStep> next = NextStepResolver(m_db.connection(), m_recorder.clock()).resolve(scanned);
    if (!next) {
        scanBanner()->showFailure(next.error().message);
        return;
    }
    showHistory(next->serial);
    if (!next->step) {
        scanBanner()->showFailure(next->where);
        return;
    }
    // The core says where the item's step is done; the page only follows.
    Result<Route> route = NextStepResolver(m_db.connection(), m_recorder.clock())
                              .route(next.value(), m_session.station, m_boundToStation);
    if (!route) {
        scanBanner()->showFailure(route.error().message);
        return;
    }
    if (!route->opens) {
        scanBanner()->showFailure(route->takeItTo);
        return;
    }
    if (route->moveTo)
        emit stationNeeded(*route->moveTo); // the shell moves the session; showStation() follows
    StepForm* form = m_forms.value(*next->step);
    if (!form)
        return;
    showForm(form);
    form->clear();
    form->banner()->clearResult();
    // The serial is in as if scanned there; the operator goes on with the next field.
    form->takeScan(next->field, next->serial);
}

} // namespace rework
