#include "ConflictDialog.h"

#include "domain/Step.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace rework {

ConflictDialog::ConflictDialog(const Conflict& conflict, const QList<ConflictSide>& sides,
                               const QSqlDatabase& db, const Session& session, const Clock& clock,
                               QWidget* parent)
    : QDialog(parent), m_conflict(conflict), m_db(db), m_session(session), m_clock(clock)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Resolve conflict %1").arg(conflict.serverId));
    auto* layout = new QVBoxLayout(this);
    auto* detail = new QLabel(this);
    detail->setObjectName(QStringLiteral("conflictDetail"));
    detail->setWordWrap(true);
    detail->setText(tr("%1 (found %2)")
                        .arg(conflict.detail, QDateTime::fromString(conflict.foundAt, Qt::ISODateWithMs)
                                                  .toLocalTime()
                                                  .toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    layout->addWidget(detail);
    layout->addWidget(new QLabel(tr("Which record stands? The other one, and every record that builds on it "
                                    "at any station, is voided."),
                                 this));
    m_sides = new QButtonGroup(this);
    int i = 0;
    for (const ConflictSide& side : sides) {
        auto* choice = new QRadioButton(describe(side), this);
        choice->setObjectName(QStringLiteral("keep%1").arg(i++));
        choice->setProperty("eventId", side.eventId);
        m_sides->addButton(choice);
        layout->addWidget(choice);
    }
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("resolveReason"));
    m_reason->setPlaceholderText(tr("Why this record stands (required)"));
    auto* form = new QFormLayout;
    form->addRow(tr("Reason"), m_reason);
    layout->addLayout(form);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resolveResult"));
    m_result->setWordWrap(true);
    m_result->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    layout->addWidget(m_result);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_resolve = buttons->addButton(tr("Resolve"), QDialogButtonBox::AcceptRole);
    m_resolve->setObjectName(QStringLiteral("resolveConfirm"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConflictDialog::resolve);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_sides, &QButtonGroup::buttonClicked, this, &ConflictDialog::updateButton);
    connect(m_reason, &QLineEdit::textChanged, this, &ConflictDialog::updateButton);
    updateButton();
}

bool ConflictDialog::choose(const QString& eventId)
{
    for (QAbstractButton* b : m_sides->buttons()) {
        if (b->property("eventId").toString() == eventId) {
            b->click();
            return true;
        }
    }
    return false;
}

QString ConflictDialog::describe(const ConflictSide& side)
{
    if (side.held == ConflictSide::Held::NotHere)
        return tr("Record %1 of another station: not at this station yet").arg(side.eventId);
    const QString held = side.voided                                 ? tr("voided here")
                         : side.held == ConflictSide::Held::SetAside ? tr("set aside here")
                                                                     : tr("applied here");
    return tr("%1 of %2 at %3, %4 (%5): record %6")
        .arg(stepTitle(side.step), side.subject, side.stationId,
             side.recordedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), held, side.eventId);
}

void ConflictDialog::updateButton()
{
    m_resolve->setEnabled(m_sides->checkedButton() && !m_reason->text().trimmed().isEmpty());
}

void ConflictDialog::resolve()
{
    QAbstractButton* keep = m_sides->checkedButton();
    if (!keep)
        return;
    Result<int> voided = ConflictResolution(m_db, m_clock)
                             .resolve(m_conflict.serverId, keep->property("eventId").toString(),
                                      m_reason->text(), m_session.operatorInfo, m_session.station.id);
    if (!voided) {
        m_result->setText(tr("Not resolved: %1").arg(voided.error().message));
        return;
    }
    emit resolved(
        tr("Conflict %1 resolved: %n record(s) voided", nullptr, voided.value()).arg(m_conflict.serverId));
    accept();
}

} // namespace rework
