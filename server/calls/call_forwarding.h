#pragma once

#include "calls/forwarded_request.h"

#include <string>
#include <vector>

namespace softphone::server {

// In a cluster: how a node hands a request about a call that another node owns to that node
// (docs/cluster.md, "Calls"). The owner answers the device itself.
class CallForwarding
{
public:
    virtual ~CallForwarding() = default;
    virtual const std::string &nodeName() const = 0;
    // The node is heard from (this node itself is).
    virtual bool isNodeAlive(const std::string &node) const = 0;
    virtual void forwardCallRequest(const std::string &node, const ForwardedRequest &request) = 0;
    // `notice`: a device of a party of the node's call came or went here (no answer).
    virtual void tellDeviceChange(const std::string &node, const std::string &notice) = 0;
    // Rings the account's devices on the other nodes, telling those nodes that this one owns
    // `cid`: the callee's answer then goes straight to the owner.
    virtual void ringElsewhere(const std::string &account, const std::string &cid,
                               const std::string &text) = 0;
    // The other nodes that hold the device, as far as this node knows.
    virtual std::vector<std::string> nodesHolding(const std::string &account,
                                                  const std::string &deviceId) const = 0;
};

}  // namespace softphone::server
