// CallController, second file: the server's events and the connection's changes, turned
// into the machine's events. The class's two halves live in two files so that each stays
// short: call_controller.cpp has the user's actions, the media calls, the state and the timers.

#include "call/call_controller.h"

namespace softphone::call {

using protocol::CallStatus;

namespace {

template<class Event>
std::optional<Event> decodeEvent(const protocol::json &data)
{
    auto event = protocol::fromJson<Event>(data);
    if (!event) {
        qCWarning(lcCallController)
            << "unreadable" << Event::kEvent.data() << "event:" << event.error().message().c_str();
        return std::nullopt;
    }
    return std::move(*event);
}

}  // namespace

// A little longer than the server keeps the device's place, which the login result says (20 s
// by default, and assumed when a server does not say).
int CallController::reconnectWaitMs(std::int64_t serverGraceSeconds)
{
    constexpr int kDefaultGraceMs = 20000;
    constexpr int kMarginMs = 5000;
    return int(serverGraceSeconds > 0 ? serverGraceSeconds * 1000 : kDefaultGraceMs) + kMarginMs;
}

void CallController::onEvent(const std::string &name, const protocol::json &data)
{
    using namespace protocol;
    if (name == CallIncoming::kEvent) {
        if (auto e = decodeEvent<CallIncoming>(data))
            onIncoming(*e);
    } else if (name == CallAccepted::kEvent) {
        if (auto e = decodeEvent<CallAccepted>(data))
            onAccepted(e->cid);
    } else if (name == CallRejected::kEvent) {
        if (auto e = decodeEvent<CallRejected>(data))
            onCallerOutcome(e->cid, CallEvent::RemoteRejected, CallStatus::Rejected);
    } else if (name == CallBusy::kEvent) {
        if (auto e = decodeEvent<CallBusy>(data))
            onCallerOutcome(e->cid, CallEvent::RemoteBusy, CallStatus::Busy);
    } else if (name == CallTimeout::kEvent) {
        if (auto e = decodeEvent<CallTimeout>(data))
            onCallerOutcome(e->cid, CallEvent::RingTimeout, CallStatus::Timeout);
    } else if (name == CallCanceled::kEvent) {
        if (auto e = decodeEvent<CallCanceled>(data); e && isCurrent(e->cid)) {
            m_records.callerGaveUp(e->reason);
            if (apply(CallEvent::RemoteCanceled))
                emit canceled();
        }
    } else if (name == CallAckSync::kEvent) {
        if (auto e = decodeEvent<CallAckSync>(data))
            onAckSync(*e);
    } else if (name == CallHangupEvent::kEvent) {
        if (auto e = decodeEvent<CallHangupEvent>(data))
            onHangupEvent(*e);
    } else if (name == RoomSyncDone::kEvent) {
        if (auto e = decodeEvent<RoomSyncDone>(data))
            onSyncDone(*e);
    } else if (name == RoomClientJoin::kEvent) {
        if (auto e = decodeEvent<RoomClientJoin>(data);
            e && isCurrent(e->cid) && e->account == m_call.peer.toStdString())
            peerArrived(e->uid);
    } else if (name == RoomClientLeave::kEvent) {
        if (auto e = decodeEvent<RoomClientLeave>(data);
            e && isCurrent(e->cid) && e->account == m_call.peer.toStdString()) {
            m_call.peerInRoom = false;
            emit peerLeft(QString::fromStdString(e->account), e->uid);
        }
    } else if (name == RtcSdpEvent::kEvent) {
        if (auto e = decodeEvent<RtcSdpEvent>(data); e && isCurrent(e->cid))
            emit remoteSdp(e->sdpType, QString::fromStdString(e->sdp));
    } else if (name == RtcIceEvent::kEvent) {
        if (auto e = decodeEvent<RtcIceEvent>(data); e && isCurrent(e->cid))
            emit remoteIce(e->sdpMLineIndex, QString::fromStdString(e->sdpMid),
                           QString::fromStdString(e->candidate));
    }
}

void CallController::onIncoming(const protocol::CallIncoming &event)
{
    const QString cid = QString::fromStdString(event.cid);
    const QString caller = QString::fromStdString(event.caller);
    if (cid == m_call.cid && isBusy())
        return;  // rung again after a reconnect: already ringing
    if (!m_acceptCalls) {
        qCInfo(lcCallController) << "not ringing for" << cid << ": calls are off on this device";
        return;
    }
    if (state() == CallState::Outgoing && m_inviteInFlight && caller == m_call.peer) {
        takeOverGlare(event);
        return;
    }
    if (state() == CallState::Ended)
        dismiss();
    if (isBusy()) {
        qCInfo(lcCallController) << "busy: declining" << cid << "from" << caller;
        m_im->request(std::string(protocol::CallRespond::kMethod),
                      protocol::toJson(protocol::CallRespond{event.cid, false, true}),
                      [](const im::RpcReply &) {});
        m_records.reportBusy(event, m_clock->nowMs());
        emit autoBusy(caller, cid);
        return;
    }
    beginIncoming(event);
    apply(CallEvent::IncomingInvite);
    emit incoming(caller, m_call.peerName, event.type, cid);
}

void CallController::beginIncoming(const protocol::CallIncoming &event)
{
    m_call = CallInfo{};
    m_call.cid = QString::fromStdString(event.cid);
    m_call.channelId = event.channelId;
    m_call.peer = QString::fromStdString(event.caller);
    m_call.peerName = QString::fromStdString(event.callerName);
    m_call.type = event.type;
    m_call.outgoing = false;
    m_call.startedMs = m_clock->nowMs();
    m_records.beginCall();
}

// Both called each other at once. The server lets only one of the two invites through (the
// other gets caller_busy), and the one it let through is the one that rings here: take it,
// and answer it, since both users asked for this conversation.
void CallController::takeOverGlare(const protocol::CallIncoming &event)
{
    qCInfo(lcCallController) << "glare with" << event.caller.c_str() << ": taking call"
                             << event.cid.c_str();
    ++m_attempt;  // our own invite's answer is now stale
    m_inviteInFlight = false;
    clearTimers();
    beginIncoming(event);
    m_call.answeredMs = m_clock->nowMs();
    apply(CallEvent::Glare);
    answer(true);
}

void CallController::onAccepted(const std::string &cid)
{
    if (!isCurrent(cid) || !m_call.outgoing)
        return;
    if (state() == CallState::Outgoing) {
        m_clock->cancelTimer(m_ringTimer);
        m_call.answeredMs = m_clock->nowMs();
        apply(CallEvent::RemoteAccepted);
        emit accepted();
    }
    if (state() == CallState::Connecting && m_call.localUid == 0)
        joinRoom();
}

void CallController::onCallerOutcome(const std::string &cid, CallEvent event, CallStatus status)
{
    if (!isCurrent(cid) || !m_call.outgoing) {
        qCDebug(lcCallController) << "ignoring outcome of call" << cid.c_str();
        return;
    }
    const CallInfo call = m_call;  // a slot of `ended` may dismiss it
    const auto transition = findTransition(state(), event);
    if (!transition || !apply(event))
        return;
    switch (status) {
    case CallStatus::Rejected:
        emit rejected();
        break;
    case CallStatus::Busy:
        emit busy();
        break;
    case CallStatus::Timeout:
        emit timedOut();
        break;
    case CallStatus::Completed:
    case CallStatus::Canceled:
        break;
    }
    sendRecord(call, transition->reason, status);
}

void CallController::onAckSync(const protocol::CallAckSync &event)
{
    if (!isCurrent(event.cid) || m_call.outgoing)
        return;
    if (apply(event.accepted ? CallEvent::AnsweredElsewhere : CallEvent::DeclinedElsewhere))
        emit handledElsewhere(event.accepted);
}

void CallController::onHangupEvent(const protocol::CallHangupEvent &event)
{
    if (!isCurrent(event.cid)) {
        qCInfo(lcCallController) << "ignoring hangup of call" << event.cid.c_str()
                                 << "; the current call is" << m_call.cid;
        return;
    }
    if (apply(CallEvent::RemoteHangup))
        emit remoteHungUp();
}

void CallController::onSyncDone(const protocol::RoomSyncDone &event)
{
    if (!isCurrent(event.cid))
        return;
    for (const protocol::RoomUser &user : event.userlist) {
        if (user.account == m_call.peer.toStdString())
            peerArrived(user.uid);
    }
}

void CallController::onMessageStored(const im::StoredMessage &message)
{
    if (message.message.msgType != protocol::MsgType::CallRecord || !isBusy() ||
        m_call.channelId == 0)
        return;
    auto record = protocol::CallRecord::parse(message.message.attach);
    if (!record || record->channelId != m_call.channelId)
        return;
    if (auto event = eventForRecord(state(), record->status)) {
        qCInfo(lcCallController) << "call" << m_call.cid << "ended while we were away";
        m_records.markRecorded();  // the conversation has its record
        apply(*event);
    }
}

void CallController::onLoggedIn(const protocol::LoginResult &result)
{
    m_records.setServerRecords(result.callRecords);
    m_reconnectGraceSeconds = result.reconnectGraceSeconds;
}

void CallController::onConnectionState(im::ConnectionState connection)
{
    if (!isBusy())
        return;
    if (connection == im::ConnectionState::Online) {
        m_clock->cancelTimer(m_reconnectTimer);
        m_reconnectTimer = 0;
        // A dropped connection left the room; the server kept our place in the call.
        const bool answered = state() == CallState::Connecting || state() == CallState::InCall;
        if (answered && m_call.localUid == 0 && !m_joinInFlight) {
            qCInfo(lcCallController) << "back online: rejoining call" << m_call.cid;
            joinRoom();
        }
        return;
    }
    m_call.localUid = 0;
    stopJoining();  // a join that was out or waiting to be tried again goes out once online
    if (connection == im::ConnectionState::Offline) {
        apply(CallEvent::ConnectionFailed);
        return;
    }
    if (connection == im::ConnectionState::Waiting && m_reconnectTimer == 0) {
        m_reconnectTimer = m_clock->startTimer(reconnectWaitMs(m_reconnectGraceSeconds), [this] {
            m_reconnectTimer = 0;
            if (m_im->state() != im::ConnectionState::Online)
                apply(CallEvent::ConnectionFailed);
        });
    }
}

}  // namespace softphone::call
