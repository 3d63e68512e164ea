#include "net/output_gate.h"

#include "net/client_connection.h"
#include "protocol/close_code.h"
#include "storage/database.h"

#include <QPointer>

namespace softphone::server {

bool OutputGate::hold(ClientConnection &connection, std::vector<std::string> &frames)
{
    if (!m_db.hasUncommittedWrites())
        return false;  // before the frames are moved away
    return holdUntilCommitted(
        [to = QPointer<ClientConnection>(&connection), held = std::move(frames)](bool durable) {
            if (!to)
                return;
            if (durable)
                to->transmit(held);
            else
                to->close(int(protocol::CloseCode::NotStored),
                          QStringLiteral("storage failure; reconnect"));
        });
}

bool OutputGate::holdUntilCommitted(std::function<void(bool durable)> then)
{
    if (!m_db.hasUncommittedWrites())
        return false;
    m_db.afterCommit(std::move(then));
    return true;
}

}  // namespace softphone::server
