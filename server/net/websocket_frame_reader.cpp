#include "net/websocket_frame_reader.h"

#include "protocol/limits.h"

#include <algorithm>
#include <cstring>

namespace softphone::server {

namespace {

constexpr std::size_t kMaxControlPayload = 125;
constexpr int kProtocolError = 1002;
constexpr int kNotUtf8 = 1007;
constexpr int kTooBig = 1009;
constexpr int kNoStatus = 1005;

bool isControl(std::uint8_t opcode)
{
    return (opcode & 0x8) != 0;
}

bool isKnown(std::uint8_t opcode)
{
    return opcode <= 0x2 || (opcode >= 0x8 && opcode <= 0xA);
}

// The codes a peer may send (RFC 6455 §7.4): 1004-1006 and 1015 are never sent on the wire,
// 1016-2999 are reserved, 3000-4999 belong to libraries and applications.
bool isSendableCloseCode(int code)
{
    if (code >= 3000 && code <= 4999)
        return true;
    return code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006;
}

void unmask(char *data, std::size_t size, const unsigned char key[4])
{
    unsigned char wide[8];
    for (int i = 0; i < 8; ++i)
        wide[i] = key[i % 4];
    std::uint64_t key8;
    std::memcpy(&key8, wide, 8);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, data + i, 8);
        word ^= key8;
        std::memcpy(data + i, &word, 8);
    }
    for (; i < size; ++i)
        data[i] = static_cast<char>(data[i] ^ key[i % 4]);
}

}  // namespace

void WebSocketFrameReader::receive(char *data, std::size_t size)
{
    if (m_finished || size == 0)
        return;
    if (m_pending.empty()) {
        m_input = data;
        m_size = size;
    } else {
        m_pending.append(data, size);
        m_input = m_pending.data();
        m_size = m_pending.size();
    }
    m_position = 0;
}

bool WebSocketFrameReader::readHeader(const char *data, std::size_t size, Header &header)
{
    if (size < 2)
        return false;
    const auto first = static_cast<unsigned char>(data[0]);
    const auto second = static_cast<unsigned char>(data[1]);
    header.fin = (first & 0x80) != 0;
    header.reserved = (first >> 4) & 0x7;
    header.opcode = first & 0x0F;
    header.masked = (second & 0x80) != 0;
    const unsigned shortLength = second & 0x7F;
    const std::size_t lengthBytes = shortLength == 127 ? 8 : shortLength == 126 ? 2 : 0;
    header.bytes = 2 + lengthBytes + (header.masked ? 4 : 0);
    if (size < 2 + lengthBytes)
        return false;
    header.length = lengthBytes == 0 ? shortLength : 0;
    for (std::size_t i = 0; i < lengthBytes; ++i)
        header.length = (header.length << 8) | static_cast<unsigned char>(data[2 + i]);
    if (size < header.bytes)
        return false;
    if (header.masked)
        std::memcpy(header.key, data + 2 + lengthBytes, 4);
    return true;
}

const char *WebSocketFrameReader::refusal(const Header &header) const
{
    if (header.reserved != 0)
        return "reserved bits set";
    if (!isKnown(header.opcode))
        return "reserved opcode";
    if (!header.masked)
        return "client frames must be masked";
    if (isControl(header.opcode)) {
        if (!header.fin)
            return "fragmented control frame";
        if (header.length > kMaxControlPayload)
            return "control frame over 125 bytes";
        return nullptr;
    }
    const bool continuation = header.opcode == std::uint8_t(WebSocketOpcode::Continuation);
    if (continuation && !m_inMessage)
        return "continuation with nothing to continue";
    if (!continuation && m_inMessage)
        return "new message inside a fragmented one";
    return nullptr;
}

WebSocketEvent WebSocketFrameReader::next()
{
    if (m_finished)
        return {};
    if (m_messageDelivered) {
        std::string().swap(m_message);
        m_messageDelivered = false;
    }
    for (;;) {
        Header header;
        const std::size_t available = m_size - m_position;
        if (!readHeader(m_input + m_position, available, header)) {
            keepRest();
            return {};
        }
        if (const char *reason = refusal(header))
            return fail(kProtocolError, reason);
        const std::size_t before = m_inMessage ? m_message.size() : 0;
        if (header.length > m_maxMessageBytes - std::min(before, m_maxMessageBytes))
            return fail(kTooBig, "message over four times the frame limit");
        const auto length = static_cast<std::size_t>(header.length);
        if (available - header.bytes < length) {
            keepRest();
            return {};
        }
        char *payload = m_input + m_position + header.bytes;
        m_position += header.bytes + length;
        unmask(payload, length, header.key);
        const std::string_view data(payload, length);
        const auto opcode = static_cast<WebSocketOpcode>(header.opcode);
        if (isControl(header.opcode))
            return control(opcode, data);
        if (opcode != WebSocketOpcode::Continuation && header.fin)
            return message(opcode, data);
        if (opcode != WebSocketOpcode::Continuation) {
            m_message.assign(data);
            m_messageOpcode = opcode;
            m_inMessage = true;
            continue;
        }
        m_message.append(data);
        if (!header.fin)
            continue;
        m_inMessage = false;
        m_messageDelivered = true;
        return message(m_messageOpcode, m_message);
    }
}

WebSocketEvent WebSocketFrameReader::message(WebSocketOpcode opcode, std::string_view payload)
{
    if (opcode == WebSocketOpcode::Binary)
        return {WebSocketEvent::Kind::Binary, payload};
    if (!protocol::isValidUtf8(payload))
        return fail(kNotUtf8, "text is not UTF-8");
    return {WebSocketEvent::Kind::Text, payload};
}

WebSocketEvent WebSocketFrameReader::control(WebSocketOpcode opcode, std::string_view payload)
{
    if (opcode == WebSocketOpcode::Ping)
        return {WebSocketEvent::Kind::Ping, payload};
    if (opcode == WebSocketOpcode::Pong)
        return {WebSocketEvent::Kind::Pong, payload};
    if (payload.empty()) {
        m_finished = true;
        return {WebSocketEvent::Kind::Close, {}, kNoStatus};
    }
    if (payload.size() == 1)
        return fail(kProtocolError, "close frame with half a code");
    const int code =
        (static_cast<unsigned char>(payload[0]) << 8) | static_cast<unsigned char>(payload[1]);
    if (!isSendableCloseCode(code))
        return fail(kProtocolError, "invalid close code");
    const std::string_view reason = payload.substr(2);
    if (!protocol::isValidUtf8(reason))
        return fail(kNotUtf8, "close reason is not UTF-8");
    m_finished = true;
    return {WebSocketEvent::Kind::Close, reason, code};
}

WebSocketEvent WebSocketFrameReader::fail(int code, const char *reason)
{
    m_finished = true;
    std::string().swap(m_pending);
    std::string().swap(m_message);
    m_input = nullptr;
    m_size = m_position = 0;
    return {WebSocketEvent::Kind::Failure, reason, code};
}

void WebSocketFrameReader::keepRest()
{
    const std::size_t rest = m_size - m_position;
    if (m_input != m_pending.data() || m_pending.empty())
        m_pending.assign(m_input + m_position, rest);
    else
        m_pending.erase(0, m_position);
    if (m_pending.empty())
        std::string().swap(m_pending);  // an idle connection holds no buffer
    m_input = m_pending.data();
    m_size = m_pending.size();
    m_position = 0;
}

}  // namespace softphone::server
