#include "net/responder.h"

#include "net/client_connection.h"

namespace softphone::server {

using protocol::ErrorCode;

Responder::Responder(ClientConnection *connection, std::int64_t id)
    : m_connection(connection)
    , m_id(id)
{}

Responder::Responder(Sink sink, std::int64_t id)
    : m_sink(std::move(sink))
    , m_id(id)
{}

Responder::Responder(Responder &&other) noexcept
    : m_connection(other.m_connection)
    , m_sink(std::move(other.m_sink))
    , m_id(other.m_id)
    , m_done(other.m_done)
{
    other.m_done = true;
}

Responder::~Responder()
{
    if (!m_done)
        error(ErrorCode::Internal, "the server could not complete the request");
}

void Responder::error(ErrorCode code, std::string_view message)
{
    finish(protocol::encodeError(m_id, code, message));
}

std::int64_t Responder::handOff()
{
    m_done = true;
    return m_id;
}

void Responder::finish(std::string text)
{
    if (m_done)
        return;
    m_done = true;
    if (m_connection)
        m_connection->send(std::move(text));
    else if (m_sink)
        m_sink(text);
}

}  // namespace softphone::server
