#pragma once

#include <QString>
#include <string>

namespace softphone::bench::chaos {

// What a soak runs: its command line.
struct SoakOptions
{
    int calls = 10000;
    int durationSeconds = 0;  // 0: until `calls` invites were acknowledged
    int workers = 16;
    int accountsPerWorker = 4;
    double serverKillEvery = 60;
    double serverTermEvery = 150;
    double clientKillEvery = 1.0;
    unsigned seed = 1;
    QString postgres;
    int nodes = 1;  // more: a cluster, whose nodes are killed one at a time
};

// An account the soak registered, and the token its worker logs in with.
struct Account
{
    std::string name;
    std::string token;
};

}  // namespace softphone::bench::chaos
