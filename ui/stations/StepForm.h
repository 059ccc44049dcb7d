#pragma once

#include "domain/GpuReport.h"
#include "importers/NvidiaSmiRun.h"

#include "common/Session.h"
#include "domain/Step.h"
#include "labels/LabelTemplate.h"
#include "workflow/FieldSpec.h"
#include "workflow/Recorder.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QBoxLayout;
class QGridLayout;
class QLabel;
class QLayout;
class QProgressDialog;
class QPushButton;
class QScrollArea;

namespace rework {

class ReadingsPanel;
class ReflowPanel;
class ResultBanner;

/// One step's form, built from the step's schema and made for a scanner: the first scan field
/// has focus, Enter moves to the next field, Enter on the last one saves, and after a save the
/// form is cleared with focus back on the first field. Esc clears. Rules live in the core; the
/// form only collects text and shows the outcome. The result banner sits above the fields and
/// the buttons below them; only the fields scroll, so the outcome and Save are always in sight.
/// Two fields a row, scans and required fields first and large, an imported report's readings as
/// a read-only panel with their limits, the rarely used fields folded: every form fits a
/// 1366x768 screen without scrolling.
class StepForm : public QWidget
{
    Q_OBJECT

public:
    StepForm(Step step, Recorder& recorder, QWidget* parent = nullptr);

    Step step() const { return m_step; }
    void setSession(const Session& session) { m_session = session; }

