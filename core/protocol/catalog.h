#pragma once

// Every request and event of protocol version 1, for code that must handle them all
// (the server's dispatcher, the codec tests, the protocol document's checks).

#include "messages.h"

namespace softphone::protocol {

template<class... T>
struct TypeList
{};

using AllRequests =
    TypeList<Login, Register, Logout, Ping, UserGet, ContactsList, ContactsAdd, ContactsRemove,
             SendMessage, History, Sync, MarkReceipt, CallInvite, CallRespond, CallCancel,
             CallHangup, CallCurrent, RoomJoin, RoomLeave, RtcSdp, RtcIce, TurnGet>;

using AllEvents =
    TypeList<PresenceEvent, MessageEvent, ReceiptEvent, CallIncoming, CallAccepted, CallRejected,
             CallBusy, CallTimeout, CallAckSync, CallCanceled, CallHangupEvent, RoomSyncDone,
             RoomClientJoin, RoomClientLeave, RtcSdpEvent, RtcIceEvent>;

template<class... T, class F>
void forEachType(TypeList<T...>, F &&f)
{
    (f.template operator()<T>(), ...);
}

}  // namespace softphone::protocol
