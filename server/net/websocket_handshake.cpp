#include "net/websocket_handshake.h"

#include <QCryptographicHash>

namespace softphone::server {

namespace {

// RFC 6455 §1.3: appended to the client's key before hashing.
constexpr char kAcceptGuid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

const char *statusText(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 426:
        return "Upgrade Required";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

// True when the comma-separated `list` holds `token`, compared without letter case.
bool hasToken(QByteArrayView list, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= list.size()) {
        qsizetype end = list.indexOf(',', start);
        if (end < 0)
            end = list.size();
        if (list.sliced(start, end - start).trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
        start = end + 1;
    }
    return false;
}

bool isKey(QByteArrayView value)
{
    const auto decoded = QByteArray::fromBase64Encoding(value.toByteArray(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    return decoded && decoded.decoded.size() == 16;
}

}  // namespace

WebSocketHandshake::Outcome WebSocketHandshake::read(QByteArrayView received)
{
    const QByteArrayView searched =
        received.first(qMin(received.size(), qsizetype(m_maxRequestBytes)));
    const qsizetype end = searched.indexOf("\r\n\r\n");
    if (end < 0) {
        if (received.size() >= qsizetype(m_maxRequestBytes))
            return refused(431, "the request's head is over 16 KiB");
        return Outcome::Incomplete;
    }
    m_requestBytes = std::size_t(end + 4);
    return parse(received.first(end + 2));  // each line with its CRLF
}

WebSocketHandshake::Outcome WebSocketHandshake::parse(QByteArrayView head)
{
    qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArrayView requestLine = head.first(lineEnd);
    const qsizetype methodEnd = requestLine.indexOf(' ');
    const qsizetype targetEnd = requestLine.lastIndexOf(' ');
    if (methodEnd <= 0 || targetEnd <= methodEnd + 1)
        return refused(400, "not an HTTP request");
    if (requestLine.first(methodEnd) != "GET")
        return refused(405, "a WebSocket handshake is a GET request");
    if (requestLine.sliced(targetEnd + 1) != "HTTP/1.1")
        return refused(400, "a WebSocket handshake is an HTTP/1.1 request");

    bool host = false;
    QByteArrayView upgrade, connection, version;
    int keys = 0;
    for (qsizetype start = lineEnd + 2; start < head.size(); start = lineEnd + 2) {
        lineEnd = head.indexOf("\r\n", start);
        const QByteArrayView line = head.sliced(start, lineEnd - start);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.front() == ' ' || line.front() == '\t')
            return refused(400, "a header line is malformed");
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        const auto is = [&name](const char *wanted) {
            return name.compare(QByteArrayView(wanted), Qt::CaseInsensitive) == 0;
        };
        if (is("Host")) {
            host = true;
        } else if (is("Upgrade")) {
            upgrade = value;
        } else if (is("Connection")) {
            connection = value;
        } else if (is("Sec-WebSocket-Version")) {
            version = value;
        } else if (is("Sec-WebSocket-Key")) {
            m_key = value.toByteArray();
            ++keys;
        } else if (is("Origin")) {
            m_origin = value.toByteArray();
        }
    }
    if (!hasToken(upgrade, "websocket") || !hasToken(connection, "upgrade"))
        return refused(426, "this address speaks WebSocket only");
    if (version != "13")
        return refused(426, "only WebSocket version 13 is spoken here");
    if (!host)
        return refused(400, "the request has no Host header");
    if (keys != 1 || !isKey(m_key))
        return refused(400, "Sec-WebSocket-Key must be 16 bytes in base64, given once");
    return Outcome::Upgrade;
}

WebSocketHandshake::Outcome WebSocketHandshake::refused(int status, const char *reason)
{
    refuse(status, reason);
    return Outcome::Refuse;
}

void WebSocketHandshake::refuse(int status, const char *reason)
{
    m_status = status;
    m_reason = reason;
}

QByteArray WebSocketHandshake::response() const
{
    if (m_status == 0) {
        return "HTTP/1.1 101 Switching Protocols\r\n"
               "Upgrade: websocket\r\n"
               "Connection: Upgrade\r\n"
               "Sec-WebSocket-Accept: " +
               acceptKey(m_key) + "\r\n\r\n";
    }
    const QByteArray body = QByteArray(m_reason) + '\n';
    QByteArray response =
        "HTTP/1.1 " + QByteArray::number(m_status) + ' ' + statusText(m_status) + "\r\n";
    if (m_status == 426)
        response += "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n";
    response += "Content-Type: text/plain; charset=utf-8\r\n"
                "Content-Length: " +
                QByteArray::number(body.size()) +
                "\r\n"
                "Connection: close\r\n\r\n" +
                body;
    return response;
}

QByteArray WebSocketHandshake::acceptKey(QByteArrayView key)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(key);
    sha1.addData(QByteArrayView(kAcceptGuid));
    return sha1.result().toBase64();
}

}  // namespace softphone::server
