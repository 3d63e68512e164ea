#pragma once

#include "net/keyed_token_buckets.h"

#include <QHash>
#include <QHostAddress>
#include <deque>
#include <functional>
#include <optional>
#include <string>

namespace softphone::server {

struct LoginThrottleSettings
{
    int waitingPerAddress = 8;             // password checks one address may have waiting
    int waiting = 256;                     // password checks waiting, all addresses together
    double addressFailures = 10;           // failed logins an address may have in a row ...
    double addressFailuresPerMinute = 10;  // ... and how fast it earns them back
    double accountFailures = 20;           // the same for one account, from all addresses
    double accountFailuresPerMinute = 6;
    double registrationsPerAddress = 0;  // per hour; 0: no limit
};

// Password checks (Argon2id) are slow on purpose, which makes them a lever: a flood of them
// from one place would keep every honest login waiting. Checks wait in one short queue per
// address and the workers take them from the addresses in turn, so a flood from one address
// delays others by one check at most. An address or account that keeps failing is refused
// for a while. Token logins are cheap and never pass through here.
class LoginThrottle
{
public:
    using Check = std::function<void()>;  // starts the check; finished() must follow
    using Alive = std::function<bool()>;  // whether the check is still wanted when its turn comes

    // `clock` (not owned) runs the failure and registration limits.
    LoginThrottle(const platform::Clock &clock, int workers, LoginThrottleSettings settings = {});

    // Queues a login's password check. Empty when queued, else why it was refused.
    std::optional<std::string> submitLogin(const QHostAddress &address, const std::string &account,
                                           Alive alive, Check check);
    // The same for `register`, whose password is hashed as slowly.
    std::optional<std::string> submitRegistration(const QHostAddress &address, Alive alive,
                                                  Check check);
    // A check has ended; `failed` for a wrong password.
    void finished(const QHostAddress &address, const std::string &account, bool failed);

    int running() const { return m_running; }
    int waiting() const { return m_waiting; }

private:
    struct Waiting
    {
        Alive alive;
        Check check;
    };
    struct AddressState
    {
        TokenBucket failures;
        TokenBucket registrations;
        std::deque<Waiting> queue;
    };
    AddressState &address(const QHostAddress &address);
    std::optional<std::string> enqueue(const QHostAddress &address, AddressState &state,
                                       Waiting waiting);
    void startNext();
    void forgetIdleAddresses();  // only before an insert

    const platform::Clock &m_clock;
    int m_workers;
    LoginThrottleSettings m_settings;
    QHash<QHostAddress, AddressState> m_addresses;
    KeyedTokenBuckets m_accountFailures;
    std::deque<QHostAddress> m_turns;  // addresses with checks waiting, each once, in turn order
    int m_running = 0;
    int m_waiting = 0;
};

}  // namespace softphone::server
