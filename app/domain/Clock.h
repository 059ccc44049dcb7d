#pragma once

#include <QDateTime>

namespace rework {

/// Source of "now" in UTC. Injected so that tests and demo data can record at chosen times.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

/// The real clock, for callers that are not handed one (the executables' entry points).
inline const Clock& systemClock()
{
    static const SystemClock clock;
    return clock;
}

/// A clock that stays where it is set; `advance` moves it forward.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime& start) : m_now(start.toUTC()) {}
    QDateTime now() const override { return m_now; }
    void set(const QDateTime& t) { m_now = t.toUTC(); }
    void advanceSeconds(qint64 s) { m_now = m_now.addSecs(s); }

private:
    QDateTime m_now;
};

} // namespace rework
