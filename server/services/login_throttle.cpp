#include "services/login_throttle.h"

#include <cmath>

namespace softphone::server {

namespace {

std::string retryText(double seconds)
{
    return "retry in " + std::to_string(int(std::ceil(std::max(1.0, seconds)))) + " s";
}

}  // namespace

LoginThrottle::LoginThrottle(const platform::Clock &clock, int workers,
                             LoginThrottleSettings settings)
    : m_clock(clock)
    , m_workers(std::max(1, workers))
    , m_settings(settings)
    , m_accountFailures(clock, settings.accountFailuresPerMinute / 60.0, settings.accountFailures)
{}

LoginThrottle::AddressState &LoginThrottle::address(const QHostAddress &from)
{
    auto it = m_addresses.find(from);
    if (it == m_addresses.end()) {
        forgetIdleAddresses();
        const double registrations = m_settings.registrationsPerAddress;
        it = m_addresses.insert(
            from,
            AddressState{TokenBucket(m_clock, m_settings.addressFailuresPerMinute / 60.0,
                                     m_settings.addressFailures),
                         TokenBucket(m_clock, registrations / 3600.0, std::max(1.0, registrations)),
                         {}});
    }
    return *it;
}

// Past as many remembered addresses as KeyedTokenBuckets keeps keys, those with nothing held
// against them are forgotten, so that a spray of addresses cannot grow the table without end.
void LoginThrottle::forgetIdleAddresses()
{
    if (std::size_t(m_addresses.size()) <= KeyedTokenBuckets::kForgetAbove)
        return;
    m_addresses.removeIf([](auto it) {
        AddressState &state = it.value();
        return state.queue.empty() && state.failures.isFull() && state.registrations.isFull();
    });
}

std::optional<std::string> LoginThrottle::submitLogin(const QHostAddress &from,
                                                      const std::string &accid, Alive alive,
                                                      Check check)
{
    AddressState &state = address(from);
    if (!state.failures.hasToken()) {
        return "too many failed logins from your address; " +
               retryText(state.failures.secondsToNext());
    }
    TokenBucket &accountFailures = m_accountFailures.bucket(accid);
    if (!accountFailures.hasToken()) {
        return "too many failed logins for this account; " +
               retryText(accountFailures.secondsToNext()) + " or sign in with a saved session";
    }
    return enqueue(from, state, Waiting{std::move(alive), std::move(check)});
}

std::optional<std::string> LoginThrottle::submitRegistration(const QHostAddress &from, Alive alive,
                                                             Check check)
{
    AddressState &state = address(from);
    if (m_settings.registrationsPerAddress > 0 && !state.registrations.hasToken()) {
        return "too many accounts registered from your address; " +
               retryText(state.registrations.secondsToNext());
    }
    auto refused = enqueue(from, state, Waiting{std::move(alive), std::move(check)});
    if (!refused && m_settings.registrationsPerAddress > 0)
        state.registrations.take();
    return refused;
}

std::optional<std::string> LoginThrottle::enqueue(const QHostAddress &from, AddressState &state,
                                                  Waiting waiting)
{
    if (int(state.queue.size()) >= m_settings.waitingPerAddress)
        return std::string("passwords from your address are being checked; retry in 1 s");
    if (m_waiting >= m_settings.waiting)
        return std::string("the server is busy checking passwords; retry in 1 s");
    if (state.queue.empty())
        m_turns.push_back(from);
    state.queue.push_back(std::move(waiting));
    ++m_waiting;
    startNext();
    return std::nullopt;
}

void LoginThrottle::startNext()
{
    while (m_running < m_workers && !m_turns.empty()) {
        const QHostAddress from = m_turns.front();
        m_turns.pop_front();
        AddressState &state = address(from);
        Waiting next = std::move(state.queue.front());
        state.queue.pop_front();
        --m_waiting;
        if (!state.queue.empty())
            m_turns.push_back(from);  // its next check waits for the other addresses' turns
        if (!next.alive())
            continue;  // its connection closed while it waited
        ++m_running;
        next.check();
    }
}

void LoginThrottle::finished(const QHostAddress &from, const std::string &accid, bool failed)
{
    m_running = std::max(0, m_running - 1);
    if (failed) {
        address(from).failures.take();
        m_accountFailures.bucket(accid).take();
    }
    startNext();
}

}  // namespace softphone::server
