#pragma once

#include "domain/Clock.h"

#include <QDateTime>
#include <QObject>

#include <chrono>

class QTimer;

namespace rework {

/// Notices when nobody has touched the keyboard, the mouse or the scanner for a while: a filter on
/// the whole application notes the time of every input event on the injected clock, and a tick
/// (every few seconds) fires `idle` once the timeout has passed since the last one. Tests move the
/// clock and call `check()` instead of waiting.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(const Clock& clock, QObject* parent = nullptr);
    ~IdleWatcher() override;

    /// Zero turns the watch off.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }
    /// Watches only while armed (someone is logged in); arming starts the wait afresh.
    void setArmed(bool armed);
    bool isRunning() const;
    /// Fires `idle` when the timeout has passed since the last input; the tick calls it.
    void check();

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    const Clock& m_clock;
    QTimer* m_tick = nullptr;
    QDateTime m_lastInput;
    std::chrono::milliseconds m_timeout{0};
    bool m_armed = false;
};

} // namespace rework