    QWidget* field(const QString& key) const { return m_inputs.value(key); }
    QWidget* firstField() const { return m_order.isEmpty() ? nullptr : m_order.first(); }
    ResultBanner* banner() const { return m_banner; }
    /// The scrolling part: the fields only (banner and buttons stay put).
    QScrollArea* fieldsArea() const { return m_scroll; }
    /// An imported report's readings with their limits (shown while the form holds a report);
    /// null on forms without readings.
    ReadingsPanel* readingsPanel() const { return m_readingsPanel; }
    /// Reball and mount: the curve of the imported profile log with its window and verdict
    /// (shown while the form holds one); null on other forms.
    ReflowPanel* reflowPanel() const { return m_reflowPanel; }
    /// Shows and hides the folded fields (notes, evidence, ...); null on forms without any.
    QPushButton* moreFieldsButton() const { return m_more; }
    /// True while `key` is a folded field out of sight.
    bool isFolded(const QString& key) const;
    /// Pack: the open carton and how many units it holds; null on other forms.
    QLabel* cartonLabel() const { return m_carton; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* importButton() const { return m_import; }
    /// Shown when nvidia-smi is installed on this PC.
    QPushButton* runSmiButton() const { return m_runSmi; }
    /// While nvidia-smi runs (in the background): its busy dialog with Cancel; null otherwise.
    QProgressDialog* smiProgress() const { return m_smiProgress; }
    QPushButton* closeBatchButton() const { return m_closeBatch; }
    QPushButton* printButton() const { return m_printLabel; }
    /// The label the last record calls for (die traveler after strip, unit label after a passed
    /// test, batch label on close); empty subject when there is none.
    std::pair<LabelTemplate::Kind, QString> pendingLabel() const { return m_pendingLabel; }
    /// Adds a file to the evidence field (what the attach button does after its file dialog).
    void attachEvidence(const QString& path);

    /// `serial` put into field `key` as if scanned there: the cursor goes on to the next field
    /// ("scan anything" hands the item over this way).
    void takeScan(const QString& key, const QString& serial);
    /// Text of a field as it would be saved ("" when empty).
    QString value(const QString& key) const;
    void setValue(const QString& key, const QString& value);
    /// Takes the GPU's report from an nvidia-smi file: its readings fill the GPU fields, locked,
    /// and the report goes with the record for the test gate to check. A report of several GPUs
    /// asks which one unless `gpuIndex` says. False (and a red banner) if unreadable.
    bool importReport(const QString& path, int gpuIndex = -1);
    /// True while the fields hold a report's readings (cleared by Clear and after a save).
    bool hasReport() const { return m_report.has_value(); }
    /// A test rig's output (gpu_burn, dcgmi diag, memtest, a thermocouple CSV) read by the core
    /// and judged by this PC's test plan; it goes with the record on save, its file as evidence.
    /// False, with the reason in the banner, when the core refuses it.
    bool importRigLog(const QString& path);
    /// The rig outputs taken so far, one per kind.
    const QList<ImportedRun>& rigRuns() const { return m_runs; }
    const std::optional<GpuReport>& report() const { return m_report; }

public slots:
    bool save();
    /// Empties the fields and the banner (Esc, #CLEAR); focus back on the first field.
    void clear();
    /// A new operator's form: cleared, and no label offered from the one before.
    void reset();
    /// Opens the print dialog for the pending label (F9, or a scanned #PRINT).
    void printLabel();

signals:
    /// A serial was scanned into the form's first field: show its history.
    void itemScanned(const QString& serial);
    void saved(const rework::Recorded& recorded);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLabel* createTitle();
    /// One input per field of the step's schema: scans and required fields first, then the
    /// readings, then the folded ones; the same order for the cursor.
    QLayout* createFields();
    /// Where the next label-and-input pair goes in the fields' grid: two pairs a row.
    struct GridCursor
    {
        int row = 0;
        int column = 0; // 0 or 2
        void next()
        {
            column += 2;
            if (column > 2)
                newRow();
        }
        /// On to a fresh row, unless this one is still empty.
        void newRow()
        {
            if (column != 0)
                ++row;
            column = 0;
        }
        /// Past a row that one widget fills.
        void pastFullRow()
        {
            ++row;
            column = 0;
        }
    };
    /// Adds `specs` to `grid` at `at`, each input at least `height` px high, or `primaryHeight`
    /// for a scan or a required field (a checklist takes a row of its own). Returns the labels
    /// and inputs added, to show or hide them as a group.
    QList<QWidget*> addFields(QGridLayout* grid, GridCursor& at, const QList<FieldSpec>& specs, int height,
                              int primaryHeight);
    /// The manual reading inputs, or the panel of the imported report's readings and limits.
    void showReadings();
    /// The model whose limits judge the readings: the form's model at intake, the unit's at test.
    QString readingsModel() const;
    /// Whether the cursor stops at `field` (not a locked reading, not folded away).
    bool takesScan(QWidget* field) const;
    /// The step's own actions (import, close batch, attach, print), then clear and save.
    QBoxLayout* createButtons();
    QPushButton* addButton(QBoxLayout* row, const QString& text, const QString& name,
                           void (StepForm::*action)());
    /// A refusal in the banner, named by its field's label, with the cursor in that field.
    void showRefusal(const Error& e);
    /// After a dialog or a button: this window has the keyboard again, the cursor in `target`
    /// (the first field when null), so the next scan lands in the form.
    void returnToScanning(QWidget* target);
    /// Pack: the batch field's carton and its unit count, read from the core.
    void refreshCarton();
    /// Pack: a batch label scanned into the unit field selects that batch, never saved as a unit.
    bool selectScannedBatch(QWidget* field);
    QWidget* createInput(const FieldSpec& spec);
    void focusNext(QWidget* from);
    /// A scanned command barcode (#SAVE, #PASS, #DEFECT:X ...): act on it; false if not a command.
    bool runCommand(QWidget* from, const QString& scanned);
    void chooseReport();
    void chooseRigLog();
    /// Drops the staged copies of the rig outputs taken (on Clear, or when one is replaced).
    void discardRuns();
    /// The reflow panel drawn from the runs taken, or hidden; the core's error if the staged
    /// log cannot be read back.
    Status showReflowCurve();
    /// Which GPU of a multi-GPU report: preselects the one whose UUID was read at intake.
    int pickGpu(const QString& path);
    /// Locks (or unlocks) the fields a report fills, so a reading is never typed over.
    void lockReadings(bool locked);
    void chooseEvidence();
    void runNvidiaSmi();
    /// The unit's test plan run at this PC (TestPlanDialog), recorded by the core.
    void runTestPlan();
    void nvidiaSmiFinished(NvidiaSmiRun::Outcome outcome);
    void closeBatch();
    /// A defect code scanned at a step without a verdict: the item in hand is scrapped with it,
    /// after a confirmation.
    void scrapWithDefect(const QString& code);
    void offerLabel(LabelTemplate::Kind kind, const QString& subject);
    /// The label the schema says follows this record, offered (F9, #PRINT).
    void offerLabelAfter(const Recorded& r);
    QString successText(const Recorded& r) const;

    Step m_step;
    Recorder& m_recorder;
    Session m_session;
    QHash<QString, QWidget*> m_inputs;
    QList<QWidget*> m_order;
    QList<QWidget*> m_manualReadings; // labels and inputs of the readings typed by hand
    ReadingsPanel* m_readingsPanel = nullptr;
    ReflowPanel* m_reflowPanel = nullptr;
    QPushButton* m_more = nullptr;
    QList<QWidget*> m_folded; // labels and inputs of the folded fields
    QStringList m_foldedKeys;
    QScrollArea* m_scroll = nullptr;
    QLabel* m_carton = nullptr;
    ResultBanner* m_banner = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_runSmi = nullptr;
    QPushButton* m_runPlan = nullptr;
    QString m_smiPath; // nvidia-smi on this PC, found once
    NvidiaSmiRun* m_smiRun = nullptr;
    QProgressDialog* m_smiProgress = nullptr;
    QPointer<QWidget> m_focusBeforeSmi;
    QPushButton* m_closeBatch = nullptr;
    QPushButton* m_printLabel = nullptr;
    std::pair<LabelTemplate::Kind, QString> m_pendingLabel{LabelTemplate::Kind::Unit, QString()};
    std::optional<GpuReport> m_report;
    QList<ImportedRun> m_runs;
    QStringList m_lockedKeys;
    /// Keys of a command barcode scanned while a combo box or check box has focus.
    QString m_commandBuffer;
    bool m_bufferingCommand = false;
};

} // namespace rework
