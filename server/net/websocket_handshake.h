#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <cstddef>

namespace softphone::server {

// The server's half of the WebSocket opening handshake (RFC 6455 §4.2): reads the client's
// HTTP/1.1 Upgrade request and writes the answer, 101 or an HTTP error that says what is
// wrong. Bytes in, bytes out; the connection decides what to do with them.
class WebSocketHandshake
{
public:
    enum class Outcome { Incomplete, Upgrade, Refuse };

    static constexpr std::size_t kMaxRequestBytes = 16 * 1024;

    explicit WebSocketHandshake(std::size_t maxRequestBytes = kMaxRequestBytes)
        : m_maxRequestBytes(maxRequestBytes)
    {}

    // Reads the request at the start of `received`, everything the client sent so far.
    // Incomplete until the blank line that ends its head, Refuse when it is over the size
    // limit or not a valid WebSocket request, else Upgrade.
    Outcome read(QByteArrayView received);

    // After Upgrade: the request head's size (what follows it is frames) and its Origin,
    // empty when the client sent none, as native clients do.
    std::size_t requestBytes() const { return m_requestBytes; }
    const QByteArray &origin() const { return m_origin; }

    // Turns an Upgrade into a refusal: the request is valid, the server does not want it.
    void refuse(int status, const char *reason);

    // The answer to write: 101 Switching Protocols, or the refusal.
    QByteArray response() const;

    // Sec-WebSocket-Accept for a Sec-WebSocket-Key (RFC 6455 §4.2.2): base64 of SHA-1.
    static QByteArray acceptKey(QByteArrayView key);

private:
    Outcome parse(QByteArrayView head);
    Outcome refused(int status, const char *reason);

    std::size_t m_maxRequestBytes;
    std::size_t m_requestBytes = 0;
    QByteArray m_key;
    QByteArray m_origin;
    int m_status = 0;
    const char *m_reason = "";
};

}  // namespace softphone::server
