#include "server_load/node_cluster.h"

#include "server_load/loaded_server.h"

#include <QTemporaryFile>
#include <cstdio>

namespace softphone::bench::load {

bool NodeCluster::start(int nodes, int commitMs)
{
    if (test::ServerProcess::postgresSocket().isEmpty()) {
        std::fprintf(stderr, "--nodes needs PostgreSQL: set SOFTPHONE_TEST_POSTGRES to its "
                             "SOCKET_DIR:PORT (scripts/start-postgres.sh prints it)\n");
        return false;
    }
    if (nodes > 1 && (!test::NatsServerProcess::isInstalled() || !m_nats.start())) {
        std::fprintf(stderr, "--nodes needs nats-server (scripts/install-deps.sh installs it)\n");
        return false;
    }
    for (int i = 0; i < nodes; ++i) {
        nlohmann::json config = loadSettings(commitMs);
        if (nodes > 1) {
            config["cluster"] = {{"nats", {m_nats.url().toStdString()}},
                                 {"node", "node-" + std::to_string(i)}};
        }
        if (!m_nodes.empty())
            config["database"] = m_nodes.front()->config()["database"];  // the first node made it
        m_nodes.push_back(std::make_unique<test::ServerProcess>(config));
        if (!m_nodes.back()->start()) {
            std::fprintf(stderr, "node %d did not start\n", i);
            return false;
        }
    }
    return true;
}

server::DatabaseSettings NodeCluster::databaseSettings() const
{
    // By the server's own rules for its config's "database".
    QTemporaryFile file;
    file.open();
    file.write(nlohmann::json{{"database", m_nodes.front()->config()["database"]}}.dump().c_str());
    file.flush();
    server::ServerConfig config;
    config.loadFile(file.fileName());
    config.database.shared = true;  // the nodes use it while the accounts are written
    return config.database;
}

void NodeCluster::stop()
{
    // The first node owns the database (it drops it): it goes last.
    for (auto node = m_nodes.rbegin(); node != m_nodes.rend(); ++node)
        (*node)->stop();
    m_nodes.clear();
    m_nats.kill();
}

}  // namespace softphone::bench::load
