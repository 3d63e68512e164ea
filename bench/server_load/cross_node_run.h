#pragma once

namespace softphone::bench::load {

// Call lifecycles on PostgreSQL with `nodes` softphone-server nodes (NodeCluster): the callers
// logged in to the first node, the callees to the second (to the one node when alone), so
// that every call crosses between nodes. Prints what LifecycleRun prints, for each node.
// Returns the process exit code.
int runAcrossNodes(int nodes, int clients, double rate, int seconds, int commitMs);

}  // namespace softphone::bench::load
