#pragma once

#include "platform/clock.h"

#include <cstdint>
#include <functional>
#include <map>

namespace softphone::test {

// A clock that moves only when told to: advance() fires the timers that fall due, in order.
class ManualClock final : public platform::Clock
{
public:
    explicit ManualClock(std::int64_t startMs = 1'700'000'000'000)
        : m_now(startMs)
    {}

    std::int64_t nowMs() const override { return m_now; }
    std::int64_t monotonicMs() const override { return m_now; }
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

}  // namespace softphone::test
