#pragma once

#include "net/token_bucket.h"

#include <cstddef>
#include <string>
#include <unordered_map>

namespace softphone::server {

// One token bucket per key (an account, say), all with the same rate and burst, made on first
// use. Past kForgetAbove keys, those whose bucket is full again are forgotten before a new one
// is added: a full bucket is what a new one would be, and a spray of names cannot grow the
// table without end.
class KeyedTokenBuckets
{
public:
    static constexpr std::size_t kForgetAbove = 10'000;

    KeyedTokenBuckets(const platform::Clock &clock, double perSecond, double burst)
        : m_clock(clock)
        , m_perSecond(perSecond)
        , m_burst(burst)
    {}

    TokenBucket &bucket(const std::string &key)
    {
        auto it = m_buckets.find(key);
        if (it == m_buckets.end()) {
            if (m_buckets.size() > kForgetAbove)
                std::erase_if(m_buckets, [](auto &entry) { return entry.second.isFull(); });
            it = m_buckets.emplace(key, TokenBucket(m_clock, m_perSecond, m_burst)).first;
        }
        return it->second;
    }

private:
    const platform::Clock &m_clock;
    double m_perSecond;
    double m_burst;
    std::unordered_map<std::string, TokenBucket> m_buckets;
};

}  // namespace softphone::server
