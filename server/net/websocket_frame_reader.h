#pragma once

#include "net/websocket_opcode.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace softphone::server {

// What the client said: a whole message, a control frame, or why its bytes are not WebSocket.
struct WebSocketEvent
{
    enum class Kind { None, Text, Binary, Ping, Pong, Close, Failure };

    Kind kind = Kind::None;
    // Text and Binary: the message; Ping and Pong: their data; Close and Failure: the reason.
    std::string_view payload;
    // Close: the client's code (1005 when it gave none); Failure: the code to close with.
    int closeCode = 0;
};

// Reads a client's frames (RFC 6455 §5) straight from the bytes of its connection, in UTF-8
// as they came: frames must be masked, fragments are joined, control frames are checked, text
// must be UTF-8. A frame's size is checked on its header, before any of its payload is kept:
// a message over `maxMessageBytes` fails with 1009 however much of it has arrived.
class WebSocketFrameReader
{
public:
    explicit WebSocketFrameReader(std::size_t maxMessageBytes)
        : m_maxMessageBytes(maxMessageBytes)
    {}

    // Takes bytes received. They stay the caller's, and writable, until next() returns None:
    // payloads are unmasked in place and events point into them. Only what is left of an
    // unfinished frame is copied.
    void receive(char *data, std::size_t size);

    // The next message or control frame, or None once more bytes are needed. Its payload stays
    // valid until the next call. After a Close or a Failure there is nothing more to read.
    WebSocketEvent next();

    // Held between receives: the start of a frame, the fragments of a message.
    std::size_t bufferedBytes() const { return m_pending.size() + m_message.size(); }
    bool isFinished() const { return m_finished; }

private:
    struct Header
    {
        bool fin = false;
        std::uint8_t reserved = 0;
        std::uint8_t opcode = 0;
        bool masked = false;
        std::uint64_t length = 0;
        std::size_t bytes = 0;  // of the header itself
        unsigned char key[4] = {};
    };

    static bool readHeader(const char *data, std::size_t size, Header &header);
    const char *refusal(const Header &header) const;  // why the header is refused, or null
    WebSocketEvent control(WebSocketOpcode opcode, std::string_view payload);
    WebSocketEvent message(WebSocketOpcode opcode, std::string_view payload);
    WebSocketEvent fail(int code, const char *reason);
    void keepRest();

    std::size_t m_maxMessageBytes;
    char *m_input = nullptr;  // what is being read: the caller's bytes or m_pending
    std::size_t m_size = 0;
    std::size_t m_position = 0;
    std::string m_pending;  // an unfinished frame, kept across receives
    std::string m_message;  // the fragments of an unfinished message
    WebSocketOpcode m_messageOpcode = WebSocketOpcode::Text;
    bool m_inMessage = false;
    bool m_messageDelivered = false;  // m_message was handed out and is freed on the next call
    bool m_finished = false;
};

}  // namespace softphone::server
