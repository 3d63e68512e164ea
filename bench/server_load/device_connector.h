#pragma once

#include "server_load/load_device.h"

#include <QObject>
#include <vector>

namespace softphone::bench::load {

struct ConnectOutcome
{
    int loggedIn = 0;
    int failed = 0;
    int stuck = 0;  // neither logged in nor refused when the bench stopped waiting
    double seconds = 0;
    double lastLoginSeconds = 0;  // when the last login succeeded
};

// Logs devices in to the server on `port`, many at once.
class DeviceConnector : public QObject
{
public:
    explicit DeviceConnector(quint16 port)
        : m_port(port)
    {}

    // Opens and logs in every device; spreads connections over `hosts` loopback addresses so
    // that one client machine can open more than one address's worth of ephemeral ports.
    // Gives up when no login has succeeded for `stallMs`: clients the server cannot take
    // would otherwise fail and retry for as long as TCP keeps trying to connect.
    ConnectOutcome connectAll(std::vector<Device> &devices, int hosts, qint64 stallMs = 60000);

private:
    quint16 m_port;
};

}  // namespace softphone::bench::load
