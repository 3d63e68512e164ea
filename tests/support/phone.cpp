#include "phone.h"

#include <QTest>

namespace softphone::test {

bool Phone::online(int timeoutMs) const
{
    return QTest::qWaitFor([this] { return im->state() == im::ConnectionState::Online; },
                           timeoutMs);
}

bool Phone::reaches(call::CallState state, int timeoutMs) const
{
    return QTest::qWaitFor([&] { return calls->state() == state; }, timeoutMs);
}

Phone startPhone(const PhoneSetup &setup)
{
    Phone phone;
    phone.im = std::make_unique<im::WsImClient>(setup.storeDirectory);
    phone.im->setBackoff(50, 400);
    phone.calls = std::make_unique<call::CallController>(phone.im.get());
    phone.calls->setBuiltInRecords(setup.builtInRecords);
    im::Credentials credentials;
    credentials.server = setup.server;
    credentials.moreServers = setup.moreServers;
    credentials.account = setup.account;
    credentials.password = setup.password;
    credentials.deviceId =
        setup.deviceId.isEmpty() ? setup.account + QStringLiteral("-pc") : setup.deviceId;
    phone.im->start(credentials);
    return phone;
}

}  // namespace softphone::test
