#pragma once

// The typed messages of protocol version 1 (docs/protocol.md). A request type names its
// method and its Result type; an event type names its event. Each lists its fields once in
// `describe`, which both the encoder and the validating decoder walk.

#include "call_record.h"
#include "json_fields.h"
#include "json_writer.h"
#include "limits.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace softphone::protocol {

enum class ConvType { Person };
enum class MsgType { Text, CallRecord, Custom };
enum class SdpType { Offer, Answer };
enum class CancelReason { Canceled, Timeout };

template<>
struct EnumNames<ConvType>
{
    static constexpr std::array<std::pair<ConvType, std::string_view>, 1> entries{
        {{ConvType::Person, "PERSON"}}};
};

template<>
struct EnumNames<MsgType>
{
    static constexpr std::array<std::pair<MsgType, std::string_view>, 3> entries{
        {{MsgType::Text, "TEXT"},
         {MsgType::CallRecord, "NRTC_NETCALL"},
         {MsgType::Custom, "CUSTOM"}}};
};

template<>
struct EnumNames<SdpType>
{
    static constexpr std::array<std::pair<SdpType, std::string_view>, 2> entries{
        {{SdpType::Offer, "offer"}, {SdpType::Answer, "answer"}}};
};

template<>
struct EnumNames<CancelReason>
{
    static constexpr std::array<std::pair<CancelReason, std::string_view>, 2> entries{
        {{CancelReason::Canceled, "canceled"}, {CancelReason::Timeout, "timeout"}}};
};

Problem checkRoomMode(const int &mode);
Problem checkMLineIndex(const int &index);

// ---- shared values -------------------------------------------------------------------

struct Empty
{
    bool operator==(const Empty &) const = default;
    template<class S, class V>
    static void describe(S &, V &)
    {}
};

struct Message
{
    ConvType convType = ConvType::Person;
    std::string from;
    std::string to;
    MsgType msgType = MsgType::Text;
    std::string body;
    std::string attach;  // for NRTC_NETCALL: the call record JSON
    std::string msgidClient;
    std::int64_t msgidServer = 0;   // server-wide, increasing: also the sync cursor
    std::int64_t msgTimestamp = 0;  // ms since the epoch, server clock
    std::string fromClientType;

    bool operator==(const Message &) const = default;
    std::optional<DecodeError> validate() const;

    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("convType", s.convType);
        v.req("from", s.from, checkAccount);
        v.req("to", s.to, checkAccount);
        v.req("msgType", s.msgType);
        v.opt("body", s.body, checkText);
        v.opt("attach", s.attach, checkAttach);
        v.req("msgidClient", s.msgidClient, checkId);
        v.req("msgidServer", s.msgidServer, checkPositive);
        v.req("msgTimestamp", s.msgTimestamp, checkNonNegative);
        v.opt("fromClientType", s.fromClientType);
    }
};

struct Presence
{
    std::string account;
    std::string name;
    bool online = false;
    std::vector<std::string> clientTypes;

    bool operator==(const Presence &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("account", s.account, checkAccount);
        v.opt("name", s.name, checkName);
        v.req("online", s.online);
        v.opt("clientTypes", s.clientTypes);
    }
};

struct RoomUser
{
    std::string account;
    std::int64_t uid = 0;
    int mode = 0;

    bool operator==(const RoomUser &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("account", s.account, checkAccount);
        v.req("uid", s.uid, checkPositive);
        v.opt("mode", s.mode, checkRoomMode);
    }
};

// ---- accounts and sessions -----------------------------------------------------------

struct LoginResult
{
    std::string account;
    std::string name;
    std::string token;
    std::int64_t tokenExpiresAt = 0;  // ms since the epoch
    std::int64_t serverTime = 0;      // ms since the epoch
    int protocol = kProtocolVersion;
    bool callRecords = true;  // false: the server sends no built-in records (enableOrder off)
    // How long the server keeps a dropped device's place in its call; 0: not said.
    std::int64_t reconnectGraceSeconds = 0;

