#pragma once

#include "calls/call_transitions.h"
#include "calls/forwarded_request.h"
#include "net/client_connection.h"
#include "net/keyed_token_buckets.h"
#include "net/responder.h"
#include "protocol/messages.h"
#include "server_context.h"
#include "services/record_admission.h"
#include "storage/call_claims.h"
#include "storage/call_store.h"
#include "storage/node_leases.h"

#include <QObject>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace softphone::server {

class MessageService;
class CallForwarding;

// A device as calls see it: on this node or, in a cluster, on another one.
struct CallDevice
{
    std::string account;
    std::string deviceId;
    std::string clientType;
};

// What a room was when it closed: the CC eventType 8 report.
struct RoomReport
{
    std::int64_t channelId = 0;
    std::string cid;
    protocol::CallType type = protocol::CallType::Audio;
    std::int64_t createTime = 0;
    std::vector<RoomStay> stays;
};

struct CallCounters
{
    std::uint64_t invites = 0;
    std::uint64_t answered = 0;
    std::uint64_t completed = 0;
    std::uint64_t unanswered = 0;
    std::uint64_t serverRecords = 0;
    std::uint64_t clientRecords = 0;
    std::uint64_t fallbackRecords = 0;
};

// One-to-one calls from invite to record: ringing every device of the callee, first answer
// wins, busy, cancel, ring expiry, hangup, the room and its durations, WebRTC relay between
// the two devices in the call, and exactly one record per call. Requests and timers become
// triggers; a call moves only along kCallTransitions (call_transitions.h), which says what
// each step writes, tells and records. Time and timers come from the context's clock.
// Its definition is in four files by role: call_manager.cpp (requests and transitions),
// call_rooms.cpp, call_records.cpp and call_devices.cpp.
class CallManager : public QObject, public RecordAdmission
{
    Q_OBJECT

public:
    CallManager(ServerContext &context, CallStore &store, MessageService &messages,
                QObject *parent = nullptr);
    ~CallManager() override;

    // Cluster mode: claims in the shared database, and requests about calls another node owns
    // forwarded to it (docs/cluster.md, "Calls").
    void joinCluster(CallForwarding &forwarding, CallClaims &claims);
    // A request another node forwarded about a call this node owns.
    void onForwardedRequest(const ForwardedRequest &request);
    // Another node's device of a party of a call this node owns came online or went offline
    // there (call_devices.cpp).
    void onDeviceChange(std::string_view notice);
    // Another node rang one of this node's devices for `cid`: that node owns the call.
    void onCallOwnerTold(const std::string &cid, const std::string &node);
    // Another node died: the devices of this node's calls it held dropped with it.
    void onNodeLost();

    // At start: finish what a crash or restart interrupted. In a cluster, `lastAlive` is the
    // previous run's last sign of life (its lease).
    void recover(std::optional<std::int64_t> lastAlive);
    // In a cluster: the calls of a dead node, now this node's (call_takeover.cpp).
    void adopt(const softphone::server::NodeLeases::TakenOver &node);
    // In a cluster: this node's lease was taken over; its calls are another node's now.
    void abandon();
    void shutdown();  // at stop: end every call and send every record now

    void invite(ClientConnection &client, const protocol::CallInvite &params, Responder reply);
    void respond(ClientConnection &client, const protocol::CallRespond &params, Responder reply);
    void cancel(ClientConnection &client, const protocol::CallCancel &params, Responder reply);
    void hangup(ClientConnection &client, const protocol::CallHangup &params, Responder reply);
    // The account's live call, for a client that came back without it.
    void current(ClientConnection &client, const protocol::CallCurrent &params, Responder reply);
    void joinRoom(ClientConnection &client, const protocol::RoomJoin &params, Responder reply);
    void leaveRoom(ClientConnection &client, const protocol::RoomLeave &params, Responder reply);
    void relaySdp(ClientConnection &client, const protocol::RtcSdp &params, Responder reply);
    void relayIce(ClientConnection &client, const protocol::RtcIce &params, Responder reply);

