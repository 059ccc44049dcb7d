#include "LoginPage.h"

#include "auth/SessionController.h"
#include "storage/Database.h"
#include "storage/StationRegistry.h"

#include <QComboBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rework {

LoginPage::LoginPage(Database& db, const SessionController& sessions, QWidget* parent)
    : QWidget(parent), m_db(db), m_sessions(sessions)
{
    auto* outer = new QVBoxLayout(this);
    outer->addStretch();
    auto* title = new QLabel(tr("Scan your badge, then type your PIN"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    outer->addWidget(title);
    // A PC bound to a station says which, where the operator looks first.
    m_boundTitle = new QLabel(this);
    m_boundTitle->setObjectName(QStringLiteral("loginBoundStation"));
    QFont stationFont = title->font();
    stationFont.setPointSizeF(title->font().pointSizeF() / 1.25);
    m_boundTitle->setFont(stationFont);
    m_boundTitle->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_boundTitle);

    auto* form = new QFormLayout;
    m_operator = new QLineEdit(this);
    m_operator->setObjectName(QStringLiteral("loginOperator"));
    m_operator->setPlaceholderText(tr("badge or operator id"));
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("loginPin"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setPlaceholderText(tr("PIN"));
    m_station = new QComboBox(this);
    m_station->setObjectName(QStringLiteral("loginStation"));
    for (QWidget* w : {static_cast<QWidget*>(m_operator), static_cast<QWidget*>(m_pin),
                       static_cast<QWidget*>(m_station)}) {
        w->setMinimumHeight(48);
        w->setMinimumWidth(440); // a badge id and a station name read at arm's length
    }
    form->addRow(tr("Operator:"), m_operator);
    form->addRow(tr("PIN:"), m_pin);
    m_stationLabel = new QLabel(tr("Station:"), this);
    form->addRow(m_stationLabel, m_station);
    auto* holder = new QWidget(this);
    holder->setMaximumWidth(640);
    holder->setLayout(form);
    outer->addWidget(holder, 0, Qt::AlignHCenter);

    m_login = new QPushButton(tr("Log in"), this);
    m_login->setObjectName(QStringLiteral("loginButton"));
    m_login->setMinimumSize(240, 56);
    outer->addWidget(m_login, 0, Qt::AlignHCenter);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("loginNotice"));
    m_notice->setAlignment(Qt::AlignCenter);
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("color: #8a5a00; font-weight: bold;"));
    outer->addWidget(m_notice);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setAlignment(Qt::AlignCenter);
    m_error->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    outer->addWidget(m_error);
    outer->addStretch();

    // The badge scanner ends with Enter: go on to the PIN; Enter in the PIN logs in.
    connect(m_operator, &QLineEdit::returnPressed, m_pin, qOverload<>(&QWidget::setFocus));
    connect(m_pin, &QLineEdit::returnPressed, this, &LoginPage::tryLogin);
    connect(m_login, &QPushButton::clicked, this, &LoginPage::tryLogin);
    // A station picked with the mouse leaves the keyboard in the next empty field, so the PIN
    // typed after it is not lost in the list.
    connect(m_station, &QComboBox::activated, this, [this] { focusNextEmpty(); });
    m_station->installEventFilter(this);
    m_login->installEventFilter(this);
    reloadStations();
    setFocusProxy(m_operator);
}

void LoginPage::focusNextEmpty()
{
    if (m_operator->text().isEmpty())
        m_operator->setFocus();
    else if (m_pin->text().isEmpty())
        m_pin->setFocus();
}

bool LoginPage::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress || (watched != m_station && watched != m_login))
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    // Enter on the station list or on the button logs in, as Enter in the PIN does.
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        tryLogin();
        return true;
    }
    // Typing while the list or the button has the focus (after a mouse pick): the keys belong in
    // the badge or PIN field, never in the list's search.
    const QString text = key->text();
    if (!text.isEmpty() && text.at(0).isPrint() && !text.at(0).isSpace() &&
        !(key->modifiers() & ~Qt::ShiftModifier)) {
        QLineEdit* target = m_operator->text().isEmpty() ? m_operator : m_pin;
        target->setFocus();
        target->insert(text);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void LoginPage::setFixedStation(const QString& stationId)
{
    m_fixedStation = stationId;
    reloadStations();
}

void LoginPage::reloadStations()
{
    const QString current = m_station->currentData().toString();
    m_station->clear();
    auto stations = StationRegistry(m_db.connection()).stations();
    if (stations) {
        for (const StationInfo& s : stations.value()) {
            if (m_fixedStation.isEmpty() || s.id == m_fixedStation)
                m_station->addItem(QStringLiteral("%1 — %2").arg(s.id, stepTitle(s.step)), s.id);
        }
    }
    const int index = m_station->findData(current);
    if (index >= 0)
        m_station->setCurrentIndex(index);
    m_station->setVisible(m_fixedStation.isEmpty());
    m_stationLabel->setVisible(m_fixedStation.isEmpty());
    m_boundTitle->setVisible(!m_fixedStation.isEmpty());
    m_boundTitle->setText(
        m_station->count() > 0
            ? tr("Station %1").arg(m_station->itemText(0))
            : tr("Station %1 is not set up in this database: ask your supervisor").arg(m_fixedStation));
}

void LoginPage::reset()
{
    m_operator->clear();
    m_pin->clear();
    m_error->clear();
    m_notice->clear();
    m_operator->setFocus();
}

void LoginPage::showNotice(const QString& text)
{
    m_notice->setText(text);
}

void LoginPage::tryLogin()
{
    Result<Session> session =
        m_sessions.authenticate(m_operator->text(), m_pin->text(), m_station->currentData().toString());
    m_pin->clear();
    if (!session) {
        m_error->setText(session.error().message);
        if (session.error().code == ErrorCode::UnknownStation)
            return;
        m_operator->setFocus();
        m_operator->selectAll();
        return;
    }
    m_error->clear();
    m_notice->clear();
    m_operator->clear();
    emit loggedIn(session.value());
}

} // namespace rework
