#pragma once

#include "call/call_info.h"
#include "call/call_record_policy.h"
#include "call/call_state_machine.h"
#include "call/failure_cause.h"
#include "im/im_client.h"
#include "platform/clock.h"
#include "protocol/call_record.h"

#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcCallController)

namespace softphone::call {

using platform::Clock;
using platform::SystemClock;

// Drives one call slot over an ImClient, after the seeds' call API: call, accept, reject,
// cancel, hangup. The state lives in a CallStateMachine; this class turns server events and
// user actions into its events, runs the caller's ring timer, answers invites busy while
// another call is on, resolves glare, and leaves each call's record to its CallRecordPolicy.
class CallController : public QObject
{
    Q_OBJECT

public:
    // `clock` may be null: the system clock is used. Neither pointer is owned.
    explicit CallController(im::ImClient *im, Clock *clock = nullptr, QObject *parent = nullptr);
    ~CallController() override;

    // -- the seeds' API --------------------------------------------------------------------
    bool call(const QString &callee, protocol::CallType type);  // false if a call is on
    bool accept();
    bool reject();
    bool cancel();
    bool hangup();   // cancels an unanswered outgoing call, declines an incoming one
    void dismiss();  // the ended call has been shown: back to idle

    // -- media -----------------------------------------------------------------------------
    // When set, Connecting becomes InCall on mediaConnected(); otherwise as soon as both
    // parties are in the room.
    void setWaitForMedia(bool wait) { m_waitForMedia = wait; }
    void mediaConnected();
    void mediaFailed(softphone::call::FailureCause cause, const QString &detail);
    void sendSdp(protocol::SdpType type, const QString &sdp);
    void sendIce(int mlineIndex, const QString &mid, const QString &candidate);

    // -- settings --------------------------------------------------------------------------
    void setRingTimeoutMs(int ms) { m_ringTimeoutMs = ms; }
    int ringTimeoutMs() const { return m_ringTimeoutMs; }
    // How long an ended call stays shown before the slot is idle again; 0: until dismiss().
    void setEndedLingerMs(int ms) { m_endedLingerMs = ms; }
    // Built-in records (on by default, and only if the server has them on). When off, the
    // hook runs instead, once per call, on both sides: the caller's records 2–5 at the moment
    // they would have been sent, the callee's as its ringing ends (declined, missed, or
    // answered busy), and status 1 on both sides when an answered call ends.
    void setBuiltInRecords(bool on) { m_records.setBuiltInRecords(on); }
    bool builtInRecords() const { return m_records.builtInRecords(); }
    void setRecordHook(std::function<void(const EndedCall &)> hook)
    {
        m_records.setRecordHook(std::move(hook));
    }
    // When false, incoming calls are answered busy on this device without ringing.
    void setAcceptCalls(bool accept) { m_acceptCalls = accept; }

    CallState state() const { return m_machine.state(); }
    // The call is answered but this device is out of its room and trying to get back in
    // (its server, or the one that holds the call, is not there yet): "Reconnecting…".
    bool isRejoining() const { return m_rejoining; }
    EndReason endReason() const { return m_machine.endReason(); }
    const CallInfo &current() const { return m_call; }
    bool isBusy() const { return m_machine.isBusy(); }

signals:
    void stateChanged(softphone::call::CallState state);
    void incoming(const QString &caller, const QString &callerName,
                  softphone::protocol::CallType type,
                  const QString &cid);     // beCalling
    void ringing();                        // the server rang the callee's devices
    void accepted();                       // the callee answered our call
    void rejected();                       // the callee declined it
    void busy();                           // the callee was busy
    void timedOut();                       // nobody answered in time
    void canceled();                       // the caller gave up while we rang
    void handledElsewhere(bool accepted);  // callerAckSync: another of our devices answered
    void remoteHungUp();
    void roomJoined(qint64 uid);
    void rejoiningChanged(bool rejoining);
    void peerJoined(const QString &account, qint64 uid);
    void peerLeft(const QString &account, qint64 uid);
    void remoteSdp(softphone::protocol::SdpType type, const QString &sdp);
    void remoteIce(int mlineIndex, const QString &mid, const QString &candidate);
    void autoBusy(const QString &caller, const QString &cid);  // answered busy: a call is on
    void ended(softphone::call::EndReason reason, const softphone::call::CallInfo &call);
    void failed(int code, const QString &message);  // a request of the current call failed

private:
    // How long the controller waits for a lost connection, or a lost room, to come back.
    static int reconnectWaitMs(std::int64_t serverGraceSeconds);
    void onInviteAnswered(int attempt, std::optional<protocol::CallInviteResult> result,
                          const protocol::ErrorBody &error);

    // The server's events and the connection's changes (call_controller_events.cpp).
    void onEvent(const std::string &name, const protocol::json &data);
    void onMessageStored(const im::StoredMessage &message);
    void onLoggedIn(const protocol::LoginResult &result);
    void onConnectionState(im::ConnectionState connection);

    void onIncoming(const protocol::CallIncoming &event);
    void beginIncoming(const protocol::CallIncoming &event);
    void takeOverGlare(const protocol::CallIncoming &event);
    void onAccepted(const std::string &cid);
    void onCallerOutcome(const std::string &cid, CallEvent event, protocol::CallStatus status);
    void onAckSync(const protocol::CallAckSync &event);
    void onHangupEvent(const protocol::CallHangupEvent &event);
    void onSyncDone(const protocol::RoomSyncDone &event);

    bool apply(CallEvent event);
    void tellHeldCall();
    bool isCurrent(const std::string &cid) const;
    void answer(bool accepted);
    // Joins the room, trying again while the call's server cannot be reached, up to a little
    // longer than the server keeps this device's place (call_room_join.cpp).
    void joinRoom();
    void sendJoin();
    void onJoinAnswered(int attempt, std::optional<protocol::RoomJoinResult> joined,
                        const protocol::ErrorBody &error);
    void joinAgainLater(const protocol::ErrorBody &error);
    void stopJoining();
    void setRejoining(bool rejoining);
    void peerArrived(qint64 uid);
    void onRingTimeout();
    void withdraw(protocol::CancelReason reason, EndReason ending);
    void sendHangup(const std::string &cid);
    void sendRecord(const CallInfo &call, EndReason reason, protocol::CallStatus status);
    template<class Req>
    void requestForCall(const Req &params);
    void clearTimers();

    im::ImClient *m_im;
    Clock *m_clock;
    std::unique_ptr<SystemClock> m_ownClock;
    CallStateMachine m_machine;
    CallInfo m_call;
    CallRecordPolicy m_records;
    int m_attempt = 0;  // numbers our invites, so that a superseded one's answer is known
    bool m_inviteInFlight = false;
    bool m_joinInFlight = false;
    int m_joinAttempt = 0;  // numbers our room.joins, so that a superseded one's answer is known
    std::int64_t m_joinDeadlineMs = 0;
    int m_joinDelayMs = 0;
    bool m_rejoining = false;
    bool m_waitForMedia = false;
    std::int64_t m_reconnectGraceSeconds = 0;  // the server's, from its login result; 0: not said
    bool m_acceptCalls = true;
    int m_ringTimeoutMs = 30000;
    int m_endedLingerMs = 0;
    Clock::TimerId m_ringTimer = 0;
    Clock::TimerId m_lingerTimer = 0;
    Clock::TimerId m_reconnectTimer = 0;
    Clock::TimerId m_joinTimer = 0;  // no answer to a room.join yet, or the wait before the next
};

}  // namespace softphone::call
