#pragma once

#include <QObject>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>

class QTimer;

namespace softphone::platform {

// Where the call controller gets its time and its timers, so tests can run a whole call in
// a few microseconds of fake time.
class Clock
{
public:
    using TimerId = std::uint64_t;

    virtual ~Clock() = default;
    virtual std::int64_t nowMs() const = 0;  // ms since the epoch
    // Runs `fire` once after `delayMs`, on the caller's thread, unless cancelled first.
    virtual TimerId startTimer(int delayMs, std::function<void()> fire) = 0;
    virtual void cancelTimer(TimerId id) = 0;
};

// The real clock: wall time and QTimer single shots.
class SystemClock final : public QObject, public Clock
{
public:
    explicit SystemClock(QObject *parent = nullptr);
    ~SystemClock() override;

    std::int64_t nowMs() const override;
    TimerId startTimer(int delayMs, std::function<void()> fire) override;
    void cancelTimer(TimerId id) override;

private:
    TimerId m_nextId = 1;
    std::map<TimerId, std::unique_ptr<QTimer>> m_timers;
};

// A clock that moves only when told to: advance() fires the timers that fall due, in order.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(std::int64_t startMs = 1'700'000'000'000)
        : m_now(startMs)
    {}

    std::int64_t nowMs() const override { return m_now; }
    TimerId startTimer(int delayMs, std::function<void()> fire) override;
    void cancelTimer(TimerId id) override;
    void advance(std::int64_t ms);
    std::size_t pendingTimers() const { return m_due.size(); }

private:
    struct Due
    {
        std::int64_t at;
        std::function<void()> fire;
    };
    std::int64_t m_now;
    TimerId m_nextId = 1;
    std::map<TimerId, Due> m_due;
};

}  // namespace softphone::platform