    bool operator==(const LoginResult &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("account", s.account, checkAccount);
        v.opt("name", s.name, checkName);
        v.req("token", s.token, checkToken);
        v.req("tokenExpiresAt", s.tokenExpiresAt, checkNonNegative);
        v.req("serverTime", s.serverTime, checkNonNegative);
        v.req("protocol", s.protocol, checkProtocolVersion);
        v.opt("callRecords", s.callRecords);
        v.opt("reconnectGraceSeconds", s.reconnectGraceSeconds, checkNonNegative);
    }
};

struct Login
{
    static constexpr std::string_view kMethod = "login";
    using Result = LoginResult;

    int protocol = kProtocolVersion;
    std::string account;
    std::optional<std::string> password;
    std::optional<std::string> token;
    std::string clientType = "desktop";
    std::string deviceId;
    // The cid of the call this client still holds, "" for none; absent: the client does not say.
    std::optional<std::string> inCall;

    bool operator==(const Login &) const = default;
    std::optional<DecodeError> validate() const;

    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("protocol", s.protocol, checkProtocolVersion);
        v.req("account", s.account, checkAccount);
        v.opt("password", s.password, checkPassword);
        v.opt("token", s.token, checkToken);
        v.req("clientType", s.clientType, checkClientType);
        v.req("deviceId", s.deviceId, checkId);
        v.opt("inCall", s.inCall, checkIdOrEmpty);
    }
};

struct RegisterResult
{
    std::string account;
    bool operator==(const RegisterResult &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("account", s.account, checkAccount);
    }
};

struct Register
{
    static constexpr std::string_view kMethod = "register";
    using Result = RegisterResult;

    std::string account;
    std::string password;
    std::string name;

    bool operator==(const Register &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("account", s.account, checkAccount);
        v.req("password", s.password, checkNewPassword);
        v.opt("name", s.name, checkName);
    }
};

struct Logout
{
    static constexpr std::string_view kMethod = "logout";
    using Result = Empty;
    bool operator==(const Logout &) const = default;
    template<class S, class V>
    static void describe(S &, V &)
    {}
};

struct PingResult
{
    std::int64_t serverTime = 0;
    bool operator==(const PingResult &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("serverTime", s.serverTime, checkNonNegative);
    }
};

struct Ping
{
    static constexpr std::string_view kMethod = "ping";
    using Result = PingResult;
    bool operator==(const Ping &) const = default;
    template<class S, class V>
    static void describe(S &, V &)
    {}
};

// ---- directory, contacts and presence ------------------------------------------------

struct UserGet
{
    static constexpr std::string_view kMethod = "user.get";
    using Result = Presence;

    std::string account;
    bool operator==(const UserGet &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("account", s.account, checkAccount);
    }
};

struct ContactList
{
    std::vector<Presence> contacts;
    bool operator==(const ContactList &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("contacts", s.contacts);
    }
};

struct ContactsList
{
    static constexpr std::string_view kMethod = "contacts.list";
    using Result = ContactList;
    bool operator==(const ContactsList &) const = default;
    template<class S, class V>
    static void describe(S &, V &)
    {}
};

struct ContactsAdd
{
    static constexpr std::string_view kMethod = "contacts.add";
    using Result = Presence;

    std::string account;
    bool operator==(const ContactsAdd &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("account", s.account, checkAccount);
    }
};

struct ContactsRemove
{
    static constexpr std::string_view kMethod = "contacts.remove";
    using Result = Empty;

    std::string account;
    bool operator==(const ContactsRemove &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("account", s.account, checkAccount);
    }
};

struct PresenceEvent
{
    static constexpr std::string_view kEvent = "presence";
    Presence presence;
    bool operator==(const PresenceEvent &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        Presence::describe(s.presence, v);
    }
};

// ---- messaging -----------------------------------------------------------------------

struct SendAck
{
    std::string msgidClient;
    std::int64_t msgidServer = 0;
    std::int64_t msgTimestamp = 0;

    bool operator==(const SendAck &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("msgidClient", s.msgidClient, checkId);
        v.req("msgidServer", s.msgidServer, checkPositive);
        v.req("msgTimestamp", s.msgTimestamp, checkNonNegative);
    }
};

struct SendMessage
{
    static constexpr std::string_view kMethod = "msg.send";
    using Result = SendAck;

    std::string to;
    ConvType convType = ConvType::Person;
    MsgType msgType = MsgType::Text;
    std::string body;
    std::string attach;
    std::string msgidClient;

