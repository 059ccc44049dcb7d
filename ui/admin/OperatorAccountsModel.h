#pragma once

#include "auth/OperatorAdmin.h"
#include "common/RowTableModel.h"

namespace rework {

/// The admin's list of operator accounts: id, name, role and state (active, disabled, or locked
/// after wrong PINs until a time), one row per OperatorAdmin::Account.
class OperatorAccountsModel : public RowTableModel<OperatorAdmin::Account>
{
    Q_OBJECT

public:
    enum Column
    {
        Id,
        Name,
        Role,
        State,
        ColumnCount
    };

    explicit OperatorAccountsModel(QObject* parent = nullptr);

    /// "Admin", "Supervisor" or "Operator", translated: a role as the admin's screen names it.
    static QString roleTitle(const QString& role);
    /// The row of the account `id`; -1 when it is not listed.
    int rowOf(const QString& id) const;

protected:
    QString text(const OperatorAdmin::Account& row, int column) const override;
};

} // namespace rework
