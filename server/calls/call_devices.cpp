// CallManager: devices of a party going offline and coming back, and the reconnect grace.

#include "calls/call_forwarding.h"
#include "calls/call_manager.h"
#include "logging.h"
#include "net/session_registry.h"
#include "server_config.h"
#include "storage/account_store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace softphone::server {

namespace {

// What a node tells the owner of a call about a device of one of its parties.
constexpr const char *kOnline = "online";
constexpr const char *kDropped = "dropped";
constexpr const char *kLoggedOut = "loggedOut";

}  // namespace

// ---- devices coming and going ----------------------------------------------------------

void CallManager::deviceOnline(ClientConnection *client, const std::optional<std::string> &heldCall)
{
    const CallDevice device = deviceOf(*client);
    if (m_activeOf.contains(device.account))
        onDeviceOnline(device, heldCall);
    else
        tellOwner(device, kOnline, heldCall);
}

void CallManager::onDeviceOnline(const CallDevice &device,
                                 const std::optional<std::string> &heldCall)
{
    auto it = m_activeOf.find(device.account);
    if (it == m_activeOf.end())
        return;
    Call &call = *it->second;
    if (heldCall && *heldCall != call.row.cid && isPartyDevice(call, device)) {
        qCInfo(lcCall) << "device of" << device.account.c_str() << "came back without call"
                       << call.row.cid.c_str() << "; it ends now";
        apply(call,
              call.phase == CallPhase::Answered ? CallTrigger::PartyLeft
                                                : CallTrigger::CallerForgot,
              {nullptr, device.account});
        return;
    }
    // A new connection took the place of one still in the room (a restarted client, a
    // half-open socket): that stay is over, and the party is back in the call only once the
    // new connection joins the room.
    if (isInCallDevice(call, device) && isBackInCall(call, device.account)) {
        leave(call, device.account);
        awaitReturn(call, device.account, device.deviceId);
    }
    if (call.phase == CallPhase::Ringing && call.row.callee == device.account &&
        call.forceKeepCalling) {
        sendToDevice(device.account, device.deviceId,
                     protocol::encodeEvent(protocol::CallIncoming{
                         call.row.caller, m_context.accounts.name(call.row.caller).value_or(""),
                         call.row.type, call.row.cid, call.row.channelId}));
    }
    // The calling device came back after an answer it may have missed while away.
    if (call.phase == CallPhase::Answered && call.row.caller == device.account &&
        call.callerDevice == device.deviceId) {
        sendToDevice(
            device.account, device.deviceId,
            protocol::encodeEvent(protocol::CallAccepted{{call.row.cid, call.calleeClientType}}));
    }
}

void CallManager::deviceOffline(ClientConnection *client, Departure departure)
{
    if (!client->isAuthenticated() ||
        m_context.sessions.device(client->account(), client->deviceId()) != client)
        return;  // a newer connection speaks for this device now
    const CallDevice device = deviceOf(*client);
    if (m_activeOf.contains(device.account))
        onDeviceOffline(device, departure);
    else
        tellOwner(device, departure == Departure::LoggedOut ? kLoggedOut : kDropped, std::nullopt);
}

void CallManager::onDeviceOffline(const CallDevice &device, Departure departure)
{
    auto it = m_activeOf.find(device.account);
    if (it == m_activeOf.end())
        return;
    Call &call = *it->second;
    const std::string &account = device.account;
    const bool callingDevice = call.phase == CallPhase::Ringing && account == call.row.caller &&
                               device.deviceId == call.callerDevice;
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
    awaitReturn(call, account, device.deviceId);
}

void CallManager::onNodeLost()
{
    std::vector<CallDevice> gone;
    for (const auto &[cid, call] : m_calls) {
        if (call->phase == CallPhase::Ringing)
            gone.push_back({call->row.caller, call->callerDevice, {}});
        for (const std::string *account : {&call->row.caller, &call->row.callee}) {
            if (call->phase == CallPhase::Answered && isBackInCall(*call, *account)) {
                const bool caller = *account == call->row.caller;
                gone.push_back({*account, caller ? call->callerDevice : call->calleeDevice,
                                caller ? std::string() : call->calleeClientType});
            }
        }
    }
    std::erase_if(gone, [this](const CallDevice &device) {
        return m_context.sessions.hasDevice(device.account, device.deviceId);
    });
    for (const CallDevice &device : gone)
        onDeviceOffline(device, Departure::Dropped);
}

// ---- devices of another node's calls ----------------------------------------------------

// The owner treats a device that came or went on another node as one of its own.
void CallManager::tellOwner(const CallDevice &device, const char *change,
                            const std::optional<std::string> &heldCall)
{
    if (!m_claims)
        return;
    const auto claim = m_claims->ofAccount(device.account);
    if (!claim || claim->node == m_forwarding->nodeName() || ownerIsGone(claim->node))
        return;  // no call, or one whose new owner finds its devices itself (call_takeover.cpp)
    nlohmann::json notice{{"change", change},
                          {"node", m_forwarding->nodeName()},
                          {"account", device.account},
                          {"device", device.deviceId},
                          {"clientType", device.clientType}};
    if (heldCall)
        notice["heldCall"] = *heldCall;
    m_forwarding->tellDeviceChange(claim->node, notice.dump());
}

void CallManager::onDeviceChange(std::string_view data)
{
    const auto notice = nlohmann::json::parse(data.begin(), data.end(), nullptr, false);
    if (!notice.is_object())
        return;
    CallDevice device;
    std::string change, node;
    std::optional<std::string> heldCall;
    try {
        change = notice.at("change").get<std::string>();
        node = notice.at("node").get<std::string>();
        device = {notice.at("account").get<std::string>(), notice.at("device").get<std::string>(),
                  notice.at("clientType").get<std::string>()};
        if (notice.contains("heldCall"))
            heldCall = notice.at("heldCall").get<std::string>();
    } catch (const nlohmann::json::exception &) {
        return;  // another version's notice, or a damaged one
    }
    qCDebug(lcCall) << "device" << device.account.c_str() << device.deviceId.c_str()
                    << change.c_str() << "on" << node.c_str();
    if (change == kOnline) {
        onDeviceOnline(device, heldCall);
        return;
    }
    // As on one node, a newer connection of the device, here or on a third node, speaks for it.
    const auto holders = m_forwarding->nodesHolding(device.account, device.deviceId);
    const bool heldElsewhere =
        m_context.sessions.device(device.account, device.deviceId) != nullptr ||
        std::ranges::any_of(holders, [&](const std::string &holder) { return holder != node; });
    if (!heldElsewhere)
        onDeviceOffline(device, change == kLoggedOut ? Departure::LoggedOut : Departure::Dropped);
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
