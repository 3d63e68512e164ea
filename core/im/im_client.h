#pragma once

#include "im/local_store.h"
#include "im/rpc_channel.h"
#include "protocol/messages.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace softphone::im {

enum class ConnectionState {
    Offline,     // not asked to connect, or logged out
    Connecting,  // opening the socket or logging in
    Online,      // logged in and caught up
    Waiting,     // lost the connection; retrying after a back-off
};

struct Credentials
{
    QUrl server;
    QString account;
    QString password;  // for the first login
    QString token;     // for later ones; filled in after a password login
    QString deviceId;
    QString clientType = QStringLiteral("desktop");
    QList<QUrl> moreServers;  // other nodes of a cluster, tried in turn when one cannot be reached
};

// What the app, the CLI and the call controller need from an IM service.
class ImClient : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void start(const Credentials &credentials) = 0;  // connects, and keeps connected
    virtual void stop() = 0;
    virtual ConnectionState state() const = 0;
    virtual QString account() const = 0;
    virtual LocalStore *store() = 0;
    // While Waiting: how long until the next attempt to reconnect, in ms; else -1.
    virtual int reconnectInMs() const { return -1; }
    // The result of the latest login, for parts made after it (the server's switches).
    virtual std::optional<protocol::LoginResult> lastLogin() const { return std::nullopt; }
    // The call this device is in ("" none), said at every login so that the server ends at
    // once a call this client no longer holds (after a restart) instead of waiting for it.
    virtual void setHeldCall(const QString &cid) { Q_UNUSED(cid); }
    // The network under us may have changed (a call's media stopped arriving): asks the server
    // for a sign of life. `done(true)` if it answers within `timeoutMs`; otherwise the
    // connection is taken as dead, dropped and made again, and `done(false)`.
    virtual void checkConnection(int timeoutMs, std::function<void(bool alive)> done)
    {
        Q_UNUSED(timeoutMs);
        done(state() == ConnectionState::Online);
    }

    // Queues a message: stored locally at once as pending, sent now or after a reconnect,
    // resent with the same msgidClient until the server acknowledges it. Returns msgidClient.
    virtual QString sendMessage(const QString &to, protocol::MsgType type, const QString &body,
                                const QString &attach) = 0;
    // The user has seen the peer's messages: tells the peer (msg.receipt), now or once online.
    virtual void markRead(const QString &peer) { Q_UNUSED(peer); }
    // A request of the call signalling (or any method); `done` runs once.
    virtual void request(const std::string &method, const protocol::json &params,
                         RpcChannel::Callback done) = 0;

    // The server's history of a conversation, a page of `limit` before msgidServer `before`
    // (0: from the newest), oldest first; the seeds' getHistoryMsgs. The local store already
    // holds everything synced since this device's first login; this reads the server's copy.
    using HistoryCallback =
        std::function<void(std::optional<protocol::HistoryPage>, const protocol::ErrorBody &)>;
    void fetchHistory(const QString &peer, std::int64_t before, int limit, HistoryCallback done)
    {
        protocol::History params;
        params.peer = peer.toStdString();
        if (before > 0)
            params.before = before;
        params.limit = limit;
        call(params, std::move(done));
    }

    // A typed request: `done(std::optional<Req::Result>, const protocol::ErrorBody &)`.
    template<class Req, class F>
    void call(const Req &params, F &&done)
    {
        request(std::string(Req::kMethod), protocol::toJson(params),
                [done = std::forward<F>(done)](const RpcReply &reply) {
                    auto [result, error] = decodeReply<typename Req::Result>(reply);
                    done(std::move(result), error);
                });
    }

signals:
    void stateChanged(softphone::im::ConnectionState state);
    void loggedIn(const softphone::protocol::LoginResult &result);
    void loginFailed(int code, const QString &message);  // a final refusal: not retried
    void messageStored(const softphone::im::StoredMessage &message);  // new in the local store
    void messageSent(const QString &msgidClient);
    void messageFailed(const QString &msgidClient, int code, const QString &reason);
    void messageRemoved(qint64 localId);  // a pending message the server already had
    // Our messages to `peer` that a receipt made Delivered or Read.
    void deliveryChanged(const QString &peer, const QList<qint64> &localIds);
    void readElsewhere(const QString &peer);  // another of our devices read the peer's messages
    void eventReceived(const std::string &name, const softphone::protocol::json &data);
};

// The WebSocket implementation: reconnects with exponential back-off and jitter, logs in by
// token once it has one, catches up with msg.sync after every login, then resends whatever
// is still pending.
class WsImClient : public ImClient
{
    Q_OBJECT

public:
    // `storeDirectory`: where each account's local store lives (one SQLite file per account).
    explicit WsImClient(QString storeDirectory, QObject *parent = nullptr);
    ~WsImClient() override;

    void start(const Credentials &credentials) override;
    void stop() override;
    ConnectionState state() const override { return m_state; }
    QString account() const override { return m_credentials.account; }
    LocalStore *store() override { return m_store.get(); }
    const Credentials &credentials() const { return m_credentials; }
    int reconnectInMs() const override;
    std::optional<protocol::LoginResult> lastLogin() const override { return m_lastLogin; }
    void setHeldCall(const QString &cid) override { m_heldCall = cid; }
    void checkConnection(int timeoutMs, std::function<void(bool alive)> done) override;

    QString sendMessage(const QString &to, protocol::MsgType type, const QString &body,
                        const QString &attach) override;
    void request(const std::string &method, const protocol::json &params,
                 RpcChannel::Callback done) override;
    void markRead(const QString &peer) override;

    // Back-off bounds, adjustable for tests.
    void setBackoff(int firstMs, int maxMs);
    int reconnectAttempts() const { return m_attempt; }
    void dropConnection();  // as a network failure would; the client reconnects by itself

private:
    void setState(ConnectionState state);
    QUrl currentServer() const;
    void connectNow();
    void onOpened();
    void onClosed(int code, const QString &reason);
    void onEvent(const std::string &name, const protocol::json &data);
    void scheduleReconnect();
    void login();
    void syncFrom(std::int64_t cursor);
    void flushPending();
    void transmit(const StoredMessage &pending);
    bool openStore();
    void stored(const protocol::Message &message);
    void applyReceipt(const protocol::Receipt &receipt);
    void flushReceipts();
    void sendReceipt(const std::string &peer, std::int64_t delivered, std::int64_t read);

    QString m_storeDirectory;
    Credentials m_credentials;
    std::unique_ptr<RpcChannel> m_channel;
    std::unique_ptr<LocalStore> m_store;
    std::optional<protocol::LoginResult> m_lastLogin;
    QString m_heldCall;
    ConnectionState m_state = ConnectionState::Offline;
    bool m_wanted = false;
    int m_attempt = 0;
    int m_serverIndex = 0;  // into server + moreServers
    int m_firstBackoffMs = 500;
    int m_maxBackoffMs = 30000;
    QTimer m_reconnectTimer;
    QTimer m_retryTimer;
    std::set<std::string> m_inFlight;  // msgidClients sent and not yet answered
    // Receipts still to send, by peer: the highest msgidServer received and read.
    std::map<std::string, std::int64_t> m_unsentDelivered;
    std::map<std::string, std::int64_t> m_unsentRead;
    std::map<std::string, std::int64_t> m_readSent;  // this session's read marks already sent
    QTimer m_receiptTimer;
};

}  // namespace softphone::im
