#pragma once

namespace softphone::bench::load {

// Call lifecycles on PostgreSQL, one node alone against `nodes` softphone-server nodes
// (NodeCluster): the callers logged in to the first node, the callees to the second, so that
// every call crosses between nodes. Both stand ready side by side and run in turn, `rounds`
// times, so that a machine whose speed drifts from minute to minute weighs on both alike;
// each phase prints what LifecycleRun prints, and several rounds end with their medians and
// the ratio of each round. Returns the process exit code.
int runAcrossNodes(int nodes, int clients, double rate, int seconds, int commitMs, int rounds);

}  // namespace softphone::bench::load
