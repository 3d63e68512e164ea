#pragma once

#include "server_load/load_device.h"

#include <QString>
#include <vector>

namespace softphone::bench::load {

// Accounts and device sessions written straight into the server's database before it starts,
// as an operator's import would: one argon2id hash shared by all, one token per device.
std::vector<Device> provision(const QString &dataDir, int accounts, int devicesPerAccount);

}  // namespace softphone::bench::load
