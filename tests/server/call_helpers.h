#pragma once

#include "test_client.h"

#include <QTest>
#include <atomic>

namespace softphone::test {

using namespace softphone::protocol;

struct PlacedCall
{
    std::string cid;
    std::int64_t channelId = 0;
};

// Account names unique within one test run, so tests sharing a server never collide.
inline std::string uniqueName(const char *base)
{
    static std::atomic<int> counter{0};
    return std::string(base) + std::to_string(++counter);
}

inline std::optional<PlacedCall> placeCall(TestClient &caller, const std::string &callee,
                                           CallType type = CallType::Audio)
{
    const auto reply = caller.request(CallInvite{callee, type, true});
    if (!reply.ok()) {
        qWarning("invite failed: %s", reply.message().c_str());
        return std::nullopt;
    }
    const auto result = fromJson<CallInviteResult>(*reply.result);
    if (!result)
        return std::nullopt;
    return PlacedCall{result->cid, result->channelId};
}

// Answered, both in the room.
inline std::optional<PlacedCall> connectedCall(TestClient &caller, TestClient &callee)
{
    auto call = placeCall(caller, callee.account());
    if (!call || !callee.waitFor<CallIncoming>() ||
        !callee.request(CallRespond{call->cid, true, false}).ok() ||
        !caller.waitFor<CallAccepted>() || !caller.request(RoomJoin{call->cid, 0}).ok() ||
        !callee.request(RoomJoin{call->cid, 0}).ok())
        return std::nullopt;
    return call;
}

inline std::string recordAttach(CallType type, std::int64_t channelId, CallStatus status)
{
    return CallRecord{type, channelId, status, {}, json::object()}.serialize();
}

inline TestClient::Reply sendRecord(TestClient &from, const std::string &to, std::int64_t channelId,
                                    CallStatus status, CallType type = CallType::Audio,
                                    const std::string &msgid = {})
{
    return from.request(SendMessage{to, ConvType::Person, MsgType::CallRecord, "",
                                    recordAttach(type, channelId, status),
                                    msgid.empty() ? "rec-" + std::to_string(channelId) : msgid});
}

// A round trip on the connection: every frame the server sent it before is in by then.
inline bool settle(TestClient &client)
{
    return client.request(Ping{}).ok();
}

// The next call record pushed to this client, decoded; nullopt if none arrives in time.
inline std::optional<std::pair<Message, CallRecord>> waitRecord(TestClient &client,
                                                                int timeoutMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const auto event = client.waitFor<MessageEvent>(int(timeoutMs - timer.elapsed()));
        if (!event)
            return std::nullopt;
        if (event->message.msgType != MsgType::CallRecord)
            continue;
        auto record = CallRecord::parse(event->message.attach);
        if (!record)
            return std::nullopt;
        return std::make_pair(event->message, *record);
    }
    return std::nullopt;
}

}  // namespace softphone::test
