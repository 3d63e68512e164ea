#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QStringList>
#include <QTcpSocket>
#include <optional>

namespace softphone::test {

// A WebSocket client that writes its own bytes: frames masked or not, lengths that lie,
// fragments, control frames, partial headers. For the hostile-client suite, which must
// send what no well-behaved library would.
class RawWebSocket
{
public:
    enum Opcode : quint8 { Continuation = 0, Text = 1, Binary = 2, Close = 8, Ping = 9, Pong = 10 };

    // Connects from `from` (any address of 127.0.0.0/8 on Linux) and completes the handshake,
    // sending `origin` as Origin when given. False when either fails.
    bool open(quint16 port, const QHostAddress &from = QHostAddress::LocalHost,
              const QByteArray &origin = {});
    // The handshake's HTTP status line, e.g. "HTTP/1.1 101 Switching Protocols".
    QByteArray handshakeStatus() const { return m_status; }

    // One frame's bytes; `rsv` goes into the three reserved bits.
    static QByteArray frame(quint8 opcode, const QByteArray &payload, bool fin = true,
                            bool masked = true, quint8 rsv = 0);
    void sendFrame(Opcode opcode, const QByteArray &payload, bool fin = true, bool masked = true);
    void sendText(const QByteArray &utf8) { sendFrame(Text, utf8); }
    // A header announcing `length` bytes of payload, and none of the payload.
    void sendHeaderOnly(Opcode opcode, quint64 length);
    void sendBytes(const QByteArray &bytes);

    // The next text message from the server, or nothing after `timeoutMs`.
    std::optional<QByteArray> nextText(int timeoutMs = 5000);
    // Waits for the connection to end; the close code the server sent, 0 for none (a reset
    // or a plain TCP close), -1 when it is still open after `timeoutMs`.
    int waitClosed(int timeoutMs = 5000);
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    // Stops reading: what the server sends piles up in the kernel's buffers, then its own.
    void stopReading();
    void abort() { m_socket.abort(); }

private:
    bool readFrames();  // parses what has arrived; false on a close frame

    QTcpSocket m_socket;
    QByteArray m_status;
    QByteArray m_buffer;
    QList<QByteArray> m_texts;
    int m_closeCode = -1;
    bool m_reading = true;
};

}  // namespace softphone::test