    bool operator==(const SendMessage &) const = default;
    std::optional<DecodeError> validate() const;

    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("to", s.to, checkAccount);
        v.opt("convType", s.convType);
        v.req("msgType", s.msgType);
        v.opt("body", s.body, checkText);
        v.opt("attach", s.attach, checkAttach);
        v.req("msgidClient", s.msgidClient, checkId);
    }
};

struct MessageEvent
{
    static constexpr std::string_view kEvent = "msg.new";
    Message message;
    bool operator==(const MessageEvent &) const = default;
    std::optional<DecodeError> validate() const { return message.validate(); }
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        Message::describe(s.message, v);
    }
};

struct HistoryPage
{
    std::vector<Message> messages;  // oldest first
    bool hasMore = false;           // older messages exist before the first one

    bool operator==(const HistoryPage &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("messages", s.messages);
        v.req("hasMore", s.hasMore);
    }
};

struct History
{
    static constexpr std::string_view kMethod = "msg.history";
    using Result = HistoryPage;

    std::string peer;
    std::optional<std::int64_t> before;  // msgidServer; absent: from the newest
    int limit = 50;

    bool operator==(const History &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("peer", s.peer, checkAccount);
        v.opt("before", s.before, checkPositive);
        v.opt("limit", s.limit, checkPageSize);
    }
};

// How far `reader` has got with the messages `sender` sent it: every one up to `delivered`
// (a msgidServer) reached one of its devices, every one up to `read` was seen there.
struct Receipt
{
    std::string sender;
    std::string reader;
    std::int64_t delivered = 0;
    std::int64_t read = 0;

    bool operator==(const Receipt &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("sender", s.sender, checkAccount);
        v.req("reader", s.reader, checkAccount);
        v.req("delivered", s.delivered, checkNonNegative);
        v.req("read", s.read, checkNonNegative);
    }
};

struct SyncPage
{
    std::vector<Message> messages;  // oldest first
    std::int64_t cursor = 0;        // pass as `since` next time
    bool hasMore = false;
    std::vector<Receipt> receipts;  // on the last page: the account's conversations' receipts

    bool operator==(const SyncPage &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("messages", s.messages);
        v.req("cursor", s.cursor, checkNonNegative);
        v.req("hasMore", s.hasMore);
        v.opt("receipts", s.receipts);
    }
};

struct Sync
{
    static constexpr std::string_view kMethod = "msg.sync";
    using Result = SyncPage;

    std::int64_t since = 0;  // the last msgidServer this device holds
    int limit = 200;

    bool operator==(const Sync &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("since", s.since, checkNonNegative);
        v.opt("limit", s.limit, checkPageSize);
    }
};

// The session's account tells how far it has got with the messages `peer` sent it.
struct MarkReceipt
{
    static constexpr std::string_view kMethod = "msg.receipt";
    using Result = Receipt;

    std::string peer;
    std::int64_t delivered = 0;  // msgidServer; 0: unchanged
    std::int64_t read = 0;       // msgidServer; 0: unchanged; reading delivers too

    bool operator==(const MarkReceipt &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("peer", s.peer, checkAccount);
        v.opt("delivered", s.delivered, checkNonNegative);
        v.opt("read", s.read, checkNonNegative);
    }
};

struct ReceiptEvent
{
    static constexpr std::string_view kEvent = "msg.receipt";
    Receipt receipt;
    bool operator==(const ReceiptEvent &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        Receipt::describe(s.receipt, v);
    }
};

// ---- calls ---------------------------------------------------------------------------

struct CallInviteResult
{
    std::string cid;
    std::int64_t channelId = 0;

    bool operator==(const CallInviteResult &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
        v.req("channelId", s.channelId, checkPositive);
    }
};

struct CallInvite
{
    static constexpr std::string_view kMethod = "call.invite";
    using Result = CallInviteResult;

    std::string callee;
    CallType type = CallType::Audio;
    bool forceKeepCalling = true;  // ring devices that come online while it rings

    bool operator==(const CallInvite &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("callee", s.callee, checkAccount);
        v.req("type", s.type);
        v.opt("forceKeepCalling", s.forceKeepCalling);
    }
};

