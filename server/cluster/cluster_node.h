#pragma once

#include "calls/call_forwarding.h"
#include "cluster/directory_barrier.h"
#include "cluster/nats_link.h"
#include "cluster/node_directory.h"
#include "net/remote_sessions.h"
#include "platform/clock.h"

#include <QObject>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace softphone::server {

struct ClusterSettings;
class OutputGate;
class SessionRegistry;

// This server as one node of a cluster. It beats on the cluster's heartbeat subject, tells
// every other node which devices it holds (all of them to a node it has just heard of, each
// change after that), learns theirs, and carries events for an account to the nodes that
// hold its devices. Each node has one subject of its own, so what one node sends another
// arrives in the order it was sent. What it sends other nodes waits, like what it says to its
// own clients, for the commit of the writes made before it (the OutputGate).
class ClusterNode : public QObject, public RemoteSessions, public CallForwarding
{
    Q_OBJECT

public:
    static constexpr int kBeatMs = 500;
    static constexpr int kSilenceLimitMs = 2500;  // five beats missed: the node is gone
    // How long a login waits for the other nodes to learn of its device: a node that answers
    // no sooner is stalled, and the login goes on without it.
    static constexpr int kBarrierLimitMs = 1000;

    ClusterNode(const ClusterSettings &settings, SessionRegistry &sessions, platform::Clock &clock,
                OutputGate &gate, QObject *parent = nullptr);
    ~ClusterNode() override;

    QString start();  // connects to NATS and joins; returns an error text
    // This node stops: the others take it for gone at once (and its calls over, once its
    // lease is released) instead of after its silence. Nothing is sent after it.
    void leave();
    // Takes in what the other nodes said up to now (a node that left, say), before this node
    // decides anything on who is still there.
    void catchUp();
    const std::string &name() const { return m_name; }
    const std::string &nodeName() const override { return m_name; }
    bool isNodeAlive(const std::string &node) const override { return !m_lost.contains(node); }
    std::vector<std::string> otherNodes() const { return m_directory.nodes(); }

    bool isOnline(const std::string &account) const override;
    std::set<std::string> clientTypes(const std::string &account) const override;
    void sendToAccount(const std::string &account, const std::string &text,
                       const std::string &exceptDevice) override;
    bool sendToDevice(const std::string &account, const std::string &deviceId,
                      const std::string &text) override;
    bool hasDevice(const std::string &account, const std::string &deviceId) const override;
    void localDevicesChanged(const std::string &account) override;
    void whenPeersKnow(std::function<void()> then) override;

    void forwardCallRequest(const std::string &node, const ForwardedRequest &request) override;
    void tellDeviceChange(const std::string &node, const std::string &notice) override;
    void ringElsewhere(const std::string &account, const std::string &cid,
                       const std::string &text) override;
    std::vector<std::string> nodesHolding(const std::string &account,
                                          const std::string &deviceId) const override;

signals:
    // The views hold while the signal is delivered.
    void callRequestReceived(const ForwardedRequest &request);
    void deviceChangeReceived(std::string_view notice);
    // Another node rang an account here: it owns the call.
    void callOwnerTold(const std::string &cid, const std::string &node);
    void nodeJoined(const QString &node);
    void nodeLost(const QString &node);

private:
    void beat();
    void onReceived(std::string_view subject, std::string_view data);
    void onBeat(std::string_view data);
    void onDirect(std::string_view data);
    void onBatch(std::string_view data);
    void onFrame(std::string_view data);
    void onCallOwner(std::string_view data);
    bool speaks(const std::string &node, int protocol) const;
    bool heard(const std::string &node, const std::string &boot);
    void lose(const std::string &node);
    void sendDirectory(const std::string &node);
    void openBarrier();
    void sendTo(const std::string &node, std::string data);
    // What one turn sends one node, in the order it was sent.
    struct Outgoing
    {
        std::string node;
        std::vector<std::string> messages;
    };
    void flushOutbox();
    void publishHeld(std::vector<Outgoing> &held, bool durable);
    void tellStorageFailed(std::vector<std::string> &messages);
    void publish(const std::string &node, const std::vector<std::string> &messages);
    void onStorageFailed(std::string_view data);
    static std::string nodeSubject(const std::string &node);

    const ClusterSettings &m_settings;
    SessionRegistry &m_sessions;
    platform::Clock &m_clock;
    OutputGate &m_gate;
    std::string m_name;
    std::string m_boot;  // this run of the node
    NatsLink m_link;
    std::vector<Outgoing> m_outbox;  // sent during this turn, not yet given to the gate
    std::uint64_t m_outboxMark = 0;  // the gate's mark when the first of them was sent
    std::string m_subject;           // reused: the node subject being published to
    std::string m_batch;             // reused: the batch being published
    bool m_flushPosted = false;
    NodeDirectory m_directory;
    std::set<std::string> m_lost;             // nodes that went silent, not heard since
    std::map<std::string, int> m_protocolOf;  // what each node's beats say it reads
    std::set<std::string> m_departed;         // the runs (boot ids) of nodes that said they left
    DirectoryBarrier m_barrier;
    bool m_leaving = false;
    std::vector<std::function<void()>> m_waitingForBarrier;  // until this turn's barrier opens
    platform::Clock::TimerId m_openBarrierTimer = 0;
    std::map<std::uint64_t, platform::Clock::TimerId> m_barrierLimits;  // by token
    platform::Clock::TimerId m_beatTimer = 0;
};

}  // namespace softphone::server
