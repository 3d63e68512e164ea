#pragma once

#include "call/call_controller.h"
#include "im/im_client.h"

#include <QString>
#include <QUrl>
#include <memory>

namespace softphone::test {

// One device of one account against a real server: its IM connection and its call
// controller, as the app and the CLI put them together.
struct Phone
{
    static constexpr int kWaitMs = 10000;

    std::unique_ptr<im::WsImClient> im;
    std::unique_ptr<call::CallController> calls;

    bool online(int timeoutMs = kWaitMs) const;
    bool reaches(call::CallState state, int timeoutMs = kWaitMs) const;
};

struct PhoneSetup
{
    QUrl server;
    QList<QUrl> moreServers;  // other nodes of a cluster, tried in turn
    QString storeDirectory;   // the device's local store
    QString account;
    QString deviceId;  // empty: "<account>-pc"
    QString password = QStringLiteral("password-123");
    bool builtInRecords = true;
};

// Builds the device and starts it connecting; it retries quickly (50-400 ms) when dropped.
Phone startPhone(const PhoneSetup &setup);

}  // namespace softphone::test
