// The server's WebSocket connections over real TCP sockets, with a client of plain system calls
// (nothing of Qt on the client side, so that the server's own memory can be counted): what an
// idle connection keeps, and what is written when the kernel does not take it all at once.

#include "net/websocket_connection.h"
#include "net/websocket_listener.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTest>
#include <algorithm>
#include <arpa/inet.h>
#include <cstdint>
#include <malloc.h>
#include <memory>
#include <netinet/in.h>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using softphone::server::WebSocketConnection;
using softphone::server::WebSocketListener;

namespace {

// Sends every text it is given back, as the server's connections answer requests.
class Echo : public WebSocketConnection::Receiver
{
public:
    explicit Echo(WebSocketConnection *connection)
        : m_connection(connection)
    {
        m_connection->setReceiver(this);
    }
    void onText(std::string_view utf8) override { m_connection->sendTexts({std::string(utf8)}); }
    void onBinary() override {}
    void onDisconnected() override { ended = true; }
    WebSocketConnection &connection() { return *m_connection; }
    bool ended = false;

private:
    WebSocketConnection *m_connection;
};

class Client
{
public:
    explicit Client(quint16 port)
        : m_fd(::socket(AF_INET, SOCK_STREAM, 0))
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    }
    ~Client() { ::close(m_fd); }
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    bool handshake()
    {
        const std::string request = "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                                    "Connection: Upgrade\r\n"
                                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                    "Sec-WebSocket-Version: 13\r\n\r\n";
        if (!m_connected || !sendAll(request))
            return false;
        if (!receiveUntil([this] { return m_received.find("\r\n\r\n") != std::string::npos; }))
            return false;
        const bool upgraded = m_received.starts_with("HTTP/1.1 101");
        m_received.erase(0, m_received.find("\r\n\r\n") + 4);
        return upgraded;
    }

    bool sendText(const std::string &text)
    {
        std::string frame(1, char(0x81));
        if (text.size() < 126) {
            frame += char(0x80 | text.size());
        } else if (text.size() <= 0xffff) {
            frame += char(0x80 | 126);
            frame += char(text.size() >> 8);
            frame += char(text.size() & 0xff);
        } else {
            frame += char(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8)
                frame += char((std::uint64_t(text.size()) >> shift) & 0xff);
        }
        const char mask[4] = {0x12, 0x34, 0x56, 0x78};
        frame.append(mask, 4);
        for (std::size_t i = 0; i < text.size(); ++i)
            frame += char(text[i] ^ mask[i % 4]);
        return sendAll(frame);
    }

    // The next text frame the server sent, or nothing.
    std::optional<std::string> receiveText(int timeoutMs = 10000)
    {
        std::optional<std::string> text;
        receiveUntil([&] { return (text = takeFrame()).has_value(); }, timeoutMs);
        return text;
    }

    // Takes up to `bytes` from the socket without letting the server run meanwhile: room in
    // the kernel's buffers that the server finds only on its next turn.
    void drain(std::size_t bytes)
    {
        char buffer[65536];
        for (std::size_t taken = 0; taken < bytes;) {
            pollfd readable{m_fd, POLLIN, 0};
            if (::poll(&readable, 1, 100) <= 0)
                return;
            const ssize_t n = ::recv(m_fd, buffer, std::min(sizeof buffer, bytes - taken), 0);
            if (n <= 0)
                return;
            m_received.append(buffer, std::size_t(n));
            taken += std::size_t(n);
        }
    }

private:
    bool sendAll(const std::string &bytes)
    {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_DONTWAIT);
            if (n > 0)
                sent += std::size_t(n);
            else if (errno != EAGAIN && errno != EWOULDBLOCK)
                return false;
            QCoreApplication::processEvents();  // the server reads meanwhile
        }
        return true;
    }

    template<class Done>
    bool receiveUntil(Done done, int timeoutMs = 10000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!done()) {
            if (deadline.hasExpired())
                return false;
            QCoreApplication::processEvents();
            pollfd readable{m_fd, POLLIN, 0};
            if (::poll(&readable, 1, 1) <= 0)
                continue;
            char buffer[65536];
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n == 0)
                return false;
            if (n > 0)
                m_received.append(buffer, std::size_t(n));
        }
        return true;
    }

    std::optional<std::string> takeFrame()
    {
        if (m_received.size() < 2)
            return std::nullopt;
        std::size_t length = std::uint8_t(m_received[1]) & 0x7f;
        std::size_t header = 2;
        if (length == 126 || length == 127) {
            const std::size_t bytes = length == 126 ? 2 : 8;
            if (m_received.size() < 2 + bytes)
                return std::nullopt;
            length = 0;
            for (std::size_t i = 0; i < bytes; ++i)
                length = (length << 8) | std::uint8_t(m_received[2 + i]);
            header += bytes;
        }
        if (m_received.size() < header + length)
            return std::nullopt;
        std::string text = m_received.substr(header, length);
        m_received.erase(0, header + length);
        return text;
    }

    int m_fd;
    bool m_connected = false;
    std::string m_received;
};

