#include "IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

namespace rework {

IdleWatcher::IdleWatcher(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &IdleWatcher::idle);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    restart();
}

void IdleWatcher::setArmed(bool armed)
{
    m_armed = armed;
    restart();
}

bool IdleWatcher::isRunning() const
{
    return m_timer->isActive();
}

void IdleWatcher::restart()
{
    if (m_armed && m_timeout.count() > 0)
        m_timer->start(m_timeout);
    else
        m_timer->stop();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (m_timer->isActive())
            restart();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace rework
