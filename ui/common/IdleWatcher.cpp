#include "IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

namespace rework {

using namespace std::chrono_literals;

IdleWatcher::IdleWatcher(const Clock& clock, QObject* parent)
    : QObject(parent), m_clock(clock), m_tick(new QTimer(this))
{
    // Coarse on purpose: a lock a few seconds late does not matter, a busy timer would.
    m_tick->setInterval(5s);
    connect(m_tick, &QTimer::timeout, this, &IdleWatcher::check);
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
    setArmed(m_armed);
}

void IdleWatcher::setArmed(bool armed)
{
    m_armed = armed;
    m_lastInput = m_clock.now();
    if (isRunning())
        m_tick->start();
    else
        m_tick->stop();
}

bool IdleWatcher::isRunning() const
{
    return m_armed && m_timeout.count() > 0;
}

void IdleWatcher::check()
{
    if (isRunning() && m_lastInput.msecsTo(m_clock.now()) >= m_timeout.count()) {
        m_armed = false; // once per idle spell; logging in arms it again
        m_tick->stop();
        emit idle();
    }
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (isRunning())
            m_lastInput = m_clock.now();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace rework
