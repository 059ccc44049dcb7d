#include "TracePage.h"

#include "GenealogyModel.h"
#include "VoidDialog.h"
#include "common/ReflowCurveView.h"
#include "common/ResultBanner.h"
#include "common/ScanFocus.h"
#include "common/TimelineModel.h"
#include "domain/EventPayload.h"
#include "importers/RecordedReflow.h"
#include "printing/LabelPrintDialog.h"
#include "storage/Database.h"
#include "storage/EvidenceStore.h"
#include "trace/TraceQuery.h"
#include "trace/VoidPreviewQuery.h"
#include "workflow/Recorder.h"

#include <QDesktopServices>
#include <QDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace rework {
namespace {

QPushButton* pageButton(QWidget* parent, const QString& text, const QString& name)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setMinimumHeight(48);
    b->setEnabled(false);
    b->setFocusPolicy(Qt::NoFocus); // a click leaves the keyboard with the scan field
    return b;
}

} // namespace

TracePage::TracePage(Recorder& recorder, QWidget* parent) : QWidget(parent), m_recorder(recorder)
{
    setObjectName(QStringLiteral("tracePage"));
    auto* layout = new QVBoxLayout(this);
    auto* title =
        new QLabel(tr("Trace: scan any card, die, board, unit or batch serial, or a GPU UUID"), this);
    layout->addWidget(title);
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("traceField"));
    m_field->setPlaceholderText(tr("Scan or type a serial, then press Enter"));
    m_field->setClearButtonEnabled(true);
    m_field->setMinimumHeight(48);
    title->setBuddy(m_field);
    layout->addWidget(m_field);
    connect(m_field, &QLineEdit::returnPressed, this, &TracePage::showTrace);
    m_scanFocus = new ScanFocus(m_field, this);
    // The outcome above the tables: read whatever the page's height.
    m_banner = new ResultBanner(this);
    m_banner->setCollapsible(true);
    layout->addWidget(m_banner);

    auto* split = new QSplitter(Qt::Vertical, this);
    m_genealogy = new GenealogyModel(this);
    m_tree = new QTreeView(split);
    m_tree->setObjectName(QStringLiteral("genealogyView"));
    m_tree->setModel(m_genealogy);
    m_tree->setFocusPolicy(Qt::NoFocus);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_timeline = new TimelineModel(this);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("timelineView"));
    m_table->setModel(m_timeline);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    // The figures take the width left and wrap; the other columns are as wide as their text.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TimelineModel::Figures, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The subject is the traced item's, or names it in the genealogy above.
    m_table->setColumnHidden(TimelineModel::Subject, true);
    // A row clicked takes the arrow keys; a scan typed meanwhile still reaches the field.
    m_scanFocus->watch(m_table);
    split->addWidget(m_tree);
    split->addWidget(m_table);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TracePage::updateButtons);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.isValid() && !Trace::evidence(m_timeline->event(index.row())).isEmpty())
            openEvidence();
    });

    auto* row = new QHBoxLayout;
    m_evidenceButton = pageButton(this, tr("Open evidence"), QStringLiteral("openEvidence"));
    m_curveButton = pageButton(this, tr("Reflow curve…"), QStringLiteral("reflowCurve"));
    m_labelButton = pageButton(this, tr("Print label…"), QStringLiteral("traceLabel"));
    m_voidButton = pageButton(this, tr("Void selected record…"), QStringLiteral("voidButton"));
    row->addWidget(m_evidenceButton);
    row->addWidget(m_curveButton);
    row->addWidget(m_labelButton);
    row->addStretch();
    row->addWidget(m_voidButton);
    layout->addLayout(row);
    connect(m_evidenceButton, &QPushButton::clicked, this, &TracePage::openEvidence);
    connect(m_curveButton, &QPushButton::clicked, this, &TracePage::showReflowCurve);
    connect(m_labelButton, &QPushButton::clicked, this, &TracePage::printLabel);
    connect(m_voidButton, &QPushButton::clicked, this, &TracePage::voidSelected);
}

void TracePage::setSession(const Session& session)
{
    m_session = session;
    m_mayVoid = !session.operatorInfo.id.isEmpty() &&
                m_recorder.config().permits(session.operatorInfo.role, QStringLiteral("record.void"));
    updateButtons();
}

void TracePage::reset()
{
    m_field->clear();
    m_banner->clearResult();
    m_genealogy->clearTrace();
    m_timeline->setEvents({});
    m_label.second.clear();
    m_labelButton->setText(tr("Print label…"));
    updateButtons();
}

void TracePage::trace(const QString& serial)
{
    m_field->setText(serial);
    showTrace();
}

void TracePage::showTrace()
{
    m_banner->clearResult();
    m_field->selectAll();
    Result<Trace> trace = TraceQuery(m_recorder.database().connection()).find(m_field->text());
    if (!trace) {
        // A wrong scan says so instead of leaving another item's trace in sight.
        m_genealogy->clearTrace();
        m_timeline->setEvents({});
        m_label.second.clear();
        m_banner->showFailure(trace.error().message);
        updateButtons();
        return;
    }
    showTraceOf(trace.value());
}

