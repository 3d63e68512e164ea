#include "cluster/cluster_node.h"

#include "cluster/request_envelope.h"
#include "logging.h"
#include "net/client_connection.h"
#include "net/output_gate.h"
#include "net/session_registry.h"
#include "protocol/close_code.h"
#include "protocol/field_lines.h"
#include "protocol/text_lines.h"
#include "server_config.h"

#include <QUuid>
#include <algorithm>
#include <charconv>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

namespace softphone::server {

using nlohmann::json;
using protocol::readDecimal;
using protocol::takeLine;

namespace {

const std::string kBeatSubject = "softphone.cluster.beat";
const std::string kNodeSubjectPrefix = "softphone.cluster.node.";

// What goes between nodes. The first byte says what it is; a frame for an account's
// devices stays as the client will read it, everything else is JSON.
constexpr char kFrame = 'F';        // for an account's devices: F, account, device left out
constexpr char kDeviceFrame = 'V';  // for one device: V, account, device
// A request about a call this node owns: kRequestJsonKind, kRequestLinesKind, kRequestFieldsKind
// (request_envelope.h).
constexpr char kPartyDevice = 'N';  // a device of a party of a call this node owns came or went
constexpr char kDevices = 'D';
constexpr char kDirectory = 'S';
constexpr char kBarrier = 'B';     // answer once everything sent before it is applied
constexpr char kBarrierAck = 'K';  // the answer
// Frames sent for an account's devices (or one device: C, account, device) told of writes whose
// commit failed: the devices are closed, to reconnect and resynchronise, as this node's are.
constexpr char kStorageFailed = 'C';
// The sender owns a call whose ring follows (JSON, so that a node of an older version, which
// reads the ring as any frame, passes over it).
constexpr char kCallOwner = 'O';
// What the nodes' beats say they read ("protocol"): 1 (no number) all of the above; 2 also the
// two below; 3 also a request about a call in lines (R, request_envelope.h); 4 also one whose
// params are field lines (P).
constexpr int kProtocol = 4;
// Several messages for one node, sent in one turn: M, then each as its length in decimal, a
// newline and the message.
constexpr char kBatch = 'M';
// The call owner's notice as lines (W, node, run, cid): no JSON document to build and read for
// every call that rings on another node.
constexpr char kCallOwnerLines = 'W';
constexpr std::size_t kDepartedKept = 1024;  // runs of nodes that left, remembered

json devicesJson(const std::vector<ClientConnection *> &connections)
{
    json list = json::array();
    for (const ClientConnection *connection : connections)
        list.push_back({connection->deviceId(), connection->clientType()});
    return list;
}

// The three parts of a message that is lines after its kind: two lines, then the rest.
struct ThreeParts
{
    std::string_view first;
    std::string_view second;
    std::string_view rest;
};

std::optional<ThreeParts> threePartsOf(std::string_view data)
{
    data.remove_prefix(2);  // the kind and its newline
    const auto first = takeLine(data);
    const auto second = first ? takeLine(data) : std::nullopt;
    if (!second)
        return std::nullopt;
    return ThreeParts{*first, *second, data};
}

// Where a frame for devices goes: F or V, account, device (an F's is the device left out), then
// the frame's text, each after a newline.
struct FrameAddress
{
    std::string_view account;
    std::string_view device;
    std::string_view text;
};

std::optional<FrameAddress> addressOf(std::string_view data)
{
    const auto parts = threePartsOf(data);
    if (!parts)
        return std::nullopt;
    return FrameAddress{parts->first, parts->second, parts->rest};
}

std::vector<RemoteDevice> devicesFrom(const json &list)
{
    std::vector<RemoteDevice> devices;
    for (const json &device : list)
        devices.push_back({device.at(0).get<std::string>(), device.at(1).get<std::string>()});
    return devices;
}

}  // namespace

ClusterNode::ClusterNode(const ClusterSettings &settings, SessionRegistry &sessions,
                         platform::Clock &clock, OutputGate &gate, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_sessions(sessions)
    , m_clock(clock)
    , m_gate(gate)
    , m_name(settings.node.toStdString())
    , m_boot(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString())
    , m_directory(kSilenceLimitMs)
{
    connect(&m_link, &NatsLink::received, this, &ClusterNode::onReceived);
}

ClusterNode::~ClusterNode()
{
    m_sessions.setRemote(nullptr);
    m_clock.cancelTimer(m_beatTimer);
    m_clock.cancelTimer(m_openBarrierTimer);
    for (const auto &[token, timer] : m_barrierLimits)
        m_clock.cancelTimer(timer);
}

QString ClusterNode::start()
{
    QString error = m_link.connectTo(m_settings.natsUrls, m_settings.node);
    if (error.isEmpty())
        error = m_link.subscribe(kBeatSubject);
    if (error.isEmpty())
        error = m_link.subscribe(nodeSubject(m_name));
    if (!error.isEmpty())
        return error;
    m_sessions.setRemote(this);
    beat();
    return {};
}

std::string ClusterNode::nodeSubject(const std::string &node)
{
    return kNodeSubjectPrefix + node;
}

void ClusterNode::beat()
{
    m_link.publish(kBeatSubject,
                   json{{"node", m_name}, {"boot", m_boot}, {"protocol", kProtocol}}.dump());
    for (const auto &node : m_directory.silentNodes(m_clock.nowMs()))
        lose(node);
    m_beatTimer = m_clock.startTimer(kBeatMs, [this] { beat(); });
}

void ClusterNode::lose(const std::string &node)
{
    m_sessions.changeRemote(m_directory.accountsOf(node), [&] { m_directory.forget(node); });
    m_lost.insert(node);
    m_protocolOf.erase(node);
    m_barrier.nodeGone(node);
    emit nodeLost(QString::fromStdString(node));
}

void ClusterNode::leave()
{
    flushOutbox();
    m_leaving = true;
    m_clock.cancelTimer(m_beatTimer);
    m_link.publish(kBeatSubject,
                   json{{"node", m_name}, {"boot", m_boot}, {"leaving", true}}.dump());
    if (!m_link.flush(1000))
        qCWarning(lcServer) << "the other nodes may not have heard that this node is leaving";
}

void ClusterNode::catchUp()
{
    if (!m_link.catchUp(1000))
        qCWarning(lcServer) << "NATS did not answer; this node may not know every node that left";
}

void ClusterNode::onReceived(std::string_view subject, std::string_view data)
{
    if (subject == kBeatSubject)
        onBeat(data);
    else
        onDirect(data);
}

void ClusterNode::onBeat(std::string_view data)
{
    const json beat = json::parse(data.begin(), data.end(), nullptr, false);
    if (!beat.is_object() || !beat.contains("node") || !beat.contains("boot"))
        return;
    const std::string node = beat.value("node", std::string());
    if (node == m_name)
        return;
    // A node that stops hands its calls over: it is gone now, not after its silence.
    if (beat.value("leaving", false)) {
        const std::string boot = beat.value("boot", std::string());
        if (m_departed.size() > kDepartedKept)
            m_departed.clear();
        m_departed.insert(boot);
        if (m_directory.isKnown(node, boot))
            lose(node);
        return;
    }
    if (!heard(node, beat.value("boot", std::string())))
        return;
    // An older version's beat has no number; a damaged one counts as the oldest.
    const json protocol = beat.value("protocol", json(1));
    m_protocolOf[node] = protocol.is_number_integer() ? protocol.get<int>() : 1;
}

// NATS keeps order within a subject only: what a node sent this one before it left can arrive
// after its "leaving" beat, and must not bring it back. False for such a run.
bool ClusterNode::heard(const std::string &node, const std::string &boot)
{
    if (m_departed.contains(boot))
        return false;
    auto heard = m_directory.heard(node, boot, m_clock.nowMs());
    if (heard == NodeDirectory::Heard::Known)
        return true;
    m_lost.erase(node);
    if (heard == NodeDirectory::Heard::Restarted) {
        // What the node held before it restarted is gone with that run.
        m_sessions.changeRemote(m_directory.accountsOf(node), [&] { m_directory.forget(node); });
        m_directory.heard(node, boot, m_clock.nowMs());
    }
    sendDirectory(node);
    emit nodeJoined(QString::fromStdString(node));
    return true;
}

void ClusterNode::onDirect(std::string_view data)
{
    if (data.size() < 2)
        return;
    if (data[0] == kFrame || data[0] == kDeviceFrame) {
        onFrame(data);
        return;
    }
    if (data[0] == kBatch) {
        onBatch(data);
        return;
    }
    if (data[0] == kRequestLinesKind || data[0] == kRequestFieldsKind) {
        if (const auto request = requestFromLines(data))
            emit callRequestReceived(*request);
        return;
    }
    if (data[0] == kRequestJsonKind) {
        if (const auto read = RequestFromJson::read(data))
            emit callRequestReceived(read->request());
        return;
    }
    if (data[0] == kPartyDevice) {
        emit deviceChangeReceived(data.substr(2));
        return;
    }
    if (data[0] == kStorageFailed) {
        onStorageFailed(data);
        return;
    }
    if (data[0] == kCallOwnerLines) {
        onCallOwner(data);
        return;
    }
    const json message = json::parse(data.begin() + 2, data.end(), nullptr, false);
    if (!message.is_object())
        return;
    try {
        const std::string node = message.at("node").get<std::string>();
        if (!heard(node, message.at("boot").get<std::string>()))
            return;
        if (data[0] == kDevices) {
            const std::string account = message.at("account").get<std::string>();
            auto devices = devicesFrom(message.at("devices"));
            m_sessions.changeRemote(
                {account}, [&] { m_directory.setDevices(node, account, std::move(devices)); });
        } else if (data[0] == kBarrier) {
            json ack{{"node", m_name}, {"boot", m_boot}, {"token", message.at("token")}};
            sendTo(node, std::string(1, kBarrierAck) + '\n' + ack.dump());
        } else if (data[0] == kCallOwner) {
            emit callOwnerTold(message.at("cid").get<std::string>(), node);
        } else if (data[0] == kBarrierAck) {
            // Tokens are this node's counters; anything else acknowledges nothing (and a
            // float's cast to an integer would be undefined).
            const json &token = message.at("token");
            if (token.is_number_unsigned())
                m_barrier.acknowledged(token.get<std::uint64_t>(), node);
        } else if (data[0] == kDirectory) {
            DevicesByAccount all;
            for (const auto &[account, list] : message.at("accounts").items())
                all[account] = devicesFrom(list);
            std::vector<std::string> touched = m_directory.accountsOf(node);
            for (const auto &[account, list] : all)
                touched.push_back(account);
            m_sessions.changeRemote(touched, [&] { m_directory.replace(node, std::move(all)); });
        }
    } catch (const json::exception &) {
        // Another version's message, or a damaged one: nothing to apply.
    }
}

void ClusterNode::onBatch(std::string_view data)
{
    data.remove_prefix(2);
    while (!data.empty()) {
        const auto digits = takeLine(data);
        if (!digits)
            return;  // damaged: what follows cannot be told apart
        std::size_t length = 0;
        if (!readDecimal(*digits, length) || length > data.size())
            return;
        const std::string_view message = data.substr(0, length);
        data.remove_prefix(length);
        if (!message.empty() && message[0] != kBatch)
            onDirect(message);
    }
}

void ClusterNode::onCallOwner(std::string_view data)
{
    const auto parts = threePartsOf(data);  // node, run, cid
    if (!parts)
        return;
    const std::string node(parts->first);
    if (!heard(node, std::string(parts->second)))
        return;
    emit callOwnerTold(std::string(parts->rest), node);
}

bool ClusterNode::speaks(const std::string &node, int protocol) const
{
    const auto found = m_protocolOf.find(node);
    return found != m_protocolOf.end() && found->second >= protocol;
}

void ClusterNode::onFrame(std::string_view data)
{
    const auto address = addressOf(data);
    if (!address)
        return;
    const std::string account(address->account);
    if (data[0] == kFrame) {
        m_sessions.sendToLocalDevices(account, address->text, address->device);
    } else if (ClientConnection *connection =
                   m_sessions.device(account, std::string(address->device))) {
        connection->send(std::string(address->text));
    }
}

void ClusterNode::sendDirectory(const std::string &node)
{
    json accounts = json::object();
    for (const auto &account : m_sessions.localAccounts())
        accounts[account] = devicesJson(m_sessions.devices(account));
    json message{{"node", m_name}, {"boot", m_boot}, {"accounts", std::move(accounts)}};
    sendTo(node, std::string(1, kDirectory) + '\n' + message.dump());
}

void ClusterNode::sendTo(const std::string &node, std::string data)
{
    if (m_outbox.empty())
        m_outboxMark = m_gate.mark();
    auto entry = std::find_if(m_outbox.begin(), m_outbox.end(),
                              [&](const Outgoing &outgoing) { return outgoing.node == node; });
    if (entry == m_outbox.end())
        entry = m_outbox.insert(m_outbox.end(), {node, {}});
    entry->messages.push_back(std::move(data));
    if (m_flushPosted)
        return;
    m_flushPosted = true;
    QMetaObject::invokeMethod(this, &ClusterNode::flushOutbox, Qt::QueuedConnection);
}

// At the end of the turn, as a client connection's outbox: what a later turn sends cannot
// overtake what waits for an earlier commit.
void ClusterNode::flushOutbox()
{
    m_flushPosted = false;
    if (m_outbox.empty())
        return;
    // Shared: a std::function must be copyable.
    auto held = std::make_shared<std::vector<Outgoing>>(std::exchange(m_outbox, {}));
    if (!m_gate.holdUntilCommitted([this, held](bool durable) { publishHeld(*held, durable); },
                                   m_outboxMark))
        publishHeld(*held, true);
}

// NATS keeps order within a subject only, which is all the order there is to keep: each node's
// messages go in the order they were sent.
void ClusterNode::publishHeld(std::vector<Outgoing> &held, bool durable)
{
    for (Outgoing &outgoing : held) {
        if (!durable)
            tellStorageFailed(outgoing.messages);
        publish(outgoing.node, outgoing.messages);
    }
}

// The frames told of writes whose commit failed become notices that close their addressees: a
// frame for an account's devices, all of them (the device left out is the sender's); a frame
// for one device, that device. Each notice once.
void ClusterNode::tellStorageFailed(std::vector<std::string> &messages)
{
    std::vector<std::string> kept;
    std::set<std::string> told;
    for (std::string &message : messages) {
        const char kind = message.empty() ? '\0' : message[0];
        if (kind != kFrame && kind != kDeviceFrame) {
            kept.push_back(std::move(message));
            continue;
        }
        const auto address = addressOf(message);
        if (!address)
            continue;
        std::string notice = std::string(1, kStorageFailed) + '\n';
        notice += address->account;
        notice += '\n';
        if (kind == kDeviceFrame)
            notice += address->device;
        if (told.insert(notice).second)
            kept.push_back(std::move(notice));
    }
    messages = std::move(kept);
}

void ClusterNode::publish(const std::string &node, const std::vector<std::string> &messages)
{
    m_subject.assign(kNodeSubjectPrefix).append(node);
    if (messages.size() == 1 || !speaks(node, 2)) {
        for (const std::string &message : messages)
            m_link.publish(m_subject, message);
        return;
    }
    m_batch.assign(1, kBatch);
    m_batch += '\n';
    char length[24];
    for (const std::string &message : messages) {
        const auto written = std::to_chars(std::begin(length), std::end(length), message.size());
        m_batch.append(length, written.ptr);
        m_batch += '\n';
        m_batch += message;
    }
    m_link.publish(m_subject, m_batch);
}

void ClusterNode::onStorageFailed(std::string_view data)
{
    data.remove_prefix(2);  // the kind and its newline
    const auto accountLine = takeLine(data);
    if (!accountLine)
        return;
    const std::string account(*accountLine);
    const std::string_view device = data;
    std::vector<ClientConnection *> closing = m_sessions.devices(account);
    for (ClientConnection *connection : closing) {
        if (device.empty() || connection->deviceId() == device)
            connection->close(int(protocol::CloseCode::NotStored),
                              QStringLiteral("storage failure; reconnect"));
    }
}

bool ClusterNode::isOnline(const std::string &account) const
{
    return m_directory.isOnline(account);
}

std::set<std::string> ClusterNode::clientTypes(const std::string &account) const
{
    return m_directory.clientTypes(account);
}

namespace {

std::string frameFor(char kind, const std::string &account, const std::string &device,
                     const std::string &text)
{
    std::string data;
    data.reserve(text.size() + account.size() + device.size() + 4);
    data += kind;
    data += '\n';
    data += account;
    data += '\n';
    data += device;
    data += '\n';
    data += text;
    return data;
}

}  // namespace

void ClusterNode::sendToAccount(const std::string &account, const std::string &text,
                                const std::string &exceptDevice)
{
    const auto &nodes = m_directory.nodesOf(account);
    if (nodes.empty())
        return;
    const std::string data = frameFor(kFrame, account, exceptDevice, text);
    for (const auto &node : nodes)
        sendTo(node, data);
}

bool ClusterNode::sendToDevice(const std::string &account, const std::string &deviceId,
                               const std::string &text)
{
    const std::string node = m_directory.nodeOf(account, deviceId);
    if (node.empty())
        return false;
    sendTo(node, frameFor(kDeviceFrame, account, deviceId, text));
    return true;
}

bool ClusterNode::hasDevice(const std::string &account, const std::string &deviceId) const
{
    return !m_directory.nodeOf(account, deviceId).empty();
}

void ClusterNode::forwardCallRequest(const std::string &node, const ForwardedRequest &request)
{
    ForwardedRequest sent = request;
    std::optional<std::string> paramsAsJson;
    if (request.form == ForwardedRequest::Form::Fields && !speaks(node, 4)) {
        // An owner of an older version reads the params only as JSON.
        paramsAsJson = protocol::fieldLinesAsJson(request.params);
        if (!paramsAsJson) {
            qCWarning(lcServer) << "a forwarded request's params could not be written as JSON";
            return;
        }
        sent.form = ForwardedRequest::Form::Json;
        sent.params = *paramsAsJson;
    }
    sendTo(node, speaks(node, 3) ? requestAsLines(sent) : requestAsJson(sent));
}

void ClusterNode::ringElsewhere(const std::string &account, const std::string &cid,
                                const std::string &text)
{
    const auto &nodes = m_directory.nodesOf(account);
    if (nodes.empty())
        return;
    const std::string owner =
        std::string(1, kCallOwnerLines) + '\n' + m_name + '\n' + m_boot + '\n' + cid;
    const std::string ring = frameFor(kFrame, account, std::string(), text);
    std::string ownerAsJson;  // for nodes of an older version, made once if any
    for (const auto &node : nodes) {
        if (speaks(node, 2)) {
            sendTo(node, owner);
        } else {
            if (ownerAsJson.empty())
                ownerAsJson = std::string(1, kCallOwner) + '\n' +
                              json{{"node", m_name}, {"boot", m_boot}, {"cid", cid}}.dump();
            sendTo(node, ownerAsJson);
        }
        sendTo(node, ring);
    }
}

void ClusterNode::tellDeviceChange(const std::string &node, const std::string &notice)
{
    sendTo(node, std::string(1, kPartyDevice) + '\n' + notice);
}

std::vector<std::string> ClusterNode::nodesHolding(const std::string &account,
                                                   const std::string &deviceId) const
{
    return m_directory.nodesOf(account, deviceId);
}

void ClusterNode::localDevicesChanged(const std::string &account)
{
    if (m_leaving)
        return;  // the others have forgotten this node's devices already
    json message{{"node", m_name},
                 {"boot", m_boot},
                 {"account", account},
                 {"devices", devicesJson(m_sessions.devices(account))}};
    const std::string data = std::string(1, kDevices) + '\n' + message.dump();
    for (const auto &node : m_directory.nodes())
        sendTo(node, data);
}

void ClusterNode::whenPeersKnow(std::function<void()> then)
{
    // The logins of one event-loop turn share one barrier.
    if (m_waitingForBarrier.empty())
        m_openBarrierTimer = m_clock.startTimer(0, [this] { openBarrier(); });
    m_waitingForBarrier.push_back(std::move(then));
}

void ClusterNode::openBarrier()
{
    m_openBarrierTimer = 0;
    std::set<std::string> nodes;
    for (const auto &node : m_directory.nodes()) {
        if (!m_lost.contains(node))
            nodes.insert(node);
    }
    const std::uint64_t token = m_barrier.open(nodes, std::exchange(m_waitingForBarrier, {}));
    if (token == 0)
        return;
    const std::string data = std::string(1, kBarrier) + '\n' +
                             json{{"node", m_name}, {"boot", m_boot}, {"token", token}}.dump();
    for (const auto &node : nodes)
        sendTo(node, data);
    m_barrierLimits[token] = m_clock.startTimer(kBarrierLimitMs, [this, token] {
        m_barrierLimits.erase(token);
        m_barrier.expire(token);
    });
}

}  // namespace softphone::server
