#pragma once

#include "protocol/frame.h"

#include <QPointer>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace softphone::server {

class ClientConnection;

// Answers one request exactly once. A responder dropped unanswered sends an internal
// error, so no request is ever left without a response.
class Responder
{
public:
    Responder(ClientConnection *connection, std::int64_t id);
    // The response goes to `sink`: a device on another node of a cluster.
    using Sink = std::function<void(const std::string &text)>;
    Responder(Sink sink, std::int64_t id);
    Responder(Responder &&other) noexcept;
    Responder &operator=(Responder &&) = delete;
    Responder(const Responder &) = delete;
    ~Responder();

    template<class T>
    void result(const T &value)
    {
        finish(protocol::encodeResult(m_id, value));
    }
    void error(protocol::ErrorCode code, std::string_view message);
    // Another node answers the request: this one says nothing. Returns the request's id.
    std::int64_t handOff();

private:
    void finish(std::string text);

    QPointer<ClientConnection> m_connection;
    Sink m_sink;
    std::int64_t m_id;
    bool m_done = false;
};

}  // namespace softphone::server