struct CallIncoming
{
    static constexpr std::string_view kEvent = "call.incoming";  // beCalling

    std::string caller;
    std::string callerName;
    CallType type = CallType::Audio;
    std::string cid;
    std::int64_t channelId = 0;

    bool operator==(const CallIncoming &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("caller", s.caller, checkAccount);
        v.opt("callerName", s.callerName, checkName);
        v.req("type", s.type);
        v.req("cid", s.cid, checkId);
        v.req("channelId", s.channelId, checkPositive);
    }
};

struct CallRespond
{
    static constexpr std::string_view kMethod = "call.respond";  // response
    using Result = Empty;

    std::string cid;
    bool accepted = false;
    bool busy = false;  // a decline because this device is in another call

    bool operator==(const CallRespond &) const = default;
    std::optional<DecodeError> validate() const;

    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
        v.req("accepted", s.accepted);
        v.opt("busy", s.busy);
    }
};

struct CallAnswered
{
    std::string cid;
    std::string fromClientType;

    bool operator==(const CallAnswered &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
        v.opt("fromClientType", s.fromClientType);
    }
};

struct CallAccepted : CallAnswered
{
    static constexpr std::string_view kEvent = "call.accepted";  // callAccepted
};

struct CallRejected : CallAnswered
{
    static constexpr std::string_view kEvent = "call.rejected";  // callRejected
};

struct CallIdOnly
{
    std::string cid;
    bool operator==(const CallIdOnly &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
    }
};

struct CallBusy : CallIdOnly
{
    static constexpr std::string_view kEvent = "call.busy";  // the callee is busy
};

struct CallTimeout : CallIdOnly
{
    static constexpr std::string_view kEvent = "call.timeout";  // the server's ring expiry
};

struct CallAckSync
{
    static constexpr std::string_view kEvent = "call.ackSync";  // callerAckSync

    std::int64_t timetag = 0;  // ms since the epoch
    std::string cid;
    CallType type = CallType::Audio;
    bool accepted = false;
    std::string fromClientType;

    bool operator==(const CallAckSync &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("timetag", s.timetag, checkNonNegative);
        v.req("cid", s.cid, checkId);
        v.req("type", s.type);
        v.req("accepted", s.accepted);
        v.req("fromClientType", s.fromClientType);
    }
};

struct CallCancel
{
    static constexpr std::string_view kMethod = "call.cancel";
    using Result = Empty;

    std::string cid;
    CancelReason reason = CancelReason::Canceled;  // timeout: the caller's ring timer fired

    bool operator==(const CallCancel &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
        v.opt("reason", s.reason);
    }
};

struct CallCanceled
{
    static constexpr std::string_view kEvent = "call.canceled";

    std::string cid;
    CancelReason reason = CancelReason::Canceled;

    bool operator==(const CallCanceled &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
        v.req("reason", s.reason);
    }
};

struct CallHangup
{
    static constexpr std::string_view kMethod = "call.hangup";
    using Result = Empty;

    std::string cid;
    bool operator==(const CallHangup &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
    }
};

// The call the account is in, for a client that came back without it; every field is absent
// when there is none.
struct CallCurrentResult
{
    std::optional<std::string> cid;
    std::optional<std::int64_t> channelId;
    std::optional<CallType> type;
    std::optional<std::string> caller;
    std::optional<std::string> callee;
    std::optional<std::string> state;    // "ringing" or "answered"
    std::optional<std::string> endWith;  // the method that ends it: "call.hangup"

    bool operator==(const CallCurrentResult &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.opt("cid", s.cid, checkId);
        v.opt("channelId", s.channelId, checkPositive);
        v.opt("type", s.type);
        v.opt("caller", s.caller, checkAccount);
        v.opt("callee", s.callee, checkAccount);
        v.opt("state", s.state);
        v.opt("endWith", s.endWith);
    }
};

struct CallCurrent
{
    static constexpr std::string_view kMethod = "call.current";
    using Result = CallCurrentResult;
    bool operator==(const CallCurrent &) const = default;
    template<class S, class V>
    static void describe(S &, V &)
    {}
};

struct CallHangupEvent
{
    static constexpr std::string_view kEvent = "call.hangup";  // hangup

    std::int64_t timetag = 0;
    std::string cid;
    std::string account;  // who hung up

