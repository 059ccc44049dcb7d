#include "OperatorsPage.h"

#include "OperatorAccountsModel.h"

#include "auth/OperatorAdmin.h"
#include "common/ResultBanner.h"
#include "domain/SerialRules.h"
#include "storage/Database.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace rework {

OperatorsPage::OperatorsPage(Database& db, QWidget* parent) : QWidget(parent), m_db(db)
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Operator accounts: pick one to change it, or fill in a new one"), this));
    m_accounts = new OperatorAccountsModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("operatorsTable"));
    m_table->setModel(m_accounts);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto* form = new QFormLayout;
    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("operatorId"));
    m_id->setPlaceholderText(tr("badge or operator id, e.g. OP012"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("operatorName"));
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("operatorRole"));
    for (const char* role : {"operator", "supervisor", "admin"})
        m_role->addItem(OperatorAccountsModel::roleTitle(QString::fromLatin1(role)),
                        QString::fromLatin1(role));
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("operatorPin"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setPlaceholderText(tr("4 to 12 digits: for a new operator or a PIN reset"));
    form->addRow(tr("Id:"), m_id);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Role:"), m_role);
    form->addRow(tr("PIN:"), m_pin);
    layout->addLayout(form);

    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add operator"), this);
    m_add->setObjectName(QStringLiteral("addOperator"));
    m_active = new QPushButton(tr("Disable"), this);
    m_active->setObjectName(QStringLiteral("toggleOperator"));
    m_resetPin = new QPushButton(tr("Reset PIN"), this);
    m_resetPin->setObjectName(QStringLiteral("resetPin"));
    m_setRole = new QPushButton(tr("Change role"), this);
    m_setRole->setObjectName(QStringLiteral("changeRole"));
    for (QPushButton* b : {m_add, m_active, m_resetPin, m_setRole}) {
        b->setMinimumHeight(44);
        buttons->addWidget(b);
    }
    buttons->addStretch();
    layout->addLayout(buttons);
    m_banner = new ResultBanner(this);
    m_banner->setCollapsible(true);
    layout->addWidget(m_banner);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OperatorsPage::fillFromSelection);
    connect(m_add, &QPushButton::clicked, this, &OperatorsPage::addOperator);
    connect(m_active, &QPushButton::clicked, this, &OperatorsPage::toggleActive);
    connect(m_resetPin, &QPushButton::clicked, this, &OperatorsPage::resetPin);
    connect(m_setRole, &QPushButton::clicked, this, &OperatorsPage::setRole);
}

void OperatorsPage::setActor(const Session& session, const WorkflowConfig& config)
{
    m_actor = session;
    m_config = config;
    m_banner->clearResult();
    reload();
}

void OperatorsPage::reload()
{
    OperatorAdmin admin(m_db.connection(), m_config, m_actor.operatorInfo.id, m_actor.station.id);
    auto accounts = admin.accounts();
    if (!accounts) {
        m_banner->showFailure(accounts.error().message);
        return;
    }
    const QString selected = m_id->text();
    m_accounts->setRows(accounts.value());
    if (const int row = m_accounts->rowOf(selected); row >= 0)
        m_table->selectRow(row);
    m_table->resizeColumnsToContents();
}

void OperatorsPage::fillFromSelection()
{
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return;
    const OperatorAdmin::Account& account = m_accounts->rowAt(selected.first().row());
    m_id->setText(account.info.id);
    m_name->setText(account.info.name);
    m_role->setCurrentIndex(m_role->findData(account.info.role));
    m_active->setText(account.info.active ? tr("Disable") : tr("Enable"));
}

void OperatorsPage::report(const Status& status, const QString& success)
{
    m_pin->clear();
    if (!status) {
        m_banner->showFailure(status.error().message);
        return;
    }
    m_banner->showSuccess(success);
    reload();
    emit changed();
}

void OperatorsPage::addOperator()
{
    OperatorAdmin admin(m_db.connection(), m_config, m_actor.operatorInfo.id, m_actor.station.id);
    const QString role = m_role->currentData().toString();
    report(admin.add(m_id->text(), m_name->text(), role, m_pin->text()),
           tr("%1 added as %2; they log in with the PIN you gave")
               .arg(m_id->text().trimmed().toUpper(), OperatorAccountsModel::roleTitle(role)));
}

void OperatorsPage::toggleActive()
{
    const QString id = m_id->text().trimmed();
    // The database says whether the account is active now, not the table as last shown.
    Result<bool> isActive =
        OperatorAdmin::isActive(m_db.connection(), SerialRules::normalise(SerialKind::Operator, id));
    const bool active = isActive && isActive.value();
    OperatorAdmin admin(m_db.connection(), m_config, m_actor.operatorInfo.id, m_actor.station.id);
    report(admin.setActive(id, !active),
           active ? tr("%1 is disabled and logged out everywhere").arg(id.toUpper())
                  : tr("%1 can log in again").arg(id.toUpper()));
}

void OperatorsPage::resetPin()
{
    OperatorAdmin admin(m_db.connection(), m_config, m_actor.operatorInfo.id, m_actor.station.id);
    const QString id = m_id->text().trimmed().toUpper();
    report(admin.resetPin(id, m_pin->text()), tr("New PIN set for %1; any lock is lifted").arg(id));
}

void OperatorsPage::setRole()
{
    OperatorAdmin admin(m_db.connection(), m_config, m_actor.operatorInfo.id, m_actor.station.id);
    const QString id = m_id->text().trimmed().toUpper();
    const QString role = m_role->currentData().toString();
    report(admin.setRole(id, role), tr("%1 is now %2").arg(id, OperatorAccountsModel::roleTitle(role)));
}

} // namespace rework
