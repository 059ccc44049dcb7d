#pragma once

#include "common/Session.h"
#include "domain/WorkflowConfig.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace rework {

class Database;
class OperatorAccountsModel;
class ResultBanner;

/// The admin's screen for operator accounts: the list with each one's role and state (active,
/// disabled, locked after wrong PINs), and add, disable or enable, reset PIN and change role. The
/// rules and the audit entries are the core's (OperatorAdmin); this page only asks and shows.
class OperatorsPage : public QWidget
{
    Q_OBJECT

public:
    explicit OperatorsPage(Database& db, QWidget* parent = nullptr);

    /// Who acts; the page is shown only to those with `operators.manage`.
    void setActor(const Session& session, const WorkflowConfig& config);

    QTableView* table() const { return m_table; }
    OperatorAccountsModel* accountsModel() const { return m_accounts; }
    QLineEdit* idField() const { return m_id; }
    QLineEdit* nameField() const { return m_name; }
    QComboBox* roleField() const { return m_role; }
    QLineEdit* pinField() const { return m_pin; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* activeButton() const { return m_active; }
    QPushButton* resetPinButton() const { return m_resetPin; }
    QPushButton* roleButton() const { return m_setRole; }
    ResultBanner* banner() const { return m_banner; }

public slots:
    void reload();
    void addOperator();
    void toggleActive();
    void resetPin();
    void setRole();

signals:
    /// An account changed: the window checks whether its own operator may stay logged in.
    void changed();

private:
    void fillFromSelection();
    void report(const Status& status, const QString& success);

    Database& m_db;
    Session m_actor;
    WorkflowConfig m_config;
    OperatorAccountsModel* m_accounts = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_id = nullptr;
    QLineEdit* m_name = nullptr;
    QComboBox* m_role = nullptr;
    QLineEdit* m_pin = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_active = nullptr;
    QPushButton* m_resetPin = nullptr;
    QPushButton* m_setRole = nullptr;
    ResultBanner* m_banner = nullptr;
};

} // namespace rework
