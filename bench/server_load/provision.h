#pragma once

#include "server_load/load_device.h"
#include "storage/database.h"

#include <QString>
#include <vector>

namespace softphone::bench::load {

// Accounts and device sessions written straight into the server's database before it starts,
// as an operator's import would: one argon2id hash shared by all, one token per device.
std::vector<Device> provision(const QString &dataDir, int accounts, int devicesPerAccount);
// The same into any database the server can use (the PostgreSQL one of a cluster's nodes).
std::vector<Device> provision(const server::DatabaseSettings &settings, int accounts,
                              int devicesPerAccount);

}  // namespace softphone::bench::load
