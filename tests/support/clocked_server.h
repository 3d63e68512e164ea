#pragma once

#include "manual_clock.h"
#include "server_config.h"

#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace softphone::server {
class SoftphoneServer;
}

namespace softphone::test {

// The server in this process on a manual clock: real sockets and a real SQLite database, only
// its time is fake, so that a test moves it past a timeout or a grace instead of waiting. One
// at a time in a process: servers share their WAL checkpointer's database connection name.
class ClockedServer
{
public:
    ClockedServer();
    ~ClockedServer();

    // What start() runs with: a free loopback port, a fresh data folder, every write committed
    // at once; a test changes the rest before start().
    server::ServerConfig &config() { return m_config; }
    QString start();  // empty once listening, else why not
    QUrl url() const;
    ManualClock &clock() { return m_clock; }
    server::SoftphoneServer &server() { return *m_server; }
    // Waits until the server counts `count` connections: it notices a drop a turn later.
    bool waitForConnections(int count);

private:
    ManualClock m_clock;
    QTemporaryDir m_dir;
    server::ServerConfig m_config;
    std::unique_ptr<server::SoftphoneServer> m_server;
};

}  // namespace softphone::test
