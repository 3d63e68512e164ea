#pragma once

// Call records as the server and the caller's client store them, for the UI tests: every
// record's `from` is the caller.

#include "im/local_store.h"
#include "protocol/call_record.h"
#include "protocol/messages.h"

#include <string>

namespace softphone::test {

inline protocol::Message callRecordMessage(const std::string &caller, const std::string &callee,
                                           protocol::CallStatus status, protocol::CallType type,
                                           int n, std::int64_t timestamp = 1700000000000)
{
    protocol::CallRecord record;
    record.type = type;
    record.channelId = 100 + n;
    record.status = status;
    if (status == protocol::CallStatus::Completed)
        record.durations = {{caller, 155}, {callee, 153}};
    protocol::Message m;
    m.from = caller;
    m.to = callee;
    m.msgType = protocol::MsgType::CallRecord;
    m.attach = record.serialize();
    m.msgidClient = "rec-" + std::to_string(n);
    m.msgidServer = 1000 + n;
    m.msgTimestamp = timestamp + n * 60000;
    m.fromClientType = "desktop";
    return m;
}

inline protocol::Message textMessage(const std::string &from, const std::string &to,
                                     const std::string &body, int n,
                                     std::int64_t timestamp = 1700000000000)
{
    protocol::Message m;
    m.from = from;
    m.to = to;
    m.msgType = protocol::MsgType::Text;
    m.body = body;
    m.msgidClient = "txt-" + std::to_string(n);
    m.msgidServer = 1000 + n;
    m.msgTimestamp = timestamp + n * 60000;
    m.fromClientType = "desktop";
    return m;
}

}  // namespace softphone::test
