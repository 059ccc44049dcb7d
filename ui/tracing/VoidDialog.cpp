#include "VoidDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rework {

VoidDialog::VoidDialog(const VoidPreview& preview, QWidget* parent)
    : QDialog(parent), m_eventId(preview.event.id)
{
    setObjectName(QStringLiteral("voidDialog"));
    setWindowTitle(tr("Void a record"));
    setModal(true);
    auto* layout = new QVBoxLayout(this);
    auto* what = new QLabel(tr("Voiding this record undoes:"), this);
    QFont bold = what->font();
    bold.setBold(true);
    what->setFont(bold);
    layout->addWidget(what);
    auto* effects = new QLabel(this);
    effects->setObjectName(QStringLiteral("voidEffects"));
    effects->setWordWrap(true);
    effects->setTextFormat(Qt::PlainText);
    QStringList lines;
    for (const QString& line : preview.effects())
        lines << QStringLiteral("• ") + line;
    effects->setText(lines.join(QLatin1Char('\n')));
    effects->setMinimumWidth(640);
    layout->addWidget(effects);
    auto* reasonLabel = new QLabel(tr("Reason (required):"), this);
    layout->addWidget(reasonLabel);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("voidReason"));
    m_reason->setMinimumHeight(44);
    m_reason->setPlaceholderText(tr("why the record is wrong, e.g. wrong carton"));
    reasonLabel->setBuddy(m_reason);
    layout->addWidget(m_reason);
    auto* buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(tr("Void record"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("confirmVoid"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelVoid"));
    for (QPushButton* b : {m_confirm, m_cancel}) {
        b->setMinimumHeight(48);
        b->setAutoDefault(false);
    }
    // Enter in the reason confirms; a void the core already says it will refuse is not offered.
    m_confirm->setEnabled(preview.voidable());
    m_reason->setEnabled(preview.voidable());
    connect(m_reason, &QLineEdit::returnPressed, this, [this] {
        if (m_confirm->isEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_reason->setFocus();
}

QString VoidDialog::reason() const
{
    return m_reason->text();
}

} // namespace rework
