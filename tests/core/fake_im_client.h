#pragma once

// An ImClient with no network: it records what is asked of it and lets a test answer, so the
// call controller can be driven step by step.

#include "im/im_client.h"

#include <deque>

namespace softphone::test {

class FakeImClient : public im::ImClient
{
    Q_OBJECT

public:
    struct Request
    {
        std::string method;
        protocol::json params;
        im::RpcChannel::Callback done;
    };
    struct Sent
    {
        QString to;
        protocol::MsgType type;
        QString attach;
    };

    using im::ImClient::ImClient;

    void start(const im::Credentials &credentials) override { m_account = credentials.account; }
    void stop() override {}
    im::ConnectionState state() const override { return m_state; }
    QString account() const override { return m_account; }
    im::LocalStore *store() override { return nullptr; }

    QString sendMessage(const QString &to, protocol::MsgType type, const QString &,
                        const QString &attach) override
    {
        sent.push_back({to, type, attach});
        return QString::number(sent.size());
    }
    void request(const std::string &method, const protocol::json &params,
                 im::RpcChannel::Callback done) override
    {
        requests.push_back({method, params, std::move(done)});
    }
    void markRead(const QString &peer) override { markedRead.append(peer); }

    // The oldest unanswered request, which must be `method`; removed from the queue.
    Request take(std::string_view method)
    {
        if (requests.empty())
            return {"<none>", {}, {}};
        Request next = std::move(requests.front());
        requests.pop_front();
        if (next.method != method)
            qWarning("expected request %s, got %s", method.data(), next.method.c_str());
        return next;
    }
    bool answer(std::string_view method, const protocol::json &result)
    {
        Request r = take(method);
        if (!r.done)
            return false;
        r.done(im::RpcReply{result, {}});
        return r.method == method;
    }
    bool fail(std::string_view method, int code)
    {
        Request r = take(method);
        if (!r.done)
            return false;
        r.done(im::RpcReply{std::nullopt, {code, "refused"}});
        return r.method == method;
    }
    template<class Event>
    void push(const Event &event)
    {
        emit eventReceived(std::string(Event::kEvent), protocol::toJson(event));
    }
    void setConnection(im::ConnectionState state)
    {
        m_state = state;
        emit stateChanged(state);
    }

    std::deque<Request> requests;
    QStringList markedRead;  // the peers whose messages were read, in order
    std::vector<Sent> sent;

private:
    QString m_account = QStringLiteral("alice");
    im::ConnectionState m_state = im::ConnectionState::Online;
};

}  // namespace softphone::test
