#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

// Two peers, each in its home network behind its own NAT router, and a "public" network
// between the routers: the calling process's own namespace, where the server and the TURN
// server run. Real namespaces, veth pairs, a bridge and iptables; nothing leaves the machine.
//
//   peer A 192.168.1.2 ── router A 192.168.1.1 | 203.0.113.11 ──┐
//                                                                 ├─ br0 203.0.113.1 (public)
//   peer B 192.168.2.2 ── router B 192.168.2.1 | 203.0.113.12 ──┘
//
// The routers masquerade their home network behind their public address and route nothing
// else: neither peer can reach the other's home address.
class NatLab
{
public:
    enum class Nat {
        Cone,       // endpoint-independent mapping (Linux's MASQUERADE): hole punching works
        Symmetric,  // a new random port per destination: only a relay connects the peers
    };

    static constexpr const char *kPublicAddress = "203.0.113.1";

    NatLab() = default;
    ~NatLab();

    // Call from a process already in a private network namespace (enterPrivateNetwork's kind,
    // root). Returns an empty string, or what failed.
    QString build(Nat nat);
    // The command prefix that runs a program in peer 0 (A) or 1 (B)'s home network.
    QStringList inPeer(int peer) const;
    // Peer `peer` moves to another address on its home network (as after a DHCP renewal):
    // its connections from the old one are gone.
    QString renumberPeer(int peer);

private:
    QString inNamespace(int holder, const QString &commands) const;
    qint64 startHolder();

    std::vector<std::unique_ptr<QProcess>> m_holders;  // routers A, B, peers A, B
};
