#pragma once

#include <QObject>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>

class QTimer;

namespace softphone::platform {

// Where the call controller and the server get their time and their timers, so tests can run a
// whole call in a few microseconds of fake time (tests/support/manual_clock.h).
class Clock
{
public:
    using TimerId = std::uint64_t;

    virtual ~Clock() = default;
    virtual std::int64_t nowMs() const = 0;  // ms since the epoch
    // ms on a clock that never jumps (unrelated to the epoch), for rates: a step of the
    // wall clock must neither refill nor freeze a rate limit.
    virtual std::int64_t monotonicMs() const = 0;
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
    std::int64_t monotonicMs() const override;
    TimerId startTimer(int delayMs, std::function<void()> fire) override;
    void cancelTimer(TimerId id) override;

private:
    TimerId m_nextId = 1;
    std::map<TimerId, std::unique_ptr<QTimer>> m_timers;
};

}  // namespace softphone::platform
