#pragma once

#include "platform/clock.h"
#include "storage/node_leases.h"

#include <QObject>
#include <functional>
#include <optional>
#include <string>

namespace softphone::server {

struct ClusterSettings;

// Keeps this node's lease on its calls alive and, at each renewal, takes over the calls of
// nodes whose lease ran out (docs/cluster.md, "Losing a node").
class LeaseKeeper : public QObject
{
    Q_OBJECT

public:
    // `heardNodes`: the other nodes that still beat (ClusterNode). Their calls are not taken
    // over, even if their lease ran out: the survivor must first have forgotten their devices.
    LeaseKeeper(const ClusterSettings &settings, NodeLeases &leases, platform::Clock &clock,
                std::function<std::vector<std::string>()> heardNodes, QObject *parent = nullptr);
    ~LeaseKeeper() override;

    // Takes the lease for this run; returns the previous run's last sign of life, if any.
    std::optional<std::int64_t> start();
    // The node stops and hands its calls over: the lease ends now, and is renewed no more.
    void release();
    // Takes over now the calls of the nodes whose lease ended and that no longer beat: what
    // the last node of a cluster to stop does before it ends its calls.
    void takeOverExpired();

signals:
    void takenOver(const softphone::server::NodeLeases::TakenOver &node);
    // A survivor took this node's lease: it was thought dead, and its calls are another's now.
    void leaseLost();

private:
    void tick();

    const ClusterSettings &m_settings;
    NodeLeases &m_leases;
    platform::Clock &m_clock;
    std::function<std::vector<std::string>()> m_heardNodes;
    std::string m_node;
    std::string m_boot;
    platform::Clock::TimerId m_timer = 0;
};

}  // namespace softphone::server
