#include "cluster/lease_keeper.h"

#include "logging.h"
#include "server_config.h"

#include <QUuid>

namespace softphone::server {

LeaseKeeper::LeaseKeeper(const ClusterSettings &settings, NodeLeases &leases,
                         platform::Clock &clock,
                         std::function<std::vector<std::string>()> heardNodes, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_leases(leases)
    , m_clock(clock)
    , m_heardNodes(std::move(heardNodes))
    , m_node(settings.node.toStdString())
    , m_boot(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString())
{}

LeaseKeeper::~LeaseKeeper()
{
    m_clock.cancelTimer(m_timer);
}

std::optional<std::int64_t> LeaseKeeper::start()
{
    const auto previous = m_leases.acquire(m_node, m_boot, m_clock.nowMs(), m_settings.leaseMs);
    m_timer = m_clock.startTimer(m_settings.leaseRenewMs, [this] { tick(); });
    return previous;
}

void LeaseKeeper::release()
{
    m_clock.cancelTimer(m_timer);
    m_timer = 0;
    m_leases.release(m_node, m_boot, m_clock.nowMs());
}

void LeaseKeeper::takeOverExpired()
{
    for (const NodeLeases::TakenOver &node : m_leases.takeOverExpired(m_node, m_heardNodes())) {
        qCWarning(lcServer) << "took over" << node.cids.size() << "calls of cluster node"
                            << node.node.c_str() << "(its lease expired)";
        emit takenOver(node);
    }
}

void LeaseKeeper::tick()
{
    const auto renewal = m_leases.renew(m_node, m_boot, m_clock.nowMs(), m_settings.leaseMs);
    if (renewal == NodeLeases::Renewal::Lost) {
        qCCritical(lcServer) << "this node's lease was taken over (it could not renew it in"
                             << m_settings.leaseMs << "ms); its calls are another node's now";
        emit leaseLost();
        m_leases.acquire(m_node, m_boot, m_clock.nowMs(), m_settings.leaseMs);
    }
    if (renewal != NodeLeases::Renewal::Failed)
        takeOverExpired();
    m_timer = m_clock.startTimer(m_settings.leaseRenewMs, [this] { tick(); });
}

}  // namespace softphone::server
