#pragma once

#include "platform/clock.h"

#include <algorithm>
#include <cstdint>

namespace softphone::server {

// A token bucket on the server's clock (its monotonic reading, so that tests can move it):
// `burst` tokens, refilled at `perSecond`. The clock is not owned and outlives the bucket.
class TokenBucket
{
public:
    TokenBucket(const platform::Clock &clock, double perSecond, double burst)
        : m_clock(&clock)
        , m_perSecond(perSecond)
        , m_burst(burst)
        , m_tokens(burst)
        , m_refilledMs(clock.monotonicMs())
    {}

    bool take()
    {
        const std::int64_t now = m_clock->monotonicMs();
        m_tokens = tokensAt(now);
        m_refilledMs = now;
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }
    bool hasToken() const { return tokensAt(m_clock->monotonicMs()) >= 1.0; }
    bool isFull() const { return tokensAt(m_clock->monotonicMs()) >= m_burst; }
    // Seconds until one token is back (0 when there is one).
    double secondsToNext() const
    {
        const double tokens = tokensAt(m_clock->monotonicMs());
        return tokens >= 1.0 || m_perSecond <= 0 ? 0.0 : (1.0 - tokens) / m_perSecond;
    }

private:
    double tokensAt(std::int64_t nowMs) const
    {
        const double elapsed = double(nowMs - m_refilledMs) / 1000.0;
        return std::min(m_burst, m_tokens + std::max(0.0, elapsed) * m_perSecond);
    }

    const platform::Clock *m_clock;
    double m_perSecond;
    double m_burst;
    double m_tokens;
    std::int64_t m_refilledMs;
};

}  // namespace softphone::server
