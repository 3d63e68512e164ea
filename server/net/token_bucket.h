#pragma once

#include <algorithm>
#include <chrono>

namespace softphone::server {

// A token bucket on the monotonic clock: `burst` tokens, refilled at `perSecond`.
class TokenBucket
{
public:
    using Clock = std::chrono::steady_clock;

    TokenBucket(double perSecond, double burst, Clock::time_point now = Clock::now())
        : m_perSecond(perSecond)
        , m_burst(burst)
        , m_tokens(burst)
        , m_refilled(now)
    {}

    bool take(Clock::time_point now = Clock::now())
    {
        m_tokens = tokensAt(now);
        m_refilled = now;
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }
    bool hasToken(Clock::time_point now = Clock::now()) const { return tokensAt(now) >= 1.0; }
    bool isFull(Clock::time_point now = Clock::now()) const { return tokensAt(now) >= m_burst; }
    // Seconds until one token is back (0 when there is one).
    double secondsToNext(Clock::time_point now = Clock::now()) const
    {
        const double tokens = tokensAt(now);
        return tokens >= 1.0 || m_perSecond <= 0 ? 0.0 : (1.0 - tokens) / m_perSecond;
    }

private:
    double tokensAt(Clock::time_point now) const
    {
        const double elapsed = std::chrono::duration<double>(now - m_refilled).count();
        return std::min(m_burst, m_tokens + std::max(0.0, elapsed) * m_perSecond);
    }

    double m_perSecond;
    double m_burst;
    double m_tokens;
    Clock::time_point m_refilled;
};

}  // namespace softphone::server
