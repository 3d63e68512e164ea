#pragma once

// The call record (话单): the attach of an NRTC_NETCALL message, in the seeds' JSON.
//   {"type":1, "channelId":123, "status":1,
//    "durations":[{"accid":"acc01","duration":10},{"accid":"acc02","duration":12}]}

#include "expected.h"
#include "json_fields.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace softphone::protocol {

enum class CallType { Audio = 1, Video = 2 };

enum class CallStatus {
    Completed = 1,  // both were in the call; sent by the server with durations
    Canceled = 2,   // the caller canceled before an answer
    Rejected = 3,   // the callee declined
    Timeout = 4,    // nobody answered before the ring timeout
    Busy = 5,       // the callee was in, placing or receiving another call
};

template<>
struct EnumRange<CallType>
{
    static constexpr int min = 1;
    static constexpr int max = 2;
};

template<>
struct EnumRange<CallStatus>
{
    static constexpr int min = 1;
    static constexpr int max = 5;
};

struct CallDuration
{
    std::string accid;
    std::int64_t duration = 0;  // seconds in the call

    bool operator==(const CallDuration &) const = default;

    static Problem checkDuration(const std::int64_t &seconds);

    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("accid", s.accid, checkAccountId);
        v.req("duration", s.duration, checkDuration);
    }

private:
    static Problem checkAccountId(const std::string &accid);
};

struct CallRecord
{
    CallType type = CallType::Audio;
    std::int64_t channelId = 0;
    CallStatus status = CallStatus::Completed;
    std::vector<CallDuration> durations;
    json extra = json::object();  // fields this version does not know, kept for re-encoding

    bool operator==(const CallRecord &) const = default;

    // Accepts the seeds' text as written, comments included. Never throws.
    static Expected<CallRecord> parse(std::string_view text);
    static Expected<CallRecord> fromJson(const json &object);
    json toJson() const;
    std::string serialize() const;

    std::optional<std::int64_t> durationOf(std::string_view accid) const;

    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("type", s.type);
        v.req("channelId", s.channelId, checkChannelId);
        v.req("status", s.status);
        v.opt("durations", s.durations);
    }

    std::optional<DecodeError> validate() const;

private:
    static Problem checkChannelId(const std::int64_t &id);
};

}  // namespace softphone::protocol