    // `heldCall`: the cid the client says it still holds ("" none), if it says.
    void deviceOnline(ClientConnection *client, const std::optional<std::string> &heldCall);
    // Before the registry forgets the device. A dropped connection may come back within the
    // reconnect grace; a logout ends the device's part in its call at once.
    enum class Departure { Dropped, LoggedOut };
    void deviceOffline(ClientConnection *client, Departure departure);

    std::optional<Refusal> admitClientRecord(const std::string &from, const std::string &to,
                                             const protocol::CallRecord &record) override;
    void recordStored(std::int64_t channelId, std::int64_t msgidServer) override;

    std::size_t liveCalls() const { return m_calls.size(); }
    const CallCounters &counters() const { return m_counters; }

signals:
    void roomEnded(const softphone::server::RoomReport &report);

private:
    struct Member
    {
        std::int64_t uid = 0;
        std::int64_t joinedAt = 0;  // 0: not in the room now
        std::int64_t totalMs = 0;
        std::vector<RoomStay> stays;  // the same as in the database, for the room report
        int mode = 0;
    };
    struct Call
    {
        StoredCall row;
        CallPhase phase = CallPhase::Ringing;
        bool forceKeepCalling = true;
        bool claimed = false;  // its accounts' claims are in the shared database
        std::string callerDevice;
        std::string calleeDevice;
        std::string calleeClientType;
        std::map<std::string, Member> members;  // by account
        platform::Clock::TimerId ringTimer = 0;
    };
    // Who caused a trigger: the device is not told what it did itself; the account is the
    // one named as having hung up.
    struct Actor
    {
        const CallDevice *device = nullptr;
        std::string account;
    };

    // The requests, from a device on this node or on another.
    void respond(const CallDevice &device, const protocol::CallRespond &params, Responder reply);
    void cancel(const CallDevice &device, const protocol::CallCancel &params, Responder reply);
    void hangup(const CallDevice &device, const protocol::CallHangup &params, Responder reply);
    void current(const CallDevice &device, const protocol::CallCurrent &params, Responder reply);
    void joinRoom(const CallDevice &device, const protocol::RoomJoin &params, Responder reply);
    void leaveRoom(const CallDevice &device, const protocol::RoomLeave &params, Responder reply);
    void relaySdp(const CallDevice &device, const protocol::RtcSdp &params, Responder reply);
    void relayIce(const CallDevice &device, const protocol::RtcIce &params, Responder reply);

    // call_forwarding.cpp: requests about calls another node owns
    // True if the call is another node's: the request has gone to it.
    template<class Req>
    bool forwarded(const ClientConnection &client, const std::string &cid, const Req &params,
                   Responder &reply);
    std::optional<std::string> ownerOf(const std::string &cid);
    // The owner found, but it is gone and not taken over yet.
    bool ownerIsGone(const std::string &owner) const;
    void ring(const Call &call);
    // In a cluster: the call is placed (stored, ringing timed) and its claims on both accounts
    // go with the write group's commit; the invite is answered, and the callee rung, once they
    // are known.
    void placeClaiming(std::unique_ptr<Call> call, const CallDevice &caller, Responder reply);
    void claimsSettled(const std::string &cid, std::int64_t channelId, const CallDevice &caller,
                       CallClaims::Outcome outcome, Responder reply);
    void releaseClaims(Call &call);

    // call_manager.cpp: lookups, requests and the transition table
    static CallDevice deviceOf(const ClientConnection &client);
    Call *find(const std::string &cid);
    bool takeInvite(const std::string &caller);
    Call *participantCall(const CallDevice &device, const std::string &cid, Responder &reply);
    enum class Role { Caller, Callee };
    // The call if it still rings and the device's account has `role` in it; else answers why not.
    Call *ringingCall(const CallDevice &device, const std::string &cid, Role role,
                      Responder &reply);
    void sendToDevice(const std::string &account, const std::string &deviceId,
                      const std::string &text) const;
    // Moves the call along its transition table; false, changing nothing, if `trigger` is not
    // legal in its phase. The call may be gone when it returns.
    bool apply(Call &call, CallTrigger trigger, const Actor &actor);
    bool apply(Call &call, CallTrigger trigger);
    void startRinging(Call &call, std::int64_t delayMs);
    void stopRinging(Call &call);
    void markAnswered(Call &call, const CallDevice &callee);
    // `write` false: the end is written later, with the record (recordNow).
    void markEnded(Call &call, protocol::CallStatus status, bool write);
    void tell(const Call &call, std::uint32_t actions, const Actor &actor) const;
    void release(Call &call);
    void forget(Call &call);

