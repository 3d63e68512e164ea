// CallManager: devices of a party going offline and coming back, and the reconnect grace.

#include "calls/call_manager.h"
#include "logging.h"
#include "net/session_registry.h"
#include "server_config.h"
#include "storage/account_store.h"

namespace softphone::server {

// ---- devices coming and going ----------------------------------------------------------

void CallManager::deviceOnline(ClientConnection *client, const std::optional<std::string> &heldCall)
{
    auto it = m_activeOf.find(client->account());
    if (it == m_activeOf.end())
        return;
    Call &call = *it->second;
    const CallDevice device = deviceOf(*client);
    if (heldCall && *heldCall != call.row.cid && isPartyDevice(call, device)) {
        qCInfo(lcCall) << "device of" << client->account().c_str() << "came back without call"
                       << call.row.cid.c_str() << "; it ends now";
        apply(call,
              call.phase == CallPhase::Answered ? CallTrigger::PartyLeft
                                                : CallTrigger::CallerForgot,
              {nullptr, client->account()});
        return;
    }
    // A new connection took the place of one still in the room (a restarted client, a
    // half-open socket): that stay is over, and the party is back in the call only once the
    // new connection joins the room.
    if (isInCallDevice(call, device) && isBackInCall(call, client->account())) {
        leave(call, client->account());
        awaitReturn(call, client->account(), client->deviceId());
    }
    if (call.phase == CallPhase::Ringing && call.row.callee == client->account() &&
        call.forceKeepCalling) {
        client->send(protocol::encodeEvent(protocol::CallIncoming{
            call.row.caller, m_context.accounts.name(call.row.caller).value_or(""), call.row.type,
            call.row.cid, call.row.channelId}));
    }
    // The calling device came back after an answer it may have missed while away.
    if (call.phase == CallPhase::Answered && call.row.caller == client->account() &&
        call.callerDevice == client->deviceId()) {
        client->send(
            protocol::encodeEvent(protocol::CallAccepted{{call.row.cid, call.calleeClientType}}));
    }
}

void CallManager::deviceOffline(ClientConnection *client, Departure departure)
{
    if (!client->isAuthenticated() ||
        m_context.sessions.device(client->account(), client->deviceId()) != client)
        return;  // a newer connection speaks for this device now
    auto it = m_activeOf.find(client->account());
    if (it == m_activeOf.end())
        return;
    Call &call = *it->second;
    const std::string account = client->account();
    const std::string deviceId = client->deviceId();
    const bool callingDevice = call.phase == CallPhase::Ringing && account == call.row.caller &&
                               deviceId == call.callerDevice;
    const CallDevice device = deviceOf(*client);
    const bool inCall = isInCallDevice(call, device);
    if (!callingDevice && !inCall)
        return;
    if (departure == Departure::LoggedOut) {
        apply(call, callingDevice ? CallTrigger::CallerLeft : CallTrigger::PartyLeft,
              {&device, account});
        return;
    }
    if (inCall)
        leave(call, account);
    qCInfo(lcCall) << "device of" << account.c_str() << "left call" << call.row.cid.c_str()
                   << "; waiting for it to come back";
    awaitReturn(call, account, deviceId);
}

void CallManager::awaitReturn(const Call &call, const std::string &account,
                              const std::string &deviceId)
{
    m_context.clock.startTimer(m_context.config.reconnectGraceSeconds * 1000,
                               [this, cid = call.row.cid, account, deviceId] {
                                   onReturnGraceOver(cid, account, deviceId);
                               });
}

void CallManager::onReturnGraceOver(const std::string &cid, const std::string &account,
                                    const std::string &deviceId)
{
    Call *call = find(cid);
    if (!call)
        return;
    // A calling device is back with its call when it is online again; a party of an answered
    // call only once it is in the room again (its client rejoins at once).
    if (call->phase == CallPhase::Ringing && account == call->row.caller &&
        !m_context.sessions.hasDevice(account, deviceId))
        apply(*call, CallTrigger::CallerLeft, {nullptr, account});
    else if (call->phase == CallPhase::Answered && !isBackInCall(*call, account))
        apply(*call, CallTrigger::PartyLeft, {nullptr, account});
}

bool CallManager::isPartyDevice(const Call &call, const CallDevice &device) const
{
    if (call.phase == CallPhase::Ringing)
        return device.account == call.row.caller && device.deviceId == call.callerDevice;
    return isInCallDevice(call, device);
}

}  // namespace softphone::server
