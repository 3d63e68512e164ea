#pragma once

#include <QString>

// Moves this process into a private network namespace with a veth pair (10.99.0.1/24 and
// 10.99.0.2/24 on its two ends), so ICE finds host candidates without touching the machine's
// network. Call it first thing in main(), before any thread exists: threads started later
// inherit the namespace. Returns an empty string on success, else why it is impossible
// (not root, no unshare, no `ip`).
QString enterPrivateNetwork();

// Gives the private namespace a default route into its veth (media0), where packets for
// anywhere else are dropped (nothing answers for those addresses): a browser page without a
// camera or microphone grant takes its one host candidate from the default route, and without
// one it gathers none. Returns an empty string on success, else what failed.
QString addDefaultRoute();
