#include "StepForm.h"

#include "ReadingsPanel.h"
#include "ReflowPanel.h"
#include "TestPlanDialog.h"
#include "common/FileDialogs.h"
#include "common/ResultBanner.h"
#include "common/ScanConfirmDialog.h"
#include "domain/CommandCode.h"
#include "domain/EventPayload.h"
#include "domain/SerialRules.h"
#include "importers/GpuReportReader.h"
#include "importers/NvidiaSmiImporter.h"
#include "importers/RigRunReader.h"
#include "importers/TestPlan.h"
#include "importers/TestPlanStore.h"
#include "printing/LabelPrintDialog.h"
#include "rigs/RigCommands.h"
#include "storage/Database.h"
#include "storage/EvidenceStore.h"
#include "storage/SnapshotLoader.h"
#include "trace/CartonQuery.h"
#include "workflow/IdentityRegistry.h"
#include "workflow/ReadingLimits.h"
#include "workflow/StepDefects.h"
#include "workflow/StepSchema.h"
#include "workflow/TestGate.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QVBoxLayout>

#include <algorithm>

namespace rework {
namespace {

/// A row of check boxes for a checklist field (condition, damage).
class ChecklistInput : public QWidget
{
public:
    ChecklistInput(const QStringList& choices, QWidget* parent) : QWidget(parent)
    {
        auto* grid = new QGridLayout(this);
        grid->setContentsMargins(0, 0, 0, 0);
        for (const QString& c : choices) {
            auto* box = new QCheckBox(FieldSpec::choiceTitle(c), this);
            box->setObjectName(c);
            box->setMinimumHeight(30);
            // Three a row: a checklist of six takes two rows of the form, not three.
            grid->addWidget(box, static_cast<int>(m_boxes.size()) / 3, static_cast<int>(m_boxes.size()) % 3);
            m_boxes.append(box);
        }
        setFocusProxy(m_boxes.isEmpty() ? nullptr : m_boxes.first());
    }
    QString text() const
    {
        QStringList on;
        for (QCheckBox* b : m_boxes) {
            if (b->isChecked())
                on << b->objectName();
        }
        return on.join(QLatin1Char(','));
    }
    void setText(const QString& list)
    {
        const QStringList on = list.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QCheckBox* b : m_boxes)
            b->setChecked(on.contains(b->objectName()));
    }
    const QList<QCheckBox*>& boxes() const { return m_boxes; }

private:
    QList<QCheckBox*> m_boxes;
};

QString labelFor(const FieldSpec& spec)
{
    QString text = spec.helpText();
    if (!text.isEmpty() && !text.startsWith(QLatin1StringView("nvidia")))
        text[0] = text[0].toUpper();
    return spec.required ? text + QStringLiteral(" *") : text;
}

/// Rarely used fields, folded under "More fields": a remark, evidence files, a supervisor's
/// override, the PCB revision, a defect code (#DEFECT and a refusal naming it unfold it).
bool folds(const FieldSpec& spec)
{
    static const QStringList keys{payload::Notes, payload::Evidence, payload::OverrideReason, payload::PcbRev,
                                  payload::Defect};
    return !spec.required && spec.type != FieldType::Serial && keys.contains(spec.key);
}

/// The form's inputs: large for scans and required fields, compact for the rest.
constexpr int kScanHeight = 44;
constexpr int kFieldHeight = 34;
constexpr int kReadingHeight = 28;

} // namespace

StepForm::StepForm(Step step, Recorder& recorder, QWidget* parent)
    : QWidget(parent), m_step(step), m_recorder(recorder)
{
    setObjectName(QStringLiteral("form_") + stepName(step));
    auto* layout = new QVBoxLayout(this);
    // The title's row also holds "More fields": the toggle costs the fields no height.
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(createTitle());
    titleRow->addStretch();
    layout->addLayout(titleRow);
    // The outcome sits under the title and never scrolls: a refusal is read whole, whatever the
    // height of the screen.
    m_banner = new ResultBanner(this);
    layout->addWidget(m_banner);
    if (m_step == Step::Pack) {
        m_carton = new QLabel(this);
        m_carton->setObjectName(QStringLiteral("cartonCount"));
        m_carton->setWordWrap(true);
        QFont bold = m_carton->font();
        bold.setPointSizeF(bold.pointSizeF() * 1.2);
        bold.setBold(true);
        m_carton->setFont(bold);
        layout->addWidget(m_carton);
    }
    // Only the fields scroll (a long test form on a small screen); the buttons stay below them.
    auto* fields = new QWidget(this);
    fields->setObjectName(QStringLiteral("fields"));
    auto* fieldsLayout = new QVBoxLayout(fields);
    fieldsLayout->setContentsMargins(0, 0, 0, 0);
    fieldsLayout->addLayout(createFields());
    if (RigRunReader::fieldsOf(m_step).contains(payload::ProfileLog)) {
        // Under the fields, with the height they leave: the curve is read at a glance.
        m_reflowPanel = new ReflowPanel(fields);
        fieldsLayout->addWidget(m_reflowPanel, 1);
    }
    fieldsLayout->addStretch();
    if (!m_foldedKeys.isEmpty()) {
        m_more = new QPushButton(tr("More fields (%1)").arg(m_foldedKeys.size()), this);
        m_more->setObjectName(QStringLiteral("moreFields"));
        m_more->setCheckable(true);
        m_more->setFocusPolicy(Qt::NoFocus);
        titleRow->addWidget(m_more);
        connect(m_more, &QPushButton::toggled, this, [this](bool shown) {
            for (QWidget* w : std::as_const(m_folded))
                w->setVisible(shown);
        });
    }
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("fieldsArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setFocusPolicy(Qt::NoFocus);
    m_scroll->setWidget(fields);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(createButtons());
    // The field that takes the next scan is always in sight, however it got the focus.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget*, QWidget* now) {
        if (now && m_scroll->widget()->isAncestorOf(now))
            m_scroll->ensureWidgetVisible(now, 8, 8);
    });
    if (m_inputs.contains(payload::Batch) && m_carton) {
        if (auto* batch = qobject_cast<QLineEdit*>(m_inputs.value(payload::Batch)))
            connect(batch, &QLineEdit::editingFinished, this, &StepForm::refreshCarton);
        refreshCarton();
    }
    if (QWidget* first = firstField())
        setFocusProxy(first);
}

