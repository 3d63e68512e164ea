#pragma once

namespace softphone::bench::load {

// Idle authenticated connections on PostgreSQL with `nodes` softphone-server nodes
// (NodeCluster), device i on node i mod `nodes`, so that each account has devices on every
// node and every node's directory holds the others' devices. Prints each node's connections
// and resident memory before and after. `perProcess`: connections one client process may hold.
// Returns the process exit code.
int runIdleAcrossNodes(int nodes, int clients, int devicesPerAccount, int perProcess);

}  // namespace softphone::bench::load
