#include "private_network.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sched.h>
#include <unistd.h>

QString enterPrivateNetwork()
{
    if (geteuid() != 0)
        return QStringLiteral("needs root: the media tests run in a private network namespace "
                              "(unshare -n) with a veth pair; CI runs as root");
    if (unshare(CLONE_NEWNET) != 0)
        return QStringLiteral("unshare(CLONE_NEWNET) failed: %1")
            .arg(QString::fromLocal8Bit(std::strerror(errno)));
    // Not named veth*: libnice skips interfaces with that prefix (container plumbing).
    const char *commands[] = {
        "ip link set lo up",
        "ip link add media0 type veth peer name media1",
        "ip addr add 10.99.0.1/24 dev media0",
        "ip addr add 10.99.0.2/24 dev media1",
        "ip link set media0 up",
        "ip link set media1 up",
    };
    for (const char *command : commands) {
        if (std::system(command) != 0)
            return QStringLiteral("cannot set up the private network: \"%1\" failed")
                .arg(QLatin1String(command));
    }
    return {};
}

QString addDefaultRoute()
{
    const char *command = "ip route add default dev media0";
    if (std::system(command) != 0)
        return QStringLiteral("cannot add a default route: \"%1\" failed")
            .arg(QLatin1String(command));
    return {};
}
