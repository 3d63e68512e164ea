#pragma once

#include <functional>
#include <string>
#include <vector>

namespace softphone::server {

class ClientConnection;
class Database;

// The server's one durability rule, enforced where its words leave: nothing it says goes out
// before the writes made ahead of it are committed. While a write group is open, every
// response and event waits for that group's commit, in the order it was said; so an
// acknowledgement, an event and a read (which may show rows of the open group) all speak
// only of durable data. A failed commit closes the connections that were to be told about it:
// their clients reconnect and resynchronise with what is really stored. What goes to the other
// nodes of a cluster waits the same way (see ClusterNode).
class OutputGate
{
public:
    explicit OutputGate(Database &db)
        : m_db(db)
    {}

    // True if `frames` were held; they then go out on `connection`, in order, after the commit.
    bool hold(ClientConnection &connection, std::vector<std::string> &frames);
    // True if writes are waiting for their commit: `then` is called after it, with whether it
    // held; false if nothing is waiting (`then` is not called).
    bool holdUntilCommitted(std::function<void(bool durable)> then);

private:
    Database &m_db;
};

}  // namespace softphone::server
