#include "call_record.h"

#include "json_text.h"
#include "limits.h"

#include <set>

namespace softphone::protocol {

namespace {
const std::set<std::string> kKnownFields = {"type", "channelId", "status", "durations"};
}  // namespace

Problem CallDuration::checkDuration(const std::int64_t &seconds)
{
    if (seconds < 0)
        return outOfRange("must not be negative");
    if (seconds > kMaxDurationSeconds)
        return outOfRange("must be at most 2147483647 seconds");
    return {};
}

Problem CallDuration::checkAccountId(const std::string &accid)
{
    return checkAccount(accid);
}

Problem CallRecord::checkChannelId(const std::int64_t &id)
{
    return checkPositive(id);
}

std::optional<DecodeError> CallRecord::validate() const
{
    if (durations.size() > kMaxRecordDurations) {
        return DecodeError{DecodeErrorKind::OutOfRange, "durations",
                           "must have at most 32 entries"};
    }
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < durations.size(); ++i) {
        if (!seen.insert(durations[i].accid).second) {
            return DecodeError{DecodeErrorKind::Duplicate,
                               "durations[" + std::to_string(i) + "].accid",
                               "duplicate accid \"" + durations[i].accid + "\""};
        }
    }
    return std::nullopt;
}

Expected<CallRecord> CallRecord::parse(std::string_view text)
{
    auto value = parseJsonText(text, kMaxRecordBytes, Comments::Allowed);
    if (!value)
        return value.error();
    return fromJson(*value);
}

Expected<CallRecord> CallRecord::fromJson(const json &object)
{
    auto record = protocol::fromJson<CallRecord>(object);
    if (!record)
        return record;
    // A completed call carries its durations; the other outcomes may leave them out.
    const auto durations = object.find("durations");
    if (record->status == CallStatus::Completed &&
        (durations == object.end() || durations->is_null()))
        return DecodeError{DecodeErrorKind::MissingField, "durations",
                           "is required when status is 1"};
    for (const auto &[key, value] : object.items()) {
        if (!kKnownFields.contains(key))
            record->extra[key] = value;
    }
    return record;
}

json CallRecord::toJson() const
{
    json object = extra.is_object() ? extra : json::object();
    object.update(protocol::toJson(*this));
    // Only a completed call has durations to tell; the other records leave the field out.
    if (durations.empty() && status != CallStatus::Completed)
        object.erase("durations");
    return object;
}

std::string CallRecord::serialize() const
{
    return dumpJson(toJson());
}

std::optional<std::int64_t> CallRecord::durationOf(std::string_view accid) const
{
    for (const auto &entry : durations) {
        if (entry.accid == accid)
            return entry.duration;
    }
    return std::nullopt;
}

}  // namespace softphone::protocol