QLabel* StepForm::createTitle()
{
    auto* title = new QLabel(stepTitle(m_step), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    return title;
}

QLayout* StepForm::createFields()
{
    QList<FieldSpec> main, readings, folded;
    for (const FieldSpec& spec : StepSchema::fields(m_step)) {
        if (ReadingLimits::isReading(spec.key))
            readings << spec;
        else if (folds(spec))
            folded << spec;
        else
            main << spec;
    }
    // One grid, two fields a row, so that the columns line up from section to section and a
    // hidden section (typed readings under a report, folded fields) leaves no gap.
    auto* grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    GridCursor at;
    addFields(grid, at, main, kFieldHeight, kScanHeight);
    if (!readings.isEmpty()) {
        // Typed by hand where no report was imported, small and in the same flow; once one is,
        // the readings show read-only beside their limits instead.
        m_manualReadings = addFields(grid, at, readings, kReadingHeight, kReadingHeight);
        at.newRow();
        m_readingsPanel = new ReadingsPanel(this);
        m_readingsPanel->hide();
        grid->addWidget(m_readingsPanel, at.row, 0, 1, 4);
        at.pastFullRow();
        if (auto* model = qobject_cast<QComboBox*>(m_inputs.value(payload::Model)))
            connect(model, &QComboBox::currentIndexChanged, this, &StepForm::showReadings);
        if (auto* unit = qobject_cast<QLineEdit*>(m_inputs.value(payload::Unit)))
            connect(unit, &QLineEdit::editingFinished, this, &StepForm::showReadings);
    }
    if (!folded.isEmpty()) {
        at.newRow();
        m_folded = addFields(grid, at, folded, kFieldHeight, kFieldHeight);
        for (QWidget* w : std::as_const(m_folded))
            w->hide();
        for (const FieldSpec& spec : std::as_const(folded)) {
            m_foldedKeys << spec.key;
            // A folded field that gets a value (an import, #DEFECT, an attached file) unfolds,
            // so that nothing is saved that the operator did not see.
            const auto unfold = [this, key = spec.key] {
                if (!value(key).isEmpty())
                    m_more->setChecked(true);
            };
            if (auto* edit = qobject_cast<QLineEdit*>(m_inputs.value(spec.key)))
                connect(edit, &QLineEdit::textChanged, this, unfold);
            else if (auto* combo = qobject_cast<QComboBox*>(m_inputs.value(spec.key)))
                connect(combo, &QComboBox::currentIndexChanged, this, unfold);
        }
    }
    return grid;
}

QList<QWidget*> StepForm::addFields(QGridLayout* grid, GridCursor& at, const QList<FieldSpec>& specs,
                                    int height, int primaryHeight)
{
    // A label as wide as its text up to about 34 characters; a longer one wraps beside its field
    // rather than push the form past a 1366 px screen.
    const int labelWidth = fontMetrics().averageCharWidth() * 34;
    QList<QWidget*> added;
    for (const FieldSpec& spec : specs) {
        QWidget* input = createInput(spec);
        input->setObjectName(spec.key);
        input->setMinimumHeight(spec.required || spec.type == FieldType::Serial ? primaryHeight : height);
        input->setMinimumWidth(160);
        m_inputs.insert(spec.key, input);
        m_order.append(input);
        auto* label = new QLabel(labelFor(spec), this);
        label->setWordWrap(true);
        label->setMinimumWidth(
            std::min(labelWidth, label->fontMetrics().horizontalAdvance(label->text()) + 2));
        label->setMaximumWidth(labelWidth);
        label->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        label->setBuddy(input);
        added << label << input;
        if (spec.type == FieldType::ChoiceList) {
            // A checklist takes a row of its own.
            at.newRow();
            grid->addWidget(label, at.row, 0);
            grid->addWidget(input, at.row, 1, 1, 3);
            at.pastFullRow();
            continue;
        }
        grid->addWidget(label, at.row, at.column);
        grid->addWidget(input, at.row, at.column + 1);
        at.next();
    }
    return added;
}

QBoxLayout* StepForm::createButtons()
{
    // Two rows: the step's own actions, then Clear and Save at the right where the hand expects
    // them; one row of them all would push the form past a 1366 px screen.
    auto* rows = new QVBoxLayout;
    auto* buttons = new QHBoxLayout;
    auto* finish = new QHBoxLayout;
    rows->addLayout(buttons);
    rows->addLayout(finish);
    if (m_step == Step::Intake || m_step == Step::Test) {
        m_import = addButton(buttons, tr("Import nvidia-smi report…"), QStringLiteral("importReport"),
                             &StepForm::chooseReport);
        m_runSmi =
            addButton(buttons, tr("Run nvidia-smi"), QStringLiteral("runSmi"), &StepForm::runNvidiaSmi);
        m_smiPath = NvidiaSmiRun::findProgram();
        m_runSmi->setVisible(!m_smiPath.isEmpty());
        if (m_step == Step::Test)
            m_runPlan = addButton(buttons, tr("Run test plan…"), QStringLiteral("runTestPlan"),
                                  &StepForm::runTestPlan);
    }
    if (!RigRunReader::fieldsOf(m_step).isEmpty())
        addButton(buttons, tr("Import rig log…"), QStringLiteral("importRigLog"), &StepForm::chooseRigLog);
    if (m_step == Step::Pack)
        m_closeBatch =
            addButton(buttons, tr("Close batch"), QStringLiteral("closeBatch"), &StepForm::closeBatch);
    if (m_inputs.contains(payload::Evidence))
        addButton(buttons, tr("Attach photo or X-ray…"), QStringLiteral("attachEvidence"),
                  &StepForm::chooseEvidence);
    if (m_step == Step::Strip || m_step == Step::Test || m_step == Step::Pack) {
        m_printLabel =
            addButton(buttons, tr("Print label (F9)"), QStringLiteral("printLabel"), &StepForm::printLabel);
        m_printLabel->setEnabled(false);
        auto* key = new QShortcut(QKeySequence(Qt::Key_F9), this);
        key->setContext(Qt::WidgetWithChildrenShortcut);
        connect(key, &QShortcut::activated, this, &StepForm::printLabel);
    }
    buttons->addStretch();
    finish->addStretch();
    addButton(finish, tr("Clear (Esc)"), QStringLiteral("clear"), &StepForm::clear);
    m_save = new QPushButton(tr("Save (Enter)"), this);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setMinimumSize(200, 56);
    m_save->setFocusPolicy(Qt::NoFocus);
    finish->addWidget(m_save);
    connect(m_save, &QPushButton::clicked, this, &StepForm::save);
    return rows;
}

QPushButton* StepForm::addButton(QBoxLayout* row, const QString& text, const QString& name,
                                 void (StepForm::*action)())
{
    // Buttons never take the focus: the scanner keeps typing into the form's fields.
    auto* button = new QPushButton(text, this);
    button->setObjectName(name);
    button->setMinimumHeight(48);
    button->setFocusPolicy(Qt::NoFocus);
    row->addWidget(button);
    connect(button, &QPushButton::clicked, this, action);
    return button;
}

QWidget* StepForm::createInput(const FieldSpec& spec)
{
    const WorkflowConfig& config = m_recorder.config();
    QWidget* input = nullptr;
    switch (spec.type) {
    case FieldType::Choice:
    case FieldType::Bool:
    case FieldType::Model:
    case FieldType::Defect: {
        auto* combo = new QComboBox(this);
        // Always an empty choice first: a cleared form never silently carries a pass or a model.
        // Where the core fills in a default for it, the empty choice says which, so nothing is
        // stored that the operator did not see.
        combo->addItem(spec.defaultText.isEmpty() ? QString() : tr("default: %1").arg(spec.defaultTitle()),
                       QString());
        if (spec.type == FieldType::Bool) {
            combo->addItem(tr("yes"), QStringLiteral("yes"));
            combo->addItem(tr("no"), QStringLiteral("no"));
        } else if (spec.type == FieldType::Model) {
            QStringList models = config.products.keys();
            models.sort();
            for (const QString& m : models)
                combo->addItem(m + QStringLiteral(" — ") + config.products.value(m).name, m);
        } else if (spec.type == FieldType::Defect) {
            QStringList codes = config.defectCodes.keys();
            codes.sort();
            const QString own = stepName(m_step);
            for (const QString& c : codes) {
                if (config.defectCodes.value(c) == own || m_step == Step::Scrap)
                    combo->addItem(c, c);
            }
        } else {
            for (const QString& c : spec.choices)
                combo->addItem(FieldSpec::choiceTitle(c), c);
        }
        input = combo;
        break;
    }
    case FieldType::ChoiceList: {
        auto* list = new ChecklistInput(spec.choices, this);
        for (QCheckBox* b : list->boxes())
            b->installEventFilter(this);
        input = list;
        break;
    }
    default: {
        auto* edit = new QLineEdit(this);
        if (!spec.defaultText.isEmpty())
            edit->setPlaceholderText(tr("default: %1").arg(spec.defaultTitle()));
        else if (spec.type == FieldType::Int || spec.type == FieldType::Real)
            edit->setPlaceholderText(spec.typeText());
        input = edit;
        break;
    }
    }
    input->installEventFilter(this);
    return input;
}

QString StepForm::value(const QString& key) const
{
    QWidget* w = m_inputs.value(key);
    if (auto* edit = qobject_cast<QLineEdit*>(w))
        return edit->text().trimmed();
    if (auto* combo = qobject_cast<QComboBox*>(w))
        return combo->currentData().toString();
    if (auto* list = dynamic_cast<ChecklistInput*>(w))
        return list->text();
    return {};
}

void StepForm::setValue(const QString& key, const QString& text)
{
    QWidget* w = m_inputs.value(key);
    if (auto* edit = qobject_cast<QLineEdit*>(w)) {
        edit->setText(text);
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
        const int index =
            combo->findData(text.toLower()) >= 0 ? combo->findData(text.toLower()) : combo->findData(text);
        if (index >= 0)
            combo->setCurrentIndex(index);
    } else if (auto* list = dynamic_cast<ChecklistInput*>(w)) {
        list->setText(text);
    }
}

void StepForm::takeScan(const QString& key, const QString& serial)
{
    QWidget* w = m_inputs.value(key);
    if (!w)
        return;
    setValue(key, serial);
    w->setFocus();
    focusNext(w); // as after a scan and Enter: the history shows, the cursor goes on
}

void StepForm::focusNext(QWidget* from)
{
    const qsizetype at = m_order.indexOf(from);
    if (at < 0)
        return;
    if (at == 0 && !value(StepSchema::fields(m_step).first().key).isEmpty())
        emit itemScanned(value(StepSchema::fields(m_step).first().key));
    // A reading locked from the report, or a folded field, takes no scan: on to the next one that does.
    qsizetype next = at + 1;
    while (next < m_order.size() && !takesScan(m_order.at(next)))
        ++next;
    if (next < m_order.size()) {
        m_order.at(next)->setFocus();
        // A field that holds a value already (pack's kept batch) is replaced by the next scan,
        // never appended to.
        if (auto* edit = qobject_cast<QLineEdit*>(m_order.at(next)))
            edit->selectAll();
    }
}

bool StepForm::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        QWidget* w = qobject_cast<QWidget*>(watched);
        // A check box of a checklist belongs to its row.
        if (w && !m_order.contains(w) && w->parentWidget() && m_order.contains(w->parentWidget()))
            w = w->parentWidget();
        if (key->key() == Qt::Key_Escape) {
            clear();
            return true;
        }
        // A command barcode ('#...') scanned into a combo box would only shuffle its selection:
        // collect its keys instead and act on Enter.
        // The same for a locked reading: its read-only text would swallow the keys.
        const auto* typed = qobject_cast<QLineEdit*>(watched);
        if (!typed || typed->isReadOnly()) {
            if (!m_bufferingCommand && key->text() == QLatin1String("#")) {
                m_bufferingCommand = true;
                m_commandBuffer = key->text();
                return true;
            }
            if (m_bufferingCommand && key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter) {
                m_commandBuffer += key->text();
                return true;
            }
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (m_bufferingCommand) {
                m_bufferingCommand = false;
                runCommand(w, m_commandBuffer);
                return true;
            }
            auto* line = qobject_cast<QLineEdit*>(w);
            if (line && line->isReadOnly())
                line = nullptr; // a locked reading is never a scan
            if (line && runCommand(w, line->text()))
                return true;
            if (selectScannedBatch(w))
                return true;
            // A new scan starts a new moment: the last outcome, red or green, is over.
            if (line && !line->text().trimmed().isEmpty())
                m_banner->clearResult();
            if (line && w == m_inputs.value(payload::Batch))
                refreshCarton();
            if (key->modifiers() & Qt::ControlModifier || w == m_order.last()) {
                save();
            } else {
                focusNext(w);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool StepForm::runCommand(QWidget* from, const QString& scanned)
{
    const std::optional<CommandCode> command = CommandCode::parse(scanned);
    if (!command) {
        if (scanned.startsWith(QLatin1Char('#')))
            m_banner->showFailure(tr("Unknown command barcode %1").arg(scanned.left(40)));
        return scanned.startsWith(QLatin1Char('#')) && !qobject_cast<QLineEdit*>(from);
    }
    if (auto* line = qobject_cast<QLineEdit*>(from); line && !line->isReadOnly())
        line->clear(); // the command is not a value (a locked reading keeps its own)
    switch (command->kind) {
    case CommandCode::Kind::Save:
        save();
        break;
    case CommandCode::Kind::Clear:
        clear();
        break;
    case CommandCode::Kind::Pass:
    case CommandCode::Kind::Fail:
        if (!m_inputs.contains(payload::Result)) {
            m_banner->showFailure(tr("This form has no pass/fail result"));
            break;
        }
        setValue(payload::Result,
                 command->kind == CommandCode::Kind::Pass ? QStringLiteral("pass") : QStringLiteral("fail"));
        focusNext(m_inputs.value(payload::Result)); // like any scan: on to the next field
        break;
    case CommandCode::Kind::Defect: {
        // The core says what a defect code means here: a verdict's defect, or a scrap at the
        // steps that give no verdict (intake, strip, reball).
        const StepDefects::Meaning meaning =
            StepDefects::meaning(m_step, command->argument, m_recorder.config());
        if (meaning == StepDefects::Meaning::Scrap) {
            scrapWithDefect(command->argument);
            break;
        }
        auto* combo = qobject_cast<QComboBox*>(m_inputs.value(payload::Defect));
        if (meaning == StepDefects::Meaning::Elsewhere || !combo || combo->findData(command->argument) < 0) {
            m_banner->showFailure(
                tr("Defect %1 does not belong to this step; scan another").arg(command->argument));
            break;
        }
        combo->setCurrentIndex(combo->findData(command->argument));
        setValue(payload::Result, QStringLiteral("fail"));
        from->setFocus();
        break;
    }
    case CommandCode::Kind::PrintLabel:
        printLabel();
        break;
    case CommandCode::Kind::CloseBatch:
        if (m_step != Step::Pack) {
            m_banner->showFailure(tr("#CLOSE closes the open batch at the pack station; this form has none"));
            break;
        }
        closeBatch(); // asks for confirmation first
        break;
    }
    return true;
}

bool StepForm::save()
{
    QList<std::pair<QString, QString>> pairs;
    for (const FieldSpec& spec : StepSchema::fields(m_step)) {
        QString text = value(spec.key);
        if (spec.type == FieldType::Evidence && !text.isEmpty()) {
            // Copy the files in first; the references go into the event.
            Result<QString> stored = EvidenceStore(m_recorder.dataFolder()).storeList(text);
            if (!stored) {
                m_banner->showFailure(stored.error().message);
                return false;
            }
            text = stored.value();
            setValue(spec.key, text);
        }
        pairs.append({spec.key, text});
    }
    Result<QJsonObject> fields = StepSchema::parse(m_step, pairs);
    Result<Recorded> r =
        fields ? m_recorder.record(Action{m_step, m_session.station.id, m_session.operatorInfo.id,
                                          fields.value(), m_report, m_runs})
               : Result<Recorded>(fields.error());
    if (!r) {
        showRefusal(r.error());
        return false;
    }
    // Pack keeps its batch: the next unit goes into the same carton.
    const QString keepBatch = m_step == Step::Pack ? value(payload::Batch) : QString();
    m_runs.clear(); // recorded: their files are the record's evidence now
    clear();
    if (!keepBatch.isEmpty())
        setValue(payload::Batch, keepBatch);
    refreshCarton();
    m_banner->showSuccess(successText(r.value()));
    offerLabelAfter(r.value());
    emit saved(r.value());
    return true;
}

void StepForm::showRefusal(const Error& e)
{
    if (m_foldedKeys.contains(e.field))
        m_more->setChecked(true); // the field it names is in sight, with the cursor in it
    const FieldSpec* spec = StepSchema::find(m_step, e.field);
    m_banner->showFailure(
        spec ? labelFor(*spec).remove(QStringLiteral(" *")) + QStringLiteral(": ") + e.message : e.message);
    QWidget* w = m_inputs.value(e.field);
    if (w) {
        w->setFocus();
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            edit->selectAll();
    } else if (QWidget* f = QApplication::focusWidget(); f && m_scroll->widget()->isAncestorOf(f)) {
        w = f;
    }
    // In sight even when it had the focus already and the operator scrolled away from it.
    if (w)
        m_scroll->ensureWidgetVisible(w, 8, 8);
}

void StepForm::returnToScanning(QWidget* target)
{
    // Kiosk PCs run no window manager: a closed dialog does not give the keyboard back by itself.
    window()->activateWindow();
    if (!target)
        target = firstField();
    if (target)
        target->setFocus();
}

void StepForm::refreshCarton()
{
    if (!m_carton)
        return;
    const QString batch = value(payload::Batch);
    if (batch.isEmpty()) {
        m_carton->setText(tr("No carton open: scan the batch label or a new batch id into the Batch field"));
        return;
    }
    Result<CartonQuery::Carton> carton =
        CartonQuery(m_recorder.database().connection(), m_recorder.config()).of(batch);
    if (!carton) {
        m_carton->setText(carton.error().message);
        return;
    }
    const CartonQuery::Carton& c = carton.value();
    // "n of N" and "units: n" read right for any n, in every language (no plural forms needed).
    if (!c.exists)
        m_carton->setText(c.capacity > 0 ? tr("Carton %1: new, 0 of %2 packed").arg(c.batch).arg(c.capacity)
                                         : tr("Carton %1: new, no units yet").arg(c.batch));
    else if (!c.open)
        m_carton->setText(
            tr("Batch %1 is closed (units: %2): scan a new batch id").arg(c.batch).arg(c.units));
    else if (c.full())
        m_carton->setText(tr("Carton %1: %2 of %3 packed, full: close it (#CLOSE)")
                              .arg(c.batch)
                              .arg(c.units)
                              .arg(c.capacity));
    else if (c.capacity > 0)
        m_carton->setText(tr("Carton %1: %2 of %3 packed").arg(c.batch).arg(c.units).arg(c.capacity));
    else
        m_carton->setText(tr("Carton %1: units packed: %2").arg(c.batch).arg(c.units));
}

bool StepForm::selectScannedBatch(QWidget* field)
{
    auto* line = qobject_cast<QLineEdit*>(field);
    if (m_step != Step::Pack || !line || field != m_inputs.value(payload::Unit) ||
        line->text().trimmed().isEmpty())
        return false;
    const CartonQuery cartons(m_recorder.database().connection(), m_recorder.config());
    Result<std::optional<QString>> named = cartons.batchNamedBy(line->text());
    if (!named || !named.value())
        return false;
    // A batch label (or a new batch id) at pack names the carton to fill: it goes into the Batch
    // field, never saved as a unit; the cursor stays where the next unit is scanned.
    const QString batch = *named.value();
    line->clear();
    setValue(payload::Batch, batch);
    refreshCarton();
    Result<CartonQuery::Carton> carton = cartons.of(batch);
    if (carton && carton->exists && !carton->open)
        m_banner->showFailure(
            tr("Batch %1 is closed; it takes no more units: scan a new batch id").arg(batch));
    else if (carton && carton->full())
        m_banner->showFailure(tr("Batch %1 is full: close it (#CLOSE) or scan a new batch id").arg(batch));
    else if (carton && !carton->exists)
        m_banner->showSuccess(tr("New batch %1: it opens with the first unit you scan").arg(batch));
    else
        m_banner->showSuccess(tr("Batch %1 selected: scan the units to pack into it").arg(batch));
    return true;
}

QString StepForm::successText(const Recorded& r) const
{
    const EventPayload p = EventPayload::read(r.event.payload);
    QString text = tr("%1 recorded for %2").arg(stepTitle(m_step), r.event.subject);
    if (m_step == Step::Strip)
        text += QLatin1Char('\n') +
                tr("New die id %1: print its traveler label (F9) and put it on the tray").arg(r.createdId());
    else if (m_step == Step::Mount)
        text += QLatin1Char('\n') + tr("Unit serial %1").arg(r.createdId());
    else if (p.outcome == outcome::Repair)
        text += QLatin1Char('\n') + tr("Failed: send the die back to reball (repair loop)");
    else if (p.outcome == outcome::Scrap)
        text += QLatin1Char('\n') + tr("Failed at the repair limit: put the unit in the scrap bin");
    else if (m_step == Step::Pack)
        text += QLatin1Char('\n') + tr("Packed into batch %1").arg(p.batch);
    return text;
}

void StepForm::reset()
{
    clear();
    m_pendingLabel = {LabelTemplate::Kind::Unit, QString()};
    if (m_printLabel) {
        m_printLabel->setEnabled(false);
        m_printLabel->setText(tr("Print label (F9)"));
    }
    refreshCarton();
}

void StepForm::clear()
{
    m_banner->clearResult();
    lockReadings(false);
    m_lockedKeys.clear();
    m_report.reset();
    discardRuns();
    for (auto it = m_inputs.constBegin(); it != m_inputs.constEnd(); ++it) {
        if (auto* edit = qobject_cast<QLineEdit*>(it.value()))
            edit->clear();
        else if (auto* combo = qobject_cast<QComboBox*>(it.value()))
            combo->setCurrentIndex(0);
        else if (auto* list = dynamic_cast<ChecklistInput*>(it.value()))
            list->setText(QString());
    }
    if (m_more)
        m_more->setChecked(false);
    showReadings();
    if (QWidget* first = firstField())
        first->setFocus();
}

bool StepForm::importReport(const QString& path, int gpuIndex)
{
    if (gpuIndex < 0) {
        gpuIndex = pickGpu(path);
        if (gpuIndex < -1)
            return false; // the operator cancelled the choice
    }
    Result<GpuReport> report = GpuReportReader::readFile(path, gpuIndex, m_recorder.dataFolder());
    if (!report) {
        m_banner->showFailure(report.error().message);
        return false;
    }
    lockReadings(false);
    m_report = report.value();
    const QList<std::pair<QString, QString>> readings = TestGate::readings(m_step, *m_report);
    m_lockedKeys.clear();
    for (const auto& [key, reading] : readings) {
        setValue(key, reading);
        m_lockedKeys << key;
    }
    lockReadings(true);
    showReadings();
    QString text = tr("Report of %1 taken: %2 readings locked; choose the result and save")
                       .arg(m_report->productName)
                       .arg(readings.size());
    // A report that cannot pass a unit is taken, but said loudly: the operator needs another one.
    const bool noIdentity = m_report->gpuUuid.isEmpty();
    const bool idle = TestGate::linkUnproven(m_report);
    if (noIdentity)
        text += QLatin1Char('\n') + tr("The report shows no GPU UUID: it cannot pass a unit");
    else if (idle)
        text +=
            QLatin1Char('\n') + tr("Taken at idle: the PCIe link is not proven; take the report under load");
    if (!noIdentity && !idle)
        m_banner->showSuccess(text);
    else
        m_banner->showFailure(text);
    if (QWidget* result = m_inputs.value(payload::Result))
        result->setFocus(); // the scanner goes on with #PASS or #FAIL
    return true;
}

int StepForm::pickGpu(const QString& path)
{
    Result<NvidiaSmiReport> parsed = NvidiaSmiImporter::parseFile(path);
    if (!parsed || parsed->gpus.size() < 2)
        return -1; // one GPU, or an error readFile reports
    const QList<GpuListEntry> gpus = NvidiaSmiImporter::gpuList(parsed.value());
    QStringList items;
    for (const GpuListEntry& g : gpus)
        items << tr("GPU %1: %2, bus %3, %4").arg(g.index).arg(g.productName, g.busId, g.uuid);
    // The GPU read at intake of this unit's donor card, or already on this unit, is the likely one.
    int likely = 0;
    const QString unit = value(payload::Unit);
    const IdentityRegistry registry(m_recorder.database().connection());
    for (const GpuListEntry& g : gpus) {
        Result<std::optional<Identity>> id =
            g.uuid.isEmpty() ? Result<std::optional<Identity>>(std::nullopt) : registry.find(g.uuid);
        if (!unit.isEmpty() && id && id.value() && id.value()->unitSerial == unit)
            likely = g.index;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Which GPU?"), tr("The report lists %1 GPUs; pick the one under test:").arg(gpus.size()),
        items, likely, false, &ok);
    return ok ? static_cast<int>(items.indexOf(chosen)) : -2;
}

void StepForm::lockReadings(bool locked)
{
    for (const QString& key : std::as_const(m_lockedKeys)) {
        QWidget* w = m_inputs.value(key);
        if (auto* edit = qobject_cast<QLineEdit*>(w))
            edit->setReadOnly(locked);
        else if (w)
            w->setEnabled(!locked);
        if (w)
            w->setToolTip(locked ? tr("From the GPU's report; clear the form to type it") : QString());
    }
}

void StepForm::showReadings()
{
    if (!m_readingsPanel)
        return;
    for (QWidget* w : std::as_const(m_manualReadings))
        w->setVisible(!m_report);
    m_readingsPanel->setVisible(m_report.has_value());
    if (m_report)
        m_readingsPanel->showChecks(
            ReadingLimits::check(m_step, *m_report, readingsModel(), m_recorder.config()));
}

QString StepForm::readingsModel() const
{
    if (m_step == Step::Intake)
        return value(payload::Model);
    const QString unit = value(payload::Unit);
    if (unit.isEmpty())
        return {};
    Result<std::optional<UnitState>> state = SnapshotLoader(m_recorder.database().connection())
                                                 .unit(SerialRules::normalise(SerialKind::Unit, unit));
    return state && state.value() ? state.value()->model : QString();
}

bool StepForm::isFolded(const QString& key) const
{
    return m_foldedKeys.contains(key) && !m_more->isChecked();
}

bool StepForm::takesScan(QWidget* field) const
{
    const QString key = m_inputs.key(field);
    return !m_lockedKeys.contains(key) && !isFolded(key);
}

void StepForm::attachEvidence(const QString& path)
{
    const QString current = value(payload::Evidence);
    setValue(payload::Evidence, current.isEmpty() ? path : current + QLatin1Char(';') + path);
}

void StepForm::chooseEvidence()
{
    QPointer<QWidget> before = QApplication::focusWidget();
    const QStringList files = FileDialogs::openFiles(
        this, tr("Photos or X-ray images"), QString(),
        tr("Images and logs (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.pdf *.txt *.log);;All files (*)"));
    for (const QString& f : files)
        attachEvidence(f);
    returnToScanning(before && isAncestorOf(before) ? before.data() : nullptr);
}

void StepForm::runNvidiaSmi()
{
    if (m_smiRun && m_smiRun->isRunning())
        return;
    // nvidia-smi may take up to 30 s on a card that hangs the driver: it runs beside the event
    // loop, the form stays live, and the operator may cancel.
    if (!m_smiRun) {
        m_smiRun = new NvidiaSmiRun(this);
        connect(m_smiRun, &NvidiaSmiRun::finished, this, &StepForm::nvidiaSmiFinished);
    }
    m_focusBeforeSmi = QApplication::focusWidget();
    m_runSmi->setEnabled(false);
    m_smiProgress = new QProgressDialog(tr("Reading the GPU with nvidia-smi…"), QString(), 0, 0, this);
    m_smiProgress->setObjectName(QStringLiteral("smiProgress"));
    m_smiProgress->setWindowTitle(tr("Run nvidia-smi"));
    // Not a default button: a stray Enter from the scanner does not cancel the reading.
    auto* cancel = new QPushButton(tr("Cancel"), m_smiProgress);
    cancel->setObjectName(QStringLiteral("cancelSmi"));
    cancel->setAutoDefault(false);
    m_smiProgress->setCancelButton(cancel);
    m_smiProgress->setMinimumDuration(0);
    m_smiProgress->setAutoClose(false);
    m_smiProgress->setAutoReset(false);
    m_smiProgress->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_smiProgress, &QProgressDialog::canceled, m_smiRun, &NvidiaSmiRun::cancel);
    m_smiRun->start(m_smiPath);
    if (m_smiRun->isRunning())
        m_smiProgress->open();
}

void StepForm::runTestPlan()
{
    QWidget* unitField = m_inputs.value(payload::Unit);
    const QString unit = value(payload::Unit);
    if (unit.isEmpty()) {
        m_banner->showFailure(tr("Unit serial: scan the unit to test first, then Run test plan"));
        returnToScanning(unitField);
        return;
    }
    Result<RigCommands> rig = RigCommands::load(m_recorder.dataFolder());
    if (!rig) {
        m_banner->showFailure(rig.error().message);
        returnToScanning(unitField);
        return;
    }
    TestPlanDialog dialog(unit, rig->planName(), m_recorder, m_session, this);
    std::optional<Recorded> recorded;
    connect(&dialog, &TestPlanDialog::recorded, this, [&recorded](const Recorded& r) { recorded = r; });
    dialog.exec();
    window()->activateWindow();
    if (recorded) {
        const bool passed = EventPayload::read(recorded->event.payload).outcome == outcome::Pass;
        clear();
        if (passed)
            m_banner->showSuccess(tr("%1 passed its test plan: recorded").arg(recorded->event.subject));
        else
            m_banner->showFailure(tr("%1 failed its test plan: recorded as failed, send it to repair")
                                      .arg(recorded->event.subject));
        emit saved(recorded.value());
        offerLabelAfter(recorded.value());
    }
    returnToScanning(recorded ? nullptr : unitField);
}

void StepForm::nvidiaSmiFinished(NvidiaSmiRun::Outcome outcome)
{
    if (m_smiProgress) {
        QProgressDialog* progress = m_smiProgress;
        m_smiProgress = nullptr;
        progress->disconnect(this);
        progress->disconnect(m_smiRun);
        progress->close();
    }
    m_runSmi->setEnabled(true);
    QWidget* before = m_focusBeforeSmi && isAncestorOf(m_focusBeforeSmi) ? m_focusBeforeSmi.data() : nullptr;
    switch (outcome) {
    case NvidiaSmiRun::Outcome::Report:
        if (importReport(m_smiRun->reportPath())) {
            returnToScanning(m_inputs.value(payload::Result)); // on with #PASS or #FAIL
            return;
        }
        break;
    case NvidiaSmiRun::Outcome::NoAnswer:
        m_banner->showFailure(tr("nvidia-smi did not answer (is the card detected and the driver loaded?)"));
        break;
    case NvidiaSmiRun::Outcome::CannotSave:
        m_banner->showFailure(tr("cannot save the nvidia-smi report: %1").arg(m_smiRun->errorString()));
        break;
    case NvidiaSmiRun::Outcome::Cancelled:
        m_banner->showFailure(tr("nvidia-smi cancelled: no report taken"));
        break;
    }
    returnToScanning(before);
}

void StepForm::scrapWithDefect(const QString& code)
{
    const FieldSpec& itemSpec = StepSchema::fields(m_step).first();
    const QString item = value(itemSpec.key);
    if (item.isEmpty()) {
        m_banner->showFailure(labelFor(itemSpec).remove(QStringLiteral(" *")) + QStringLiteral(": ") +
                              tr("scan the item with defect %1 first").arg(code));
        returnToScanning(m_inputs.value(itemSpec.key));
        return;
    }
    // Back where the command was scanned (its field is empty again), never into the item's serial.
    const QPointer<QWidget> before = QApplication::focusWidget();
    const auto backToScanning = [this, &before, &itemSpec] {
        returnToScanning(before && isAncestorOf(before) ? before.data() : m_inputs.value(itemSpec.key));
    };
    // A scrap is undone only by a supervisor's void: the operator says so twice, by scanning the
    // same defect code again or pressing the button.
    ScanConfirmDialog ask(tr("Scrap with defect %1").arg(code),
                          tr("Scrap %1 with defect %2? It leaves the rework line.").arg(item, code),
                          tr("Scrap %1").arg(item), CommandCode{CommandCode::Kind::Defect, code}, this);
    ask.setObjectName(QStringLiteral("confirmScrap"));
    if (ask.exec() != QDialog::Accepted) {
        backToScanning();
        return;
    }
    Result<QJsonObject> fields = StepSchema::parse(Step::Scrap, StepDefects::scrapFields(item, code, m_step));
    Result<Recorded> r =
        fields ? m_recorder.record(Action{Step::Scrap, m_session.station.id, m_session.operatorInfo.id,
                                          fields.value(), std::nullopt})
               : Result<Recorded>(fields.error());
    window()->activateWindow();
    if (!r) {
        m_banner->showFailure(r.error().message);
        backToScanning();
        return;
    }
    clear();
    m_banner->showSuccess(
        tr("%1 scrapped with defect %2: put it in the scrap bin").arg(r->event.subject, code));
    emit saved(r.value());
}

void StepForm::closeBatch()
{
    const QString batch = value(payload::Batch);
    if (!batch.isEmpty()) {
        // A closed carton takes no more units: the operator says so twice, by scanning #CLOSE
        // again or pressing the button. Enter alone confirms nothing.
        refreshCarton();
        ScanConfirmDialog ask(
            tr("Close batch"),
            tr("Close batch %1? %2\nA closed batch takes no more units.").arg(batch, m_carton->text()),
            tr("Close batch %1").arg(batch), CommandCode{CommandCode::Kind::CloseBatch, {}}, this);
        ask.setObjectName(QStringLiteral("confirmCloseBatch"));
        ask.confirmButton()->setObjectName(QStringLiteral("confirmClose"));
        if (ask.exec() != QDialog::Accepted) {
            returnToScanning(nullptr);
            return;
        }
    }
    Result<Recorded> r = m_recorder.record(Step::Close, m_session.station.id, m_session.operatorInfo.id,
                                           QList<std::pair<QString, QString>>{{payload::Batch, batch}});
    if (!r) {
        window()->activateWindow();
        showRefusal(r.error());
        return;
    }
    setValue(payload::Batch, QString());
    refreshCarton();
    m_banner->showSuccess(tr("Batch %1 closed with %2 units; seal the carton")
                              .arg(r->event.subject)
                              .arg(EventPayload::read(r->event.payload).unitCount.value_or(0)));
    offerLabelAfter(r.value());
    returnToScanning(nullptr);
}

void StepForm::offerLabelAfter(const Recorded& r)
{
    // The schema says which label follows which step; the form only offers it.
    const std::optional<StepSchema::LabelDue> due = StepSchema::labelAfter(
        stepFromName(r.event.step).value_or(m_step), r.event.payload, r.event.subject, r.createdId());
    if (!due)
        return;
    switch (due->item) {
    case StepSchema::LabelDue::Item::Die:
        offerLabel(LabelTemplate::Kind::Die, due->subject);
        break;
    case StepSchema::LabelDue::Item::Unit:
        offerLabel(LabelTemplate::Kind::Unit, due->subject);
        break;
    case StepSchema::LabelDue::Item::Batch:
        offerLabel(LabelTemplate::Kind::Batch, due->subject);
        break;
    }
}

void StepForm::offerLabel(LabelTemplate::Kind kind, const QString& subject)
{
    m_pendingLabel = {kind, subject};
    if (m_printLabel) {
        m_printLabel->setEnabled(true);
        m_printLabel->setText(tr("Print label for %1 (F9)").arg(subject));
    }
}

void StepForm::printLabel()
{
    if (m_pendingLabel.second.isEmpty()) {
        m_banner->showFailure(tr("Nothing to label yet: save a record first, or print from the Trace tab"));
        return;
    }
    LabelPrintDialog::Context context{m_recorder.database().connection(), m_recorder.dataFolder(),
                                      m_session.station.id, m_session.operatorInfo.id,
                                      m_recorder.clock().now()};
    auto* dialog = new LabelPrintDialog(context, m_pendingLabel.first, m_pendingLabel.second, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LabelPrintDialog::printed, this, [this](const LabelPrintLog::Print& p) {
        const auto [printed, said] = LabelPrintDialog::outcomeOf(p);
        printed ? m_banner->showSuccess(said) : m_banner->showFailure(said);
    });
    // Back to scanning: the station window active again, the cursor in the first field.
    connect(dialog, &QDialog::finished, this, [this] { returnToScanning(nullptr); });
    dialog->open();
}

void StepForm::chooseReport()
{
    QPointer<QWidget> before = QApplication::focusWidget();
    const QString path = FileDialogs::openFile(this, tr("nvidia-smi report"), QString(),
                                               tr("nvidia-smi reports (*.xml *.txt);;All files (*)"));
    // Taken: on with the result (#PASS, then #SAVE); cancelled: back where the operator was.
    if (!path.isEmpty() && importReport(path))
        returnToScanning(m_inputs.value(payload::Result));
    else
        returnToScanning(before && isAncestorOf(before) ? before.data() : nullptr);
}

void StepForm::chooseRigLog()
{
    if (m_step == Step::Test && value(payload::Unit).isEmpty()) {
        importRigLog(QString()); // says the unit comes first; no file is asked for
        return;
    }
    QPointer<QWidget> before = QApplication::focusWidget();
    const QString path = FileDialogs::openFile(this, tr("Test rig output"), QString(),
                                               tr("Rig logs (*.log *.txt *.json *.csv);;All files (*)"));
    if (!path.isEmpty())
        importRigLog(path);
    returnToScanning(before && isAncestorOf(before) ? before.data() : nullptr);
}

bool StepForm::importRigLog(const QString& path)
{
    // A test's logs are judged by the plan of the unit's product: the unit comes first.
    if (m_step == Step::Test && value(payload::Unit).isEmpty()) {
        m_banner->showFailure(tr("Unit serial: scan the unit to test first, then import its rig log"));
        returnToScanning(m_inputs.value(payload::Unit));
        return false;
    }
    // A reflow log is judged by its die's alloy and product limits: the die comes first.
    const bool reflow = m_step == Step::Reball || m_step == Step::Mount;
    if (reflow && value(payload::Die).isEmpty()) {
        m_banner->showFailure(tr("Die: scan the die first, then import its reflow log"));
        returnToScanning(m_inputs.value(payload::Die));
        return false;
    }
    // The plan the unit's product is tested to, else the one this PC's Run test plan runs.
    Result<RigCommands> rig = RigCommands::load(m_recorder.dataFolder());
    const TestPlanStore plans(m_recorder.database().connection());
    Result<TestPlan> plan =
        !rig                   ? Result<TestPlan>(rig.error())
        : m_step == Step::Test ? plans.forUnit(value(payload::Unit), std::nullopt, rig->planName())
        : reflow ? plans.forReflow(m_step, value(payload::Die), value(payload::Alloy), rig->planName())
                 : plans.named(rig->planName());
    // A reflow log is read as this station's oven writes it (rig.import-profile in rig.conf).
    Result<ProfileImportSettings> oven = rig && reflow
                                             ? rig->importProfile(m_recorder.dataFolder())
                                             : Result<ProfileImportSettings>(ProfileImportSettings{});
    Result<ImportedRun> run = !plan   ? Result<ImportedRun>(plan.error())
                              : !oven ? Result<ImportedRun>(oven.error())
                                      : RigRunReader::readForStep(m_step, path, m_recorder.dataFolder(),
                                                                  plan.value(), oven.value());
    if (!run) {
        m_banner->showFailure(run.error().message);
        return false;
    }
    // One run per kind: a second log of the same kind replaces the first.
    for (qsizetype i = m_runs.size() - 1; i >= 0; --i) {
        if (m_runs.at(i).field == run->field) {
            EvidenceStore(m_recorder.dataFolder()).discardStaged(m_runs.at(i).evidence);
            m_runs.removeAt(i);
        }
    }
    m_runs.append(run.value());
    const QString file = QFileInfo(path).fileName();
    if (run->pass)
        m_banner->showSuccess(tr("%1 read: it passes the test plan; it goes with the record").arg(file));
    else
        m_banner->showFailure(tr("%1 read: it fails the test plan (%2); it goes with the record")
                                  .arg(file, run->reasons.join(QStringLiteral("; "))));
    // A profile log's curve, with its window, in sight before the operator saves it.
    if (Status drawn = showReflowCurve(); !drawn)
        m_banner->showFailure(
            tr("%1 read, but its curve cannot be drawn: %2").arg(file, drawn.error().message));
    return true;
}

Status StepForm::showReflowCurve()
{
    return m_reflowPanel ? m_reflowPanel->showRuns(m_runs, m_recorder.dataFolder()) : Status();
}

void StepForm::discardRuns()
{
    const EvidenceStore store(m_recorder.dataFolder());
    for (const ImportedRun& run : std::as_const(m_runs))
        store.discardStaged(run.evidence);
    m_runs.clear();
    if (m_reflowPanel)
        m_reflowPanel->hide(); // its log is no longer the form's
}

} // namespace rework
