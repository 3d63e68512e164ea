#include "nat_lab.h"

#include <QThread>

namespace {

enum Holder { RouterA, RouterB, PeerA, PeerB };

QString run(const QStringList &command)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(command.first(), command.mid(1));
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return QStringLiteral("\"%1\" failed: %2")
            .arg(command.join(QLatin1Char(' ')),
                 QString::fromLocal8Bit(process.readAll()).trimmed());
    return {};
}

}  // namespace

NatLab::~NatLab()
{
    for (auto &holder : m_holders) {
        holder->kill();
        holder->waitForFinished(5000);
    }
    // The veth pairs went with the routers' namespaces; the bridge is in ours.
    for (const char *device : {"br0", "internet0"})
        run({QStringLiteral("ip"), QStringLiteral("link"), QStringLiteral("del"),
             QLatin1String(device)});
}

qint64 NatLab::startHolder()
{
    // A process that only holds a new network namespace open; the namespace goes with it.
    auto holder = std::make_unique<QProcess>();
    holder->start(QStringLiteral("unshare"),
                  {QStringLiteral("-n"), QStringLiteral("sleep"), QStringLiteral("3600")});
    if (!holder->waitForStarted(5000))
        return 0;
    const qint64 pid = holder->processId();
    m_holders.push_back(std::move(holder));
    return pid;
}

QString NatLab::inNamespace(int holder, const QString &commands) const
{
    return run({QStringLiteral("nsenter"), QStringLiteral("-t"),
                QString::number(m_holders.at(holder)->processId()), QStringLiteral("-n"),
                QStringLiteral("sh"), QStringLiteral("-ec"), commands});
}

QString NatLab::build(Nat nat)
{
    for (int i = 0; i < 4; ++i) {
        if (startHolder() == 0)
            return QStringLiteral("cannot start a namespace holder (unshare)");
    }
    QThread::msleep(200);  // unshare has made its namespace before it runs sleep
    QString problem = run({QStringLiteral("sh"), QStringLiteral("-ec"),
                           QStringLiteral("ip link set lo up; ip link add br0 type bridge; "
                                          "ip addr add %1/24 dev br0; ip link set br0 up; "
                                          "ip link add internet0 type veth peer name internet1; "
                                          "ip link set internet0 up; ip link set internet1 up; "
                                          "ip neigh add 198.51.100.1 lladdr 02:00:00:00:00:01 "
                                          "dev internet0 nud permanent; "
                                          "ip route add default via 198.51.100.1 dev internet0 "
                                          "onlink")
                               .arg(QLatin1String(kPublicAddress))});
    const QString masquerade = nat == Nat::Symmetric ? QStringLiteral("MASQUERADE --random-fully")
                                                     : QStringLiteral("MASQUERADE");
    for (int side = 0; side < 2 && problem.isEmpty(); ++side) {
        const QString name = side == 0 ? QStringLiteral("A") : QStringLiteral("B");
        const int router = side == 0 ? RouterA : RouterB;
        const int peer = side == 0 ? PeerA : PeerB;
        const QString routerPid = QString::number(m_holders[router]->processId());
        const QString peerPid = QString::number(m_holders[peer]->processId());
        // (interfaces are not named veth*: libnice ignores those)
        problem = run({QStringLiteral("sh"), QStringLiteral("-ec"),
                       QStringLiteral("ip link add pub%1 type veth peer name wan%1; "
                                      "ip link set pub%1 master br0; ip link set pub%1 up; "
                                      "ip link set wan%1 netns %2")
                           .arg(name, routerPid)});
        if (problem.isEmpty())
            problem = inNamespace(
                router,
                QStringLiteral("ip link set lo up; ip addr add 203.0.113.%2/24 dev wan%1; "
                               "ip link set wan%1 up; "
                               "ip link add lan%1 type veth peer name lan0; "
                               "ip link set lan0 netns %3; "
                               "ip addr add 192.168.%4.1/24 dev lan%1; ip link set lan%1 up; "
                               "sysctl -qw net.ipv4.ip_forward=1; "
                               "iptables -t nat -A POSTROUTING -o wan%1 -j %5; "
                               "iptables -A INPUT -i wan%1 -m conntrack --ctstate NEW -j DROP")
                    .arg(name, QString::number(11 + side), peerPid, QString::number(1 + side),
                         masquerade));
        if (problem.isEmpty())
            problem = inNamespace(
                peer, QStringLiteral("ip link set lo up; ip addr add 192.168.%1.2/24 dev lan0; "
                                     "ip link set lan0 up; ip route add default via 192.168.%1.1")
                          .arg(side + 1));
    }
    return problem;
}

QStringList NatLab::inPeer(int peer) const
{
    return {QStringLiteral("nsenter"), QStringLiteral("-t"),
            QString::number(m_holders.at(peer == 0 ? PeerA : PeerB)->processId()),
            QStringLiteral("-n"), QStringLiteral("--")};
}

QString NatLab::renumberPeer(int peer)
{
    return inNamespace(peer == 0 ? PeerA : PeerB,
                       QStringLiteral("sysctl -qw net.ipv4.conf.lan0.promote_secondaries=1; "
                                      "ip addr add 192.168.%1.3/24 dev lan0; "
                                      "ip addr del 192.168.%1.2/24 dev lan0; "
                                      "ip route replace default via 192.168.%1.1 src 192.168.%1.3")
                           .arg(peer + 1));
}
