#pragma once

#include <QObject>

#include <chrono>

class QTimer;

namespace rework {

/// Notices when nobody has touched the keyboard, the mouse or the scanner for a while: a filter on
/// the whole application restarts a timer on every input event, and `idle` fires when it runs out.
class IdleWatcher : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject* parent = nullptr);
    ~IdleWatcher() override;

    /// Zero turns the watch off.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }
    /// Watches only while armed (someone is logged in).
    void setArmed(bool armed);
    bool isRunning() const;

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void restart();

    QTimer* m_timer = nullptr;
    std::chrono::milliseconds m_timeout{0};
    bool m_armed = false;
};

} // namespace rework