    bool operator==(const CallHangupEvent &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("timetag", s.timetag, checkNonNegative);
        v.req("cid", s.cid, checkId);
        v.req("account", s.account, checkAccount);
    }
};

// ---- rooms ---------------------------------------------------------------------------

struct RoomJoinResult
{
    std::int64_t uid = 0;
    std::string account;
    std::string cid;

    bool operator==(const RoomJoinResult &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("uid", s.uid, checkPositive);
        v.req("account", s.account, checkAccount);
        v.req("cid", s.cid, checkId);
    }
};

struct RoomJoin
{
    static constexpr std::string_view kMethod = "room.join";  // startRtc
    using Result = RoomJoinResult;

    std::string cid;
    int mode = 0;

    bool operator==(const RoomJoin &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
        v.opt("mode", s.mode, checkRoomMode);
    }
};

struct RoomLeave
{
    static constexpr std::string_view kMethod = "room.leave";
    using Result = Empty;

    std::string cid;
    bool operator==(const RoomLeave &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
    }
};

struct RoomSyncDone
{
    static constexpr std::string_view kEvent = "room.syncDone";  // syncDone

    int code = 200;
    std::string errmsg;
    std::string cid;
    std::vector<RoomUser> userlist;  // who was in the room when this device joined

    bool operator==(const RoomSyncDone &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("code", s.code);
        v.opt("errmsg", s.errmsg);
        v.req("cid", s.cid, checkId);
        v.req("userlist", s.userlist);
    }
};

struct RoomClientJoin
{
    static constexpr std::string_view kEvent = "room.clientJoin";  // clientJoin

    std::string account;
    std::string cid;
    int mode = 0;
    std::int64_t uid = 0;

    bool operator==(const RoomClientJoin &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("account", s.account, checkAccount);
        v.req("cid", s.cid, checkId);
        v.opt("mode", s.mode, checkRoomMode);
        v.req("uid", s.uid, checkPositive);
    }
};

struct RoomClientLeave
{
    static constexpr std::string_view kEvent = "room.clientLeave";  // clientLeave

    std::string account;
    std::int64_t uid = 0;
    std::string cid;

    bool operator==(const RoomClientLeave &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("account", s.account, checkAccount);
        v.req("uid", s.uid, checkPositive);
        v.req("cid", s.cid, checkId);
    }
};

// ---- WebRTC signalling, relayed between the two devices in the call -------------------

struct RtcSdp
{
    static constexpr std::string_view kMethod = "rtc.sdp";
    using Result = Empty;

    std::string cid;
    SdpType sdpType = SdpType::Offer;
    std::string sdp;

    bool operator==(const RtcSdp &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
        v.req("sdpType", s.sdpType);
        v.req("sdp", s.sdp, checkSdp);
    }
};

struct RtcSdpEvent
{
    static constexpr std::string_view kEvent = "rtc.sdp";

    std::string cid;
    std::string from;
    SdpType sdpType = SdpType::Offer;
    std::string sdp;

    bool operator==(const RtcSdpEvent &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
        v.req("from", s.from, checkAccount);
        v.req("sdpType", s.sdpType);
        v.req("sdp", s.sdp, checkSdp);
    }
};

struct RtcIce
{
    static constexpr std::string_view kMethod = "rtc.ice";
    using Result = Empty;

    std::string cid;
    std::string candidate;  // empty: this side has gathered all its candidates
    int sdpMLineIndex = 0;
    std::string sdpMid;

    bool operator==(const RtcIce &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
        v.req("candidate", s.candidate, checkCandidate);
        v.req("sdpMLineIndex", s.sdpMLineIndex, checkMLineIndex);
        v.opt("sdpMid", s.sdpMid, checkCandidate);
    }
};

struct RtcIceEvent
{
    static constexpr std::string_view kEvent = "rtc.ice";

    std::string cid;
    std::string from;
    std::string candidate;
    int sdpMLineIndex = 0;
    std::string sdpMid;

    bool operator==(const RtcIceEvent &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("cid", s.cid, checkId);
        v.req("from", s.from, checkAccount);
        v.req("candidate", s.candidate, checkCandidate);
        v.req("sdpMLineIndex", s.sdpMLineIndex, checkMLineIndex);
        v.opt("sdpMid", s.sdpMid, checkCandidate);
    }
};

