#include "ScanFocus.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>

namespace rework {

ScanFocus::ScanFocus(QLineEdit* field, QObject* parent) : QObject(parent), m_field(field) {}

void ScanFocus::watch(QWidget* widget)
{
    widget->installEventFilter(this);
}

void ScanFocus::restore()
{
    m_field->window()->activateWindow();
    m_field->setFocus(Qt::OtherFocusReason);
    m_field->selectAll(); // the next scan replaces the last, never joins it
}

bool ScanFocus::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress || watched == m_field)
        return QObject::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    const QString text = key->text();
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    // Shortcuts and navigation stay with the widget; a scanner types printable characters.
    const bool printable = !text.isEmpty() && text.at(0).isPrint() && text.at(0) != QLatin1Char(' ') &&
                           !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    // The rest of a scan whose first key was taken here (keys already queued for this widget),
    // its Enter included, follows it into the field.
    const bool continues = m_scanning && m_field->hasFocus() && (printable || enter);
    if (!printable && !continues) {
        m_scanning = false;
        return QObject::eventFilter(watched, event);
    }
    if (!continues)
        restore(); // the last scan selected: the new one replaces it
    m_scanning = !enter;
    QKeyEvent forwarded(key->type(), key->key(), key->modifiers(), text, key->isAutoRepeat(), key->count());
    QCoreApplication::sendEvent(m_field, &forwarded);
    return true;
}

} // namespace rework