void TracePage::showTraceOf(const Trace& t)
{
    m_genealogy->setTrace(t);
    m_tree->expandAll();
    for (int c = 0; c < GenealogyModel::Details; ++c)
        m_tree->resizeColumnToContents(c);
    m_timeline->setEvents(t.events);
    m_table->scrollToBottom();
    // Labels on demand: the traced die, unit (or its board) or batch has one of its own.
    m_label.second.clear();
    if (t.foundKind == QLatin1StringView("die") && t.die)
        m_label = {LabelTemplate::Kind::Die, t.die->id};
    else if ((t.foundKind == QLatin1StringView("unit") || t.foundKind == QLatin1StringView("board")) &&
             t.unit)
        m_label = {LabelTemplate::Kind::Unit, t.unit->serial};
    else if (t.foundKind == QLatin1StringView("batch") && t.batch)
        m_label = {LabelTemplate::Kind::Batch, t.batch->id};
    m_labelButton->setText(m_label.second.isEmpty() ? tr("Print label…")
                                                    : tr("Print label for %1…").arg(m_label.second));
    updateButtons();
}

int TracePage::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

int TracePage::rowOf(const QString& eventId) const
{
    for (int r = 0; r < m_timeline->rowCount(); ++r) {
        if (m_timeline->event(r).id == eventId)
            return r;
    }
    return -1;
}

void TracePage::selectRow(int row)
{
    m_table->selectRow(row);
}

void TracePage::updateButtons()
{
    const int row = selectedRow();
    m_evidenceButton->setEnabled(row >= 0 && !Trace::evidence(m_timeline->event(row)).isEmpty());
    m_curveButton->setEnabled(
        row >= 0 &&
        m_timeline->event(row).payload.value(payload::RigRuns).toObject().contains(payload::ProfileLog));
    m_labelButton->setEnabled(!m_label.second.isEmpty());
    m_voidButton->setVisible(m_mayVoid);
    m_voidButton->setEnabled(m_mayVoid && row >= 0);
}

void TracePage::openEvidence()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    const EvidenceStore store(m_recorder.dataFolder());
    QStringList missing;
    for (const QString& reference : Trace::evidence(m_timeline->event(row))) {
        const QString path = store.pathFor(reference);
        if (!QFileInfo::exists(path) || !QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            missing << reference.section(QLatin1Char(':'), 2);
    }
    m_scanFocus->restore();
    if (!missing.isEmpty())
        m_banner->showFailure(tr("Cannot open evidence %1: the file is missing from the evidence store or no "
                                 "program opens it")
                                  .arg(missing.join(QStringLiteral(", "))));
}

void TracePage::showReflowCurve()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    Result<std::optional<RecordedReflow>> reflow =
        RecordedReflow::of(m_timeline->event(row), m_recorder.dataFolder());
    if (!reflow || !reflow.value()) {
        m_banner->showFailure(reflow ? tr("This record imported no reflow log") : reflow.error().message);
        return;
    }
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("reflowCurveDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Reflow curve of %1").arg(m_timeline->event(row).subject));
    auto* layout = new QVBoxLayout(dialog);
    auto* view = new ReflowCurveView(dialog);
    view->showReflow(*reflow.value());
    layout->addWidget(view);
    dialog->resize(1100, 640);
    connect(dialog, &QDialog::finished, m_scanFocus, &ScanFocus::restore);
    dialog->open();
}

void TracePage::printLabel()
{
    if (m_label.second.isEmpty())
        return;
    LabelPrintDialog::Context context{m_recorder.database().connection(), m_recorder.dataFolder(),
                                      m_session.station.id, m_session.operatorInfo.id,
                                      m_recorder.clock().now()};
    auto* dialog = new LabelPrintDialog(context, m_label.first, m_label.second, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LabelPrintDialog::printed, this, [this](const LabelPrintLog::Print& p) {
        const auto [printed, said] = LabelPrintDialog::outcomeOf(p);
        printed ? m_banner->showSuccess(said) : m_banner->showFailure(said);
    });
    connect(dialog, &QDialog::finished, m_scanFocus, &ScanFocus::restore);
    dialog->open();
}

void TracePage::voidSelected()
{
    const int row = selectedRow();
    if (!m_mayVoid || row < 0)
        return;
    const QString eventId = m_timeline->event(row).id;
    Result<VoidPreview> preview = VoidPreviewQuery(m_recorder.database().connection()).of(eventId);
    if (!preview) {
        m_banner->showFailure(preview.error().message);
        return;
    }
    auto* dialog = new VoidDialog(preview.value(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // The core decides: a missing reason, a later record in the way, a void of a void.
        Result<Recorded> r = m_recorder.record(
            Step::Void, m_session.station.id, m_session.operatorInfo.id,
            QList<std::pair<QString, QString>>{{QStringLiteral("event"), dialog->eventId()},
                                               {QStringLiteral("reason"), dialog->reason()}});
        if (!r) {
            m_banner->showFailure(r.error().message);
            return;
        }
        spdlog::info("void of {} recorded from the trace page", dialog->eventId().toStdString());
        showTrace();
        m_banner->showSuccess(
            tr("Record %1 is void; it stays in the history, marked VOID").arg(r->event.subject));
        if (const int voided = rowOf(dialog->eventId()); voided >= 0)
            selectRow(voided);
        emit changed();
    });
    connect(dialog, &QDialog::finished, m_scanFocus, &ScanFocus::restore);
    dialog->open();
}

} // namespace rework
