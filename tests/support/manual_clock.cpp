#include "manual_clock.h"

namespace softphone::test {

platform::Clock::TimerId ManualClock::startTimer(int delayMs, std::function<void()> fire)
{
    const TimerId id = m_nextId++;
    m_due.emplace(id, Due{m_now + delayMs, std::move(fire)});
    return id;
}

void ManualClock::cancelTimer(TimerId id)
{
    m_due.erase(id);
}

void ManualClock::advance(std::int64_t ms)
{
    const std::int64_t until = m_now + ms;
    for (;;) {
        auto next = m_due.end();
        for (auto it = m_due.begin(); it != m_due.end(); ++it) {
            if (it->second.at <= until && (next == m_due.end() || it->second.at < next->second.at))
                next = it;
        }
        if (next == m_due.end())
            break;
        m_now = next->second.at;
        auto fire = std::move(next->second.fire);
        m_due.erase(next);
        fire();
    }
    m_now = until;
}

}  // namespace softphone::test
