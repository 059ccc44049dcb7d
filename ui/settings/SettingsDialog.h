#pragma once

#include "common/Session.h"
#include "labels/LabelTemplate.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class QTimeEdit;

namespace rework {

class Database;
class LimitsModel;
class Recorder;

/// The admin's settings for this PC and this factory, on one dialog:
/// - this PC (QSettings): the station it is bound to, the database file, the language;
/// - labels (QSettings, per station and kind): template (the label stock) and printer;
/// - sync (`sync.conf`): the central server, its password, the CA file and the nightly time;
/// - policy and limits (the database, audited): idle-lock time, test limits per product.
/// Applying saves each and announces it, so that the window takes it on at once.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(Database& db, Recorder& recorder, const Session& admin, QWidget* parent = nullptr);

    QComboBox* stationField() const { return m_station; }
    QLineEdit* databaseField() const { return m_database; }
    QComboBox* languageField() const { return m_language; }
    QSpinBox* idleField() const { return m_idle; }
    QComboBox* scaleField() const { return m_scale; }
    QLineEdit* serverField() const { return m_server; }
    QLineEdit* serverPasswordField() const { return m_serverPassword; }
    QLineEdit* caFileField() const { return m_caFile; }
    QTimeEdit* nightlyField() const { return m_nightly; }
    QComboBox* templateField(LabelTemplate::Kind kind) const { return m_templates.value(kind); }
    QComboBox* printerField(LabelTemplate::Kind kind) const { return m_printers.value(kind); }
    QLineEdit* targetField(LabelTemplate::Kind kind) const { return m_targets.value(kind); }
    QComboBox* productField() const { return m_product; }
    QTableView* limitsTable() const { return m_limitsView; }
    LimitsModel* limitsModel() const { return m_limits; }
    /// The plan the product is tested to (data: the plan's name; empty: the station's own).
    QComboBox* testPlanField() const { return m_testPlan; }
    QLabel* messageLabel() const { return m_message; }

public slots:
    /// Saves everything; false (with the reason shown) when a value is refused.
    bool apply();

signals:
    void stationChanged(const QString& stationId);
    void languageChanged(const QString& code);
    void idleLockChanged(int minutes);
    void syncChanged();

private:
    QWidget* buildPcTab();
    QWidget* buildLabelsTab();
    QWidget* buildSyncTab();
    QWidget* buildLimitsTab();
    void loadLabelChoices();
    void loadLimits();
    bool saveLimits();

    Database& m_db;
    Recorder& m_recorder;
    Session m_admin;
    QString m_dataFolder;
    QComboBox* m_station = nullptr;
    QLineEdit* m_database = nullptr;
    QComboBox* m_language = nullptr;
    QSpinBox* m_idle = nullptr;
    QComboBox* m_scale = nullptr;
    QString m_shownLanguage; // the language chosen when the dialog opened
    QLineEdit* m_server = nullptr;
    QLineEdit* m_serverPassword = nullptr;
    QLineEdit* m_caFile = nullptr;
    QTimeEdit* m_nightly = nullptr;
    QHash<LabelTemplate::Kind, QComboBox*> m_templates;
    QHash<LabelTemplate::Kind, QComboBox*> m_printers;
    QHash<LabelTemplate::Kind, QLineEdit*> m_targets;
    QComboBox* m_product = nullptr;
    LimitsModel* m_limits = nullptr;
    QTableView* m_limitsView = nullptr;
    QComboBox* m_testPlan = nullptr;
    QString m_testPlanShown; // the product's plan when it was shown: only a change is recorded
    QString m_limitsProduct;
    QLabel* m_message = nullptr;
};

} // namespace rework