// ---- TURN ----------------------------------------------------------------------------

struct TurnCredentials
{
    std::vector<std::string> urls;  // stun:/turn:/turns: URIs; empty when none configured
    std::string username;           // "<expiry unix seconds>:<account>"
    std::string credential;         // base64(HMAC-SHA1(secret, username))
    std::int64_t ttl = 0;           // seconds

    bool operator==(const TurnCredentials &) const = default;
    template<class S, class V>
    static void describe(S &s, V &v)
    {
        v.req("urls", s.urls);
        v.opt("username", s.username);
        v.opt("credential", s.credential);
        v.req("ttl", s.ttl, checkNonNegative);
    }
};

struct TurnGet
{
    static constexpr std::string_view kMethod = "turn.credentials";
    using Result = TurnCredentials;
    bool operator==(const TurnGet &) const = default;
    template<class S, class V>
    static void describe(S &, V &)
    {}
};

// Every message type's encoder and decoder is compiled once, in messages.cpp: instantiated
// in each file that sends or reads messages, they made up most of those files' build time.
#define SOFTPHONE_PROTOCOL_MESSAGE_TYPES(X)                                                        \
    X(Empty)                                                                                       \
    X(Message)                                                                                     \
    X(Presence)                                                                                    \
    X(RoomUser)                                                                                    \
    X(LoginResult)                                                                                 \
    X(Login)                                                                                       \
    X(RegisterResult)                                                                              \
    X(Register)                                                                                    \
    X(Logout)                                                                                      \
    X(PingResult)                                                                                  \
    X(Ping)                                                                                        \
    X(UserGet)                                                                                     \
    X(ContactList)                                                                                 \
    X(ContactsList)                                                                                \
    X(ContactsAdd)                                                                                 \
    X(ContactsRemove)                                                                              \
    X(PresenceEvent)                                                                               \
    X(SendAck)                                                                                     \
    X(SendMessage)                                                                                 \
    X(MessageEvent)                                                                                \
    X(HistoryPage)                                                                                 \
    X(History)                                                                                     \
    X(Receipt)                                                                                     \
    X(SyncPage)                                                                                    \
    X(Sync)                                                                                        \
    X(MarkReceipt)                                                                                 \
    X(ReceiptEvent)                                                                                \
    X(CallInviteResult)                                                                            \
    X(CallInvite)                                                                                  \
    X(CallIncoming)                                                                                \
    X(CallRespond)                                                                                 \
    X(CallAnswered)                                                                                \
    X(CallAccepted)                                                                                \
    X(CallRejected)                                                                                \
    X(CallIdOnly)                                                                                  \
    X(CallBusy)                                                                                    \
    X(CallTimeout)                                                                                 \
    X(CallAckSync)                                                                                 \
    X(CallCancel)                                                                                  \
    X(CallCanceled)                                                                                \
    X(CallHangup)                                                                                  \
    X(CallCurrentResult)                                                                           \
    X(CallCurrent)                                                                                 \
    X(CallHangupEvent)                                                                             \
    X(RoomJoinResult)                                                                              \
    X(RoomJoin)                                                                                    \
    X(RoomLeave)                                                                                   \
    X(RoomSyncDone)                                                                                \
    X(RoomClientJoin)                                                                              \
    X(RoomClientLeave)                                                                             \
    X(RtcSdp)                                                                                      \
    X(RtcSdpEvent)                                                                                 \
    X(RtcIce)                                                                                      \
    X(RtcIceEvent)                                                                                 \
    X(TurnCredentials)                                                                             \
    X(TurnGet)
#define SOFTPHONE_DECLARE_MESSAGE_CODEC(T)                                                         \
    extern template json toJson<T>(const T &);                                                     \
    extern template void appendJson<T>(std::string &, const T &);                                  \
    extern template Expected<T> fromJson<T>(const json &, std::string_view);
SOFTPHONE_PROTOCOL_MESSAGE_TYPES(SOFTPHONE_DECLARE_MESSAGE_CODEC)
#undef SOFTPHONE_DECLARE_MESSAGE_CODEC

}  // namespace softphone::protocol
