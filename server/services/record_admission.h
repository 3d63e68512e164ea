#pragma once

#include "protocol/call_record.h"
#include "protocol/error_code.h"

#include <cstdint>
#include <optional>
#include <string>

namespace softphone::server {

struct Refusal
{
    protocol::ErrorCode code;
    std::string message;
};

// Decides whether a client may send a call record, and learns when one has been stored.
class RecordAdmission
{
public:
    virtual ~RecordAdmission() = default;
    virtual std::optional<Refusal> admitClientRecord(const std::string &from, const std::string &to,
                                                     const protocol::CallRecord &record) = 0;
    virtual void recordStored(std::int64_t channelId, std::int64_t msgidServer) = 0;
};

}  // namespace softphone::server
