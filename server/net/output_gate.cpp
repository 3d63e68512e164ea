#include "net/output_gate.h"

#include "net/client_connection.h"
#include "protocol/close_code.h"
#include "storage/database.h"

#include <QPointer>

namespace softphone::server {

std::uint64_t OutputGate::mark() const
{
    return m_db.writeGroup();
}

bool OutputGate::hold(ClientConnection &connection, std::vector<std::string> &frames,
                      std::uint64_t mark)
{
    if (!m_db.hasUncommittedWrites() && !m_db.failedSince(mark))
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
        },
        mark);
}

bool OutputGate::holdUntilCommitted(std::function<void(bool durable)> then, std::uint64_t mark)
{
    if (m_db.failedSince(mark)) {
        then(false);
        return true;
    }
    if (!m_db.hasUncommittedWrites())
        return false;
    m_db.afterCommit(std::move(then));
    return true;
}

}  // namespace softphone::server
