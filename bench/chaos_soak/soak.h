#pragma once

#include "chaos_soak/soak_options.h"
#include "chaos_soak/worker_pool.h"
#include "protocol/json_fields.h"
#include "server_process.h"

#include <QElapsedTimer>
#include <random>
#include <vector>

namespace softphone::bench::chaos {

class InviteCounter;

// The soak: a server carrying the workers' calls and texts, SIGKILLed and stopped at random
// moments and restarted on its data directory, then checked against the workers' journals.
class Soak
{
public:
    explicit Soak(SoakOptions options);

    int run();  // the exit code: 0 when every check passed

private:
    static protocol::json serverConfig(int nodes);
    int fail(const char *why);
    double uniform(double low, double high);
    qint64 nextAt(double every, qint64 from);
    bool createAccounts();
    void restartServer(bool crash);
    void restartNode(int node, bool crash);
    bool finished(InviteCounter &counter, const QElapsedTimer &clock);
    void chaos();
    int check();

    SoakOptions m_options;
    std::mt19937 m_random;
    test::ServerProcess m_server;
    quint16 m_port = 0;
    std::vector<Account> m_accounts;
    WorkerPool m_workers;
    int m_serverKills = 0;
    int m_serverTerms = 0;
    int m_failedStops = 0;
    double m_seconds = 0;
};

}  // namespace softphone::bench::chaos
