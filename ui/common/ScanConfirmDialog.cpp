#include "ScanConfirmDialog.h"

#include "ResultBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rework {

ScanConfirmDialog::ScanConfirmDialog(const QString& title, const QString& message, const QString& confirmText,
                                     const CommandCode& command, QWidget* parent)
    : QDialog(parent), m_command(command)
{
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    m_message = new QLabel(message, this);
    m_message->setObjectName(QStringLiteral("confirmMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    QFont big = m_message->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_message->setFont(big);
    layout->addWidget(m_message);
    auto* how = new QLabel(
        tr("To confirm, scan %1 again or press the button. Esc cancels.").arg(command.text()), this);
    how->setWordWrap(true);
    layout->addWidget(how);
    m_scan = new QLineEdit(this);
    m_scan->setObjectName(QStringLiteral("confirmScan"));
    m_scan->setMinimumHeight(44);
    m_scan->setPlaceholderText(command.text());
    layout->addWidget(m_scan);
    m_refusal = new ResultBanner(this);
    m_refusal->setCollapsible(true);
    layout->addWidget(m_refusal);
    // Plain buttons, not a QDialogButtonBox: that makes its first accept button the default
    // when shown, and Enter alone would then confirm. Enter belongs to the scan field.
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    m_confirm = new QPushButton(confirmText, this);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    auto* cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    for (QPushButton* b : {m_confirm, cancel}) {
        b->setAutoDefault(false);
        b->setMinimumHeight(44);
        buttons->addWidget(b);
    }
    connect(m_confirm, &QPushButton::clicked, this, &QDialog::accept);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_scan, &QLineEdit::returnPressed, this, &ScanConfirmDialog::takeScan);
    layout->addLayout(buttons);
    setMinimumWidth(560);
    m_scan->setFocus();
}

QString ScanConfirmDialog::message() const
{
    return m_message->text();
}

void ScanConfirmDialog::takeScan()
{
    const QString scanned = m_scan->text().trimmed();
    m_scan->clear();
    if (scanned.isEmpty())
        return; // Enter alone: still asking
    const std::optional<CommandCode> code = CommandCode::parse(scanned);
    if (code && code->kind == m_command.kind &&
        code->argument.compare(m_command.argument, Qt::CaseInsensitive) == 0) {
        accept();
        return;
    }
    m_refusal->showFailure(tr("%1 is not %2: nothing was done. Scan %2 to confirm, or press Esc to cancel.")
                               .arg(scanned.left(40), m_command.text()));
}

} // namespace rework
