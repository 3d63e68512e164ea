// CallManager in a cluster: claims on the accounts in a call, the ring told once the claims are
// committed, and requests about calls that another node owns (docs/cluster.md, "Calls").

#include "calls/call_forwarding.h"
#include "calls/call_manager.h"
#include "logging.h"
#include "net/session_registry.h"
#include "protocol/field_lines.h"
#include "protocol/json_text.h"
#include "protocol/json_writer.h"
#include "storage/account_store.h"
#include "storage/database.h"

#include <nlohmann/json.hpp>

namespace softphone::server {

using protocol::ErrorCode;

namespace {

constexpr std::size_t kOwnersKept = 4096;  // cids of other nodes' calls remembered

}  // namespace

void CallManager::joinCluster(CallForwarding &forwarding, CallClaims &claims)
{
    m_forwarding = &forwarding;
    m_claims = &claims;
}

void CallManager::placeClaiming(std::unique_ptr<Call> call, const CallDevice &caller,
                                Responder reply)
{
    if (!m_store.insert(call->row)) {
        reply.error(ErrorCode::Internal, "the call could not be stored; try again");
        return;
    }
    ++m_counters.invites;
    Call &placed = *call;
    // Released by cid when the call ends, even before the claims are known: the release is
    // written after the take.
    placed.claimed = true;
    m_byChannel[placed.row.channelId] = &placed;
    m_activeOf[placed.row.caller] = &placed;
    m_activeOf[placed.row.callee] = &placed;
    m_calls.emplace(placed.row.cid, std::move(call));
    startRinging(placed, std::int64_t(m_context.config.ringTimeoutSeconds) * 1000);
    // Shared: a std::function must be copyable.
    auto pending = std::make_shared<Responder>(std::move(reply));
    m_claims->takeAtCommit(placed.row.cid, placed.row.caller, placed.row.callee,
                           m_forwarding->nodeName(),
                           [this, cid = placed.row.cid, channelId = placed.row.channelId, caller,
                            pending](CallClaims::Outcome outcome) {
                               claimsSettled(cid, channelId, caller, outcome, std::move(*pending));
                           });
}

void CallManager::claimsSettled(const std::string &cid, std::int64_t channelId,
                                const CallDevice &caller, CallClaims::Outcome outcome,
                                Responder reply)
{
    Call *call = find(cid);
    const bool ringing = call && call->phase == CallPhase::Ringing;
    if (outcome == CallClaims::Outcome::Taken || outcome == CallClaims::Outcome::CalleeBusy) {
        reply.result(protocol::CallInviteResult{cid, channelId});
        qCDebug(lcCall) << "invite" << cid.c_str() << caller.account.c_str()
                        << (outcome == CallClaims::Outcome::Taken ? "rings" : "(busy)");
    }
    if (outcome == CallClaims::Outcome::Taken) {
        if (ringing)
            ring(*call);
        return;
    }
    if (call)
        call->claimed = false;  // the function took neither claim
    if (outcome == CallClaims::Outcome::CalleeBusy) {
        if (ringing)
            apply(*call, CallTrigger::CalleeBusy, {&caller, caller.account});
        return;
    }
    // Never placed after all: nobody has heard of it but its caller, who is told why.
    if (ringing) {
        m_store.erase(cid);
        forget(*call);
    }
    if (outcome == CallClaims::Outcome::CallerBusy)
        reply.error(ErrorCode::CallerBusy, "you are already in, placing or receiving a call");
    else
        reply.error(ErrorCode::Internal, "the call could not be stored; try again");
}

void CallManager::releaseClaims(Call &call)
{
    if (!call.claimed)
        return;
    call.claimed = false;
    m_claims->release(call.row.cid);
}

void CallManager::ring(const Call &call)
{
    const std::string text = protocol::encodeEvent(protocol::CallIncoming{
        call.row.caller, m_context.accounts.name(call.row.caller).value_or(""), call.row.type,
        call.row.cid, call.row.channelId});
    if (!m_claims) {
        m_context.sessions.sendToAccount(call.row.callee, text);
        return;
    }
    // Another node answers for the call only once it finds the claim: ring after the commit.
    m_context.db.afterCommit(
        [this, callee = call.row.callee, cid = call.row.cid, text](bool durable) {
            if (!durable)
                return;
            m_context.sessions.sendToLocalDevices(callee, text);
            m_forwarding->ringElsewhere(callee, cid, text);
        });
}

void CallManager::onCallOwnerTold(const std::string &cid, const std::string &node)
{
    if (m_ownerOf.size() >= kOwnersKept)
        m_ownerOf.clear();
    m_ownerOf[cid] = node;
}

std::optional<std::string> CallManager::ownerOf(const std::string &cid)
{
    if (auto it = m_ownerOf.find(cid); it != m_ownerOf.end()) {
        if (!ownerIsGone(it->second))
            return it->second;
        m_ownerOf.erase(it);  // a survivor may have taken the call over: ask again
    }
    auto owner = m_claims->ownerOf(cid);
    if (owner && !ownerIsGone(*owner) && *owner != m_forwarding->nodeName()) {
        if (m_ownerOf.size() >= kOwnersKept)
            m_ownerOf.clear();
        m_ownerOf.emplace(cid, *owner);
    }
    return owner;
}

bool CallManager::ownerIsGone(const std::string &owner) const
{
    return !m_forwarding->isNodeAlive(owner);
}

template<class Req>
bool CallManager::forwarded(const ClientConnection &client, const std::string &cid,
                            const Req &params, Responder &reply)
{
    if (!m_forwarding || find(cid))
        return false;
    const auto owner = ownerOf(cid);
    if (!owner || *owner == m_forwarding->nodeName())
        return false;
    if (ownerIsGone(*owner)) {
        // Its lease runs out within cluster.leaseMs; then a survivor owns the call.
        reply.error(ErrorCode::Unavailable,
                    "the server that holds this call is gone; another takes it over within "
                    "seconds: try again");
        return true;
    }
    std::string paramsText;
    protocol::appendFieldLines(paramsText, params);
    const ForwardedRequest request{client.account(),    client.deviceId(),
                                   client.clientType(), reply.handOff(),
                                   Req::kMethod,        ForwardedRequest::Form::Fields,
                                   paramsText};
    m_forwarding->forwardCallRequest(*owner, request);
    return true;
}

template bool CallManager::forwarded(const ClientConnection &, const std::string &,
                                     const protocol::CallRespond &, Responder &);
template bool CallManager::forwarded(const ClientConnection &, const std::string &,
                                     const protocol::CallCancel &, Responder &);
template bool CallManager::forwarded(const ClientConnection &, const std::string &,
                                     const protocol::CallHangup &, Responder &);
template bool CallManager::forwarded(const ClientConnection &, const std::string &,
                                     const protocol::CallCurrent &, Responder &);
template bool CallManager::forwarded(const ClientConnection &, const std::string &,
                                     const protocol::RoomJoin &, Responder &);
template bool CallManager::forwarded(const ClientConnection &, const std::string &,
                                     const protocol::RoomLeave &, Responder &);
template bool CallManager::forwarded(const ClientConnection &, const std::string &,
                                     const protocol::RtcSdp &, Responder &);
template bool CallManager::forwarded(const ClientConnection &, const std::string &,
                                     const protocol::RtcIce &, Responder &);

namespace {

// The params read as the form they came in: JSON parsed by the caller, or field lines.
template<class Req>
void run(CallManager &calls, const CallDevice &device, const ForwardedRequest &request,
         const nlohmann::json &jsonParams, Responder reply,
         void (CallManager::*handler)(const CallDevice &, const Req &, Responder))
{
    auto decoded = request.form == ForwardedRequest::Form::Fields
                       ? protocol::fromFieldLines<Req>(request.params)
                       : protocol::decodeParams<Req>(jsonParams);
    if (!decoded) {
        reply.error(ErrorCode::InvalidParams, decoded.error().message());
        return;
    }
    (calls.*handler)(device, *decoded, std::move(reply));
}

}  // namespace

void CallManager::onForwardedRequest(const ForwardedRequest &request)
{
    const CallDevice device{std::string(request.account), std::string(request.device),
                            std::string(request.clientType)};
    Responder reply(
        [this, account = device.account, deviceId = device.deviceId](const std::string &text) {
            m_context.sessions.sendToDevice(account, deviceId, text);
        },
        request.id);
    // JSON is bounded by the node that took it from its client, and in nesting here as a
    // client's is.
    nlohmann::json jsonParams;
    if (request.form == ForwardedRequest::Form::Json) {
        auto parsed = protocol::parseJsonText(request.params, request.params.size());
        if (!parsed) {
            reply.error(ErrorCode::InvalidParams, parsed.error().message());
            return;
        }
        jsonParams = std::move(*parsed);
    }
    const std::string_view method = request.method;
    qCDebug(lcCall) << "forwarded" << std::string(method).c_str() << "from"
                    << device.account.c_str();
    if (method == protocol::CallRespond::kMethod)
        run(*this, device, request, jsonParams, std::move(reply), &CallManager::respond);
    else if (method == protocol::CallCancel::kMethod)
        run(*this, device, request, jsonParams, std::move(reply), &CallManager::cancel);
    else if (method == protocol::CallHangup::kMethod)
        run(*this, device, request, jsonParams, std::move(reply), &CallManager::hangup);
    else if (method == protocol::CallCurrent::kMethod)
        run(*this, device, request, jsonParams, std::move(reply), &CallManager::current);
    else if (method == protocol::RoomJoin::kMethod)
        run(*this, device, request, jsonParams, std::move(reply), &CallManager::joinRoom);
    else if (method == protocol::RoomLeave::kMethod)
        run(*this, device, request, jsonParams, std::move(reply), &CallManager::leaveRoom);
    else if (method == protocol::RtcSdp::kMethod)
        run(*this, device, request, jsonParams, std::move(reply), &CallManager::relaySdp);
    else if (method == protocol::RtcIce::kMethod)
        run(*this, device, request, jsonParams, std::move(reply), &CallManager::relayIce);
    else
        reply.error(ErrorCode::UnknownMethod, "no such call request: " + std::string(method));
}

}  // namespace softphone::server
