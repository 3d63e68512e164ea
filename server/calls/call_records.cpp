// CallManager: the one record of each call (the server's own, its fallback for the caller's,
// and admitting the caller's), and finishing at start what a crash interrupted.

#include "calls/call_manager.h"
#include "logging.h"
#include "protocol/call_rules.h"
#include "server_config.h"
#include "services/message_service.h"
#include "storage/call_store.h"

#include <algorithm>

namespace softphone::server {

using protocol::CallStatus;
using protocol::ErrorCode;
using protocol::roundedSeconds;
using protocol::statusName;

// ---- the server's records -------------------------------------------------------------

void CallManager::recordNow(const Call &call, bool endWritten)
{
    const bool completed = call.row.endStatus == CallStatus::Completed;
    if (completed) {
        ++m_counters.serverRecords;
    } else {
        qCInfo(lcCall) << "the caller sent no record for" << call.row.cid.c_str()
                       << "; the server sends it";
        ++m_counters.fallbackRecords;
    }
    const auto msgid =
        sendServerRecord(call.row, *call.row.endStatus,
                         completed ? durationsOf(call) : std::vector<protocol::CallDuration>{});
    if (!endWritten)
        m_store.markEnded(call.row.cid, *call.row.endedAt, *call.row.endStatus, msgid);
    else if (msgid)
        m_store.markRecord(call.row.channelId, *msgid);
}

// Records 2-5 are the caller's to send; the server steps in if they never come.
void CallManager::awaitCallerRecord(const Call &call)
{
    m_context.clock.startTimer(
        m_context.config.recordGraceSeconds * 1000, [this, channelId = call.row.channelId] {
            if (auto it = m_byChannel.find(channelId); it != m_byChannel.end())
                onRecordGraceOver(*it->second);
        });
}

std::optional<std::int64_t>
CallManager::sendServerRecord(const StoredCall &row, CallStatus status,
                              std::vector<protocol::CallDuration> durations, bool recovering)
{
    const protocol::CallRecord record{row.type, row.channelId, status, std::move(durations), {}};
    protocol::Message message{protocol::ConvType::Person,
                              row.caller,
                              row.callee,
                              protocol::MsgType::CallRecord,
                              {},
                              record.serialize(),
                              std::string(protocol::kServerIdPrefix) + "record:" + row.cid,
                              0,
                              0,
                              "server"};
    if (auto stored = m_messages.storeAndDeliver(std::move(message), recovering))
        return stored->msgidServer;
    return std::nullopt;
}

// ---- records from clients ------------------------------------------------------------

std::optional<Refusal> CallManager::admitClientRecord(const std::string &from,
                                                      const std::string &to,
                                                      const protocol::CallRecord &record)
{
    const std::string channel = "call " + std::to_string(record.channelId);
    if (protocol::recordSender(record.status) == protocol::RecordSender::Server)
        return Refusal{ErrorCode::RecordForbidden, "status 1 records are sent by the server"};
    StoredCall row;
    bool live = false;
    if (auto it = m_byChannel.find(record.channelId); it != m_byChannel.end()) {
        row = it->second->row;
        live = it->second->phase != CallPhase::AwaitingRecord;
    } else if (auto stored = m_store.byChannel(record.channelId)) {
        row = *stored;
        if (row.recordMsgid)
            return Refusal{ErrorCode::RecordDuplicate, channel + " has its record already"};
    } else {
        return Refusal{ErrorCode::NoSuchCall, "no " + channel};
    }
    if (from != row.caller)
        return Refusal{ErrorCode::RecordForbidden,
                       "only the caller of " + channel + " sends its record"};
    if (to != row.callee)
        return Refusal{ErrorCode::RecordMismatch, channel + " was to \"" + row.callee + "\""};
    if (live || !row.endStatus)
        return Refusal{ErrorCode::RecordMismatch, channel + " has not ended"};
    if (row.answeredAt)
        return Refusal{ErrorCode::RecordMismatch, channel + " was answered; the server records it"};
    if (record.type != row.type)
        return Refusal{ErrorCode::RecordMismatch, channel + " was of the other media type"};
    if (record.status != *row.endStatus)
        return Refusal{ErrorCode::RecordMismatch,
                       channel + " ended as " + std::string(statusName(*row.endStatus)) + ", not " +
                           std::string(statusName(record.status))};
    return std::nullopt;
}

void CallManager::recordStored(std::int64_t channelId, std::int64_t msgidServer)
{
    m_store.markRecord(channelId, msgidServer);
    ++m_counters.clientRecords;
    if (auto it = m_byChannel.find(channelId); it != m_byChannel.end())
        apply(*it->second, CallTrigger::CallerRecorded);
}

// ---- after a crash or restart -----------------------------------------------------------

void CallManager::recover(std::optional<std::int64_t> clusterLastAlive)
{
    const std::int64_t now = m_context.now();
    // The server was surely alive until its last sign of life; what happened after that,
    // up to the crash, is not known, and it is not counted as talk.
    const auto lastAlive = m_claims ? clusterLastAlive : m_store.lastAlive();
    recoverCalls(m_store.unfinished(), std::min(lastAlive.value_or(now), now));
    keepAlive();
}

void CallManager::recoverCalls(std::vector<StoredCall> rows, std::int64_t lastAlive)
{
    for (StoredCall &row : rows) {
        const bool live = !row.endedAt && row.answeredAt;
        if (live && !row.callerDevice.empty() && !row.calleeDevice.empty()) {
            resume(std::move(row), lastAlive);
            continue;
        }
        // In a cluster the callee's devices on other nodes may still ring: the ring goes on.
        if (m_claims && !row.endedAt && !row.answeredAt && !row.callerDevice.empty()) {
            resumeRinging(std::move(row));
            continue;
        }
        recordTheEnd(row, lastAlive);
    }
}

// An answered call carries on: media flows between the peers without the server. Each party
// has the reconnect grace to come back into it; the stays open at the crash end at the
// server's last sign of life.
void CallManager::resume(StoredCall row, std::int64_t lastAlive)
{
    auto call = std::make_unique<Call>();
    call->row = std::move(row);
    call->phase = CallPhase::Answered;
    call->claimed = m_claims != nullptr;
    call->callerDevice = call->row.callerDevice;
    call->calleeDevice = call->row.calleeDevice;
    for (RoomStay stay : m_store.stays(call->row.cid)) {
        if (!stay.leaveTime) {
            stay.leaveTime = std::max(lastAlive, stay.joinTime);
            m_store.leaveRoom(call->row.cid, stay.accid, *stay.leaveTime);
        }
        Member &member = call->members[stay.accid];
        member.uid = stay.uid;
        member.totalMs += *stay.leaveTime - stay.joinTime;
        member.stays.push_back(std::move(stay));
    }
    Call &resumed = *call;
    m_byChannel[resumed.row.channelId] = &resumed;
    m_activeOf[resumed.row.caller] = &resumed;
    m_activeOf[resumed.row.callee] = &resumed;
    m_calls.emplace(resumed.row.cid, std::move(call));
    qCInfo(lcCall) << "call" << resumed.row.cid.c_str() << "resumes after the restart";
    resumeParty(resumed, resumed.row.caller, resumed.callerDevice);
    resumeParty(resumed, resumed.row.callee, resumed.calleeDevice);
}

void CallManager::recordTheEnd(StoredCall &row, std::int64_t lastAlive)
{
    if (!row.endedAt) {
        row.endStatus = row.answeredAt ? CallStatus::Completed : CallStatus::Canceled;
        m_store.markEnded(row.cid,
                          row.answeredAt ? std::max(lastAlive, *row.answeredAt) : m_context.now(),
                          *row.endStatus);
        if (row.answeredAt) {
            std::map<std::string, std::int64_t> ms;
            for (const RoomStay &stay : m_store.stays(row.cid)) {
                const std::int64_t end =
                    stay.leaveTime.value_or(std::max(lastAlive, stay.joinTime));
                if (!stay.leaveTime)
                    m_store.leaveRoom(row.cid, stay.accid, end);
                ms[stay.accid] += end - stay.joinTime;
            }
            if (m_context.config.callRecords) {
                recoverRecord(row, CallStatus::Completed,
                              {{row.caller, roundedSeconds(ms[row.caller])},
                               {row.callee, roundedSeconds(ms[row.callee])}});
            }
            return;
        }
    }
    if (m_context.config.callRecords && row.endStatus) {
        qCInfo(lcCall) << "recovering the record of" << row.cid.c_str();
        recoverRecord(row, *row.endStatus, {});
    }
}

void CallManager::recoverRecord(const StoredCall &row, CallStatus status,
                                std::vector<protocol::CallDuration> durations)
{
    if (const auto msgid = sendServerRecord(row, status, std::move(durations), true))
        m_store.markRecord(row.channelId, *msgid);
}

void CallManager::keepAlive()
{
    const bool answered = std::any_of(m_calls.begin(), m_calls.end(), [](const auto &entry) {
        return entry.second->phase == CallPhase::Answered;
    });
    if (answered && !m_claims)  // a cluster node's last sign of life is its lease
        m_store.markAlive(m_context.now());
    m_heartbeat = m_context.clock.startTimer(500, [this] { keepAlive(); });
}

}  // namespace softphone::server
