#pragma once

#include "protocol/frame.h"

#include <QPointer>
#include <cstdint>
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

private:
    void finish(std::string text);

    QPointer<ClientConnection> m_connection;
    std::int64_t m_id;
    bool m_done = false;
};

}  // namespace softphone::server
