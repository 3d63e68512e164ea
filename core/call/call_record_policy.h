#pragma once

#include "call/call_info.h"
#include "call/call_state_machine.h"
#include "im/im_client.h"
#include "protocol/call_record.h"
#include "protocol/messages.h"

#include <functional>
#include <optional>

namespace softphone::call {

// The end of a call as the application's own record hook sees it, when built-in records are
// switched off: what happened, on this device's side, and the record status it stands for.
struct EndedCall
{
    CallInfo info;
    EndReason reason = EndReason::None;
    std::optional<protocol::CallStatus> status;  // the record status the end corresponds to
};

// The machine event with which a record that arrives for the current call ends it: the
// record is the server's word on how the call ended, even if the events were missed.
std::optional<CallEvent> eventForRecord(CallState state, protocol::CallStatus status);

// Which record each end of a call leaves, and who writes it (protocol::recordSender): the
// caller sends records 2–5, once per call; the server writes status 1. With built-in records
// off (here or on the server), the application's hook gets every end this device sees
// instead, on both sides.
class CallRecordPolicy
{
public:
    explicit CallRecordPolicy(im::ImClient *im);  // not owned

    void setBuiltInRecords(bool on) { m_recordsWanted = on; }
    void setServerRecords(bool on) { m_serverRecords = on; }  // from the login result
    bool builtInRecords() const { return m_recordsWanted && m_serverRecords; }
    void setRecordHook(std::function<void(const EndedCall &)> hook)
    {
        m_recordHook = std::move(hook);
    }

    // A new call is the current one: nothing recorded yet.
    void beginCall();
    // The caller gave up while this device rang: the reason a missed call's record gives.
    void callerGaveUp(protocol::CancelReason reason);
    // The conversation has the current call's record: sent, or arrived from the server.
    void markRecorded() { m_recorded = true; }
    bool recorded() const { return m_recorded; }

    // The caller's record of how `call` ended. `current`: it is still the controller's call,
    // so that it is recorded once; a call already replaced sends its late record regardless.
    void sendRecord(const CallInfo &call, bool current, EndReason reason,
                    protocol::CallStatus status);
    // An end that no record of the caller's stands for, for the application's hook.
    void reportEnd(const CallInfo &call, EndReason reason);
    // An invite answered busy while another call is on, for the application's hook.
    void reportBusy(const protocol::CallIncoming &event, qint64 nowMs);

private:
    std::optional<protocol::CallStatus> endStatus(const CallInfo &call, EndReason reason) const;

    im::ImClient *m_im;
    bool m_recordsWanted = true;
    bool m_serverRecords = true;
    bool m_recorded = false;
    // The record status of the current incoming call should it end missed: the caller's
    // cancel reason, as the server told it.
    protocol::CallStatus m_missedStatus = protocol::CallStatus::Canceled;
    std::function<void(const EndedCall &)> m_recordHook;
};

}  // namespace softphone::call
