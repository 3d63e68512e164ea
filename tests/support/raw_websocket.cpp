#include "raw_websocket.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

namespace softphone::test {

bool RawWebSocket::open(quint16 port, const QHostAddress &from, const QByteArray &origin)
{
    if (from != QHostAddress::LocalHost && !m_socket.bind(from))
        return false;
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    if (!m_socket.waitForConnected(5000))
        return false;
    QByteArray key(16, '\0');
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(key.data()), 4);
    QByteArray request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                         "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: " +
                         key.toBase64() + "\r\nSec-WebSocket-Version: 13\r\n";
    if (!origin.isEmpty())
        request += "Origin: " + origin + "\r\n";
    m_socket.write(request + "\r\n");
    QByteArray response;
    const bool complete = QTest::qWaitFor(
        [&] {
            m_socket.waitForReadyRead(50);
            response += m_socket.readAll();
            return response.contains("\r\n\r\n") ||
                   m_socket.state() != QAbstractSocket::ConnectedState;
        },
        5000);
    const qsizetype end = response.indexOf("\r\n\r\n");
    m_status = response.left(response.indexOf("\r\n"));
    if (!complete || end < 0 || !m_status.contains(" 101 "))
        return false;
    m_buffer = response.mid(end + 4);
    return true;
}

QByteArray RawWebSocket::frame(quint8 opcode, const QByteArray &payload, bool fin, bool masked,
                               quint8 rsv)
{
    QByteArray frame;
    frame.append(char((fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0F)));
    const quint8 maskBit = masked ? 0x80 : 0;
    const quint64 length = quint64(payload.size());
    if (length < 126) {
        frame.append(char(maskBit | length));
    } else if (length <= 0xFFFF) {
        frame.append(char(maskBit | 126));
        quint16 big = qToBigEndian(quint16(length));
        frame.append(reinterpret_cast<const char *>(&big), 2);
    } else {
        frame.append(char(maskBit | 127));
        quint64 big = qToBigEndian(length);
        frame.append(reinterpret_cast<const char *>(&big), 8);
    }
    QByteArray body = payload;
    if (masked) {
        const quint32 mask = QRandomGenerator::global()->generate();
        const char *key = reinterpret_cast<const char *>(&mask);
        frame.append(key, 4);
        for (qsizetype i = 0; i < body.size(); ++i)
            body[i] = char(body[i] ^ key[i % 4]);
    }
    return frame + body;
}

void RawWebSocket::sendFrame(Opcode opcode, const QByteArray &payload, bool fin, bool masked)
{
    sendBytes(frame(opcode, payload, fin, masked));
}

void RawWebSocket::sendHeaderOnly(Opcode opcode, quint64 length)
{
    QByteArray frame;
    frame.append(char(0x80 | opcode));
    frame.append(char(0x80 | 127));
    quint64 big = qToBigEndian(length);
    frame.append(reinterpret_cast<const char *>(&big), 8);
    frame.append("\x01\x02\x03\x04", 4);
    m_socket.write(frame);
    m_socket.flush();
}

void RawWebSocket::sendBytes(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

void RawWebSocket::stopReading()
{
    m_reading = false;
    m_socket.setReadBufferSize(1);  // Qt then leaves what arrives in the kernel
}

bool RawWebSocket::readFrames()
{
    if (m_reading)
        m_buffer += m_socket.readAll();
    while (m_buffer.size() >= 2) {
        const quint8 opcode = quint8(m_buffer[0]) & 0x0F;
        quint64 length = quint8(m_buffer[1]) & 0x7F;
        qsizetype offset = 2;
        if (length == 126) {
            if (m_buffer.size() < 4)
                return true;
            length = qFromBigEndian<quint16>(m_buffer.constData() + 2);
            offset = 4;
        } else if (length == 127) {
            if (m_buffer.size() < 10)
                return true;
            length = qFromBigEndian<quint64>(m_buffer.constData() + 2);
            offset = 10;
        }
        if (quint64(m_buffer.size() - offset) < length)
            return true;
        const QByteArray payload = m_buffer.mid(offset, qsizetype(length));
        m_buffer.remove(0, offset + qsizetype(length));
        if (opcode == Text) {
            m_texts.append(payload);
        } else if (opcode == Close) {
            m_closeCode = payload.size() >= 2 ? qFromBigEndian<quint16>(payload.constData()) : 0;
            return false;
        }
    }
    return true;
}

std::optional<QByteArray> RawWebSocket::nextText(int timeoutMs)
{
    (void)QTest::qWaitFor(
        [&] {
            readFrames();
            return !m_texts.isEmpty() || m_closeCode >= 0 ||
                   m_socket.state() != QAbstractSocket::ConnectedState;
        },
        timeoutMs);
    readFrames();
    if (m_texts.isEmpty())
        return std::nullopt;
    return m_texts.takeFirst();
}

int RawWebSocket::waitClosed(int timeoutMs)
{
    const bool closed = QTest::qWaitFor(
        [&] {
            readFrames();
            return m_socket.state() != QAbstractSocket::ConnectedState;
        },
        timeoutMs);
    readFrames();
    if (!closed && m_closeCode < 0)
        return -1;
    if (!closed)
        m_socket.abort();  // the server said why; it need not wait for our half of the close
    return std::max(0, m_closeCode);
}

}  // namespace softphone::test
