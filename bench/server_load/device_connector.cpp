#include "server_load/device_connector.h"

#include "protocol/messages.h"
#include "run_until.h"

#include <QElapsedTimer>
#include <QUrl>
#include <cstdio>
#include <functional>

namespace softphone::bench::load {

ConnectOutcome DeviceConnector::connectAll(std::vector<Device> &devices, int hosts, qint64 stallMs)
{
    int opened = 0, loggedIn = 0, failed = 0;
    const int total = int(devices.size());
    const int batch = 500;  // in flight at once
    std::size_t next = 0;
    QElapsedTimer timer;
    timer.start();
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    qint64 lastLogin = 0;
    std::function<void()> launch = [&] {
        while (next < devices.size() && (int(next) - loggedIn - failed) < batch) {
            Device &device = devices[next];
            const int host = int(next % std::size_t(hosts)) + 1;
            ++next;
            device.channel = std::make_unique<im::RpcChannel>();
            connect(device.channel.get(), &im::RpcChannel::opened, this, [&, dev = &device] {
                ++opened;
                protocol::Login login;
                login.account = dev->account;
                login.token = dev->token;
                login.clientType = "cli";
                login.deviceId = dev->deviceId;
                dev->channel->call(
                    login,
                    [&, dev](auto result, const protocol::ErrorBody &error) {
                        if (result) {
                            dev->ready = true;
                            ++loggedIn;
                            sinceProgress.restart();
                            lastLogin = timer.elapsed();
                        } else {
                            ++failed;
                            std::fprintf(stderr, "login failed: %s\n", error.message.c_str());
                        }
                        launch();
                    },
                    120000);
            });
            connect(device.channel.get(), &im::RpcChannel::closed, this, [&, dev = &device] {
                if (!dev->ready) {
                    ++failed;
                    launch();
                }
            });
            device.channel->open(QUrl(QStringLiteral("ws://127.0.0.%1:%2").arg(host).arg(m_port)));
        }
    };
    launch();
    runUntil([&] { return loggedIn + failed >= total || sinceProgress.elapsed() > stallMs; },
             3'600'000);
    // The callbacks above refer to this frame: later ones must not reach it.
    for (Device &device : devices) {
        if (device.channel)
            device.channel->disconnect(this);
    }
    return {loggedIn, failed, total - loggedIn - failed, timer.elapsed() / 1000.0,
            lastLogin / 1000.0};
}

}  // namespace softphone::bench::load