    // call_rooms.cpp: the room, its stays and the media relay
    bool isInCallDevice(const Call &call, const CallDevice &device) const;
    // The call whose other device gets the device's media signalling; else answers why none.
    const Call *relayCall(const CallDevice &device, const std::string &cid, Responder &reply);
    void sendToOtherInCall(const Call &call, const CallDevice &device,
                           const std::string &text) const;
    void leave(Call &call, const std::string &account);
    void closeRoom(Call &call);
    bool stepOut(Call &call, const std::string &account, std::int64_t now);
    bool isBackInCall(const Call &call, const std::string &account) const;
    RoomReport reportOf(const Call &call) const;
    std::vector<protocol::CallDuration> durationsOf(const Call &call) const;

    // call_records.cpp: records, and recovery after a crash
    void recoverCalls(std::vector<StoredCall> rows, std::int64_t lastAlive);
    // `endWritten` false: the call's end is written with its record, in one statement.
    void recordNow(const Call &call, bool endWritten);
    void awaitCallerRecord(const Call &call);
    // The record's message id once stored; its row is the caller's to mark.
    std::optional<std::int64_t> sendServerRecord(const StoredCall &row, protocol::CallStatus status,
                                                 std::vector<protocol::CallDuration> durations,
                                                 bool recovering = false);
    void resume(StoredCall row, std::int64_t lastAlive);
    void recordTheEnd(StoredCall &row, std::int64_t lastAlive);
    void recoverRecord(const StoredCall &row, protocol::CallStatus status,
                       std::vector<protocol::CallDuration> durations);
    void keepAlive();

    // call_takeover.cpp: a cluster node's calls carried on by another node, or by its next run
    void resumeRinging(StoredCall row);
    // A party of a resumed call: back in the room if its in-call device is online (in a
    // cluster, on a live node), else given the reconnect grace.
    void resumeParty(Call &call, const std::string &account, const std::string &deviceId);
    bool rejoinIfOnline(Call &call, const std::string &account, const std::string &deviceId,
                        std::int64_t since);
    void onRecordGraceOver(Call &call);

    // call_devices.cpp: devices going and coming back, on this node or another
    void onDeviceOnline(const CallDevice &device, const std::optional<std::string> &heldCall);
    void onDeviceOffline(const CallDevice &device, Departure departure);
    // In a cluster: tells the node that owns the account's call, if another node does.
    void tellOwner(const CallDevice &device, const char *change,
                   const std::optional<std::string> &heldCall);
    // Gives a party that left the call the reconnect grace to come back into it.
    void awaitReturn(const Call &call, const std::string &account, const std::string &deviceId);
    void onReturnGraceOver(const std::string &cid, const std::string &account,
                           const std::string &deviceId);
    bool isPartyDevice(const Call &call, const CallDevice &device) const;

    ServerContext &m_context;
    CallStore &m_store;
    MessageService &m_messages;
    CallForwarding *m_forwarding = nullptr;                  // in a cluster
    CallClaims *m_claims = nullptr;                          // in a cluster
    std::unordered_map<std::string, std::string> m_ownerOf;  // cid -> node, of others' calls
    std::unordered_map<std::string, std::unique_ptr<Call>> m_calls;  // by cid
    std::unordered_map<std::int64_t, Call *> m_byChannel;
    std::unordered_map<std::string, Call *> m_activeOf;  // account -> its ringing or answered call
    KeyedTokenBuckets m_invites;  // by caller account: the invites it has left
    CallCounters m_counters;
    platform::Clock::TimerId m_heartbeat = 0;  // the last sign of life, while calls are answered
    bool m_stopping = false;
};

}  // namespace softphone::server
