#pragma once

#include "common/Session.h"
#include "domain/Step.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace rework {

class Database;
class Recorder;
class ResultBanner;
class StepForm;
class TimelineModel;

/// The Station tab: "scan anything" on top, the form of the station's step, and beside it the
/// history of the item last scanned. Where a scanned item goes is the core's answer
/// (NextStepResolver::route); the page opens that form or asks the shell to move the session.
class StationPage : public QWidget
{
    Q_OBJECT

public:
    StationPage(Database& db, Recorder& recorder, QWidget* parent = nullptr);

    StepForm* form(Step step) const { return m_forms.value(step); }
    StepForm* currentForm() const;
    QLineEdit* scanAnythingField() const { return m_scanAnything; }
    /// Where "scan anything" answers: the current form's banner, so a red and a green outcome
    /// never show at once.
    ResultBanner* scanBanner() const;
    /// The scanned item's genealogy, one line; its events are in historyModel().
    QLabel* historyView() const { return m_history; }
    TimelineModel* historyModel() const { return m_historyModel; }

    /// Who records on the forms, and the form of the session's station.
    void showStation(const Session& session);
    /// Who records on the forms (a resumed session keeps its form as it was).
    void setSession(const Session& session);
    /// A PC bound to its station never moves to another one; it says where to take the item.
    void setBoundToStation(bool bound) { m_boundToStation = bound; }
    /// A new operator's page: forms reset (no banner, no label offered), no history.
    void reset();
    /// No outcome left in sight for whoever comes next.
    void clearBanners();
    /// The cursor in the current form's first field.
    void focusForm();

public slots:
    void scanAnything();
    void showHistory(const QString& serial);

signals:
    /// The scanned item's step is done at `station` (single-PC mode): the shell moves there.
    void stationNeeded(const rework::StationInfo& station);

private:
    /// Makes `form` the page's form; the one it replaces loses its banner.
    void showForm(StepForm* form);

    Database& m_db;
    Recorder& m_recorder;
    Session m_session;
    bool m_boundToStation = false;
    QStackedWidget* m_formStack = nullptr;
    QHash<Step, StepForm*> m_forms;
    QLineEdit* m_scanAnything = nullptr;
    QLabel* m_history = nullptr;
    TimelineModel* m_historyModel = nullptr;
    QTableView* m_historyTable = nullptr;
};

} // namespace rework
