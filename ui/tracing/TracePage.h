#pragma once

#include "common/Session.h"
#include "labels/LabelTemplate.h"

#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableView;
class QTreeView;

namespace rework {

class GenealogyModel;
class Recorder;
class ResultBanner;
class ScanFocus;
class TimelineModel;
struct Trace;

/// The Trace tab: scan any serial and read its genealogy as a tree and its timeline as a table;
/// open a record's evidence, print the traced item's label, and (supervisors) void a record by
/// selecting its row. What is shown comes from the core's trace and void-preview queries.
class TracePage : public QWidget
{
    Q_OBJECT

public:
    explicit TracePage(Recorder& recorder, QWidget* parent = nullptr);

    /// Who acts here: the void is offered when the permissions table allows it.
    void setSession(const Session& session);
    /// A new operator's page: no trace, no banner.
    void reset();

    QLineEdit* traceField() const { return m_field; }
    ResultBanner* banner() const { return m_banner; }
    QTreeView* genealogyView() const { return m_tree; }
    GenealogyModel* genealogyModel() const { return m_genealogy; }
    QTableView* timelineView() const { return m_table; }
    TimelineModel* timelineModel() const { return m_timeline; }
    QPushButton* voidButton() const { return m_voidButton; }
    QPushButton* evidenceButton() const { return m_evidenceButton; }
    QPushButton* curveButton() const { return m_curveButton; }
    QPushButton* labelButton() const { return m_labelButton; }
    /// The timeline row of an event id; -1 when it is not shown.
    int rowOf(const QString& eventId) const;
    /// Selects a timeline row as a click would.
    void selectRow(int row);

public slots:
    /// Traces what the field holds.
    void showTrace();
    /// Puts `serial` in the field and traces it (from the dashboard's drill-downs).
    void trace(const QString& serial);
    /// Asks for confirmation and a reason, then has the core void the selected record.
    void voidSelected();
    /// Opens the selected record's evidence files with the desktop's viewer.
    void openEvidence();
    /// Draws the reflow curve the selected record imported, with its window, in a dialog.
    void showReflowCurve();
    void printLabel();

signals:
    /// A void was recorded: other views refresh.
    void changed();

private:
    void showTraceOf(const Trace& trace);
    void updateButtons();
    int selectedRow() const;

    Recorder& m_recorder;
    Session m_session;
    bool m_mayVoid = false;
    QLineEdit* m_field = nullptr;
    ScanFocus* m_scanFocus = nullptr;
    ResultBanner* m_banner = nullptr;
    GenealogyModel* m_genealogy = nullptr;
    QTreeView* m_tree = nullptr;
    TimelineModel* m_timeline = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_evidenceButton = nullptr;
    QPushButton* m_curveButton = nullptr;
    QPushButton* m_labelButton = nullptr;
    QPushButton* m_voidButton = nullptr;
    std::pair<LabelTemplate::Kind, QString> m_label{LabelTemplate::Kind::Unit, QString()};
};

} // namespace rework
