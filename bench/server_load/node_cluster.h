#pragma once

#include "nats_server_process.h"
#include "server_config.h"
#include "server_process.h"

#include <QString>
#include <memory>
#include <vector>

namespace softphone::bench::load {

// softphone-server nodes on one fresh PostgreSQL database: one node alone, or several
// clustered over a nats-server of their own, each configured for load as LoadedServer is.
class NodeCluster
{
public:
    // False (and a line on stderr) when PostgreSQL or nats-server is missing or a node fails.
    bool start(int nodes, int commitMs);
    void stop();

    int size() const { return int(m_nodes.size()); }
    test::ServerProcess &node(int i) { return *m_nodes.at(std::size_t(i)); }
    // The shared database, as the nodes read it, for writing accounts into it before the run.
    server::DatabaseSettings databaseSettings() const;

private:
    test::NatsServerProcess m_nats;
    std::vector<std::unique_ptr<test::ServerProcess>> m_nodes;
};

}  // namespace softphone::bench::load