std::size_t heapInUse()
{
    return mallinfo2().uordblks;
}

}  // namespace

class TestWebSocketConnection : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_listener = std::make_unique<WebSocketListener>(64 * 1024 * 1024);
        connect(m_listener.get(), &WebSocketListener::connectionOpened, this,
                [this](WebSocketConnection *connection) {
                    m_echoes.push_back(std::make_unique<Echo>(connection));
                });
        QVERIFY(m_listener->listen(QHostAddress::LocalHost));
    }

    void cleanup()
    {
        m_listener.reset();  // and the connections with it
        m_echoes.clear();
    }

    // Through QAbstractSocket every connection kept a 16 KiB read block and a 32 KiB write
    // block once it had read and written anything: 54 KiB of heap per idle connection.
    void anIdleConnectionKeepsNoSocketBuffers()
    {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("the sanitizer's allocator does not count the heap in use");
#endif
        constexpr int kClients = 100;
        std::vector<std::unique_ptr<Client>> clients;
        // One first, so that what the listener sets up once is not counted.
        clients.push_back(std::make_unique<Client>(m_listener->serverPort()));
        QVERIFY(clients.back()->handshake());
        QVERIFY(clients.back()->sendText("warm up"));
        QCOMPARE(clients.back()->receiveText(), std::optional<std::string>("warm up"));

        const std::size_t before = heapInUse();
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<Client>(m_listener->serverPort()));
            QVERIFY(clients.back()->handshake());
            const std::string text = "request " + std::to_string(i);
            QVERIFY(clients.back()->sendText(text));
            QCOMPARE(clients.back()->receiveText(), std::optional<std::string>(text));
        }
        QCoreApplication::processEvents();
        const std::size_t perConnection = (heapInUse() - before) / kClients;
        qInfo("heap in use per idle connection: %zu bytes", perConnection);
        QCOMPARE_LT(perConnection, std::size_t(8 * 1024));
        QCOMPARE(m_echoes.size(), std::size_t(kClients + 1));
    }

    // A client that does not read yet: the kernel takes part of a large frame, Qt keeps the rest,
    // and what is said after it must wait behind it.
    void whatTheKernelDoesNotTakeIsSentLaterInOrder()
    {
        Client client(m_listener->serverPort());
        QVERIFY(client.handshake());
        // More than a loopback socket's buffers at both ends hold.
        std::string large(24 * 1024 * 1024, 'x');
        for (std::size_t i = 0; i < large.size(); i += 4096)
            large[i] = char('a' + (i / 4096) % 26);
        QVERIFY(client.sendText(large));
        QCOMPARE(m_echoes.size(), std::size_t(1));
        QTRY_VERIFY(m_echoes.front()->connection().bytesToWrite() > 0);  // Qt holds the rest
        // Room in the kernel, and a request, both found in the server's next turn: the answer
        // must still wait behind what Qt holds.
        client.drain(2 * 1024 * 1024);
        QVERIFY(client.sendText("after"));
        QCOMPARE(client.receiveText(), std::optional<std::string>(large));
        QCOMPARE(client.receiveText(), std::optional<std::string>("after"));
    }

    void aClientThatGoesIsNoticed()
    {
        {
            Client client(m_listener->serverPort());
            QVERIFY(client.handshake());
            QVERIFY(client.sendText("hello"));
            QCOMPARE(client.receiveText(), std::optional<std::string>("hello"));
        }
        QCOMPARE(m_echoes.size(), std::size_t(1));
        QTRY_VERIFY(m_echoes.front()->ended);
    }

private:
    std::unique_ptr<WebSocketListener> m_listener;
    std::vector<std::unique_ptr<Echo>> m_echoes;
};

QTEST_GUILESS_MAIN(TestWebSocketConnection)
#include "tst_websocket_connection.moc"
